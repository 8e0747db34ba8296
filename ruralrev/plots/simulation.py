"""Figures of the ILLUSTRATIVE return-to-poverty simulation (lesson 06)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from . import styles

#: measure -> (column without the rule, column with the rule, y-axis label, title)
MEASURES = {
    "fell_back": ("fell_back_without_pct", "fell_back_with_pct",
                  "% who started above the line",
                  "ILLUSTRATIVE simulation: households back below the line"),
    "below": ("below_without_pct", "below_with_pct", "% of all households",
              "ILLUSTRATIVE simulation: households below the line"),
}


def rule_label(assumptions: dict) -> str:
    """Legend text for the scenario with the rule, naming its two settings."""
    return (f"with the support rule (monitor below {assumptions['threshold']:g} x line, "
            f"support {assumptions['support_pct']:g}% of line)")


def plot_simulation(result: pd.DataFrame, *, measure: str = "fell_back", ax=None):
    """Two series over the simulated years: without the support rule (circles, solid line) and
    with it (squares, dashed line). `result` is a frame from `measures.simulation.simulate`;
    `measure` is 'fell_back' (share of households that started above the line and are below it)
    or 'below' (share of all households below the line)."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    ax = ax if ax is not None else plt.subplots()[1]
    without, with_rule, ylabel, title = MEASURES[measure]
    labels = ["without the support rule", rule_label(result.attrs["assumptions"])]
    for column, label, (colour, marker, ls) in zip((without, with_rule), labels, styles()):
        ax.plot(result["year"], result[column], color=colour, marker=marker, linestyle=ls, label=label)
    top = max(float(result[[without, with_rule]].to_numpy().max()), 1.0)
    ax.set(xlabel="Years after the start", ylabel=ylabel, title=title,
           xlim=(-0.3, result["year"].max() + 0.3), ylim=(0, top * 1.25))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, loc="upper left", fontsize=9)
    ax.text(0.99, 0.02, "Not calibrated to China's data", transform=ax.transAxes, ha="right", va="bottom",
            fontsize=8, color="0.35")
    return ax
