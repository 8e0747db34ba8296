"""Lesson 05 exercises (From absolute to relative poverty): expected answers computed from data/
when a check runs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import data
from . import exercise, figure, number, table, text

FIFTHS = ["low", "lower-middle", "middle", "upper-middle", "high"]
YEAR = 2020  # the year of Exercise 1


def _gini(incomes) -> float:
    """Population Gini by the mean absolute difference: sum |x_i - x_j| / (2 n^2 mean)."""
    x = np.asarray(incomes, dtype=float)
    return float(np.abs(x[:, None] - x[None, :]).sum() / (2 * x.size ** 2 * x.mean()))


def _fifths() -> pd.DataFrame:
    """National fifths of the integrated survey: one row per year, one column per fifth."""
    q = data.load("income_quintiles")
    national = q[(q["population"] == "national") & (q["survey_basis"] == "integrated")]
    return national.pivot(index="year", columns="quintile", values="income_yuan")[FIFTHS]


@exercise("05.1")
def gini_of_five_averages():
    fifths = _fifths()
    row = fifths.loc[YEAR]
    expected = _gini(row)
    nbs = data.load("gini").set_index("year")["gini"]
    ratio = row["high"] / row["low"]
    mistakes = [
        (float(nbs[YEAR]), "That is the NBS Gini of all incomes. Compute the Gini of the five averages with the "
                           "lesson's gini function."),
        (expected * 5 / 4, "That is the sample Gini (times n / (n - 1)). The lesson's gini function uses the "
                           "population formula: apply it to the five averages as they are."),
        (_gini([*row, round(ratio, 2)]), "Your incomes include the 'top / bottom' column: keep only the five "
                                        "fifths (the list FIFTHS)."),
        (100 * expected, "Give the Gini as a number between 0 and 1, not in percent."),
        (float(ratio), "That is the quintile ratio (top / bottom), not the Gini."),
    ]
    for year in fifths.index:
        if year != YEAR:
            mistakes.append((_gini(fifths.loc[year]), f"That is the Gini of another year: take the row for {YEAR}."))
    return number(expected, tol=0.0005, mistakes=mistakes, unit="(Gini of the five averages)")


def _line_across_missing_years(ax) -> bool:
    """True if no drawn line joins two points more than one year apart."""
    for line in ax.get_lines():
        if line.get_linestyle() in ("None", "none", "", " "):
            continue
        xs = np.sort(np.asarray(line.get_xdata(), float))
        xs = xs[~np.isnan(xs)]
        if len(xs) > 1 and (np.diff(xs) > 1).any():
            return False
    return True


@exercise("05.2")
def fifths_figure():
    fifths = _fifths()
    series = {f: (fifths.index.to_numpy(float), fifths[f].to_numpy(float)) for f in FIFTHS}
    return figure(series, xlabel=("year",), ylabel=("yuan",), legend=True, extra=[
        (_line_across_missing_years, "A line in your figure crosses missing years (2017, 2019, 2024): draw points "
                                     "(sns.scatterplot), so that no line invents the years between."),
    ])


def _latest_spell(ppp: int = 2017) -> pd.DataFrame:
    pip = data.load("pip_headcount")
    china = pip[(pip["country"] == "China") & (pip["line"] == "half of median") & (pip["ppp_version"] == ppp)]
    return china[china["survey_comparability"] == china["survey_comparability"].max()]


def _wide(rows: pd.DataFrame) -> pd.DataFrame:
    wide = rows.pivot(index="year", columns="reporting_level", values="headcount_ratio_pct")
    wide.columns.name = None
    return wide.reset_index()[["year", "national", "rural", "urban"]]


@exercise("05.3")
def latest_spell_table():
    expected = _wide(_latest_spell())
    other_ppp = _wide(_latest_spell(2011))
    levels = ["national", "rural", "urban"]

    def same_as_2011(a):
        b = a.sort_values("year")
        return len(b) == len(other_ppp) and np.allclose(b[levels].to_numpy(float), other_ppp[levels].to_numpy(float),
                                                        atol=0.005) and not np.allclose(
            b[levels].to_numpy(float), expected[levels].to_numpy(float), atol=0.005)

    return table(expected, mistakes=[
        (lambda a: "year" not in a.columns and "reporting_level" in a.columns,
         "One row per year and one column per reporting level: put year in the index and reporting_level in the "
         "columns."),
        (lambda a: "year" in a.columns and a["year"].min() < 2013,
         "Your table has years before 2013: keep only the latest comparable spell (latest_spell)."),
        (same_as_2011, "These are the values of the 2011-PPP version: the lesson keeps ppp_version 2017."),
    ])


@exercise("05.4")
def which_median():
    return text(points=[
        ([r"median"], "Say which line each share is measured against: half of which median?"),
        ([r"urban", r"cit(y|ies)", r"town"],
         "Say why the national median differs from the rural one: what do urban incomes do to it?"),
        ([r"more (rural )?people", r"more rural", r"count(s|ed)? more", r"larger (number|share)", r"increase",
          r"\brise", r"higher (number|share)", r"more of them"],
         "Say what one national line would do to the number of rural people counted as relatively poor."),
    ], words=(30, 160))
