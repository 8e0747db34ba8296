"""Lesson 01 figures: milestones on a timeline, one row each and one marker and line style per
theme, and the time spans of the two strategies as a Gantt-style chart.

Each theme keeps the same colour, marker and line style in every figure (and in the explorer),
so a theme is never told apart by colour alone. No Chinese characters go into these figures.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory, offset_copy

from . import MARKERS
from ..measures.terms import decimal_year

__all__ = ["THEME_ORDER", "STRATEGY_THEMES", "theme_style", "plot_timeline", "plot_strategy_spans"]

#: Fixed order of the milestone themes; the first three match the bars of `plot_strategy_spans`.
THEME_ORDER = ["targeted poverty alleviation", "rural revitalization", "transition", "plan", "institution",
               "assessment", "white paper", "poverty line", "policy", "reform"]
#: Ten colour-blind-safe colours (seaborn "colorblind", whose first eight are plots.PALETTE), in an order
#: that gives the paler ones to the rarer themes, and ten markers: one of each per theme.
_COLOURS = [sns.color_palette("colorblind", 10)[i] for i in (0, 1, 2, 3, 4, 5, 7, 6, 8, 9)]
_MARKERS = MARKERS + ["p", "h"]
#: Ten different line styles (the four named ones, then dash patterns (offset, (on, off, ...))).
_LINESTYLES = ["-", "--", ":", "-.", (0, (6, 1.5)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 3)), (0, (8, 2, 2, 2)),
               (0, (4, 1.5, 1, 1.5, 1, 1.5)), (0, (2, 2))]
#: Which theme's style each strategy bar borrows.
STRATEGY_THEMES = {"targeted poverty alleviation": "targeted poverty alleviation",
                   "rural revitalization": "rural revitalization", "transition period": "transition"}
_HATCHES = ["", "//", ".."]


def theme_style(theme: str) -> tuple:
    """(colour, marker, linestyle) of a theme: fixed by its place in THEME_ORDER (a theme not in it
    gets the style of the first)."""
    i = THEME_ORDER.index(theme) if theme in THEME_ORDER else 0
    return _COLOURS[i], _MARKERS[i], _LINESTYLES[i]


def plot_timeline(milestones: pd.DataFrame, *, start=None, end=None, title: str = "", ax=None):
    """Milestones (columns date, year, theme, label), one row each from the earliest (top) to the
    latest (bottom), labelled on the left with their short `label` (texts in `ax.texts`, in row order).

    Each milestone is a marker at its date (a date given only as a year or a month is drawn at its
    start) on a stem from the left edge; marker, colour and the stem's line style show its theme
    (one Line2D of markers per theme, in THEME_ORDER, carries the theme as its label).
    `start`/`end` (years) set the x range; by default the milestones' years.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(9, 5))[1]
    rows = milestones.assign(x=decimal_year(milestones["date"])).sort_values(["x", "label"])
    rows = rows.reset_index(drop=True)
    first = int(start) if start is not None else int(rows["year"].min())
    last = int(end) if end is not None else int(rows["year"].max())
    left = first - 0.5
    present = set(rows["theme"])
    themes = [t for t in THEME_ORDER if t in present] + sorted(present - set(THEME_ORDER))
    handles = []
    for theme in themes:
        colour, marker, ls = theme_style(theme)
        part = rows[rows["theme"] == theme]
        ax.hlines(part.index, left, part["x"], colors=[colour], linestyles=ls, linewidth=1.2, zorder=2)
        ax.plot(part["x"], part.index, color=colour, marker=marker, linestyle="none", markersize=8,
                label=theme, zorder=3)
        handles.append(Line2D([], [], color=colour, marker=marker, linestyle=ls, linewidth=1.2, label=theme))
    # The labels are plain texts left of the axes (not tick labels): much cheaper to redraw.
    beside = blended_transform_factory(ax.transAxes, ax.transData)
    for i, label in enumerate(rows["label"]):
        ax.text(-0.015, i, label, transform=beside, ha="right", va="center", fontsize=8, color="0.15")
    ax.set_yticks([])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(left, last + 1.5)
    ax.grid(axis="y", visible=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(handles=handles, title="theme", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              title_fontsize=8, frameon=False, handlelength=3)
    # Fixed title and axis-label positions: matplotlib then need not measure every tick label
    # again to place them, which keeps the explorer's redraw fast.
    ax.set_title(title or f"Milestones dated {first}-{last}", y=1.0, pad=6)
    ax.set_xlabel("Date")
    ax.xaxis.set_label_coords(0.5, 0, transform=offset_copy(ax.transAxes, fig=ax.figure, y=-27, units="points"))
    return ax


def plot_strategy_spans(spans: pd.DataFrame, *, highlight: tuple[int, int] | None = None, ax=None):
    """Gantt-style bars of the strategies' stages (columns strategy, stage, start, end), one row per
    strategy from top to bottom. Each stage is a bar (a different hatch per stage) with its name above
    it; a line in the strategy's line style joins the stage boundaries, each marked with the
    strategy's marker and labelled with its year below. `highlight=(first, last)` shades the years in
    which two strategies overlap.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(9, 3.8))[1]
    strategies = list(dict.fromkeys(spans["strategy"]))
    if highlight is not None:
        ax.axvspan(highlight[0], highlight[1], color="0.88", zorder=0)
        ax.text((highlight[0] + highlight[1]) / 2, len(strategies) - 0.45, "both\nrun", ha="center",
                va="bottom", fontsize=8, color="0.3")
    for i, strategy in enumerate(strategies):
        colour, marker, ls = theme_style(STRATEGY_THEMES.get(strategy, strategy))
        stages = spans[spans["strategy"] == strategy].sort_values("start")
        for k, s in enumerate(stages.itertuples()):
            ax.barh(i, s.end - s.start, left=s.start, height=0.4, color=colour, alpha=0.3,
                    hatch=_HATCHES[k % len(_HATCHES)], edgecolor=colour, linewidth=1, zorder=1)
            name = textwrap.fill(s.stage, width=max(11, int((s.end - s.start) * 2.4)))
            ax.text((s.start + s.end) / 2, i - 0.24, name, ha="center", va="bottom", fontsize=8,
                    color="0.15", linespacing=1.0)
        xs = [int(stages["start"].iloc[0]), *stages["end"].astype(int)]
        ax.plot(xs, [i] * len(xs), color=colour, marker=marker, linestyle=ls, linewidth=1.5, markersize=8,
                label=strategy, zorder=3)
        for x in xs:
            ax.text(x, i + 0.26, str(x), ha="center", va="top", fontsize=8, color="0.15")
    ax.set_yticks(range(len(strategies)), strategies)
    ax.set_ylim(len(strategies) - 0.4, -0.85)
    ax.set_xlim(int(spans["start"].min()) - 2, int(spans["end"].max()) + 2)
    ax.grid(axis="y", visible=False)
    ax.set(xlabel="Year", title="The two strategies and the transition between them")
    return ax
