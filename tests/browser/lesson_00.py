"""Lesson 00's explorer in the browser: `explorer = Explorer(draw_headcount, ...)` in
notebooks/00-start-here.ipynb (Standard "2010 standard", From year 2011, To year 2020).

The expected sentence is recomputed here with plain pandas from data/headcount.csv, never by
ruralrev or by the lesson's code.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from .helpers import DATA_DIR
from .specs import ExplorerSpec, Step, bad


def counts(standard="2010", start=2011, end=2020) -> pd.DataFrame:
    """The counts the explorer draws: made at the time (never the back-cast), by year."""
    hc = pd.read_csv(DATA_DIR / "headcount.csv", dtype={"standard": str})
    start, end = int(start), int(end)
    return hc[(hc["standard"] == standard) & (hc["year"] >= start) & (hc["year"] <= end)
              & (hc["estimate"] != "back-cast") & hc["poor_million"].notna()].sort_values("year")


def headcount(standard="2010", start=2011, end=2020) -> str:
    rows = counts(standard, start, end)
    first, last = rows.iloc[0], rows.iloc[-1]
    low = int((rows["estimate"] == "low-income line").sum())
    note = f" ({low} at the low-income line, before it became the standard)" if low else ""
    ids = sorted({i for cell in rows["source_id"] for i in cell.split(";")})
    return (f"Under the {standard} standard, {len(rows)} counts from {first['year']} to {last['year']}{note}: "
            f"{first['poor_million']:g} million rural poor in {first['year']} and "
            f"{last['poor_million']:g} million in {last['year']}. Sources: {', '.join(ids)}.")


E = headcount
SPECS = [
    ExplorerSpec(
        id="00-headcount-explorer", notebook="00-start-here.ipynb", index=0,
        initial=partial(E, "2010", 2011, 2020),
        steps=(
            Step("From year", "type", "2015", partial(E, "2010", 2015, 2020)),
            Step("From year", "type", "1978", partial(E, "2010", 1978, 2020)),
            Step("Standard", "select", "1978 standard", partial(E, "1978", 1978, 2020)),
            Step("To year", "type", "2000", partial(E, "1978", 1978, 2000)),
            bad("From year", "twenty"),
            bad("To year", "1800"),
            Step("To year", "type", "2010", partial(E, "1978", 1978, 2010)),
            Step("Standard", "select", "2008 standard", partial(E, "2008", 1978, 2010)),
        ),
    ),
]
