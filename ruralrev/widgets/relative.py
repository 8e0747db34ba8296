"""Explorer for lesson 05: a relative line (a share of the median) and a fixed line over time,
for an illustrative synthetic population whose incomes all grow at the same rate."""

from __future__ import annotations

import ipywidgets as w

from . import Explorer
from ..inputs import number, whole_number
from ..measures import relative as rel
from ..plots import relative as relplots

#: The illustrative population: stated in the lesson and in every summary sentence.
POPULATION = {"n": 20_000, "median": 100.0, "sigma": 0.9, "seed": 5}
YEARS = 20


class RelativeLineExplorer(Explorer):
    """Move the relative line (share of the median), the growth rate, the year and the fixed line;
    see the share of people below each line over 20 years of illustrative growth."""

    margins = {"left": 0.09, "right": 0.98, "bottom": 0.24, "top": 0.92}

    figsize = (7.5, 4.2)

    def __init__(self, share: int = 50, growth: float = 6.0, year: int = 10, fixed: str = "50"):
        self.base = rel.lognormal_incomes(POPULATION["n"], median=POPULATION["median"],
                                          sigma=POPULATION["sigma"], seed=POPULATION["seed"])
        style = {"description_width": "initial"}
        controls = {
            "share": w.IntSlider(value=share, min=30, max=70, step=5, description="Share of median (%)",
                                 style=style, continuous_update=False),
            "growth": w.FloatSlider(value=growth, min=0, max=10, step=0.5, description="Growth (% a year)",
                                    style=style, continuous_update=False, readout_format=".1f"),
            "year": w.IntSlider(value=year, min=0, max=YEARS, step=1, description="Year",
                                style=style, continuous_update=False),
            "fixed": w.Text(value=fixed, description="Fixed line", style=style,
                            layout=w.Layout(width="14em"), continuous_update=False),
        }
        super().__init__(controls, title="A relative line and a fixed line (illustrative)")

    def compute(self, share, growth, year, fixed):
        share = whole_number(share, name="Share of median (%)", low=30, high=70)
        growth = number(growth, name="Growth (% a year)", low=0, high=10)
        year = whole_number(year, name="Year", low=0, high=YEARS)
        fixed = number(fixed, name="Fixed line", low=1, high=1000)
        table = rel.fixed_vs_relative(self.base, share=share / 100, growth_pct=growth, years=YEARS,
                                      fixed_line=fixed)
        return {"share": share, "growth": growth, "year": year, "fixed": fixed, "table": table,
                "row": table.iloc[year], "start": table.iloc[0]}

    def draw(self, result, ax):
        relplots.plot_fixed_vs_relative(result["table"], share_pct=result["share"], year=result["year"], ax=ax)

    def describe(self, result) -> str:
        p, row, start = POPULATION, result["row"], result["start"]
        return (f"Illustrative log-normal incomes (median {p['median']:g} in year 0, sigma {p['sigma']:g}, "
                f"{p['n']:,} people, seed {p['seed']}) growing {result['growth']:g}% a year: in year "
                f"{result['year']} the median is {row['median']:.1f}; {row['below_relative_pct']:.1f}% are below "
                f"{result['share']}% of the median ({row['relative_line']:.1f}), against "
                f"{start['below_relative_pct']:.1f}% in year 0; {row['below_fixed_pct']:.1f}% are below the fixed "
                f"line of {result['fixed']:g}, against {start['below_fixed_pct']:.1f}% in year 0.")
