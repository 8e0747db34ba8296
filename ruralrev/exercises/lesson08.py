"""Exercise checks of lesson 08 (Review and capstone).

Every expected answer is computed from data/income.csv when the check runs.
"""

from __future__ import annotations

import numpy as np

from .. import data
from . import exercise, figure, number, text

BASES = {"old_survey": "old surveys", "integrated": "integrated survey"}


def _ratio(basis: str):
    """The urban-rural income ratio on one survey basis, by year (rural = 1)."""
    inc = data.load("income")
    rows = inc[(inc["indicator"] == "urban_rural_ratio") & (inc["survey_basis"] == basis)]
    return rows.set_index("year")["value"].sort_index()


def _per_year(series) -> float:
    """Change from the first to the last value, divided by the years between them."""
    return float((series.iloc[-1] - series.iloc[0]) / (series.index[-1] - series.index[0]))


@exercise("08.1")
def ratio_change_per_year():
    integrated = _ratio("integrated")
    expected = _per_year(integrated)
    total = float(integrated.iloc[-1] - integrated.iloc[0])
    backcast = _ratio("integrated_backcast")
    old = _ratio("old_survey")
    mistakes = [
        (total, "This is the total change: divide it by the number of years between the first and the last value."),
        (total / len(integrated), "You divided by the number of rows; divide by the number of years between the "
                                  "first and the last value (last year minus first year)."),
        (-expected, "Your change is positive, but the ratio fell: subtract the first value from the last."),
        ((integrated.iloc[-1] - backcast.iloc[0]) / (integrated.index[-1] - backcast.index[0]),
         "You started from the 2012 back-cast: keep only the rows whose survey_basis is 'integrated'."),
        ((integrated.iloc[-1] - old.iloc[0]) / (integrated.index[-1] - old.index[0]),
         "Your first value is from the old surveys: the two surveys measure different incomes, so keep only "
         "survey_basis 'integrated'."),
        (_per_year(old), "These are the old-survey values: keep only survey_basis 'integrated'."),
    ]
    return number(expected, tol=0.0005, mistakes=mistakes, unit="a year (ratio points, integrated survey)")


@exercise("08.2")
def mark_a_draft():
    return text(points=[
        ([r"1978[ -]standard", r"(two|different) (poverty )?(standards|lines)",
          r"same (poverty )?(standard|line)", r"(standards|lines) (are|were) (mixed|joined)"],
         "Say which poverty standard each count is under: is 250 million counted with the same line as "
         "98.99 million?"),
        ([r"\bsites?\b"], "Look up the unit of the 35,000 in data/white_paper_facts.csv: does it count households?"),
        ([r"2010 standard", r"2010-standard", r"current standard"],
         "In your rewrite, name the standard of the counts you keep."),
        ([r"million people", r"9\.6"],
         "Rewrite the resettlement half with the number of people relocated (the table has it), and keep the "
         "35,000 for what it counts."),
    ], words=(30, 180))


def _gap_free(ax) -> bool:
    """No drawn line joins two years that are more than one year apart."""
    for line in ax.get_lines():
        if line.get_linestyle() in ("None", "none", "", " "):
            continue
        xs = np.asarray(line.get_xdata(), float)
        xs = np.sort(xs[~np.isnan(xs)])
        if len(xs) > 1 and np.diff(xs).max() > 1 + 1e-9:
            return False
    return True


@exercise("08.3")
def ratio_figure():
    series = {}
    for basis, name in BASES.items():
        s = _ratio(basis)
        series[name] = (s.index.to_numpy(float), s.to_numpy(float))
    return figure(series, xlabel=["year"], ylabel=["ratio"], legend=True, extra=[
        (_gap_free, "A line crosses years that have no value (the old surveys have one value every five years "
                    "before 2010): draw one line per run of consecutive years (units= with estimator=None), "
                    "or points."),
    ])
