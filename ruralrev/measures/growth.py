"""Growth-path calculator for the urban-rural income ratio (lesson 07).

The ratio of urban to rural per-capita disposable income changes each year by the factor
(1 + g_urban) / (1 + g_rural). With constant growth rates, after t years

    ratio_t = ratio_0 * ((1 + g_urban) / (1 + g_rural)) ** t

so the year a target is reached and the rural growth needed by a target year have closed
forms (logarithms and roots). Everything here is illustrative: real growth rates are not
constant. Rates are fractions (0.063 = 6.3 % a year) in the pure functions and percentages
in `calculate`, which takes what a user types.

The functions are vectorised: ratios, rates, targets and years may be NumPy arrays that
broadcast against each other; scalar arguments give a NumPy scalar.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..inputs import InputError, number, whole_number
from ..data import source_ids

__all__ = ["MAX_YEAR", "GROWTH_LIMIT_PCT", "RATE_KIND", "latest_ratio", "observed_ratio", "average_growth",
           "default_growth", "ratio_path", "project_year_by_year", "years_to_target", "year_reached",
           "rural_growth_needed", "calculate", "sentence", "ids_of"]

#: the last year a projection may run to (and the last target year a user may pick)
MAX_YEAR = 2100
#: growth rates a user may type, in percent a year (from -50 to 50)
GROWTH_LIMIT_PCT = 50.0
#: what the rates are: the income series are in current prices, so their growth rates are nominal
RATE_KIND = "nominal"

URBAN, RURAL, RATIO = "urban_disposable_income", "rural_disposable_income", "urban_rural_ratio"
# the tolerance under which a fractional number of years counts as a whole number (rounding noise)
_EPS = 1e-9


def ids_of(cells) -> list[str]:
    """Sorted, distinct source ids from cells such as 'a;b'."""
    return sorted(source_ids(list(cells)))


def _integrated(income: pd.DataFrame, indicator: str) -> pd.DataFrame:
    rows = income[(income["indicator"] == indicator) & (income["survey_basis"] == "integrated")]
    if rows.empty:
        raise ValueError(f"income has no integrated-survey rows of {indicator!r}")
    return rows.sort_values("year")


def latest_ratio(income: pd.DataFrame) -> dict:
    """The latest urban-rural income ratio on the integrated survey: year, ratio, source ids."""
    row = _integrated(income, RATIO).iloc[-1]
    return {"year": int(row["year"]), "ratio": float(row["value"]), "source_ids": ids_of([row["source_id"]])}


def observed_ratio(income: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The observed ratio as two series that must not be joined: the old surveys (urban disposable
    income over rural NET income, to 2014) and the integrated survey (from 2014). Each frame has
    columns year, value, source_id."""
    out = {}
    for label, basis in (("old surveys (to 2014)", "old_survey"), ("integrated survey (from 2014)", "integrated")):
        rows = income[(income["indicator"] == RATIO) & (income["survey_basis"] == basis)]
        out[label] = rows[["year", "value", "source_id"]].sort_values("year").reset_index(drop=True)
    return out


def average_growth(income: pd.DataFrame, indicator: str, start: int, end: int) -> dict:
    """Average annual (compound) growth of an integrated-survey income series from `start` to `end`:
    (value_end / value_start) ** (1 / (end - start)) - 1, as a fraction. Current prices, so nominal."""
    rows = _integrated(income, indicator).set_index("year")
    for year in (start, end):
        if year not in rows.index:
            raise ValueError(f"no integrated-survey value of {indicator} in {year}")
    if end <= start:
        raise ValueError(f"end ({end}) must be after start ({start})")
    first, last = float(rows.loc[start, "value"]), float(rows.loc[end, "value"])
    return {"indicator": indicator, "start": start, "end": end, "first": first, "last": last,
            "rate": (last / first) ** (1 / (end - start)) - 1,
            "source_ids": ids_of(rows.loc[[start, end], "source_id"])}


def default_growth(income: pd.DataFrame, start: int = 2015, end: int | None = None) -> dict:
    """The calculator's default rates: average annual nominal growth of urban and of rural
    disposable income (integrated survey) from `start` to `end` (default: the latest year)."""
    if end is None:
        end = latest_ratio(income)["year"]
    urban = average_growth(income, URBAN, start, end)
    rural = average_growth(income, RURAL, start, end)
    return {"start": start, "end": end, "urban": urban["rate"], "rural": rural["rate"],
            "source_ids": ids_of(urban["source_ids"] + rural["source_ids"])}


