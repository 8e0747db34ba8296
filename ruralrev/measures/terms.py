"""Lesson 01: look up terms, select milestones, and read the two strategies' time spans from the data.

    from ruralrev import data
    from ruralrev.measures import terms as t
    t.terms_in(data.load("terms"), category="rural revitalization")
    t.select_milestones(data.load("milestones"), theme="rural revitalization", start="2013", end="2021")
    t.strategy_spans(data.load("milestones"))

Pure functions (no widgets, no plotting). Milestone selection reuses `milestones.milestones_in`.
"""

from __future__ import annotations

import re
import textwrap

import pandas as pd

from ..inputs import InputError, one_of, whole_number
from .milestones import milestones_in

__all__ = ["ALL", "GENERAL_REQUIREMENTS", "terms_in", "describe_terms", "select_milestones", "decimal_year",
           "milestone_summary", "strategy_spans", "overlap", "source_ids"]

#: The value of the period and theme controls that means "do not filter".
ALL = "all"
#: The milestone whose description holds the rural revitalization timetable, and the one that dates
#: the transition period (labels in data/milestones.csv).
TIMETABLE_LABEL = "No. 1 Document 2018"
TRANSITION_THEME = "transition"
TPA_THEME = "targeted poverty alleviation"
CAMPAIGN_END_LABEL = "Last poor counties delisted"
RR_THEME = "rural revitalization"
#: term_id of the five general requirements of rural revitalization (the "twenty characters"), in order.
GENERAL_REQUIREMENTS = ("thriving_businesses", "pleasant_living_environments", "social_etiquette_and_civility",
                        "effective_governance", "prosperity")


def terms_in(terms: pd.DataFrame, category: str | None = None, query: str | None = None) -> pd.DataFrame:
    """Terms of one category (None or 'all' = every category) whose English, Chinese or pinyin
    contains `query` (case-insensitive; None or '' = no filter), in table order."""
    keep = pd.Series(True, index=terms.index)
    if category not in (None, ALL):
        one_of(category, sorted(terms["category"].unique()), name="Category")
        keep &= terms["category"] == category
    if query:
        q = str(query).strip().lower()
        text = terms["term_en"].str.lower() + " " + terms["term_zh"] + " " + terms["pinyin"].str.lower()
        keep &= text.str.contains(q, regex=False)
    return terms[keep].reset_index(drop=True)


def describe_terms(terms: pd.DataFrame, width: int = 100) -> str:
    """Terms as readable text: 'term (中文, pinyin)  [source_id]' and the definition, indented."""
    blocks = []
    for r in terms.itertuples():
        body = textwrap.fill(r.definition, width, initial_indent="    ", subsequent_indent="    ")
        blocks.append(f"{r.term_en} ({r.term_zh}, {r.pinyin})  [{r.source_id}]\n{body}")
    return "\n".join(blocks)


def source_ids(cells) -> list[str]:
    """Sorted distinct source ids of a column of 'a;b' cells."""
    return sorted({i for cell in cells for i in str(cell).split(";") if i})


def select_milestones(ms: pd.DataFrame, period: str = ALL, theme: str = ALL, start=None, end=None) -> dict:
    """Milestones of one period and one theme ('all' = any) dated from `start` to `end` (years,
    possibly typed text; None = the table's first or last year).

    Returns {"rows", "period", "theme", "start", "end"} with the years as whole numbers. Bad input
    and an empty selection raise InputError with a one-line message.
    """
    one_of(period, [ALL, *dict.fromkeys(ms["period"])], name="Period")
    one_of(theme, [ALL, *sorted(ms["theme"].unique())], name="Theme")
    lo, hi = int(ms["year"].min()), int(ms["year"].max())
    start = lo if start is None else start
    end = hi if end is None else end
    rows = milestones_in(ms, start, end,
                         themes=None if theme == ALL else [theme],
                         periods=None if period == ALL else [period])
    first = whole_number(start, name="From year", low=lo, high=hi)
    last = whole_number(end, name="To year", low=lo, high=hi)
    if rows.empty:
        raise InputError(f"No milestones from {first} to {last} for this period and theme: "
                         "widen the years or choose 'all'.")
    return {"rows": rows, "period": period, "theme": theme, "start": first, "end": last}


