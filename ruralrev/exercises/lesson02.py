"""Exercise checks of lesson 02 (Historical logic, 1978–2021).

Every expected answer is computed from data/headcount.csv when the check runs.
"""

from __future__ import annotations

import numpy as np

import math

from .. import data
from . import exercise, figure, number, text

STANDARDS = ("1978", "2008", "2010")


def _official():
    """Counts made at the time: every headcount row except the back-cast."""
    hc = data.load("headcount").dropna(subset=["poor_million"])
    return hc[hc["estimate"] != "back-cast"]


def _falls(first: int = 2012, last: int = 2020):
    """Fall in the 2010-standard count during each year after `first`, up to `last` (million people)."""
    hc = _official()
    poor = hc[hc["standard"] == "2010"].set_index("year")["poor_million"].sort_index()
    return -poor.loc[first:last].diff().dropna()


@exercise("02.1")
def largest_fall():
    falls = _falls()
    expected = float(falls.max())
    mistakes = []
    with_2012 = float(_falls(2011).max())      # the fall during 2012 included (from the 2011 count)
    if not math.isclose(with_2012, expected):
        mistakes.append((with_2012, "That fall runs from the 2011 count, before the period: start from the "
                                    "2012 count (poor.loc[2012:2020]), so the fall during 2012 is left out."))
    mistakes.append((float(falls.min()), "That is the smallest fall, not the largest: use max(), not min()."))
    mistakes.append((-float(falls.min()), "diff() gives a fall as a negative number, so max() of diff() finds the "
                                          "smallest fall: put a minus in front of diff() first."))
    mistakes.append((-expected, "That is the largest fall with diff()'s minus sign: a fall should be a positive "
                                "number of people (put a minus in front of diff())."))
    mistakes.append((float(falls.idxmax()), "That is the year of the largest fall (idxmax()); the answer is the size "
                                            "of the fall in million people (max())."))
    return number(expected, tol=0.005, mistakes=mistakes, unit="million people (the largest fall in one year)")


def _points(ax) -> np.ndarray:
    """Every (x, y) drawn on `ax` as a line or as points."""
    parts = [np.column_stack([np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)])
             for line in ax.get_lines()]
    parts += [np.asarray(c.get_offsets(), float) for c in ax.collections
              if np.asarray(c.get_offsets()).ndim == 2 and len(c.get_offsets())]
    parts = [p for p in parts if p.ndim == 2 and p.shape[1] == 2]
    return np.concatenate(parts) if parts else np.empty((0, 2))


def _draws(ax, x: float, y: float) -> bool:
    pts = _points(ax)
    return bool(len(pts)) and bool((np.isclose(pts[:, 0], x) & np.isclose(pts[:, 1], y, atol=0.01)).any())


def _percent_label(ax) -> bool:
    label = ax.get_ylabel().lower()
    return any(word in label for word in ("%", "percent", "incidence", "rate"))


@exercise("02.2")
def incidence_figure():
    rows = _official().dropna(subset=["incidence_pct"])
    series = {f"{s} standard": (rows.loc[rows["standard"] == s, "year"].tolist(),
                                rows.loc[rows["standard"] == s, "incidence_pct"].tolist()) for s in STANDARDS}
    hc = data.load("headcount")
    back = hc[hc["estimate"] == "back-cast"].dropna(subset=["incidence_pct"])
    extra = [(_percent_label, "Label the y-axis with what it shows and its unit (the incidence, in percent "
                              "of the rural population): ax.set(ylabel=...).")]
    for row in back.itertuples():
        extra.append((lambda ax, x=row.year, y=row.incidence_pct: not _draws(ax, x, y),
                      "Your figure includes the back-cast (the 2010 standard applied to 1978): it is an "
                      "estimate made decades later, so leave it out, as Figure 2.1 does (use the table "
                      "`official`)."))
    return figure(series, xlabel=("year",), legend=True, extra=extra)


@exercise("02.3")
def counts_and_milestones():
    return text(points=[
        ([r"standard", r"\bline"],
         "Part (a): say what differs between the two counts: what is each one measured against?"),
        ([r"\bnot?\b", r"n't\b", r"definition"],
         "Part (a): say whether the jump from 2007 to 2011 shows that poverty rose, and why."),
        ([r"caus", r"prove", r"attribut", r"coincid", r"correlat", r"effect", r"explain"],
         "Part (b): add what the milestones can show about the policies, and what they cannot show "
         "about why the count fell."),
    ], words=(30, 160))