def _check_rates(*rates) -> None:
    for g in rates:
        if np.any(np.asarray(g, dtype=float) <= -1):
            raise ValueError("a growth rate must be above -1 (-100 %): incomes cannot fall to zero or below")


def _check_positive(name: str, x) -> None:
    if np.any(~(np.asarray(x, dtype=float) > 0)):
        raise ValueError(f"{name} must be positive")


def ratio_path(ratio0, g_urban, g_rural, t):
    """Closed form: the ratio after `t` years of constant growth (vectorised over every argument)."""
    _check_rates(g_urban, g_rural)
    _check_positive("ratio0", ratio0)
    factor = (1 + np.asarray(g_urban, dtype=float)) / (1 + np.asarray(g_rural, dtype=float))
    return (np.asarray(ratio0, dtype=float) * factor ** np.asarray(t, dtype=float))[()]


def project_year_by_year(ratio0: float, g_urban: float, g_rural: float, base_year: int,
                         end_year: int) -> pd.DataFrame:
    """Step-by-step projection, one year at a time, without the closed form: urban and rural
    income as indices (rural = 1 and urban = ratio0 in `base_year`), each multiplied by its
    own growth factor every year; the ratio is urban / rural. Columns year, urban_index,
    rural_index, ratio."""
    _check_rates(g_urban, g_rural)
    _check_positive("ratio0", ratio0)
    if end_year < base_year:
        raise ValueError(f"end_year ({end_year}) must not be before base_year ({base_year})")
    rows, urban, rural = [], float(ratio0), 1.0
    for year in range(base_year, end_year + 1):
        rows.append((year, urban, rural, urban / rural))
        urban *= 1 + g_urban
        rural *= 1 + g_rural
    return pd.DataFrame(rows, columns=["year", "urban_index", "rural_index", "ratio"])


def years_to_target(ratio0, g_urban, g_rural, target):
    """Years until the ratio is at or below `target` (vectorised), from
    t = ln(target / ratio0) / ln((1 + g_urban) / (1 + g_rural)).

    0 where the ratio is already at or below the target; `inf` ("never") where it is above the
    target and rural growth does not exceed urban growth (the ratio then stays or rises).
    The result may be fractional: the target is passed during year ceil(t)."""
    _check_rates(g_urban, g_rural)
    _check_positive("ratio0", ratio0)
    _check_positive("target", target)
    ratio0, target = np.asarray(ratio0, dtype=float), np.asarray(target, dtype=float)
    log_factor = np.log1p(np.asarray(g_urban, dtype=float)) - np.log1p(np.asarray(g_rural, dtype=float))
    already = ratio0 <= target
    falling = log_factor < 0
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.log(target / ratio0) / log_factor
    return np.where(already, 0.0, np.where(falling, t, np.inf))[()]


def year_reached(ratio0, g_urban, g_rural, target, base_year):
    """The first whole year in which the projected ratio is at or below `target` (vectorised):
    base_year + ceil(t). A float array, `inf` where the target is never reached."""
    t = years_to_target(ratio0, g_urban, g_rural, target)
    with np.errstate(invalid="ignore"):
        whole = np.where(np.isfinite(t), np.ceil(t - _EPS), np.inf)
    return (np.asarray(base_year, dtype=float) + np.maximum(whole, 0.0))[()]


def rural_growth_needed(ratio0, g_urban, target, years):
    """The constant rural growth rate (fraction) that brings the ratio from `ratio0` to `target`
    in `years` years, given urban growth (vectorised):
    g_rural = (1 + g_urban) * (ratio0 / target) ** (1 / years) - 1."""
    _check_rates(g_urban)
    _check_positive("ratio0", ratio0)
    _check_positive("target", target)
    _check_positive("years", years)
    ratio0, target, years = (np.asarray(x, dtype=float) for x in (ratio0, target, years))
    return ((1 + np.asarray(g_urban, dtype=float)) * (ratio0 / target) ** (1 / years) - 1)[()]


