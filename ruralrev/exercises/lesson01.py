"""Lesson 01 exercises: expected answers computed from data/ when a check runs."""

from __future__ import annotations

import numpy as np

from .. import data
from . import exercise, figure, table, text

CAMPAIGN_PERIOD = "2013-2020 targeted poverty alleviation"


@exercise("01.1")
def milestones_per_period_and_theme():
    ms = data.load("milestones")
    expected = ms.groupby(["period", "theme"]).size().reset_index(name="milestones")
    by_theme = set(ms["theme"].value_counts().to_numpy().tolist())
    return table(expected, mistakes=[
        (lambda a: "period" not in a.columns and "theme" in a.columns,
         "Your table has no column 'period': group by both columns, groupby([\"period\", \"theme\"])."),
        (lambda a: "theme" not in a.columns and "period" in a.columns,
         "Your table has no column 'theme': group by both columns, groupby([\"period\", \"theme\"])."),
        (lambda a: "milestones" not in a.columns and 0 in a.columns,
         "The count column is called 0: name it with .reset_index(name=\"milestones\")."),
        (lambda a: "milestones" in a.columns and len(a) == ms["theme"].nunique()
         and set(a["milestones"].tolist()) <= by_theme,
         "These look like counts per theme only: count within each period too."),
        (lambda a: "milestones" in a.columns and len(a) < len(expected) and "period" in a.columns
         and a["period"].nunique() == 1,
         "Your table holds one period only: count over the whole table, without a filter."),
    ])


@exercise("01.2")
def milestones_per_year():
    ms = data.load("milestones")
    recent = ms[ms["year"].between(2011, 2021)]
    per_year = recent.groupby("year").size()
    years, counts = per_year.index.to_numpy(float), per_year.to_numpy(float)

    def only_these_points(ax):
        drawn = [np.asarray(c.get_offsets()) for c in ax.collections if len(c.get_offsets())]
        return sum(len(d) for d in drawn) == len(years) or bool(ax.patches)

    def not_joined(ax):
        return not any(line.get_linestyle() not in ("None", "none", "", " ") and len(line.get_xdata()) > 1
                       for line in ax.get_lines())

    return figure(
        {"milestones per year": (years, counts)},
        xlabel=["year"], ylabel=["milestone"],
        extra=[(only_these_points, "Your figure has more points than the years 2011-2021 with a milestone: "
                                   "filter the years with .between(2011, 2021) before counting."),
               (not_joined, "A line joins the years, as if the years without a milestone had a count: "
                            "draw points (sns.scatterplot), not a line.")],
    )


@exercise("01.3")
def what_organic_claims():
    return text(points=[
        ([r"one road", r"unified", r"logic", r"continu", r"carr(y|ies) on", r"link", r"integrat", r"connect"],
         "Say first what the paper claims: what does it mean by an 'organic' connection?"),
        ([r"order", r"sequence", r"overlap", r"dates?", r"years?", r"before", r"after", r"follow", r"agenc",
          r"institution", r"handover"],
         "Say what the milestones table can show: think of dates, order and overlap."),
        ([r"cannot", r"can't", r"can not", r"does not", r"doesn't", r"not show", r"interpret", r"unable", r"only"],
         "Say also what the table cannot show: can a list of dates prove a 'unified logic'?"),
    ], words=(30, 150))


@exercise("01.4")
def precise_terms():
    terms = data.load("terms")
    expected = terms.loc[terms["term_zh"].str.contains("精准"), ["term_en", "term_zh", "pinyin"]]
    return table(expected, mistakes=[
        (lambda a: "term_zh" in a.columns and len(a) < len(expected)
         and not a["term_zh"].str.contains("精准扶贫").any(),
         "Some terms are missing: search the Chinese column term_zh, not the English one."),
        (lambda a: len(a) == len(terms),
         "Your table has every term: filter the rows with .str.contains(\"精准\") inside .loc[...]."),
        (lambda a: "pinyin" not in a.columns,
         "Keep the column pinyin too: .loc[rows, [\"term_en\", \"term_zh\", \"pinyin\"]]."),
    ])
