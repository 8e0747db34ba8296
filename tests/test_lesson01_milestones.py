"""Lesson 01 explorer: every control changes the result; bad input keeps the last figure and summary."""

import html
import re

import pytest

from ruralrev import data
from ruralrev.inputs import InputError
from ruralrev.widgets.milestones import MilestoneExplorer
from conftest import assert_rejected


@pytest.fixture(scope="module")
def ms():
    return data.load("milestones")


def expected_summary(ms, period="all", theme="all", start=1978, end=2021):
    """The summary sentence recomputed with pandas alone."""
    rows = ms[ms["year"].between(start, end)]
    if period != "all":
        rows = rows[rows["period"] == period]
    if theme != "all":
        rows = rows[rows["theme"] == theme]
    rows = rows.sort_values("date")
    ids = sorted({i for cell in rows["source_id"] for i in cell.split(";")})
    items = ", ".join(f"{lab} ({yr})" for lab, yr in zip(rows["label"], rows["year"]))
    n = len(rows)
    return (f"{n} milestone{'s' if n != 1 else ''} from {start} to {end}, period: {period}, theme: {theme}: "
            f"{items}. Sources: {', '.join(ids)}.")


def summary_text(ex):
    return html.unescape(re.sub(r"<[^>]+>", "", ex.summary.value))


def test_default_shows_every_milestone(ms):
    ex = MilestoneExplorer()
    assert len(ex.result["rows"]) == len(ms) and ex.error == ""
    assert summary_text(ex) == expected_summary(ms)
    assert ex.figure.value.startswith("<img alt=")


def test_every_control_changes_result_and_summary(ms):
    ex = MilestoneExplorer()
    ex.period.value = "2013-2020 targeted poverty alleviation"
    assert set(ex.result["rows"]["period"]) == {"2013-2020 targeted poverty alleviation"}
    assert summary_text(ex) == expected_summary(ms, period="2013-2020 targeted poverty alleviation")
    ex.theme.value = "rural revitalization"
    assert summary_text(ex) == expected_summary(ms, "2013-2020 targeted poverty alleviation", "rural revitalization")
    ex.period.value = "all"
    ex.start.value = "2018"
    assert ex.result["rows"]["year"].min() == 2018
    ex.end.value = "2020"
    assert summary_text(ex) == expected_summary(ms, "all", "rural revitalization", 2018, 2020)
    assert [t.get_text() for t in ex.ax.texts] == ["No. 1 Document 2018", "Strategic Plan 2018-2022"]
    assert ex.ax.get_xlim() == (2017.5, 2021.5)


def test_constructor_arguments_set_the_controls(ms):
    ex = MilestoneExplorer(theme="white paper", start="2001", end="2011")
    assert (ex.theme.value, ex.start.value, ex.end.value) == ("white paper", "2001", "2011")
    assert summary_text(ex) == expected_summary(ms, theme="white paper", start=2001, end=2011)


@pytest.mark.parametrize("control, value, fragment", [
    ("start", "abc", "From year must be a whole number"),
    ("start", "2015.5", "whole number"),
    ("end", "2030", "To year must be from 1978 to 2021"),
    ("start", "1977", "From year must be from 1978 to 2021"),
    ("end", "", "To year is empty"),
    ("start", "2021x", "whole number"),
])
def test_bad_input_shows_one_line_and_keeps_the_last_output(control, value, fragment):
    ex = MilestoneExplorer(theme="rural revitalization", start="2013", end="2021")
    assert_rejected(ex, control, value, fragment)


def test_inverted_years_and_empty_selections_are_messages_then_recover(ms):
    ex = MilestoneExplorer(theme="reform")
    ex.start.value = "1990"
    assert ex.error.startswith("No milestones from 1990 to 2021")
    ex.start.value = "2021"
    ex.end.value = "2000"
    assert "must not be after" in ex.error
    ex.theme.value = "all"
    ex.end.value = "2021"
    assert ex.error == "" and ex.message.value == ""
    assert summary_text(ex) == expected_summary(ms, start=2021, end=2021)


def test_compute_checks_dropdown_values_set_from_code():
    ex = MilestoneExplorer()
    with pytest.raises(InputError, match="Period must be one of"):
        ex.compute(period="1990s", theme="all", start="1978", end="2021")
    with pytest.raises(InputError, match="Theme must be one of"):
        ex.compute(period="all", theme=3, start="1978", end="2021")
