"""Lesson 07 exercises: expected answers computed from data/ when a check runs."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .. import data
from ..measures import growth
from . import exercise, figure, number, text

URBAN, RURAL, RATIO = "urban_disposable_income", "rural_disposable_income", "urban_rural_ratio"
TARGETS, YEARS = (2.0, 1.8, 1.5), (2030, 2035, 2050)


def _wide() -> pd.DataFrame:
    income = data.load("income")
    return income[income["survey_basis"] == "integrated"].pivot(index="year", columns="indicator", values="value")


def _rate(wide: pd.DataFrame, column: str, first: int, last: int) -> float:
    return (wide.loc[last, column] / wide.loc[first, column]) ** (1 / (last - first)) - 1


def _start() -> tuple[int, float]:
    """The latest year of the integrated survey and its published ratio (the lesson's `last`, `ratio0`)."""
    wide = _wide()
    last = int(wide.index.max())
    return last, float(wide.loc[last, RATIO])


@exercise("07.1")
def year_with_recent_growth():
    wide = _wide()
    last, ratio0 = _start()
    u, r = _rate(wide, URBAN, 2019, 2024), _rate(wide, RURAL, 2019, 2024)
    right = float(growth.year_reached(ratio0, u, r, 2.0, last))
    t = float(growth.years_to_target(ratio0, u, r, 2.0))
    early = (_rate(wide, URBAN, 2015, 2019), _rate(wide, RURAL, 2015, 2019))
    since_2015 = (_rate(wide, URBAN, 2015, last), _rate(wide, RURAL, 2015, last))
    candidates = [
        (float(growth.year_reached(ratio0, *early, 2.0, last)),
         "These are the rates of 2015-2019: the task asks for the average growth from 2019 to 2024."),
        (float(growth.year_reached(ratio0, *since_2015, 2.0, last)),
         "This is the answer for the rates since 2015, as in the lesson: compute the rates from 2019 to 2024."),
        (last + t, "Give a whole year: the ratio reaches 2 during the year after the fraction, so round up (np.ceil)."),
        (last + math.floor(t), "You rounded down: in that year the ratio is still above 2. Round the years up."),
        (t, "This is a number of years, not a year: add it, rounded up, to the start year."),
        (math.ceil(t), "This is a number of years, not a year: add it to the start year."),
        (float(growth.year_reached(wide.loc[2019, RATIO], u, r, 2.0, 2019)),
         "Start from the latest ratio (ratio0, in the year last), not from the 2019 ratio."),
    ]
    for years in (4, 6):  # 2024 - 2019 = 5 years of growth
        wrong = ((wide.loc[2024, URBAN] / wide.loc[2019, URBAN]) ** (1 / years) - 1,
                 (wide.loc[2024, RURAL] / wide.loc[2019, RURAL]) ** (1 / years) - 1)
        candidates.append((float(growth.year_reached(ratio0, *wrong, 2.0, last)),
                           f"From 2019 to 2024 there are 5 years of growth (2024 - 2019), not {years}."))
    seen, mistakes = {right}, []
    for value, message in candidates:  # a mistake that gives the right year is not a mistake
        if math.isfinite(value) and not any(math.isclose(value, s, abs_tol=1e-6) for s in seen):
            seen.add(value)
            mistakes.append((value, message))
    return number(right, tol=1e-6, unit="(the first year with the ratio at or below 2)", mistakes=mistakes,
                  year=True)


def _needed_table() -> pd.DataFrame:
    """needed_wide of the lesson: rural growth needed (% a year), targets as rows, years as columns."""
    wide = _wide()
    last, ratio0 = _start()
    g_u = _rate(wide, URBAN, 2015, last)
    rows = [{"target ratio": tgt, "by year": year,
             "rural growth needed (% a year)": round(100 * float(growth.rural_growth_needed(ratio0, g_u, tgt, year - last)), 2)}
            for tgt in TARGETS for year in YEARS]
    return pd.DataFrame(rows).pivot_table(index="target ratio", columns="by year",
                                          values="rural growth needed (% a year)")


def _mesh(ax):
    from matplotlib.collections import QuadMesh

    meshes = [c for c in ax.collections if isinstance(c, QuadMesh)]
    return meshes[0] if meshes else None


def _values(ax) -> np.ndarray:
    mesh = _mesh(ax)
    return np.ma.filled(np.ma.asarray(mesh.get_array(), dtype=float), np.nan).ravel() if mesh is not None else np.array([])


def _ticks(labels) -> list[float]:
    out = []
    for t in labels:
        try:
            out.append(float(t.get_text()))
        except ValueError:
            return []
    return out


@exercise("07.2")
def required_growth_heatmap():
    expected = np.sort(_needed_table().to_numpy(float).ravel())

    def is_heatmap(ax):
        return _mesh(ax) is not None

    def nine_cells(ax):
        return _values(ax).size == expected.size

    def not_fractions(ax):
        got = np.sort(_values(ax))
        return not np.allclose(got, expected / 100, atol=0.0005)

    def right_values(ax):
        return bool(np.allclose(np.sort(_values(ax)), expected, atol=0.01))

    def targets_as_rows(ax):
        return sorted(_ticks(ax.get_yticklabels())) == sorted(TARGETS)

    def axes_named(ax):
        return "year" in ax.get_xlabel().lower() and "target" in ax.get_ylabel().lower()

    def values_written(ax):
        return sum(bool(t.get_text().strip()) for t in ax.texts) >= expected.size

    def colour_bar_labelled(ax):
        others = [a for a in ax.figure.axes if a is not ax]
        return any(re.search(r"%|percent", a.get_ylabel() + a.get_xlabel(), re.IGNORECASE) for a in others)

    return figure({}, extra=[
        (is_heatmap, "Draw a heatmap (sns.heatmap): a grid of coloured cells, not lines or bars."),
        (nine_cells, "Your heatmap should have 3 x 3 cells, one per target ratio and year: draw needed_wide, "
                     "the wide table, not the long one."),
        (not_fractions, "Your values are fractions: draw the table in % a year, as needed_wide holds it."),
        (right_values, "The cells' values differ from the rural growth needed: draw needed_wide itself."),
        (targets_as_rows, "Put the target ratios on the rows and the years on the columns, as in needed_wide "
                          "(not transposed)."),
        (axes_named, "Name the axes: the years on the x-axis, the target ratio on the y-axis "
                     "(needed_wide's own names give them)."),
        (values_written, "Write each value in its cell, so that a reader need not guess it from the colour."),
        (colour_bar_labelled, "Label the colour bar with what the colours show and their unit (% a year)."),
    ])


@exercise("07.3")
def ratio_gap_and_prices():
    return text(points=[
        ([r"percent", r"%", r"faster", r"growth rate"],
         "Say why the ratio falls: which income grows faster, measured in percent?"),
        ([r"base", r"smaller", r"lower (income|level|starting)", r"fewer yuan", r"less in yuan", r"lower amount"],
         "Say why the gap in yuan still widens: what is each percentage applied to?"),
        ([r"inflation", r"price"], "Say what a common price rise (inflation) does."),
        ([r"cancel", r"unchanged", r"(does not|doesn't|not) change the ratio", r"ratio (stays|remains|is the same)",
          r"same ratio", r"no effect on the ratio", r"ratio .{0,30}(unaffected|unchanged|the same)"],
         "Say what a price rise common to both incomes does to the ratio."),
    ], words=(30, 150))

