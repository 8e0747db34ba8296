"""Figure functions: each takes data, draws on `ax` (a new one if None) and returns the Axes.

Every series gets a colour from a colour-blind-safe palette *and* a marker and line
style, so no figure relies on colour alone. No Chinese characters go into figures.
"""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

PALETTE = sns.color_palette("colorblind", 8)
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
LINESTYLES = ["-", "--", ":", "-."]


def theme() -> None:
    """The course's look, as lessons 00-03 set it in their setup cell: a colour-blind-safe palette,
    a light grid, the course's figure size."""
    sns.set_theme(style="whitegrid", palette="colorblind", rc={"figure.figsize": (7.5, 4.2), "figure.dpi": 90})


def styles():
    """Endless (colour, marker, linestyle) triples: every series differs in all three."""
    return zip(itertools.cycle(PALETTE), itertools.cycle(MARKERS), itertools.cycle(LINESTYLES))


def _axes(ax):
    return ax if ax is not None else plt.subplots()[1]


def plot_series(series: dict[str, pd.DataFrame], *, ylabel: str, title: str = "", ax=None):
    """Line chart with markers of one or more series, each a frame with columns year and value."""
    ax = _axes(ax)
    for (label, df), (colour, marker, ls) in zip(series.items(), styles()):
        ax.plot(df["year"], df["value"], color=colour, marker=marker, linestyle=ls, label=label)
    ax.set(xlabel="Year", ylabel=ylabel, title=title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(series) > 1:
        ax.legend(frameon=False)
    return ax
