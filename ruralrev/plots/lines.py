"""Figures for lesson 04: poverty-line series drawn so that no line crosses a survey break, and
China's national line in current yuan."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from . import styles
from ..measures.lines import segments, survey_breaks

#: gid of the thin vertical lines that mark survey breaks (tests tell them from data lines by it)
BREAK_GID = "survey-break"


def plot_segments(series: dict[str, pd.DataFrame], *, ylabel: str, title: str = "",
                  mark_breaks: bool = False, ax=None):
    """One or more PIP series (frames with year, value, survey_comparability, welfare_type).

    Each series has its own colour, marker and line style; inside a series, each survey
    comparability group is a separate line, so no line joins two years across a break.
    With `mark_breaks`, a thin grey vertical line halfway between the two years marks each break
    (the breaks of all series, once each), labelled "survey break". The y axis runs from 0 to a
    little above the highest value.
    """
    ax = ax if ax is not None else plt.subplots()[1]
    places = set()
    for (label, df), (colour, marker, ls) in zip(series.items(), styles()):
        for k, part in enumerate(segments(df)):
            ax.plot(part["year"], part["value"], color=colour, marker=marker, linestyle=ls,
                    label=label if k == 0 else "_nolegend_")
        places |= {(b.year_before + b.year_after) / 2 for b in survey_breaks(df).itertuples()}
    if mark_breaks:
        for x in sorted(places):
            ax.axvline(x, color="0.55", linewidth=1, linestyle=(0, (1, 3)), zorder=0, gid=BREAK_GID)
            ax.text(x, 1.0, "survey break ", transform=ax.get_xaxis_transform(), rotation=90,
                    va="top", ha="right", fontsize=8, color="0.3")
    ax.set(xlabel="Year", ylabel=ylabel, title=title)
    highest = max((df["value"].max() for df in series.values() if len(df)), default=1.0)
    ax.set_ylim(0, max(ax.get_ylim()[1], highest * 1.08))  # room above the highest marker
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(series) > 1:
        ax.legend(frameon=False)
    return ax


def plot_national_line(table: pd.DataFrame, *, ax=None):
    """China's 2010-standard line in current yuan (the frame from `measures.lines.national_line`).

    Filled circles on a solid line: the base value and the verified values; hollow squares on a
    dashed line: values the sources call weak or approximate; years without a value are gaps.
    A dotted horizontal line marks the base value, the standard's level at base-year prices.
    Each point is labelled with its value.
    """
    ax = ax if ax is not None else plt.subplots()[1]
    palette = styles()
    (c1, m1, l1), (c2, _, _) = next(palette), next(palette)
    solid = table["line_yuan"].where(table["support"].isin(["base", "verified"]))
    weak = table["line_yuan"].where(table["support"] == "weak")
    ax.plot(table["year"], solid, color=c1, marker=m1, linestyle=l1, label="base and verified values")
    ax.plot(table["year"], weak, color=c2, marker="s", markerfacecolor="white", linestyle="--",
            label="weak or approximate values")
    base = table.loc[table["support"] == "base"].iloc[0]
    ax.axhline(base["line_yuan"], color="0.4", linestyle=":", linewidth=1.2,
               label=f"the standard: {base['line_yuan']:,.0f} yuan at {base['year']} prices")
    for row in table.dropna(subset=["line_yuan"]).itertuples():
        ax.annotate(f"{row.line_yuan:,.0f}", (row.year, row.line_yuan), textcoords="offset points",
                    xytext=(0, 8), ha="center", fontsize=8)
    ax.set(xlabel="Year", ylabel="yuan per person per year",
           title="China's 2010 standard in current yuan")
    ax.set_ylim(0, table["line_yuan"].max() * 1.15)
    ax.set_xticks(table["year"])
    ax.legend(frameon=False, loc="lower right")
    return ax
