"""Pure, vectorised computations used by the lessons and explorers (no widgets, no plotting)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..inputs import InputError, one_of, whole_number

# How each table is read as time series: the columns that name a series and the measures.
SERIES_VIEWS = {
    "headcount": (["standard", "estimate"], ["poor_million", "incidence_pct", "poverty_line_yuan"]),
    "regions": (["region"], ["rural_poor_million", "incidence_pct"]),
    "income": (["indicator", "survey_basis"], ["value"]),
    "gini": ([], ["gini"]),
    "county_exits": ([], ["counties_exited", "cumulative_exited", "remaining_of_832"]),
    "pip_headcount": (["country", "reporting_level", "welfare_type", "ppp_version", "line"], ["headcount_ratio_pct"]),
    "population": ([], ["total_million", "urban_million", "rural_million", "urbanization_pct"]),
}


def series_labels(df: pd.DataFrame, keys: list[str]) -> pd.Series:
    """A readable label per row naming its series, e.g. '2010 · official' ('all rows' without keys)."""
    if not keys:
        return pd.Series("all rows", index=df.index)
    return df[keys].astype(str).agg(" · ".join, axis=1)


def select_series(df: pd.DataFrame, keys: list[str], label: str, measure: str,
                  start, end) -> pd.DataFrame:
    """Rows of one series with a value for `measure`, years from `start` to `end`.

    Returns a frame with columns year, value, source_id (and unit, where the table has a
    unit column), sorted by year. `start` and
    `end` may be text typed by a user; bad values raise InputError.
    """
    one_of(measure, [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c]) and c != "year"],
           name="Measure")
    labels = series_labels(df, keys)
    one_of(label, labels.unique(), name="Series")
    lo, hi = int(df["year"].min()), int(df["year"].max())
    first = whole_number(start, name="From year", low=lo, high=hi)
    last = whole_number(end, name="To year", low=lo, high=hi)
    if first > last:
        raise InputError(f"From year ({first}) must not be after To year ({last}).")
    rows = df[(labels == label) & df["year"].between(first, last) & df[measure].notna()]
    if rows.empty:
        raise InputError(f"No values of {measure} for {label} between {first} and {last}: widen the years.")
    cols = ["year", measure, "source_id"] + (["unit"] if "unit" in df else [])
    out = rows[cols].rename(columns={measure: "value"})
    return out.sort_values("year").reset_index(drop=True)


def change_summary(years, values) -> dict:
    """First and last observation, absolute change and average change per year."""
    years, values = np.asarray(years, dtype=float), np.asarray(values, dtype=float)
    if years.size == 0:
        raise ValueError("change_summary needs at least one observation")
    span = years[-1] - years[0]
    change = values[-1] - values[0]
    return {
        "first_year": int(years[0]), "last_year": int(years[-1]),
        "first": float(values[0]), "last": float(values[-1]), "n": int(years.size),
        "change": float(change),
        "change_per_year": float(change / span) if span else float("nan"),
    }


def years_covered(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """For each table with a year column: first and last year, number of distinct years, rows,
    and the sorted distinct years themselves (`year_list`)."""
    rows = [{"table": name, "first_year": int(df["year"].min()), "last_year": int(df["year"].max()),
             "years": int(df["year"].nunique()), "rows": len(df),
             "year_list": sorted(int(y) for y in df["year"].unique())}
            for name, df in frames.items() if "year" in df]
    return pd.DataFrame(rows).sort_values(["first_year", "table"]).reset_index(drop=True)
