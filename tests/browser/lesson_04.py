"""Lesson 04's explorer in the browser: `Explorer(draw_headcount, ...)` in
notebooks/04-measuring-poverty.ipynb (Country, Level, Line, PPP base, From year, To year).

The expected sentences are recomputed here with plain pandas from data/*.csv, never by ruralrev or
by the lesson's code: the breaks are counted as changes of comparability group between consecutive
survey years (the lesson counts groups), the welfare types in order of first appearance."""

from __future__ import annotations

from functools import partial

import pandas as pd

from .helpers import DATA_DIR
from .specs import ExplorerSpec, Step, bad

#: the lesson's design, copied: line -> label (also the Line dropdown's option label)
LINE_LABELS = {"international": "international line", "lower-middle income": "lower-middle-income line",
               "upper-middle income": "upper-middle-income line", "ten dollars": "$10 (OWID extra line)"}
LEVELS = ["rural", "urban", "national"]
ALL = "rural, urban and national"  # the Level option that draws every level (value "all")


def _pip() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "pip_headcount.csv")


def _phrase(level: str, r: pd.DataFrame) -> str:
    first, last = r.iloc[0], r.iloc[-1]
    if len(r) == 1:
        return f"{level} {first['headcount_ratio_pct']:.2f}% ({first['year']}), one survey year"
    group = r["survey_comparability"].to_numpy()
    breaks = int((group[1:] != group[:-1]).sum())
    return (f"{level} {first['headcount_ratio_pct']:.2f}% ({first['year']}) to {last['headcount_ratio_pct']:.2f}% "
            f"({last['year']}), {len(r)} survey years, survey breaks: {breaks}")


def headcount_sentence(country="China", level="rural", line="international", ppp=2017, start=1977, end=2021) -> str:
    """What the explorer says under its figure for these control values."""
    pip = _pip()
    s = pip[(pip["country"] == country) & (pip["line"] == line) & (pip["ppp_version"] == int(ppp))
            & (pip["year"] >= int(start)) & (pip["year"] <= int(end))].sort_values("year", kind="stable")
    levels = LEVELS if level == "all" else [level]
    parts = [_phrase(lv, s[s["reporting_level"] == lv]) for lv in levels if (s["reporting_level"] == lv).any()]
    welfare = ", then ".join(dict.fromkeys(s["welfare_type"]))
    usd = s["line_usd_per_day"].iloc[0]
    return (f"{country}, below ${usd:.2f} a day ({LINE_LABELS[line]}, {int(ppp)} PPP): " + "; ".join(parts)
            + f". Welfare measured by {welfare}.")


E = headcount_sentence
UMI = "upper-middle income"
SPECS = [
    # notebooks/04-measuring-poverty.ipynb: Explorer(draw_headcount, "China", "rural", "international", 2017, 1977, 2021)
    ExplorerSpec(
        id="04-headcount-explorer", notebook="04-measuring-poverty.ipynb", index=0,
        initial=partial(E, "China", "rural", "international", 2017),
        steps=(
            Step("PPP base", "select", "2011 PPP", partial(E, "China", "rural", "international", 2011)),
            Step("Line", "select", LINE_LABELS[UMI], partial(E, "China", "rural", UMI, 2011)),
            Step("Level", "select", "urban", partial(E, "China", "urban", UMI, 2011)),
            Step("Level", "select", ALL, partial(E, "China", "all", UMI, 2011)),
            Step("Country", "select", "India", partial(E, "India", "all", UMI, 2011)),
            Step("From year", "type", "2011", partial(E, "India", "all", UMI, 2011, 2011, 2021)),
            Step("To year", "type", "2015", partial(E, "India", "all", UMI, 2011, 2011, 2015)),
            Step("Line", "select", LINE_LABELS["ten dollars"], partial(E, "India", "all", "ten dollars", 2011, 2011, 2015)),
            bad("From year", "abc"),
            bad("To year", "1800"),
            bad("From year", "2016"),  # after To year (2015)
        ),
    ),
]
