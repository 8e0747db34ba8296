"""Lesson 05's explorer in the browser: `Explorer(draw_incomes, ...)` in
notebooks/05-absolute-to-relative.ipynb (Line 50 % of median, Spread 0.9, Every income times 1,
Fixed line 50).

The expected sentence is recomputed here with plain numpy from the lesson's stated recipe (20,001
standard-normal draws from `np.random.default_rng(5)`, shifted so that the middle one is 0, incomes
`times * 100 * exp(spread * z)`), never by ruralrev or by the lesson's code. The Gini comes from the
rank formula, not from the lesson's trapezoids.
"""

from __future__ import annotations

from functools import cache, partial

import numpy as np

from .specs import ExplorerSpec, Step, bad


@cache
def _draws() -> np.ndarray:
    z = np.random.default_rng(5).standard_normal(20_001)
    return z - np.median(z)


def _gini(x: np.ndarray) -> float:
    """Population Gini of sorted incomes: 2 * sum(i * x_i) / (n * sum x) - (n + 1) / n, i = 1..n."""
    x = np.sort(x)
    n = x.size
    return float(2 * np.dot(np.arange(1, n + 1), x) / (n * x.sum()) - (n + 1) / n)


def incomes_sentence(share=50, spread=0.9, times=1.0, fixed=50.0) -> str:
    share, spread, times, fixed = int(share), float(spread), float(times), float(fixed)
    x = times * 100 * np.exp(spread * _draws())
    median = float(np.median(x))
    line = share / 100 * median
    return (f"Illustrative incomes of 20,001 people, spread {spread:g}, every income times {times:g}: median "
            f"{median:,.1f}; {share}% of the median is {line:,.1f}, and {100 * np.mean(x < line):.1f}% "
            f"of people are below it; {100 * np.mean(x < fixed):.1f}% are below the fixed line of {fixed:g}; "
            f"Gini {_gini(x):.3f}.")


E = incomes_sentence
SPECS = [
    # notebooks/05-absolute-to-relative.ipynb: Explorer(draw_incomes, share=50, spread=0.9, times=1, fixed=50)
    ExplorerSpec(
        id="05-incomes-explorer", notebook="05-absolute-to-relative.ipynb", index=0,
        initial=partial(E, 50, 0.9, 1.0, 50),
        steps=(
            Step("Line (% of median)", "slider", "40", partial(E, 40, 0.9, 1.0, 50)),
            Step("Every income times", "slider", "2.00", partial(E, 40, 0.9, 2.0, 50)),
            Step("Spread (sd of log income)", "slider", "1.00", partial(E, 40, 1.0, 2.0, 50)),
            Step("Fixed line", "type", "80", partial(E, 40, 1.0, 2.0, 80)),
            bad("Fixed line", "abc"),
            bad("Fixed line", "5000"),
        ),
    ),
]
