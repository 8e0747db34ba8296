"""The statistics of 2012-2020 (lesson 03): one indicator, for one region, over a range of years.

An *indicator* (rural poor, poverty incidence, poor counties exited, rural income, poor-area
income share) is read from a course table for a *region* where the table has it: the national
2010-standard series, the east / central / west regions, or the poor areas. All functions are
pure (no widgets, no plotting); bad input raises InputError with a one-line message.

    from ruralrev import data
    from ruralrev.measures import statistics as st
    frames = st.load_frames(data.load)
    rows = st.indicator_series(frames, "rural_poor", "west", 2012, 2019)
    st.summary_sentence("rural_poor", "west", rows)
"""

from __future__ import annotations

import pandas as pd

from ..inputs import InputError, one_of, whole_number
from . import change_summary

__all__ = ["YEARS", "INDICATORS", "REGIONS", "TABLES", "load_frames", "regions_for", "indicator_series",
           "indicator_summary", "summary_sentence"]

#: Years the explorer accepts: the period of targeted poverty alleviation and its end.
YEARS = (2012, 2020)

#: Readable names of the regions (keys are used in code and tests).
REGIONS = {"national": "National", "east": "East", "central": "Central", "west": "West",
           "poor_areas": "Poor areas"}

_HEADCOUNT_2010 = {"standard": "2010", "estimate": "official"}

#: indicator -> label, unit, kind ('level', the default, or 'flow': a count per year that is summed)
#: and, for each region where the data has it, (table, filters, column).
INDICATORS = {
    "rural_poor": {
        "label": "Rural poor", "unit": "million people",
        "regions": {
            "national": ("headcount", _HEADCOUNT_2010, "poor_million"),
            "east": ("regions", {"region": "east"}, "rural_poor_million"),
            "central": ("regions", {"region": "central"}, "rural_poor_million"),
            "west": ("regions", {"region": "west"}, "rural_poor_million"),
        },
    },
    "incidence": {
        "label": "Poverty incidence", "unit": "percent of rural population",
        "regions": {
            "national": ("headcount", _HEADCOUNT_2010, "incidence_pct"),
            "west": ("regions", {"region": "west"}, "incidence_pct"),
        },
    },
    "counties_exited": {
        "label": "Poor counties exited", "unit": "counties a year", "kind": "flow",
        "regions": {"national": ("county_exits", {}, "counties_exited")},
    },
    "rural_income": {
        "label": "Rural income per person", "unit": "yuan a year, current prices",
        "regions": {
            "national": ("income", {"indicator": "rural_disposable_income", "survey_basis": "integrated"}, "value"),
            "poor_areas": ("income", {"indicator": "poor_area_rural_income"}, "value"),
        },
    },
    "poor_area_income_share": {
        "label": "Poor-area income as share of national rural income", "unit": "percent",
        "regions": {"poor_areas": ("income", {"indicator": "poor_area_income_share"}, "value")},
    },
}

#: The course tables the indicators are read from.
TABLES = sorted({table for ind in INDICATORS.values() for table, _, _ in ind["regions"].values()})


def load_frames(loader) -> dict[str, pd.DataFrame]:
    """The tables the indicators need, loaded with `loader` (normally ruralrev.data.load)."""
    return {name: loader(name) for name in TABLES}


def regions_for(indicator: str) -> list[str]:
    """Region keys where `indicator` has data, in a fixed order."""
    one_of(indicator, INDICATORS, name="Indicator")
    return list(INDICATORS[indicator]["regions"])


def indicator_series(frames: dict[str, pd.DataFrame], indicator: str, region: str, start, end) -> pd.DataFrame:
    """Rows of `indicator` for `region`, years `start` to `end` (text typed by a user is fine).

    Returns columns year, value, status, source_id sorted by year. Raises InputError when the
    indicator or region is unknown, a year is not a whole number in YEARS, the years are
    reversed, or there is no value in the range."""
    one_of(indicator, INDICATORS, name="Indicator")
    options = INDICATORS[indicator]["regions"]
    if region not in options:
        shown = ", ".join(REGIONS[r] for r in options)
        raise InputError(f"Region: {INDICATORS[indicator]['label']} is available for {shown} only.")
    first = whole_number(start, name="From year", low=YEARS[0], high=YEARS[1])
    last = whole_number(end, name="To year", low=YEARS[0], high=YEARS[1])
    if first > last:
        raise InputError(f"From year ({first}) must not be after To year ({last}).")
    table, filters, column = options[region]
    df = frames[table]
    keep = df["year"].between(first, last) & df[column].notna()
    for col, value in filters.items():
        keep &= df[col].astype(str) == value
    rows = df.loc[keep, ["year", column, "status", "source_id"]].rename(columns={column: "value"})
    if rows.empty:
        raise InputError(f"No values of {INDICATORS[indicator]['label'].lower()} for {REGIONS[region]} "
                         f"from {first} to {last}: widen the years.")
    return rows.sort_values("year").reset_index(drop=True)


def indicator_summary(rows: pd.DataFrame) -> dict:
    """change_summary of the rows plus their total, the year of the largest value, the years whose
    value is derived and the sorted source ids."""
    out = change_summary(rows["year"], rows["value"])
    out["total"] = float(rows["value"].sum())
    peak = rows.loc[rows["value"].idxmax()]
    out["peak_year"], out["peak"] = int(peak["year"]), float(peak["value"])
    out["derived_years"] = [int(y) for y in rows.loc[rows["status"].str.startswith("derived"), "year"]]
    out["source_ids"] = sorted({i for cell in rows["source_id"] for i in cell.split(";")})
    return out


def _fmt(x: float) -> str:
    """At most two decimals, no trailing zeros, no thousands separator (12588, 50.86, -6.8)."""
    text = f"{x + 0.0:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def summary_sentence(indicator: str, region: str, rows: pd.DataFrame) -> str:
    """One deterministic sentence describing the rows, computable from data/ alone, e.g.
    'Rural poor (million people), West, 2012-2019: 50.86 -> 3.23 (change -47.63, average -6.8 a year;
    5 values; derived: 2017). Sources: a, b.' For a flow (counties exited a year) it gives the
    total and the largest year instead: '... 2016-2020: total 832 (5 values; most in 2019: 344).'"""
    s = indicator_summary(rows)
    ind = INDICATORS[indicator]
    years = str(s["first_year"]) if s["n"] == 1 else f"{s['first_year']}-{s['last_year']}"
    head = f"{ind['label']} ({ind['unit']}), {REGIONS[region]}, {years}: "
    if ind.get("kind") == "flow":
        body = f"total {_fmt(s['total'])} ({s['n']} values; most in {s['peak_year']}: {_fmt(s['peak'])}"
    elif s["n"] == 1:
        body = f"{_fmt(s['first'])} (one value"
    else:
        body = (f"{_fmt(s['first'])} -> {_fmt(s['last'])} (change {_fmt(s['change'])}, "
                f"average {_fmt(s['change_per_year'])} a year; {s['n']} values")
    if s["derived_years"]:
        body += "; derived: " + ", ".join(map(str, s["derived_years"]))
    return f"{head}{body}). Sources: {', '.join(s['source_ids'])}."
