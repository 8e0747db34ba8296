"""The milestone explorer (lesson 01): pick a period, a theme and a range of years; see the selected
milestones on a timeline and a sentence listing them with their sources.

    from ruralrev.widgets.milestones import MilestoneExplorer
    MilestoneExplorer(theme="rural revitalization", start="2013", end="2021")
"""

from __future__ import annotations

import ipywidgets as w

from .. import data
from ..measures import terms
from ..plots.timeline import plot_timeline
from . import Explorer

__all__ = ["MilestoneExplorer"]


class MilestoneExplorer(Explorer):
    """Milestones of data/milestones.csv by period, theme and years, drawn with `plot_timeline`."""

    figsize = (8.5, 4.6)
    #: left, bottom, width, height of the axes, as fractions of the figure
    #: room for the labels on the left and the legend on the right (see Explorer.margins)
    margins = {"left": 0.27, "right": 0.74, "bottom": 0.12, "top": 0.92}

    def __init__(self, period: str = terms.ALL, theme: str = terms.ALL, start=None, end=None):
        self.milestones = data.load("milestones")
        ms = self.milestones
        lo, hi = int(ms["year"].min()), int(ms["year"].max())
        self.years = (lo, hi)
        period_dd = w.Dropdown(options=[("all periods", terms.ALL)] + [(p, p) for p in dict.fromkeys(ms["period"])],
                               value=period, description="Period", layout=w.Layout(width="30em"))
        theme_dd = w.Dropdown(options=[("all themes", terms.ALL)] + [(t, t) for t in sorted(ms["theme"].unique())],
                              value=theme, description="Theme", layout=w.Layout(width="24em"))
        start_box = w.Text(value=str(lo if start is None else start), description="From year",
                           placeholder=f"{lo}-{hi}", continuous_update=False, layout=w.Layout(width="12em"))
        end_box = w.Text(value=str(hi if end is None else end), description="To year",
                         placeholder=f"{lo}-{hi}", continuous_update=False, layout=w.Layout(width="12em"))
        super().__init__({"period": period_dd, "theme": theme_dd, "start": start_box, "end": end_box},
                         title="Milestone explorer")

    def compute(self, period, theme, start, end):
        return terms.select_milestones(self.milestones, period=period, theme=theme, start=start, end=end)

    def draw(self, result, ax):
        plot_timeline(result["rows"], start=result["start"], end=result["end"], ax=ax)

    def describe(self, result) -> str:
        return terms.milestone_summary(result)
