"""Milestones on a time axis: a thin vertical line and a short label for each."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd


def plot_milestones(milestones: pd.DataFrame, *, ax=None, label_every: int = 1):
    """Mark each milestone (columns year, label) with a dotted vertical line and a rotated label
    at the top of `ax`. Draws on an existing chart's axes, so call it after the data series."""
    ax = ax if ax is not None else plt.subplots()[1]
    top = ax.get_ylim()[1]
    for i, row in enumerate(milestones.itertuples()):
        ax.axvline(row.year, color="0.45", linestyle=":", linewidth=1, zorder=0)
        if i % label_every == 0:
            ax.text(row.year, top, f" {row.label}", rotation=90, va="top", ha="right", fontsize=8, color="0.25")
    return ax
