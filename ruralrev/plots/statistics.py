"""Figures of lesson 03: indicator series, annual reductions, county exits and claim verdicts.

Each function takes data, draws on `ax` (a new one if None) and returns the Axes. Series
differ in colour, marker and line style; bars differ in hatching; derived values are drawn
as hollow markers so they can be told apart without colour.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from . import PALETTE, styles

VERDICT_STYLE = {  # verdict -> (colour, hatch): every verdict differs in hatching too
    "consistent": (PALETTE[2], ""),
    "inconsistent": (PALETTE[3], "xx"),
    "not checkable": (PALETTE[7], ".."),
}


def _axes(ax):
    return ax if ax is not None else plt.subplots()[1]


def _integer_years(ax):
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def plot_indicator(series: dict[str, pd.DataFrame], *, ylabel: str, title: str = "", ax=None):
    """One line per series (frames with year, value and optionally status). Rows whose status
    starts with 'derived' get a hollow marker on top, labelled 'derived value' once."""
    ax = _axes(ax)
    derived_labelled = False
    for (label, df), (colour, marker, ls) in zip(series.items(), styles()):
        ax.plot(df["year"], df["value"], color=colour, marker=marker, linestyle=ls, label=label)
        if "status" in df:
            derived = df[df["status"].str.startswith("derived")]
            if not derived.empty:
                ax.plot(derived["year"], derived["value"], linestyle="none", marker=marker, markersize=10,
                        markerfacecolor="white", markeredgecolor=colour, markeredgewidth=2, zorder=3,
                        label="_derived" if derived_labelled else "derived value")
                derived_labelled = True
    ax.set(xlabel="Year", ylabel=ylabel, title=title)
    _integer_years(ax)
    if len(series) > 1 or derived_labelled:
        ax.legend(frameon=False)
    return ax


def plot_reductions(rows: pd.DataFrame, *, ylabel: str, reference: float | None = None,
                    reference_label: str = "", title: str = "", ax=None):
    """Hatched bars of `rows['reduction']` by year, each labelled with its value, and an optional
    dashed horizontal reference line (e.g. a figure claimed by the paper)."""
    ax = _axes(ax)
    bars = ax.bar(rows["year"], rows["reduction"], color=PALETTE[0], edgecolor="0.2", hatch="//",
                  label="fall from the year before")
    ax.bar_label(bars, labels=[f"{v:.2f}" for v in rows["reduction"]], padding=2, fontsize=9)
    if reference is not None:
        ax.axhline(reference, color="0.15", linestyle="--", linewidth=1.5, label=reference_label)
    ax.set(xlabel="Year", ylabel=ylabel, title=title)
    ax.set_ylim(0, max(rows["reduction"].max(), reference or 0) * 1.15)
    _integer_years(ax)
    ax.legend(frameon=False, loc="upper right")
    return ax


def plot_county_exits(exits: pd.DataFrame, *, total: int | None = None, title: str = "", ax=None):
    """Hatched bars: counties exiting in each year's cohort (the count is written under the year on
    the x axis); circles on a solid line: cumulative exits; an optional dashed line at the total
    number of designated counties. Room is left at the top for the legend."""
    ax = _axes(ax)
    years = exits["year"].tolist()
    ax.bar(years, exits["counties_exited"], color=PALETTE[0], edgecolor="0.2", hatch="//",
           label="counties exiting in the year's cohort")
    ax.plot(years, exits["cumulative_exited"], color=PALETTE[1], marker="o", linestyle="-",
            label="cumulative exits")
    if total is not None:
        ax.axhline(total, color="0.15", linestyle="--", linewidth=1.5, label=f"all {total} designated counties")
    ax.set_xticks(years, [f"{y}\n{n} exits" for y, n in zip(years, exits["counties_exited"])])
    ax.set(xlabel="Cohort year", ylabel="Counties", title=title)
    ax.set_ylim(0, (total or exits["cumulative_exited"].max()) * 1.4)
    ax.legend(frameon=False, loc="upper left")
    return ax


def plot_verdicts(verdicts: pd.DataFrame, *, title: str = "", ax=None):
    """Horizontal stacked bars: for each section of the paper (in order of appearance), how many
    claims got each verdict. Verdicts differ in colour and hatching."""
    ax = _axes(ax)
    sections = list(dict.fromkeys(verdicts["section"]))
    counts = (verdicts.groupby(["section", "verdict"]).size().unstack(fill_value=0)
              .reindex(index=sections, columns=list(VERDICT_STYLE), fill_value=0))
    left = pd.Series(0, index=sections)
    for verdict, (colour, hatch) in VERDICT_STYLE.items():
        ax.barh(sections, counts[verdict], left=left, color=colour, hatch=hatch, edgecolor="0.2", label=verdict)
        left = left + counts[verdict]
    ax.invert_yaxis()
    ax.set(xlabel="Number of claims", ylabel="Section of the paper", title=title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, left.max() + 0.5)
    ax.legend(frameon=False, loc="lower right")
    return ax
