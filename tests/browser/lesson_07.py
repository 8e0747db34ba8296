"""Lesson 07's explorer in the browser: `explorer = Explorer(draw_growth, ...)` in
notebooks/07-pathways.ipynb (Urban growth and Rural growth typed, Target ratio and Target year
sliders).

The expected sentence is recomputed here with plain pandas and the math module from
data/income.csv, never by ruralrev or by the lesson's code.
"""

from __future__ import annotations

import math
from functools import cache, partial

import pandas as pd

from .helpers import DATA_DIR
from .specs import ExplorerSpec, Step, bad

URBAN, RURAL, RATIO = "urban_disposable_income", "rural_disposable_income", "urban_rural_ratio"
LAST_YEAR_DRAWN = 2100


@cache
def start() -> tuple[int, float, float, float]:
    """The latest year, its published ratio, and the default growth rates in % a year (2015 to the
    latest year, compound, rounded to two decimals as the lesson's text boxes show them)."""
    inc = pd.read_csv(DATA_DIR / "income.csv")
    wide = inc[inc["survey_basis"] == "integrated"].pivot(index="year", columns="indicator", values="value")
    last = int(wide.index.max())
    rate = {c: 100 * ((wide.loc[last, c] / wide.loc[2015, c]) ** (1 / (last - 2015)) - 1) for c in (URBAN, RURAL)}
    return last, float(wide.loc[last, RATIO]), round(rate[URBAN], 2), round(rate[RURAL], 2)


def growth_sentence(urban=None, rural=None, target=2.0, year=2035) -> str:
    """The sentence `draw_growth` returns for these controls (growth in % a year)."""
    last, ratio0, du, dr = start()
    urban = float(du if urban is None else urban)
    rural = float(dr if rural is None else rural)
    target, year = float(target), int(year)
    g_u, g_r = urban / 100, rural / 100
    needed = (1 + g_u) * (ratio0 / target) ** (1 / (year - last)) - 1
    if g_r <= g_u:
        when = f"the ratio never falls to {target:g}, because rural growth is not faster than urban growth"
    else:
        t = math.log(target / ratio0) / math.log((1 + g_u) / (1 + g_r))
        reached = last + math.ceil(t - 1e-9)
        when = (f"the ratio does not fall to {target:g} before {LAST_YEAR_DRAWN}" if reached > LAST_YEAR_DRAWN
                else f"the ratio falls to {target:g} in {reached}")
    return (f"Urban growth {urban:g}% and rural growth {rural:g}% a year (nominal, held constant) from the {last} "
            f"ratio of {ratio0:g}: {when}; to reach {target:g} by {year}, rural income must grow "
            f"{100 * needed:.2f}% a year. Illustrative, not a forecast.")


E = growth_sentence
SPECS = [
    # notebooks/07-pathways.ipynb: Explorer(draw_growth, urban/rural = growth 2015-latest, target 2.0, year 2035)
    ExplorerSpec(
        id="07-growth-explorer", notebook="07-pathways.ipynb", index=0,
        initial=E,
        steps=(
            Step("Rural growth (% a year)", "type", "6", partial(E, rural="6")),
            Step("Urban growth (% a year)", "type", "5", partial(E, "5", "6")),
            Step("Target ratio", "slider", "1.50", partial(E, "5", "6", 1.5)),
            Step("Target year", "slider", "2050", partial(E, "5", "6", 1.5, 2050)),
            Step("Target ratio", "slider", "2.30", partial(E, "5", "6", 2.3, 2050)),
            bad("Target ratio", "2.35", "slider"),  # not below the latest ratio: one step up, a message
            bad("Urban growth (% a year)", "abc"),
            bad("Rural growth (% a year)", "21"),
        ),
    ),
]
