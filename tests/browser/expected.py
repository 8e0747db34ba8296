"""Expected summaries of the lesson 04-07 explorers, recomputed from data/*.csv (or, for the
illustrative lessons 05 and 06, from the documented seeded recipe) with plain pandas/numpy.

(Lessons 00-03 keep their expected summaries in `lesson_NN.py`.) Deliberately independent of
`ruralrev` (the code under test): each function is a port of the
`expected_summary` of that lesson's unit tests or of the documented algorithm, so a bug in an
explorer or in `ruralrev.measures` cannot produce its own "expected" text. Arguments are what the
controls show (typed text or slider readouts, converted here).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from .helpers import DATA_DIR


#: how each table is read (text columns that pandas would otherwise guess as numbers)
_READ = {"milestones": {"dtype": {"date": str}}, "headcount": {"dtype": {"standard": str}},
         "income": {"dtype": {"source_id": str}}}


@cache
def _csv(name: str, text: bool = False) -> pd.DataFrame:
    """data/<name>.csv; `text=True`: every column as text, no NA guessing."""
    if text:
        return pd.read_csv(DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)
    return pd.read_csv(DATA_DIR / f"{name}.csv", **_READ.get(name, {}))


def _ids(cells) -> str:
    return ", ".join(sorted({i for cell in cells for i in str(cell).split(";") if i}))


# -- 04 poverty lines ----------------------------------------------------------------------------

LINE_NAMES = {"international": "international poverty line", "lower-middle income": "lower-middle-income line",
              "upper-middle income": "upper-middle-income line", "ten dollars": "ten-dollar line"}


def _usd(v: float) -> str:
    return f"${v:.0f}" if float(v).is_integer() else f"${v:.2f}"


def line_option(line: str) -> str:
    """The Line dropdown's label, e.g. 'international ($1.90 / $2.15)'."""
    pip = _csv("pip_headcount")
    dollars = [pip.loc[(pip["line"] == line) & (pip["ppp_version"] == b), "line_usd_per_day"].iloc[0]
               for b in (2011, 2017)]
    return f"{line} ({_usd(dollars[0])} / {_usd(dollars[1])})"


def lines(country="China", level="rural", line="international", ppp=2017, start=None, end=None) -> str:
    raw = _csv("pip_headcount")
    s = raw[(raw["country"] == country) & (raw["reporting_level"] == level) & (raw["line"] == line)
            & (raw["ppp_version"] == int(ppp))]
    if start is not None:
        s = s[s["year"].between(int(start), int(end))]
    s = s.sort_values("year", kind="stable").reset_index(drop=True)
    pct = lambda v: f"{v:.1f}%" if v >= 1 else f"{v:.2f}%"  # noqa: E731
    key = s["survey_comparability"].astype(str) + s["welfare_type"]
    k = int((key != key.shift()).sum() - 1)
    r = s["headcount_ratio_pct"]
    if len(s) == 1:
        values = f"{pct(r.iloc[0])} in {s['year'].iloc[0]} (one survey year)"
    else:
        values = f"{pct(r.iloc[0])} in {s['year'].iloc[0]} → {pct(r.iloc[-1])} in {s['year'].iloc[-1]}"
    breaks = "no survey break" if k == 0 else f"{k} survey break" + ("s" if k > 1 else "")
    welfare = ", then ".join(dict.fromkeys(s["welfare_type"]))
    return (f"{country}, {level}, {int(ppp)} PPP, {_usd(s['line_usd_per_day'].iloc[0])} a day ({LINE_NAMES[line]}): "
            f"{values}; {breaks} in range; welfare measured by {welfare}. Sources: {_ids(s['source_id'])}.")


# -- 05 relative line (synthetic, seeded) ---------------------------------------------------------

@cache
def _relative_base() -> np.ndarray:
    raw = np.random.default_rng(5).lognormal(np.log(100), 0.9, 20_000)
    return raw * 100 / np.median(raw)


def relative(share=50, growth=6.0, year=10, fixed=50.0) -> str:
    share, growth, year, fixed = int(share), float(growth), int(year), float(fixed)

    def at(t):
        x = _relative_base() * (1 + growth / 100) ** t
        line = share / 100 * np.median(x)
        return np.median(x), line, 100 * np.mean(x < line), 100 * np.mean(x < fixed)

    m, line, below_rel, below_fix = at(year)
    _, _, rel0, fix0 = at(0)
    return (f"Illustrative log-normal incomes (median 100 in year 0, sigma 0.9, 20,000 people, seed 5) "
            f"growing {growth:g}% a year: in year {year} the median is {m:.1f}; {below_rel:.1f}% are below "
            f"{share}% of the median ({line:.1f}), against {rel0:.1f}% in year 0; {below_fix:.1f}% are below "
            f"the fixed line of {fixed:g}, against {fix0:.1f}% in year 0.")