def decimal_year(dates: pd.Series) -> pd.Series:
    """'2013-11-03' -> 2013.84: the year plus the fraction of it elapsed. A date given only as a
    year ('2014') or a month ('2018-09') is placed at its first day."""
    parts = dates.astype(str).str.split("-", expand=True).reindex(columns=[0, 1, 2])
    year = parts[0].astype(int)
    month = pd.to_numeric(parts[1], errors="coerce").fillna(1).astype(int)
    day = pd.to_numeric(parts[2], errors="coerce").fillna(1).astype(int)
    when = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}))
    days = when.dt.is_leap_year.map({True: 366, False: 365})
    return (year + (when.dt.day_of_year - 1) / days).round(3)


def milestone_summary(selection: dict) -> str:
    """One sentence describing a `select_milestones` result, computable from data/milestones.csv alone:
    "4 milestones from 2017 to 2021, period: all, theme: rural revitalization: Rural revitalization
    strategy (2017), ... Sources: a, b."""
    rows = selection["rows"]
    n = len(rows)
    items = ", ".join(f"{r.label} ({r.year})" for r in rows.itertuples())
    return (f"{n} milestone{'s' if n != 1 else ''} from {selection['start']} to {selection['end']}, "
            f"period: {selection['period']}, theme: {selection['theme']}: {items}. "
            f"Sources: {', '.join(source_ids(rows['source_id']))}.")


def _timetable(row) -> list[tuple[int, str]]:
    """[(2020, 'important progress'), ...] read from a description 'Timetable: X by 2020, Y by 2035, ...'."""
    text = row["description"].split(":", 1)[1]
    found = [(int(m.group(2)), m.group(1).strip()) for m in re.finditer(r"([^,]+?)\s+by\s+(\d{4})", text)]
    if not found:
        raise ValueError(f"no 'X by YYYY' targets in the description of {row['label']!r}")
    return found


def strategy_spans(ms: pd.DataFrame) -> pd.DataFrame:
    """The time spans of the two strategies and the transition between them, read from the milestones.

    - targeted poverty alleviation: from the year of its first milestone (theme 'targeted poverty
      alleviation') to the year of the milestone 'Last poor counties delisted';
    - rural revitalization: from the year of its first milestone (theme 'rural revitalization') through
      each target of the timetable in the description of the 2018 No. 1 Document ('... by 2020, ...');
    - transition period: the years '(YYYY-YYYY)' in the description of the milestone of theme 'transition'.

    Returns one row per stage: strategy, stage, start, end, source_id (the milestones the years come from).
    """
    rows = []
    first = ms[ms["theme"] == TPA_THEME].sort_values("date").iloc[0]
    last = ms[ms["label"] == CAMPAIGN_END_LABEL].iloc[0]
    rows.append({"strategy": "targeted poverty alleviation", "stage": "campaign",
                 "start": int(first["year"]), "end": int(last["year"]),
                 "source_id": ";".join(source_ids([first["source_id"], last["source_id"]]))})
    rr = ms[ms["theme"] == RR_THEME].sort_values("date").iloc[0]
    doc = ms[ms["label"] == TIMETABLE_LABEL].iloc[0]
    begin = int(rr["year"])
    for year, stage in _timetable(doc):
        rows.append({"strategy": "rural revitalization", "stage": stage, "start": begin, "end": year,
                     "source_id": ";".join(source_ids([rr["source_id"], doc["source_id"]]))})
        begin = year
    tr = ms[ms["theme"] == TRANSITION_THEME].sort_values("date").iloc[0]
    m = re.search(r"\((\d{4})-(\d{4})\)", tr["description"])
    if not m:
        raise ValueError(f"no '(YYYY-YYYY)' span in the description of {tr['label']!r}")
    rows.append({"strategy": "transition period", "stage": "policies kept stable",
                 "start": int(m.group(1)), "end": int(m.group(2)), "source_id": tr["source_id"]})
    return pd.DataFrame(rows)


def overlap(spans: pd.DataFrame, a: str, b: str) -> tuple[int, int] | None:
    """The years (first, last) in which strategies `a` and `b` both run, or None if they do not meet."""
    ra, rb = spans[spans["strategy"] == a], spans[spans["strategy"] == b]
    if ra.empty or rb.empty:
        raise ValueError(f"strategy must be one of: {', '.join(spans['strategy'].unique())}")
    first = max(ra["start"].min(), rb["start"].min())
    last = min(ra["end"].max(), rb["end"].max())
    return (int(first), int(last)) if first <= last else None
