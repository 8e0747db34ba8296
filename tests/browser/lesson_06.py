"""Lesson 06's explorer in the browser: `Explorer(draw_simulation, ...)` in
notebooks/06-transition-challenges.ipynb (Show "fell back", Monitor below 1.5, Support 30, Shock chance 10,
Shock size 30, Growth 5, Median income 2, Spread 0.4, Seed 2021; 20,000 households, 10 years).

The expected sentence is recomputed here with plain numpy from the model's documented recipe (the
docstring of ruralrev/measures/simulation.py), never by ruralrev or by the lesson's code: year-0 incomes
median * exp(spread * N(0, 1)) drawn from `np.random.default_rng(seed)`; each year a household is
monitored if last year's income before support was below the threshold, a shock hits when
`rng.random(n) < chance`, every income grows and a shocked one loses the shock size; the top-up counts
in that year only.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from .specs import ExplorerSpec, Step, bad

HOUSEHOLDS, YEARS = 20_000, 10
DEFAULTS = {"measure": "fell_back", "threshold": 1.5, "support_pct": 30.0, "shock_prob_pct": 10.0,
            "shock_size_pct": 30.0, "growth_pct": 5.0, "median": 2.0, "spread": 0.4, "seed": 2021}
#: the lesson's design, copied: the dropdown's option labels
SHOW = {"fell_back": "fell back (started above the line)", "below": "below the line (all households)"}


def simulation_sentence(**changed) -> str:
    a = {**DEFAULTS, **changed}
    threshold, support = float(a["threshold"]), float(a["support_pct"])
    rng = np.random.default_rng(int(a["seed"]))
    market = float(a["median"]) * np.exp(float(a["spread"]) * rng.standard_normal(HOUSEHOLDS))
    above = market >= 1.0
    monitored = np.zeros(HOUSEHOLDS, dtype=bool)
    with_support = market
    for _ in range(YEARS):
        monitored = market < threshold
        shocked = rng.random(HOUSEHOLDS) < float(a["shock_prob_pct"]) / 100
        market = market * (1 + float(a["growth_pct"]) / 100) * np.where(shocked, 1 - float(a["shock_size_pct"]) / 100, 1)
        with_support = market + support / 100 * monitored
    if a["measure"] == "fell_back":
        n_above = max(int(above.sum()), 1)
        without = 100 * ((market < 1) & above).sum() / n_above
        with_rule = 100 * ((with_support < 1) & above).sum() / n_above
        what = "of the households that started above the line are below it"
    else:
        without, with_rule = 100 * (market < 1).mean(), 100 * (with_support < 1).mean()
        what = "of all households are below the line"
    return (f"ILLUSTRATIVE, not calibrated to China's data ({HOUSEHOLDS:,} households, seed {int(a['seed'])}): in "
            f"year {YEARS}, {without:.1f}% {what} without the rule and {with_rule:.1f}% with it (monitoring below "
            f"{threshold:g} times the line, top-up {support:g}% of the line; {100 * monitored.mean():.1f}% of "
            f"households monitored that year).")


#: (control label, kind, value as typed or shown on the slider's readout, the assumption it sets)
STEPS = [
    ("Monitor below (× line)", "slider", "1.60", {"threshold": 1.6}),
    ("Support (% of line)", "slider", "35.00", {"support_pct": 35}),
    ("Shock chance (% a year)", "slider", "11.00", {"shock_prob_pct": 11}),
    ("Shock size (% of income)", "slider", "35.00", {"shock_size_pct": 35}),
    ("Growth (% a year)", "slider", "5.50", {"growth_pct": 5.5}),
    ("Median income (× line)", "slider", "2.10", {"median": 2.1}),
    ("Spread (sd of log income)", "slider", "0.45", {"spread": 0.45}),
    ("Seed", "type", "7", {"seed": 7}),
    ("Show", "select", SHOW["below"], {"measure": "below"}),
]


def _steps():
    changed: dict = {}
    out = []
    for label, kind, value, sets in STEPS:
        changed = {**changed, **sets}
        out.append(Step(label, kind, value, partial(simulation_sentence, **changed)))
    return tuple(out)


E = simulation_sentence
SPECS = [
    ExplorerSpec(
        id="06-simulation-explorer", notebook="06-transition-challenges.ipynb", index=0,
        initial=E,
        steps=_steps() + (bad("Seed", "abc"), bad("Seed", "10000"), bad("Seed", "-1")),
    ),
]
