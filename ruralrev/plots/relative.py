"""Figures for lesson 05: Lorenz curves, series with survey breaks, income distributions, and
the share of people below a fixed and a relative line over time.

Every function draws on `ax` (a new one if None) and returns the Axes. Series differ in colour,
marker and line style (plots.styles()); no Chinese characters go into figures.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import styles
from ..measures import relative as rel


def _axes(ax):
    return ax if ax is not None else plt.subplots()[1]


def plot_lorenz(incomes, *, weights=None, label: str = "Lorenz curve", title: str = "Lorenz curve", ax=None):
    """The Lorenz curve of `incomes` (one marker per person) and the dotted line of equality.

    The Gini coefficient is twice the area between the two lines."""
    ax = _axes(ax)
    people, income = rel.lorenz(incomes, weights)
    colour, marker, ls = next(styles())
    ax.plot([0, 1], [0, 1], color="0.35", linestyle=":", linewidth=1.5, label="line of equality")
    ax.plot(people, income, color=colour, marker=marker, linestyle=ls, label=label)
    ax.fill_between(people, income, people, color=colour, alpha=0.15, linewidth=0)
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="Cumulative share of people (poorest first)",
           ylabel="Cumulative share of income", title=title)
    ax.set_aspect("equal")
    ax.legend(frameon=False, loc="upper left")
    return ax


def plot_spells(series: dict[str, pd.DataFrame], *, ylabel: str, title: str = "", breaks=(),
                from_zero: bool = False, legend: str = "best", break_labels: str = "top", ax=None):
    """Line chart where each series is drawn in separate pieces, one per comparable spell.

    `series` maps a label to a frame with columns year, value and spell; points of different
    spells are never joined by a line. `breaks` lists years at which to draw a thin vertical
    dotted line marked "survey break" (the first year of a new spell), labelled at the "top" or
    "bottom" of the axes. `from_zero` starts the vertical axis at 0. `legend` is a matplotlib
    legend location, or "outside" to place it to the right of the axes."""
    if break_labels not in ("top", "bottom"):
        raise ValueError("break_labels must be 'top' or 'bottom'")
    ax = _axes(ax)
    for (label, df), (colour, marker, ls) in zip(series.items(), styles()):
        df = df.sort_values("year")
        for i, (_, piece) in enumerate(df.groupby("spell", sort=False)):
            ax.plot(piece["year"], piece["value"], color=colour, marker=marker, linestyle=ls,
                    label=label if i == 0 else None)
    ax.set(xlabel="Year", ylabel=ylabel, title=title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if from_zero:
        ax.set_ylim(bottom=0)
    top = break_labels == "top"
    for year in breaks:
        ax.axvline(year - 0.5, color="0.45", linestyle=":", linewidth=1, zorder=0)
        ax.annotate("survey break", xy=(year - 0.5, 1 if top else 0), xycoords=("data", "axes fraction"),
                    xytext=(2, -2 if top else 2), textcoords="offset points", rotation=90,
                    va="top" if top else "bottom", ha="left", fontsize=8, color="0.3")
    if len(series) > 1:
        if legend == "outside":
            ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
        else:
            ax.legend(frameon=False, loc=legend)
    return ax


def plot_gini(gini: pd.DataFrame, *, ax=None):
    """NBS Gini by year: confirmed values as filled markers on a solid line; provisional values
    (column provisional == 'yes') as open markers, not joined to the line."""
    ax = _axes(ax)
    st = styles()
    colour, marker, ls = next(st)
    firm = gini[gini["provisional"] == "no"].sort_values("year")
    prov = gini[gini["provisional"] == "yes"].sort_values("year")
    ax.plot(firm["year"], firm["gini"], color=colour, marker=marker, linestyle=ls, label="NBS Gini")
    colour2, marker2, _ = next(st)
    ax.plot(prov["year"], prov["gini"], color=colour2, marker=marker2, linestyle="none",
            markerfacecolor="white", markeredgewidth=1.8, markersize=8,
            label="provisional (secondary source)")
    ax.set(xlabel="Year", ylabel="Gini coefficient (0 to 1)",
           title="Gini coefficient of per-capita disposable income, China")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False)
    return ax


def plot_distribution(incomes, lines: dict[str, float], *, title: str = "", bins: int = 60,
                      limits: tuple[float, float] | None = None, ax=None):
    """Histogram of `incomes` on a logarithmic income axis (the bars add up to 100 % of people),
    with a vertical line for each entry of `lines` (label -> income)."""
    ax = _axes(ax)
    x = np.asarray(incomes, dtype=float)
    lo, hi = limits if limits is not None else (np.quantile(x, 0.001), np.quantile(x, 0.999))
    edges = np.geomspace(lo, hi, bins + 1)
    weights = np.full(x.size, 100.0 / x.size)
    ax.hist(np.clip(x, lo, hi), bins=edges, weights=weights, color="0.75", edgecolor="white",
            label="people (share in each bar)")
    for (label, value), (colour, _marker, ls) in zip(lines.items(), styles()):
        ax.axvline(value, color=colour, linestyle=ls, linewidth=2.2, label=f"{label}: {value:,.1f}")
    ax.set_xscale("log")
    ax.set(xlim=(lo, hi), xlabel="Income (illustrative units, log scale)", ylabel="Share of people (%)",
           title=title)
    ax.legend(frameon=False, fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=1)
    return ax


def plot_fixed_vs_relative(table: pd.DataFrame, *, share_pct: float, year: int | None = None, ax=None):
    """Share of people below a relative line and below a fixed line, by year.

    `table` is the output of measures.relative.fixed_vs_relative; `year` marks one year with a
    dotted vertical line."""
    ax = _axes(ax)
    st = styles()
    for column, label in (("below_relative_pct", f"below {share_pct:g}% of the median (moves)"),
                          ("below_fixed_pct", f"below the fixed line of {table['fixed_line'].iloc[0]:g}")):
        colour, marker, ls = next(st)
        ax.plot(table["year"], table[column], color=colour, marker=marker, linestyle=ls, label=label)
    if year is not None:
        ax.axvline(year, color="0.35", linestyle=":", linewidth=1.2, zorder=0)
    top = float(max(table["below_relative_pct"].max(), table["below_fixed_pct"].max()))
    ax.set(xlim=(table["year"].min() - 0.5, table["year"].max() + 0.5), ylim=(0, min(100.0, top * 1.15 + 1)),
           xlabel="Year of the illustration (0 = start)", ylabel="Share of people below the line (%)",
           title="Illustrative: a fixed line and a relative line")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    return ax