# -- 06 return-to-poverty simulation (synthetic, seeded) ---------------------------------------------

SIM_DEFAULTS = {"households": 20_000, "median": 2.0, "spread": 0.4, "growth_pct": 5.0, "shock_prob_pct": 10.0,
                "shock_size_pct": 30.0, "threshold": 1.5, "support_pct": 30.0, "years": 10, "seed": 2021}


def simulation(**changed) -> str:
    """The documented algorithm: year-0 incomes median*exp(spread*N(0,1)) from default_rng(seed); each
    year monitored = last year's income before support < threshold, shock = rng.random(n) < p, income
    grows and shocked ones lose shock_size; support (share of the line) counts in that year only."""
    a = {**SIM_DEFAULTS, **changed}
    n, years = int(a["households"]), int(a["years"])
    rng = np.random.default_rng(int(a["seed"]))
    market = float(a["median"]) * np.exp(float(a["spread"]) * rng.standard_normal(n))
    above = market >= 1.0
    monitored = np.zeros(n, dtype=bool)
    with_support = market
    for _ in range(years):
        monitored = market < float(a["threshold"])
        shocked = rng.random(n) < float(a["shock_prob_pct"]) / 100
        market = market * (1 + float(a["growth_pct"]) / 100) * np.where(shocked, 1 - float(a["shock_size_pct"]) / 100, 1.0)
        with_support = market + float(a["support_pct"]) / 100 * monitored
    n_above = max(int(above.sum()), 1)
    without = 100 * ((market < 1.0) & above).sum() / n_above
    with_ = 100 * ((with_support < 1.0) & above).sum() / n_above
    return (f"ILLUSTRATIVE simulation, not calibrated to China's data ({n:,} households, seed {int(a['seed'])}): "
            f"in year {years}, {without:.1f}% of the households that started above the line are below it without "
            f"the support rule and {with_:.1f}% with it (monitoring below {float(a['threshold']):g} x line, support "
            f"{float(a['support_pct']):g}% of line, {100 * monitored.mean():.1f}% of households monitored that year).")


# -- 07 growth path ---------------------------------------------------------------------------------

def _integrated(indicator: str) -> pd.DataFrame:
    inc = _csv("income")
    return inc[(inc["indicator"] == indicator) & (inc["survey_basis"] == "integrated")].sort_values("year")


def growth_defaults(start: int = 2015) -> tuple[str, str]:
    """The Urban / Rural growth boxes' defaults: compound average growth from `start` to the latest ratio year."""
    end = int(_integrated("urban_rural_ratio")["year"].iloc[-1])
    out = []
    for ind in ("urban_disposable_income", "rural_disposable_income"):
        v = _integrated(ind).set_index("year")["value"]
        out.append(f"{100 * ((v[end] / v[start]) ** (1 / (end - start)) - 1):.2f}")
    return out[0], out[1]


def _ratio_text(x: float) -> str:
    text = f"{x:.3f}"
    return text[:-1] if text.endswith("0") else text


def _pct_text(rate: float) -> str:
    text = f"{100 * rate:.4f}"
    while text.endswith("0") and len(text.split(".")[1]) > 2:
        text = text[:-1]
    return text


def growth(urban=None, rural=None, target="2", year="2035") -> str:
    du, dr = growth_defaults()
    g_u = float(du if urban is None else urban) / 100
    g_r = float(dr if rural is None else rural) / 100
    target, year = float(target), int(year)
    row = _integrated("urban_rural_ratio").iloc[-1]
    base, ratio0 = int(row["year"]), float(row["value"])
    t_text = _ratio_text(target)
    if ratio0 <= target:
        part_a = f"the ratio is already at or below {t_text} in {base}"
    elif (1 + g_u) / (1 + g_r) >= 1:
        part_a = f"the ratio never falls to {t_text}, because rural growth does not exceed urban growth"
    else:
        # year by year, no closed form: the first year at or below the target
        urban_i, rural_i, reached = ratio0, 1.0, base
        while urban_i / rural_i > target * (1 + 1e-12) and reached <= 2100:
            urban_i, rural_i, reached = urban_i * (1 + g_u), rural_i * (1 + g_r), reached + 1
        part_a = (f"the ratio does not fall to {t_text} before 2100" if reached > 2100
                  else f"the ratio falls to {t_text} in {reached}")
    needed = (1 + g_u) * (ratio0 / target) ** (1 / (year - base)) - 1
    return (f"Urban growth {_pct_text(g_u)}% and rural growth {_pct_text(g_r)}% a year (nominal, held constant) "
            f"from the {base} urban-rural income ratio of {_ratio_text(ratio0)}: {part_a}; to reach {t_text} by "
            f"{year}, rural income must grow {100 * needed:.2f}% a year. Illustrative projection. "
            f"Sources: {_ids([row['source_id']])}.")
