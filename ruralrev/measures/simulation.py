"""An ILLUSTRATIVE return-to-poverty simulation (lesson 06). It is NOT calibrated to China's data.

Households live near a poverty line. Each year their incomes grow, some are hit by a shock,
and a monitoring-and-support rule may top up the incomes of households judged at risk. The
simulation reports, year by year and with and without the rule, the share of households below
the line and the share that fell back below it after starting above it.

Assumptions (every one is an argument of `simulate`, with its valid range in `LIMITS`):

* Incomes are measured in units of the poverty line (1.0 = exactly on the line). The line is
  fixed in real terms; incomes are real too.
* Year 0: `households` incomes are drawn from a log-normal distribution with median `median`
  (a multiple of the line) and spread `spread` (the standard deviation of log income).
* Each year t = 1 ... `years`, every household's income before support grows by `growth_pct`
  percent; with probability `shock_prob_pct` percent (independently across households and years)
  a shock also cuts it by `shock_size_pct` percent. A shock's loss is permanent: later growth
  starts from the lower income (many real shocks, such as an illness, pass).
* The rule: at the start of year t a household is *monitored* if its income before support at
  the end of year t - 1 was below `threshold` times the line. Each monitored household receives
  a top-up of `support_pct` percent of the line, counted in its income for year t only; the
  top-up does not change its income before support in later years. Identification is complete
  and costless. (The default threshold, 1.5, copies the range set by the State Council Leading
  Group of Poverty Alleviation and Development in its guidance of March 2020: households below
  about 1.5 times the national standard; the other defaults are illustrative choices.)
* The two scenarios share the same random draws ("common random numbers"), so their
  difference is the effect of the rule alone. Draws do not depend on the parameters other than
  `households`, `years` and `seed`.

Calibrating it would need household panel data on incomes near the line (for example the NBS
rural household survey or the registration records of poor households), the frequency and size
of income shocks (illness, disasters, job loss), the actual monitoring line, how completely and
how fast households are identified, the support paid, and official counts of people returning
to poverty. The course has none of these, so the numbers it produces are illustrations of a
mechanism, not estimates.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from ..inputs import InputError, number, whole_number

__all__ = ["DEFAULTS", "LIMITS", "simulate", "simulate_paths", "check_assumptions"]

#: Default assumptions (20,000 households, so that an explorer update stays fast).
DEFAULTS = {
    "households": 20_000, "median": 2.0, "spread": 0.4, "growth_pct": 5.0, "shock_prob_pct": 10.0,
    "shock_size_pct": 30.0, "threshold": 1.5, "support_pct": 30.0, "years": 10, "seed": 2021,
}

#: Label (as named in messages), lowest and highest valid value, and whether the value must be a
#: whole number.
LIMITS = {
    "households": ("Households", 1, 1_000_000, True),
    "median": ("Median income (× line)", 0.2, 5.0, False),
    "spread": ("Spread (sd of log income)", 0.0, 2.0, False),
    "growth_pct": ("Growth (% a year)", -20.0, 20.0, False),
    "shock_prob_pct": ("Shock chance (% a year)", 0.0, 100.0, False),
    "shock_size_pct": ("Shock size (% of income)", 0.0, 100.0, False),
    "threshold": ("Monitor below (× line)", 0.0, 5.0, False),
    "support_pct": ("Support (% of line)", 0.0, 200.0, False),
    "years": ("Years", 1, 50, True),
    "seed": ("Seed", 0, 2**32 - 1, True),
}


def check_assumptions(**values) -> dict:
    """Validate and convert assumptions (numbers or typed text); missing ones take DEFAULTS.

    Raises InputError (one line, naming the control) for an unknown name, a wrong type or a
    value outside LIMITS.
    """
    unknown = sorted(set(values) - set(LIMITS))
    if unknown:
        raise InputError(f"Unknown assumption {unknown[0]!r}; use one of: {', '.join(LIMITS)}.")
    out = {}
    for name, (label, low, high, whole) in LIMITS.items():
        value = values.get(name, DEFAULTS[name])
        if whole:
            out[name] = whole_number(value, name=label, low=low, high=high)
        else:
            out[name] = number(value, name=label, low=low, high=high)
    return out


def _run(a: dict) -> Iterator[tuple[int, np.ndarray, np.ndarray, np.ndarray]]:
    """Yield (year, income before support, income with support, monitored) for year 0 ... years.

    Vectorised over households; the only loop is over years.
    """
    rng = np.random.default_rng(a["seed"])
    n = a["households"]
    market = a["median"] * np.exp(a["spread"] * rng.standard_normal(n))
    yield 0, market, market, np.zeros(n, dtype=bool)
    grow = 1 + a["growth_pct"] / 100
    keep = 1 - a["shock_size_pct"] / 100
    p = a["shock_prob_pct"] / 100
    support = a["support_pct"] / 100
    for year in range(1, a["years"] + 1):
        monitored = market < a["threshold"]          # judged on last year's income before support
        shocked = rng.random(n) < p                   # drawn every year, whatever p is
        market = market * grow * np.where(shocked, keep, 1.0)
        yield year, market, market + support * monitored, monitored


def simulate(**assumptions) -> pd.DataFrame:
    """Run the ILLUSTRATIVE simulation; one row per year (0 = start).

    Columns (percent of households):
      below_without_pct / below_with_pct: below the line, without / with the support rule;
      fell_back_without_pct / fell_back_with_pct: of the households that were above the line
        in year 0, the share below it in this year (0 in year 0 by definition);
      monitored_pct: households monitored (and supported) this year.
    `df.attrs` holds the validated assumptions and the share above the line at the start.
    """
    a = check_assumptions(**assumptions)
    rows, started_above = [], None
    for year, market, with_support, monitored in _run(a):
        if started_above is None:
            started_above = market >= 1.0
            n_above = max(int(started_above.sum()), 1)
        below_without, below_with = market < 1.0, with_support < 1.0
        rows.append((year, 100 * below_without.mean(), 100 * below_with.mean(),
                     100 * (below_without & started_above).sum() / n_above,
                     100 * (below_with & started_above).sum() / n_above,
                     100 * monitored.mean()))
    df = pd.DataFrame(rows, columns=["year", "below_without_pct", "below_with_pct", "fell_back_without_pct",
                                     "fell_back_with_pct", "monitored_pct"])
    df.attrs = {"assumptions": a, "started_above_pct": 100 * float(started_above.mean()), "illustrative": True}
    return df


def simulate_paths(**assumptions) -> dict[str, np.ndarray]:
    """Household-level paths, arrays of shape (years + 1, households): 'market' (income before
    support), 'with_support' and 'monitored'. For small runs and tests; `simulate` summarises
    the same draws without keeping them."""
    a = check_assumptions(**assumptions)
    runs = list(_run(a))
    return {"market": np.stack([r[1] for r in runs]), "with_support": np.stack([r[2] for r in runs]),
            "monitored": np.stack([r[3] for r in runs])}
