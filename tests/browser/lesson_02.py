"""Lesson 02's explorer in the browser: `explorer = Explorer(draw_headcount, ...)` in
notebooks/02-historical-logic.ipynb (standard 2010, From year 2012, To year 2019).

The expected sentence is recomputed here with plain pandas from data/*.csv, never by ruralrev or
by the lesson's code.
"""

from __future__ import annotations

from functools import cache, partial

import pandas as pd

from .helpers import DATA_DIR
from .specs import ExplorerSpec, Step, bad


@cache
def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / f"{name}.csv", dtype={"standard": str, "date": str})


def headcount(standard: str, start, end) -> str:
    """The sentence under the figure: counts made at the time only (the back-cast never)."""
    start, end = int(start), int(end)
    hc = _csv("headcount")
    rows = hc[(hc["standard"] == standard) & (hc["estimate"] != "back-cast") & hc["poor_million"].notna()
              & hc["year"].between(start, end)].sort_values("year")
    a, b = rows.iloc[0], rows.iloc[-1]
    per_year = (a["poor_million"] - b["poor_million"]) / (b["year"] - a["year"])
    text = (f"Under the {standard} standard the rural poor went from {a['poor_million']:g} million in {a['year']} "
            f"to {b['poor_million']:g} million in {b['year']}, an average {'fall' if per_year >= 0 else 'rise'} "
            f"of {abs(per_year):.2f} million a year ({len(rows)} counts).")
    low = rows.loc[rows["estimate"] == "low-income line", "year"].tolist()
    if low:
        text += f" The counts for {', '.join(map(str, low))} are below the low-income line before it became the standard."
    years = _csv("milestones")["year"].tolist()
    numbers = [i + 1 for i, year in enumerate(years) if start <= year <= end]
    if not numbers:
        text += f" No milestone falls in {start}–{end}."
    elif len(numbers) == 1:
        text += f" Milestone {numbers[0]} falls in {start}–{end}."
    else:
        text += f" Milestones {min(numbers)}–{max(numbers)} fall in {start}–{end}."
    if standard == "2010" and start == 1978:
        back = hc.loc[hc["estimate"] == "back-cast", "poor_million"].iloc[0]
        text += f" The 1978 back-cast ({back:g} million) is left out."
    return text


SPECS = [
    ExplorerSpec(
        id="02-headcount-explorer", notebook="02-historical-logic.ipynb", index=0,
        initial=partial(headcount, "2010", 2012, 2019),
        steps=(
            Step("From year", "slider", "2005", partial(headcount, "2010", 2005, 2019)),
            Step("Standard", "select", "2008 standard", partial(headcount, "2008", 2005, 2019)),
            Step("To year", "type", "2009", partial(headcount, "2008", 2005, 2009)),
            Step("Standard", "select", "1978 standard", partial(headcount, "1978", 2005, 2009)),
            Step("From year", "slider", "1978", partial(headcount, "1978", 1978, 2009)),
            bad("To year", "abc"),
            bad("To year", "2030"),
            # (a From year after the To year cannot be reached on a slider without passing valid years;
            # tests/test_lesson02_history.py checks that message)
            Step("To year", "type", "2020", partial(headcount, "1978", 1978, 2020)),
            Step("Standard", "select", "2010 standard", partial(headcount, "2010", 1978, 2020)),
        ),
    ),
]
