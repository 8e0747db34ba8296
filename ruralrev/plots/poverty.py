"""Figures of poverty headcounts by official standard (lesson 02).

Each standard is its own series, with its own colour, marker and line style; no line ever joins
figures of two standards. Figures that are not the official count for their year under that
standard (the 2010 standard applied back to 1978; the low-income line before it became the 2008
standard) have hollow markers, and a back-cast is never joined to the official series.
"""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from . import styles
from .milestones import plot_milestones

__all__ = ["STANDARD_LABELS", "LOW_INCOME_LABEL", "MEASURE_LABELS", "standard_styles", "plot_standards",
           "milestone_marks", "plot_milestone_marks", "plot_implied_denominator"]

STANDARD_LABELS = {"1978": "1978 standard", "2008": "2008 standard", "2010": "2010 standard"}
LOW_INCOME_LABEL = "low-income line, before 2008"
MEASURE_LABELS = {"poor_million": "Rural poor (million people)",
                  "incidence_pct": "Poverty incidence (% of rural population)"}


def standard_styles() -> dict[str, tuple]:
    """A fixed (colour, marker, linestyle) for each standard, the same in every figure."""
    return dict(zip(STANDARD_LABELS, styles()))


def plot_standards(rows: pd.DataFrame, *, measure: str = "poor_million", title: str = "", ax=None):
    """One series per standard from `rows` (columns standard, year, estimate, value, as returned by
    `measures.poverty.standard_series`). Official figures (and the low-income line, which became
    the 2008 standard) are joined by a line within their standard; back-cast figures are drawn as
    hollow markers without a line; low-income-line points are hollow too. Returns the Axes.

    The Axes' lines are, per standard in order: the joined series (label '<std> standard'), then,
    if any, the hollow low-income points (label LOW_INCOME_LABEL) and the back-cast points
    (label "<std> standard, back-cast").
    """
    ax = ax if ax is not None else plt.subplots()[1]
    look = standard_styles()
    for standard, part in rows.groupby("standard", sort=False):
        colour, marker, ls = look[standard]
        name = STANDARD_LABELS[standard]
        joined = part[part["estimate"] != "back-cast"]
        if not joined.empty:
            ax.plot(joined["year"], joined["value"], color=colour, marker=marker, linestyle=ls, label=name)
        low = part[part["estimate"] == "low-income line"]
        if not low.empty:
            ax.plot(low["year"], low["value"], color=colour, marker=marker, linestyle="none",
                    markerfacecolor="white", label=LOW_INCOME_LABEL)
        back = part[part["estimate"] == "back-cast"]
        if not back.empty:
            ax.plot(back["year"], back["value"], color=colour, marker=marker, linestyle="none",
                    markerfacecolor="white", markersize=8, label=f"{name}, back-cast")
    ax.set(xlabel="Year", ylabel=MEASURE_LABELS.get(measure, measure), title=title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(rows):
        ax.set_ylim(0, max(float(rows["value"].max()), 1e-9) * 1.08)
        ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=9)
    return ax


class _CappedLocator(mticker.MaxNLocator):
    """Matplotlib's automatic y ticks, but none above `top` (computed when the figure is drawn)."""

    def __init__(self, top: float):
        super().__init__(nbins="auto", steps=[1, 2, 2.5, 5, 10])
        self.top = top

    def __call__(self):
        low = self.axis.get_view_interval()[0]
        return [t for t in self.tick_values(low, self.top) if low <= t <= self.top]


def milestone_marks(milestones: pd.DataFrame) -> pd.DataFrame:
    """One mark per year for a timeline: columns year, label, count. Where several milestones fall
    in the same year, the label is the first one's (by date) followed by '(+k more)'."""
    first: dict[int, list] = {}  # year -> [label of the first milestone, number of milestones]
    ordered = milestones.sort_values("date")
    for year, label in zip(ordered["year"].tolist(), ordered["label"].tolist()):
        first.setdefault(int(year), [label, 0])[1] += 1
    years = sorted(first)
    labels = [first[y][0] + (f" (+{first[y][1] - 1} more)" if first[y][1] > 1 else "") for y in years]
    return pd.DataFrame({"year": years, "label": labels, "count": [first[y][1] for y in years]})


def plot_milestone_marks(milestones: pd.DataFrame, *, ax=None, headroom: float = 2.0):
    """Raise the top of `ax` by `headroom` (so labels sit above the data; the y ticks stay where the
    data are) and mark the milestones with `plots.milestones.plot_milestones`, one mark per year
    (see `milestone_marks`). Without milestones the Axes are left as they are."""
    ax = ax if ax is not None else plt.subplots()[1]
    if milestones.empty:
        return ax
    bottom, top = ax.get_ylim()
    ax.set_ylim(bottom, bottom + (top - bottom) * headroom)
    ax.yaxis.set_major_locator(_CappedLocator(top))  # no ticks or grid lines in the band of labels
    plot_milestones(milestone_marks(milestones), ax=ax)
    return ax


def plot_implied_denominator(table: pd.DataFrame, *, ax=None):
    """The population implied by headcount and incidence (with its rounding range as error bars)
    next to the resident rural population. `table` has columns year, implied, low, high and
    rural_million (NaN where not available). Returns the Axes."""
    ax = ax if ax is not None else plt.subplots()[1]
    (c1, m1, _), (c2, m2, ls2) = itertools.islice(styles(), 2)
    err = np.vstack([table["implied"] - table["low"], table["high"] - table["implied"]])
    ax.errorbar(table["year"], table["implied"], yerr=err, color=c1, marker=m1, linestyle="none", capsize=3,
                label="Implied by headcount / incidence (bars: rounding range)")
    resident = table.dropna(subset=["rural_million"])
    ax.plot(resident["year"], resident["rural_million"], color=c2, marker=m2, linestyle=ls2,
            label="Resident rural population (population table)")
    ax.set(xlabel="Year", ylabel="Million people", title="Whom is the incidence a share of?")
    ax.xaxis.get_major_locator().set_params(integer=True)
    values = np.r_[table["high"].to_numpy(float), resident["rural_million"].to_numpy(float)]
    ax.set_ylim(0, float(values[np.isfinite(values)].max()) * 1.15)
    ax.legend(frameon=True, framealpha=0.9, loc="lower left")
    return ax
