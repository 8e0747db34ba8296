"""Relative poverty and inequality: median, relative lines, headcount ratio, poverty gap, Gini.

All functions take a 1-D array of incomes (any non-negative numbers; the unit does not matter)
and optional non-negative `weights` (people per observation; None = one person each). They are
vectorised with numpy: the median, the Gini and the Lorenz curve sort once (O(n log n)); the
headcount ratio and the poverty gap are single passes (O(n)).

Conventions, stated once:

* **Gini** is the *population* Gini: twice the area between the line of equality and the
  Lorenz curve, computed after sorting as
  ``G = 1 - sum_i w_i (L_{i-1} + L_i)``, where ``w_i`` is person i's share of the population and
  ``L_i`` the cumulative share of income up to and including person i. With equal weights this
  equals the mean-difference formula ``sum_i sum_j |x_i - x_j| / (2 n^2 mean)``, so
  gini([1, 1, 1, 1]) = 0 and gini([0, 0, 0, 1]) = 0.75. (The "sample" Gini multiplies this by
  n / (n - 1); it is not used here.)
* **Below a line** means strictly below: an income equal to the line is not counted.
* **Median** of an even number of equal-weight incomes is the mean of the two middle ones, as
  numpy's ``np.median``.
* A **relative line** is ``share * median`` with ``0 < share <= 1`` (0.5 = half the median).
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd

from ..inputs import InputError
from ..data import source_ids

__all__ = ["gini", "lorenz", "median", "relative_line", "share_below", "poverty_gap", "quintile_ratio",
           "lognormal_incomes", "fixed_vs_relative", "lognormal_gini", "lognormal_share_below_relative"]


def _prepare(incomes, weights=None) -> tuple[np.ndarray, np.ndarray | None]:
    """Check incomes (and weights) and return them as float arrays; bad input raises InputError."""
    try:
        x = np.asarray(incomes, dtype=float)
    except (TypeError, ValueError):
        raise InputError("incomes must be numbers.") from None
    if x.ndim != 1 or x.size == 0:
        raise InputError("incomes must be a non-empty list or 1-D array of numbers.")
    if not np.isfinite(x).all():
        raise InputError("incomes must be finite numbers (no NaN or infinity).")
    if (x < 0).any():
        raise InputError("incomes must not be negative.")
    if weights is None:
        return x, None
    try:
        w = np.asarray(weights, dtype=float)
    except (TypeError, ValueError):
        raise InputError("weights must be numbers.") from None
    if w.shape != x.shape:
        raise InputError(f"weights must have one value per income ({x.size}), not {w.size}.")
    if not np.isfinite(w).all() or (w < 0).any() or w.sum() <= 0:
        raise InputError("weights must be finite, not negative, and add up to more than 0.")
    return x, w


def lorenz(incomes, weights=None) -> tuple[np.ndarray, np.ndarray]:
    """The Lorenz curve: cumulative population share and cumulative income share, both from 0 to 1.

    Returns two arrays of length n + 1 that start at (0, 0) and end at (1, 1), people sorted from
    the poorest to the richest.
    """
    x, w = _prepare(incomes, weights)
    if w is None:
        x = np.sort(x)
        w = np.ones_like(x)
    else:
        order = np.argsort(x)
        x, w = x[order], w[order]
    total = float(np.dot(w, x))
    if total <= 0:
        raise InputError("total income must be above 0 to draw a Lorenz curve or compute a Gini.")
    people = np.concatenate([[0.0], np.cumsum(w) / w.sum()])
    income = np.concatenate([[0.0], np.cumsum(w * x) / total])
    return people, income


def gini(incomes, weights=None) -> float:
    """Population Gini coefficient (0 = everyone equal, near 1 = one person has everything).

    Twice the area between the line of equality and the Lorenz curve (trapezoids between
    consecutive people after sorting by income). Without weights this is the same as
    ``2 * sum_i i * x_(i) / (n * sum x) - (n + 1) / n`` for incomes sorted ascending,
    x_(1) <= ... <= x_(n), which is what is computed then. O(n log n) (one sort).
    """
    if weights is None:
        x = np.sort(_prepare(incomes)[0])
        n, total = x.size, float(x.sum())
        if total <= 0:
            raise InputError("total income must be above 0 to draw a Lorenz curve or compute a Gini.")
        ranks = np.arange(1, n + 1, dtype=float)
        return float(2.0 * np.dot(ranks, x) / (n * total) - (n + 1) / n)
    people, income = lorenz(incomes, weights)
    width = np.diff(people)
    return float(1.0 - np.sum(width * (income[1:] + income[:-1])))


def median(incomes, weights=None) -> float:
    """The median: half of the people (or of the weight) have less, half more."""
    x, w = _prepare(incomes, weights)
    if w is None:
        return float(np.median(x))
    order = np.argsort(x)
    x, w = x[order], w[order]
    cum = np.cumsum(w) / w.sum()
    k = int(np.searchsorted(cum, 0.5, side="left"))
    if np.isclose(cum[k], 0.5) and k + 1 < x.size:
        return float((x[k] + x[k + 1]) / 2)
    return float(x[k])


def _share(share) -> float:
    if isinstance(share, bool) or not isinstance(share, (int, float, np.integer, np.floating)):
        raise InputError("share must be a number between 0 and 1, e.g. 0.5 for half the median.")
    if not 0 < float(share) <= 1:
        raise InputError(f"share must be above 0 and at most 1 (0.5 = half the median); {share:g} is not.")
    return float(share)


def relative_line(incomes, share, weights=None) -> float:
    """A relative poverty line: `share` (0 < share <= 1) times the median income."""
    return _share(share) * median(incomes, weights)


def _line(line) -> float:
    if isinstance(line, bool) or not isinstance(line, (int, float, np.integer, np.floating)):
        raise InputError("line must be a number.")
    if not np.isfinite(line) or line <= 0:
        raise InputError(f"line must be a positive number; {line} is not.")
    return float(line)


def share_below(incomes, line, weights=None) -> float:
    """Headcount ratio: the share of people (0 to 1) whose income is strictly below `line`."""
    x, w = _prepare(incomes, weights)
    below = x < _line(line)
    if w is None:
        return float(below.mean())
    return float(w[below].sum() / w.sum())


def poverty_gap(incomes, line, weights=None) -> float:
    """Poverty gap index (0 to 1): the average shortfall below `line`, as a share of the line,
    averaged over everyone (people at or above the line count as 0)."""
    x, w = _prepare(incomes, weights)
    z = _line(line)
    gap = np.clip((z - x) / z, 0.0, None)
    return float(np.average(gap, weights=w))


def quintile_ratio(table: pd.DataFrame) -> pd.DataFrame:
    """Ratio of the top fifth's to the bottom fifth's average income, one row per group.

    `table` has the columns of data/income_quintiles.csv (at least year, quintile, income_yuan).
    Groups are the distinct (year, population, survey_basis, income_concept) present, so figures
    from different surveys are never mixed. Returns those columns plus low, high, ratio and
    source_id; a group without both a 'low' and a 'high' row gets ratio NaN.
    """
    missing = {"year", "quintile", "income_yuan"} - set(table.columns)
    if missing:
        raise InputError(f"quintile_ratio needs the columns year, quintile and income_yuan; missing: "
                         f"{', '.join(sorted(missing))}.")
    keys = [c for c in ("year", "population", "survey_basis", "income_concept") if c in table.columns]
    if table.duplicated(keys + ["quintile"]).any():
        raise InputError("quintile_ratio found two rows for the same group and quintile; filter the table first.")
    wide = table.pivot_table(index=keys, columns="quintile", values="income_yuan", aggfunc="first")
    out = pd.DataFrame(index=wide.index)
    out["low"] = wide["low"] if "low" in wide else np.nan
    out["high"] = wide["high"] if "high" in wide else np.nan
    out["ratio"] = out["high"] / out["low"]
    if "source_id" in table.columns:
        ids = table.groupby(keys)["source_id"].agg(lambda s: ";".join(source_ids(s)))
        out["source_id"] = ids
    return out.reset_index().sort_values(keys).reset_index(drop=True)


# -- an illustrative synthetic population ---------------------------------------------------------

def lognormal_incomes(n: int = 20_000, *, median: float = 100.0, sigma: float = 0.9, seed: int = 5) -> np.ndarray:
    """`n` illustrative incomes drawn from a log-normal distribution: log income is normal with
    mean log(`median`) and standard deviation `sigma`; the draw is then rescaled so that its
    median is exactly `median`. Seeded, so the same call gives the same numbers. Not data: a
    stand-in population for teaching."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise InputError("n must be a whole number of people, at least 1.")
    if not (median > 0 and np.isfinite(median)):
        raise InputError("median must be a positive number.")
    if not (sigma > 0 and np.isfinite(sigma)):
        raise InputError("sigma must be a positive number.")
    rng = np.random.default_rng(seed)
    draw = rng.lognormal(mean=np.log(median), sigma=sigma, size=n)
    return draw * (median / np.median(draw))


