"""Poverty lines: China's national line and the World Bank's international lines (lesson 04).

Pure functions on the tables `headcount` and `pip_headcount` (no widgets, no plotting):

- `national_line(headcount)`: the 2010 standard's line in current yuan, with how well each value
  is supported;
- `pip_series(pip, country=..., level=..., line=..., ppp=..., start=..., end=...)`: one World Bank
  PIP headcount series, checked and sorted by year;
- `segments(series)` and `survey_breaks(series)`: split a series where the survey comparability
  group changes, so that no line is drawn across a survey break;
- `ratio_at(series, year)`, `ppp_gap(...)`, `series_summary(series)`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..inputs import InputError, one_of, whole_number
from ..data import source_ids

#: Absolute lines of the PIP table, poorest first, and how the course names them in sentences.
LINES = {
    "international": "international poverty line",
    "lower-middle income": "lower-middle-income line",
    "upper-middle income": "upper-middle-income line",
    "ten dollars": "ten-dollar line",
}
LEVELS = ["national", "rural", "urban"]
PPP_BASES = [2011, 2017]

#: What a status text says about the *line* value of a headcount row.
_WEAK_LINE = ("line weak", "line approx")


def national_line(headcount: pd.DataFrame) -> pd.DataFrame:
    """China's 2010-standard poverty line by year, in yuan per person per year.

    Returns one row per year from the first to the last year of the 2010 standard, with columns
    year, line_yuan (NaN where no value was found), price_basis, support ('base' for the 2010 value
    at 2010 prices, 'verified', 'weak' where the status calls the line weak or approximate,
    'missing'), growth_pct_since_base (change from the 2010 value, percent) and source_id.
    """
    rows = headcount[(headcount["standard"] == "2010") & (headcount["estimate"] == "official")]
    years = pd.DataFrame({"year": range(int(rows["year"].min()), int(rows["year"].max()) + 1)})
    out = years.merge(rows[["year", "poverty_line_yuan", "line_price_basis", "status", "source_id"]],
                      on="year", how="left")
    base_year = int(rows["year"].min())
    base = out.loc[out["year"] == base_year, "poverty_line_yuan"].iloc[0]
    status = out["status"].fillna("").str.lower()
    weak = status.apply(lambda s: any(w in s for w in _WEAK_LINE))
    support = np.select([out["poverty_line_yuan"].isna(), out["year"] == base_year, weak],
                        ["missing", "base", "weak"], default="verified")
    return pd.DataFrame({
        "year": out["year"],
        "line_yuan": out["poverty_line_yuan"],
        "price_basis": out["line_price_basis"].fillna(""),
        "support": support,
        "growth_pct_since_base": 100 * (out["poverty_line_yuan"] / base - 1),
        "source_id": out["source_id"].where(out["poverty_line_yuan"].notna(), ""),
    })


def annual_growth_pct(first: float, last: float, years: int) -> float:
    """Average (compound) growth in percent a year from `first` to `last` over `years` years."""
    if years <= 0 or first <= 0:
        raise ValueError("annual_growth_pct needs a positive start value and at least one year")
    return 100 * ((last / first) ** (1 / years) - 1)


def _ppp(ppp) -> int:
    """A PPP base year given as 2017 or "2017"; anything else raises InputError."""
    text = str(ppp).strip()
    return int(one_of(int(text) if text.isdigit() and not isinstance(ppp, bool) else ppp, PPP_BASES,
                      name="PPP base"))


def line_usd(pip: pd.DataFrame, line: str, ppp) -> float:
    """The line in PPP dollars a day for a line name and a PPP base year (e.g. 2.15)."""
    one_of(line, LINES, name="Line")
    ppp = _ppp(ppp)
    values = pip.loc[(pip["line"] == line) & (pip["ppp_version"] == ppp), "line_usd_per_day"].unique()
    return float(values[0])


def pip_series(pip: pd.DataFrame, *, country: str, level: str, line: str, ppp, start=None,
               end=None) -> pd.DataFrame:
    """One PIP headcount series: rows for a country, reporting level, line and PPP base year.

    `start` and `end` (possibly text typed by a user) limit the years; by default all years of
    the table. Returns columns year, value (percent of population), survey_comparability,
    welfare_type, line_usd_per_day, source_id, sorted by year. Choices that are not in the table,
    and selections with no data, raise InputError with a one-line message naming the control.
    """
    one_of(country, pip["country"].unique(), name="Country")
    one_of(level, LEVELS, name="Level")
    one_of(line, LINES, name="Line")
    ppp = _ppp(ppp)
    lo, hi = int(pip["year"].min()), int(pip["year"].max())
    first = lo if start is None else whole_number(start, name="From year", low=lo, high=hi)
    last = hi if end is None else whole_number(end, name="To year", low=lo, high=hi)
    if first > last:
        raise InputError(f"From year ({first}) must not be after To year ({last}).")
    rows = pip[(pip["country"] == country) & (pip["reporting_level"] == level)]
    if rows.empty:
        have = ", ".join(lv for lv in LEVELS if lv in set(pip.loc[pip["country"] == country, "reporting_level"]))
        raise InputError(f"Level: the data have no {level} series for {country} (only {have}).")
    rows = rows[(rows["line"] == line) & (rows["ppp_version"] == ppp)]
    span = f"{int(rows['year'].min())}-{int(rows['year'].max())}"
    rows = rows[rows["year"].between(first, last)]
    if rows.empty:
        raise InputError(f"From year / To year: {country} ({level}) has no survey year between {first} "
                         f"and {last}; its years run {span}.")
    out = rows[["year", "headcount_ratio_pct", "survey_comparability", "welfare_type",
                "line_usd_per_day", "source_id"]].rename(columns={"headcount_ratio_pct": "value"})
    return out.sort_values("year").reset_index(drop=True)


def segments(series: pd.DataFrame) -> list[pd.DataFrame]:
    """Split a series (sorted by year) into runs of one survey comparability group and one welfare
    type. A line may join points inside a run, never across runs."""
    if series.empty:
        return []
    key = series[["survey_comparability", "welfare_type"]]
    run = (key != key.shift()).any(axis=1).cumsum()
    return [part.reset_index(drop=True) for _, part in series.groupby(run, sort=True)]


def survey_breaks(series: pd.DataFrame) -> pd.DataFrame:
    """The breaks in a series: one row per change of comparability group or welfare type between
    consecutive observations, with the years and groups either side."""
    parts = segments(series)
    rows = [{"year_before": int(a["year"].iloc[-1]), "year_after": int(b["year"].iloc[0]),
             "group_before": int(a["survey_comparability"].iloc[-1]),
             "group_after": int(b["survey_comparability"].iloc[0]),
             "welfare_before": a["welfare_type"].iloc[-1], "welfare_after": b["welfare_type"].iloc[0]}
            for a, b in zip(parts, parts[1:])]
    return pd.DataFrame(rows, columns=["year_before", "year_after", "group_before", "group_after",
                                       "welfare_before", "welfare_after"])


def ratio_at(series: pd.DataFrame, year) -> float:
    """The headcount ratio of a series in one year; InputError if that year has no survey value."""
    year = whole_number(year, name="Year", low=int(series["year"].min()), high=int(series["year"].max()))
    hit = series.loc[series["year"] == year, "value"]
    if hit.empty:
        raise InputError(f"Year: no survey value in {year}; the years with values are "
                         f"{', '.join(map(str, series['year']))}.")
    return float(hit.iloc[0])


def ppp_gap(pip: pd.DataFrame, *, country: str, level: str, line: str) -> pd.DataFrame:
    """The same surveys under both PPP bases: year, survey_comparability, ratio_2011, ratio_2017
    and difference (2017 minus 2011, percentage points)."""
    a = pip_series(pip, country=country, level=level, line=line, ppp=2011)
    b = pip_series(pip, country=country, level=level, line=line, ppp=2017)
    both = a[["year", "survey_comparability", "value"]].merge(
        b[["year", "value"]], on="year", suffixes=("_2011", "_2017"), validate="one_to_one")
    both = both.rename(columns={"value_2011": "ratio_2011", "value_2017": "ratio_2017"})
    both["difference"] = both["ratio_2017"] - both["ratio_2011"]
    return both


def series_summary(series: pd.DataFrame) -> dict:
    """First and last value, the number of survey breaks, the welfare types in order and the
    source ids of a PIP series."""
    ids = sorted(source_ids(series["source_id"]))
    return {
        "first_year": int(series["year"].iloc[0]), "first": float(series["value"].iloc[0]),
        "last_year": int(series["year"].iloc[-1]), "last": float(series["value"].iloc[-1]),
        "n": len(series), "breaks": len(survey_breaks(series)),
        "welfare": list(dict.fromkeys(series["welfare_type"])),
        "usd": float(series["line_usd_per_day"].iloc[0]), "sources": ids,
    }


def format_pct(value: float) -> str:
    """A headcount ratio as the course prints it: one decimal from 1% up, two decimals below 1%."""
    return f"{value:.1f}%" if value >= 1 else f"{value:.2f}%"
