"""Explorer for the ILLUSTRATIVE return-to-poverty simulation (lesson 06).

Every assumption of `measures.simulation.simulate` is a control. The explorer uses 20,000
households by default (at most 100,000) so that an update stays well under 150 ms.
"""

from __future__ import annotations

import ipywidgets as w

from ..inputs import whole_number
from ..measures.simulation import DEFAULTS, LABELS, simulate
from ..plots.simulation import plot_simulation
from . import Explorer

#: Households the explorer accepts (the pure function accepts more).
HOUSEHOLDS = (1_000, 100_000)

#: Slider ranges and steps: name -> (low, high, step)
SLIDERS = {
    "median": (0.8, 3.0, 0.1), "spread": (0.1, 1.0, 0.05), "growth_pct": (-5.0, 10.0, 0.5),
    "shock_prob_pct": (0.0, 50.0, 1.0), "shock_size_pct": (0.0, 80.0, 5.0), "threshold": (1.0, 3.0, 0.1),
    "support_pct": (0.0, 100.0, 5.0),
}


#: Axes position in figure fractions (left, bottom, width, height).


def _pct(x: float) -> str:
    return f"{x:.1f}%"


class SimulationExplorer(Explorer):
    """Change the simulation's assumptions; see the share of households back below the line,
    with and without the monitoring-and-support rule."""

    margins = {"left": 0.1, "right": 0.97, "bottom": 0.13, "top": 0.91}  # fits three-digit tick labels

    figsize = (7.5, 4.2)

    def __init__(self, **assumptions):
        values = {**DEFAULTS, **assumptions}
        style = {"description_width": "initial"}
        controls = {"households": w.Text(value=str(values["households"]), description=LABELS["households"],
                                         continuous_update=False, style=style, layout=w.Layout(width="15em"))}
        for name, (low, high, step) in SLIDERS.items():
            controls[name] = w.FloatSlider(value=values[name], min=low, max=high, step=step,
                                           description=LABELS[name], continuous_update=False, style=style,
                                           readout_format=".2g" if name == "spread" else ".1f",
                                           layout=w.Layout(width="22em"))
        controls["years"] = w.IntSlider(value=values["years"], min=1, max=30, description=LABELS["years"],
                                        continuous_update=False, style=style, layout=w.Layout(width="22em"))
        controls["seed"] = w.Text(value=str(values["seed"]), description=LABELS["seed"], continuous_update=False,
                                  style=style, layout=w.Layout(width="12em"))
        super().__init__(controls, title="ILLUSTRATIVE return-to-poverty simulation (not calibrated to China's data)")

    def compute(self, **values):
        lo, hi = HOUSEHOLDS
        values["households"] = whole_number(values["households"], name=LABELS["households"], low=lo, high=hi)
        return simulate(**values)

    def draw(self, result, ax) -> None:
        plot_simulation(result, measure="fell_back", ax=ax)

    def describe(self, result) -> str:
        a, last = result.attrs["assumptions"], result.iloc[-1]
        return (f"ILLUSTRATIVE simulation, not calibrated to China's data ({a['households']:,} households, "
                f"seed {a['seed']}): in year {int(last['year'])}, {_pct(last['fell_back_without_pct'])} of the "
                f"households that started above the line are below it without the support rule and "
                f"{_pct(last['fell_back_with_pct'])} with it (monitoring below {a['threshold']:g} x line, "
                f"support {a['support_pct']:g}% of line, {_pct(last['monitored_pct'])} of households monitored "
                f"that year).")