def fixed_vs_relative(base, *, share: float, growth_pct: float, years: int, fixed_line: float,
                      weights=None) -> pd.DataFrame:
    """Follow a population whose every income grows by `growth_pct` % a year for `years` years.

    For each year 0..years: the median, the relative line (`share` x median), the fixed line
    and the percentage of people below each. Returns columns year, median, relative_line,
    fixed_line, below_relative_pct, below_fixed_pct. Growth is the same for everyone
    (the distribution's shape does not change), which is the simplest assumption, not a forecast.
    """
    x, w = _prepare(base, weights)
    s, z = _share(share), _line(fixed_line)
    if isinstance(years, bool) or not isinstance(years, (int, np.integer)) or not 0 <= years <= 200:
        raise InputError("years must be a whole number from 0 to 200.")
    if (isinstance(growth_pct, bool) or not isinstance(growth_pct, (int, float, np.integer, np.floating))
            or not -50 <= growth_pct <= 50):
        raise InputError("growth_pct must be a number from -50 to 50.")
    factor = (1 + growth_pct / 100) ** np.arange(years + 1)
    rows = []
    for t, k in enumerate(factor):
        incomes = x * k
        m = median(incomes, w)
        line = relative_line(incomes, s, w)
        rows.append((t, m, line, z, 100 * share_below(incomes, line, w), 100 * share_below(incomes, z, w)))
    return pd.DataFrame(rows, columns=["year", "median", "relative_line", "fixed_line",
                                       "below_relative_pct", "below_fixed_pct"])


def lognormal_gini(sigma: float) -> float:
    """Gini of a log-normal distribution with log-standard deviation `sigma`: 2 Phi(sigma / sqrt 2) - 1."""
    return 2 * NormalDist().cdf(sigma / np.sqrt(2)) - 1


def lognormal_share_below_relative(share: float, sigma: float) -> float:
    """Share of a log-normal population below `share` x median: Phi(log(share) / sigma).

    It does not depend on the median, so it does not change when every income grows alike."""
    return NormalDist().cdf(np.log(_share(share)) / sigma)
