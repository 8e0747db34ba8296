"""The urban-rural income ratio: observed series and illustrative projected paths (lesson 07)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from . import styles

#: the y-axis label of every ratio figure
RATIO_LABEL = "Urban-rural income ratio (rural = 1)"


def plot_growth_path(observed: dict[str, pd.DataFrame], projections: dict[str, pd.DataFrame] | None = None, *,
                     target: float | None = None, since: int | None = None,
                     title: str = "Urban-rural income ratio: observed and projected", ax=None):
    """Observed ratio series and projected paths, each a frame with columns year and value.

    Observed series come first in the legend, then the projections; every series has its own
    colour, marker and line style, and series are never joined to each other. `target` draws a
    thin grey horizontal reference line; `since` drops observed years before it. If a projection
    rises above twice the observed peak, the y-axis stops there (the line leaves the view)."""
    ax = ax if ax is not None else plt.subplots()[1]
    series = list(observed.items()) + list((projections or {}).items())
    for (label, df), (colour, marker, ls) in zip(series, styles()):
        if since is not None and label in observed:
            df = df[df["year"] >= since]
        ax.plot(df["year"], df["value"], color=colour, marker=marker, linestyle=ls, label=label,
                markersize=4 if len(df) > 30 else 6)
    # a steeply rising projection would flatten everything else: cut the view at twice the observed peak
    peak = max((df["value"].max() for df in observed.values()), default=None)
    top = max((df["value"].max() for df in (projections or {}).values()), default=None)
    if peak is not None and top is not None and top > 2 * peak:
        low = min([df["value"].min() for _, df in series] + ([target] if target is not None else []))
        ax.set_ylim(max(0.0, low - 0.05 * (2 * peak - low)), 2 * peak)
    if target is not None:
        ax.axhline(target, color="0.35", linewidth=1.2, linestyle=(0, (6, 2, 1, 2)), label=f"target ratio {target:.2f}",
                   zorder=0)
    ax.set(xlabel="Year", ylabel=RATIO_LABEL, title=title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    # below the axes, so it never hides data whichever way the paths go (and cheaper than loc="best")
    ax.legend(frameon=False, fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    return ax
