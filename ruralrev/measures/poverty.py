"""Poverty headcounts under China's official standards: changes within one standard, and the
population a headcount and an incidence imply (lesson 02; also usable by later lessons).

Every function here keeps the standards apart: a change is only ever computed between two
figures counted under the same standard. All functions are pure (no widgets, no plotting).

    from ruralrev import data
    from ruralrev.measures import poverty
    hc = data.load("headcount")
    poverty.average_annual_change(hc, 2012, 2019, standards=["2010"])
    poverty.annual_reductions(hc, standards=["2010"])
    poverty.implied_denominator(hc["poor_million"], hc["incidence_pct"])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..inputs import InputError, one_of, whole_number

__all__ = ["STANDARDS", "MEASURES", "standard_series", "average_annual_change", "annual_reductions",
           "implied_denominator", "implied_denominator_bounds"]

#: The three official rural poverty standards, oldest first (values of headcount.standard).
STANDARDS = ("1978", "2008", "2010")
#: The measures of data/headcount.csv a change can be computed for.
MEASURES = ("poor_million", "incidence_pct")


def _check_standards(standards) -> list[str]:
    if standards is None:
        return list(STANDARDS)
    if isinstance(standards, str):
        standards = [standards]
    chosen = [one_of(s, STANDARDS, name="Standard") for s in standards]
    if not chosen:
        raise InputError("Standard: choose at least one of 1978, 2008, 2010.")
    return chosen


def standard_series(df: pd.DataFrame, standards=None, *, measure: str = "poor_million",
                    start=None, end=None, years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Rows of `df` (data/headcount.csv) under the given standards with a value for `measure`,
    years from `start` to `end` (inclusive; None = no bound), sorted by standard and year.

    Returns columns standard, year, estimate, value, source_id. `start` and `end` may be text
    typed by a user; they must lie in `years` (default: the table's first and last year);
    bad values raise InputError.
    """
    chosen = _check_standards(standards)
    one_of(measure, MEASURES, name="Measure")
    lo, hi = years if years is not None else (int(df["year"].min()), int(df["year"].max()))
    first = lo if start is None else whole_number(start, name="From year", low=lo, high=hi)
    last = hi if end is None else whole_number(end, name="To year", low=lo, high=hi)
    if first > last:
        raise InputError(f"From year ({first}) must not be after To year ({last}).")
    keep = df["standard"].isin(chosen) & df["year"].between(first, last) & df[measure].notna()
    out = df.loc[keep, ["standard", "year", "estimate", measure, "source_id"]].rename(columns={measure: "value"})
    order = {s: i for i, s in enumerate(STANDARDS)}
    return (out.assign(_order=out["standard"].map(order)).sort_values(["_order", "year"])
            .drop(columns="_order").reset_index(drop=True))


def average_annual_change(df: pd.DataFrame, start, end, *, measure: str = "poor_million",
                          standards=None, years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Average change per year of `measure` from `start` to `end`, within each standard separately.

    For each standard, the first and last years that have a value in the range are used:
    change = last - first, change_per_year = change / (last_year - first_year), and
    reduction_per_year = -change_per_year (positive when the count fell). A standard with a single
    value in the range gets NaN per-year values; a standard with none is left out.

    Returns one row per standard: standard, first_year, last_year, first, last, n, change,
    change_per_year, reduction_per_year, first_estimate and last_estimate (the `estimate` of the
    two end rows: 'official', 'back-cast' or 'low-income line') and source_ids (the ids of all
    rows in the range, sorted, ';'-joined).
    """
    rows = standard_series(df, standards, measure=measure, start=start, end=end, years=years)
    records = []
    for standard in dict.fromkeys(rows["standard"]):   # standards in order, each on its own
        part = rows[rows["standard"] == standard]
        first, last = part.iloc[0], part.iloc[-1]
        span = int(last["year"]) - int(first["year"])
        change = float(last["value"] - first["value"])
        per_year = change / span if span > 0 else float("nan")
        records.append({
            "standard": standard, "first_year": int(first["year"]), "last_year": int(last["year"]),
            "first": float(first["value"]), "last": float(last["value"]), "n": len(part), "change": change,
            "change_per_year": per_year, "reduction_per_year": -per_year,
            "first_estimate": first["estimate"], "last_estimate": last["estimate"],
            "source_ids": ";".join(sorted({i for cell in part["source_id"] for i in cell.split(";")})),
        })
    cols = ["standard", "first_year", "last_year", "first", "last", "n", "change", "change_per_year",
            "reduction_per_year", "first_estimate", "last_estimate", "source_ids"]
    return pd.DataFrame(records, columns=cols)


def annual_reductions(df: pd.DataFrame, *, measure: str = "poor_million", standards=None) -> pd.DataFrame:
    """The fall in `measure` from each observation to the next one under the same standard.

    Returns, for every row except the first of each standard: standard, year, previous_year,
    previous, value, reduction (previous - value; positive when the count fell), years_between and
    reduction_per_year (reduction / years_between: where years are missing, the average over the gap).
    """
    rows = standard_series(df, standards, measure=measure)
    by = rows.groupby("standard", sort=False)
    out = rows.assign(previous_year=by["year"].shift(), previous=by["value"].shift()).dropna(subset=["previous_year"])
    out = out.assign(previous_year=out["previous_year"].astype(int))
    out["reduction"] = out["previous"] - out["value"]
    out["years_between"] = out["year"] - out["previous_year"]
    out["reduction_per_year"] = out["reduction"] / out["years_between"]
    cols = ["standard", "year", "previous_year", "previous", "value", "reduction", "years_between",
            "reduction_per_year"]
    return out[cols].reset_index(drop=True)


def implied_denominator(poor, incidence_pct):
    """The population a headcount is a share of: poor / (incidence_pct / 100).

    Vectorised: scalars, arrays or Series (a Series keeps its index). Where the incidence is zero
    or missing the result is NaN (0 poor out of 0 % says nothing about the population).
    The unit is the headcount's unit (million people in -> million people out).
    """
    poor_a = np.asarray(poor, dtype=float)
    inc = np.asarray(incidence_pct, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(inc > 0, poor_a / (inc / 100.0), np.nan)
    if isinstance(poor, pd.Series):
        return pd.Series(out, index=poor.index, name="implied_denominator")
    if isinstance(incidence_pct, pd.Series):
        return pd.Series(out, index=incidence_pct.index, name="implied_denominator")
    return float(out) if out.ndim == 0 else out


def implied_denominator_bounds(poor, incidence_pct, *, poor_step: float = 0.01, incidence_step: float = 0.1):
    """Lowest and highest denominators consistent with figures rounded to `poor_step` (headcount)
    and `incidence_step` (percentage points): (poor - step/2) / (incidence + step/2) and
    (poor + step/2) / (incidence - step/2), each times 100. Returns (low, high), vectorised like
    `implied_denominator`; high is inf when the incidence could have been zero after rounding."""
    poor_a = np.asarray(poor, dtype=float)
    inc = np.asarray(incidence_pct, dtype=float)
    dp, di = poor_step / 2, incidence_step / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(inc > 0, (poor_a - dp) / ((inc + di) / 100.0), np.nan)
        high = np.where(inc > di, (poor_a + dp) / ((inc - di) / 100.0), np.where(inc > 0, np.inf, np.nan))
    index = poor.index if isinstance(poor, pd.Series) else (
        incidence_pct.index if isinstance(incidence_pct, pd.Series) else None)
    if index is not None:
        return pd.Series(low, index=index, name="low"), pd.Series(high, index=index, name="high")
    if low.ndim == 0:
        return float(low), float(high)
    return low, high