def _whole_or_none(text) -> int | None:
    """`text` as a whole number, or None (used to word the message for a year in the past)."""
    try:
        return whole_number(text, name="year", low=-10**6, high=10**6)
    except InputError:
        return None


def calculate(income: pd.DataFrame, urban_growth, rural_growth, target_ratio, target_year) -> dict:
    """What the calculator shows, from what a user typed (growth in percent a year).

    Bad input raises InputError with a one-line message: rates outside -50..50 %, a target
    ratio below 1 or above the latest observed ratio, a target year not after the latest year
    with data or after MAX_YEAR. Returns the inputs (rates as fractions), the starting point,
    (a) the years and the year the target is reached, (b) the rural growth needed by the target
    year, and two projected paths (frames with columns year, value)."""
    start = latest_ratio(income)
    base, ratio0 = start["year"], start["ratio"]
    g_u = number(urban_growth, name="Urban growth %", low=-GROWTH_LIMIT_PCT, high=GROWTH_LIMIT_PCT) / 100
    g_r = number(rural_growth, name="Rural growth %", low=-GROWTH_LIMIT_PCT, high=GROWTH_LIMIT_PCT) / 100
    target = number(target_ratio, name="Target ratio", low=1, high=ratio0)
    try:
        year = whole_number(target_year, name="Target year", low=base + 1, high=MAX_YEAR)
    except InputError:
        past = _whole_or_none(target_year)
        if past is not None and past <= base:
            raise InputError(f"Target year must be after {base}, the latest year with data; {past} is in the past.") \
                from None
        raise
    t = float(years_to_target(ratio0, g_u, g_r, target))
    reached = float(year_reached(ratio0, g_u, g_r, target, base))
    needed = float(rural_growth_needed(ratio0, g_u, target, year - base))
    horizon = int(min(max(year, reached if math.isfinite(reached) else year), MAX_YEAR))
    years = np.arange(base, horizon + 1)
    path = pd.DataFrame({"year": years, "value": ratio_path(ratio0, g_u, g_r, years - base)})
    needed_years = np.arange(base, year + 1)
    needed_path = pd.DataFrame({"year": needed_years,
                                "value": ratio_path(ratio0, g_u, needed, needed_years - base)})
    return {"base_year": base, "ratio0": ratio0, "source_ids": start["source_ids"], "g_urban": g_u,
            "g_rural": g_r, "target": target, "target_year": year, "years_to_target": t,
            "year_reached": reached, "rural_needed": needed, "path": path, "needed_path": needed_path}


def _ratio_text(x: float) -> str:
    """A ratio with two decimals, or three when a third is not zero (2 -> '2.00', 1.995 -> '1.995')."""
    text = f"{x:.3f}"
    return text[:-1] if text.endswith("0") else text


def _pct_text(rate: float) -> str:
    """A rate (fraction) as percent with two to four decimals (0.0633 -> '6.33', 0.060001 -> '6.0001')."""
    text = f"{100 * rate:.4f}"
    while text.endswith("0") and len(text.split(".")[1]) > 2:
        text = text[:-1]
    return text


def sentence(result: dict) -> str:
    """One deterministic sentence summarising a `calculate` result (the explorer's summary).

    Ratios show two decimals (three when the third is not zero), the typed rates two to four
    decimals, the rural growth needed two decimals."""
    r = result
    target, base = _ratio_text(r["target"]), r["base_year"]
    if r["years_to_target"] == 0:
        part_a = f"the ratio is already at or below {target} in {base}"
    elif math.isinf(r["year_reached"]):
        part_a = f"the ratio never falls to {target}, because rural growth does not exceed urban growth"
    elif r["year_reached"] > MAX_YEAR:
        part_a = f"the ratio does not fall to {target} before {MAX_YEAR}"
    else:
        part_a = f"the ratio falls to {target} in {int(r['year_reached'])}"
    return (f"Urban growth {_pct_text(r['g_urban'])}% and rural growth {_pct_text(r['g_rural'])}% a year "
            f"({RATE_KIND}, held constant) from the {base} urban-rural income ratio of "
            f"{_ratio_text(r['ratio0'])}: {part_a}; to reach {target} by {r['target_year']}, rural income "
            f"must grow {100 * r['rural_needed']:.2f}% a year. Illustrative projection. "
            f"Sources: {', '.join(r['source_ids'])}.")
