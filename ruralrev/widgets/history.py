"""The history explorer (lesson 02): rural poor under one or all three official standards on a
timeline with the policy milestones, and the average annual reduction within each standard.

    from ruralrev.widgets.history import HistoryExplorer
    HistoryExplorer(standard="2010", start="2012", end="2019")
"""

from __future__ import annotations

import ipywidgets as w

from .. import data
from ..inputs import InputError, one_of, whole_number
from ..measures import poverty
from ..measures.milestones import milestones_in
from ..plots.poverty import STANDARD_LABELS, plot_milestone_marks, plot_standards
from . import Explorer, _fmt

__all__ = ["HistoryExplorer", "YEARS", "STANDARD_OPTIONS", "MEASURE_OPTIONS"]

#: Years a user may type: the headcount table starts in 1978, the milestones end in 2021.
YEARS = (1978, 2021)
#: Dropdown options (label, value).
STANDARD_OPTIONS = [("all three standards", "all")] + [(label, s) for s, label in STANDARD_LABELS.items()]
MEASURE_OPTIONS = [("poor_million (million people)", "poor_million"), ("incidence_pct (percent)", "incidence_pct")]
ESTIMATE_NOTES = {"back-cast": " (back-cast)", "low-income line": " (low-income line)"}


def describe_change(row, measure: str) -> str:
    """One clause for one standard, e.g. '2010 standard, 2012–2019: from 98.99 to 5.51 million,
    an average reduction of 13.35 million a year'."""
    pct = measure == "incidence_pct"

    def value(x, estimate):
        return (f"{_fmt(x)}%" if pct else _fmt(x)) + ESTIMATE_NOTES.get(estimate, "")

    name = STANDARD_LABELS[row["standard"]]
    if row["n"] == 1 or row["first_year"] == row["last_year"]:
        shown = f"{_fmt(row['first'])}%" if pct else f"{_fmt(row['first'])} million"
        note = ESTIMATE_NOTES.get(row["first_estimate"], "").strip(" ()")
        return f"{name}, {row['first_year']}: {shown} ({note + ', ' if note else ''}one value, no change)"
    unit, rate_unit = ("", "percentage points") if pct else (" million", "million")
    per_year = row["change_per_year"]
    kind = "reduction" if per_year <= 0 else "increase"
    rate = _fmt(abs(per_year))
    if rate == "1" and pct:
        rate_unit = "percentage point"
    return (f"{name}, {row['first_year']}–{row['last_year']}: from {value(row['first'], row['first_estimate'])} "
            f"to {value(row['last'], row['last_estimate'])}{unit}, an average {kind} of {rate} {rate_unit} a year")


class HistoryExplorer(Explorer):
    """Pick a standard (or all three), a range of years and a measure; see each standard's series on
    a timeline with the milestones, and its average annual reduction in the summary."""

    figsize = (7.5, 5.0)
    #: fixed margins (see Explorer.margins), with room below the axes for the legend
    margins = {"left": 0.105, "right": 0.98, "bottom": 0.215, "top": 0.93}

    def __init__(self, standard: str = "all", start=YEARS[0], end=YEARS[1], measure: str = "poor_million"):
        self.headcount = data.load("headcount")
        self.milestones = data.load("milestones")
        controls = {
            "standard": w.Dropdown(options=STANDARD_OPTIONS, value=standard, description="Standard",
                                   layout=w.Layout(width="20em")),
            "start": w.Text(value=str(start), description="From year", continuous_update=False,
                            layout=w.Layout(width="12em")),
            "end": w.Text(value=str(end), description="To year", continuous_update=False,
                          layout=w.Layout(width="12em")),
            "measure": w.Dropdown(options=MEASURE_OPTIONS, value=measure, description="Measure",
                                  layout=w.Layout(width="22em")),
        }
        super().__init__(controls, title="Rural poverty by standard, with milestones")

    def compute(self, standard, start, end, measure):
        one_of(standard, [v for _, v in STANDARD_OPTIONS], name="Standard")
        one_of(measure, [v for _, v in MEASURE_OPTIONS], name="Measure")
        first = whole_number(start, name="From year", low=YEARS[0], high=YEARS[1])
        last = whole_number(end, name="To year", low=YEARS[0], high=YEARS[1])
        if first > last:
            raise InputError(f"From year ({first}) must not be after To year ({last}).")
        standards = list(poverty.STANDARDS) if standard == "all" else [standard]
        rows = poverty.standard_series(self.headcount, standards, measure=measure, start=first, end=last,
                                       years=YEARS)
        if rows.empty:
            which = "any standard" if standard == "all" else f"the {STANDARD_LABELS[standard]}"
            raise InputError(f"No values of {measure} under {which} from {first} to {last}: widen the years.")
        changes = poverty.average_annual_change(self.headcount, first, last, measure=measure,
                                                standards=standards, years=YEARS)
        marks = milestones_in(self.milestones, first, last)
        return {"standard": standard, "start": first, "end": last, "measure": measure, "rows": rows,
                "changes": changes, "milestones": marks}

    def draw(self, result, ax):
        title = "All three standards" if result["standard"] == "all" else STANDARD_LABELS[result["standard"]]
        plot_standards(result["rows"], measure=result["measure"], title=f"{title}, {result['start']}–{result['end']}",
                       ax=ax)
        ax.set_xlim(result["start"] - 0.8, result["end"] + 0.8)
        plot_milestone_marks(result["milestones"], ax=ax)

    def describe(self, result) -> str:
        clauses = [describe_change(row, result["measure"]) for _, row in result["changes"].iterrows()]
        ids = sorted({i for cell in result["changes"]["source_ids"] for i in cell.split(";")})
        return (f"{'; '.join(clauses)}; milestones in range: {len(result['milestones'])}. "
                f"Sources: {', '.join(ids)}.")
