"""Growth-path calculator: type urban and rural growth, a target ratio and a target year (lesson 07)."""

from __future__ import annotations

import ipywidgets as w

from .. import data
from ..measures import growth
from ..plots.growth import plot_growth_path
from . import Explorer


def _box(description: str, value: str, width: str = "13em") -> w.Text:
    return w.Text(value=value, description=description, continuous_update=False,
                  style={"description_width": "initial"}, layout=w.Layout(width=width))


class GrowthExplorer(Explorer):
    """When does the urban-rural income ratio reach a target, and what rural growth would reach it
    by a target year? Defaults: average annual nominal growth from `start` to the latest year."""

    figsize = (7.5, 5.0)
    #: room below the axes for the legend, which plot_growth_path places under the x-axis label
    margins = {"left": 0.1, "right": 0.97, "bottom": 0.29, "top": 0.93}

    def __init__(self, urban=None, rural=None, target="2", year="2035", start: int = 2015, since: int = 2000):
        self.income = data.load("income")
        self.observed = growth.observed_ratio(self.income)
        self.since = since
        rates = growth.default_growth(self.income, start=start)
        urban = f"{100 * rates['urban']:.2f}" if urban is None else urban
        rural = f"{100 * rates['rural']:.2f}" if rural is None else rural
        super().__init__({"urban": _box("Urban growth %", str(urban)),
                          "rural": _box("Rural growth %", str(rural)),
                          "target": _box("Target ratio", str(target), "11em"),
                          "year": _box("Target year", str(year), "11em")},
                         title="Growth-path calculator (illustrative: constant growth)")

    def compute(self, urban, rural, target, year):
        return growth.calculate(self.income, urban, rural, target, year)

    def draw(self, result, ax):
        projections = {"projected at these rates": result["path"],
                       f"rural growth needed for {result['target_year']}": result["needed_path"]}
        plot_growth_path(self.observed, projections, target=result["target"], since=self.since, ax=ax)

    def describe(self, result) -> str:
        return growth.sentence(result)
