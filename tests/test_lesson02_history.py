"""Lesson 02: the history explorer. Set every control and check the result and the summary;
bad input gives a one-line message and keeps the previous figure and summary.

`expected_summary` recomputes the sentence from the CSV files with plain pandas, independently of
`ruralrev`, so that a bug in the measures cannot produce its own "expected" text (browser tests
can use the same recipe).
"""

import pytest

from ruralrev import data
from ruralrev.inputs import InputError
from ruralrev.widgets.history import HistoryExplorer
from browser.expected import history as expected_summary
from conftest import assert_rejected

def summary_text(ex) -> str:
    return ex.summary.value.removeprefix('<p class="ruralrev-summary">').removesuffix("</p>")


@pytest.fixture
def ex():
    return HistoryExplorer(standard="2010", start="2012", end="2019")


def test_initial_state_is_the_2010_standard_2012_2019(ex):
    text = summary_text(ex)
    assert text == expected_summary("2010", 2012, 2019)
    assert text.startswith("2010 standard, 2012–2019: from 98.99 to 5.51 million, an average reduction of "
                           "13.35 million a year; milestones in range: 6. Sources: aseantoday, ")
    assert ex.result["rows"]["year"].tolist() == list(range(2012, 2020))
    assert list(ex.ax.get_lines()[0].get_ydata()) == ex.result["rows"]["value"].tolist()
    assert ex.ax.get_title() == "2010 standard, 2012–2019"
    assert [t.get_text().strip() for t in ex.ax.texts][0] == "Targeted poverty alleviation proposed"
    assert ex.figure.value.startswith('<img alt="2010 standard, 2012–2019') and "base64," in ex.figure.value


def test_default_shows_all_three_standards_over_the_whole_range():
    ex = HistoryExplorer()
    controls = (ex.standard.value, ex.start.value, ex.end.value, ex.measure.value)
    assert controls == ("all", "1978", "2021", "poor_million")
    assert summary_text(ex) == expected_summary()
    assert "from 770 (back-cast) to 0 million" in summary_text(ex)
    assert "from 64.32 (low-income line) to 35.97 million" in summary_text(ex)
    assert set(ex.result["rows"]["standard"]) == {"1978", "2008", "2010"}
    assert ex.ax.get_xlim() == pytest.approx((1977.2, 2021.8))


def test_every_control_changes_result_and_summary(ex):
    ex.standard.value = "all"
    assert summary_text(ex) == expected_summary("all", 2012, 2019)
    assert ex.result["changes"]["standard"].tolist() == ["2010"]        # only 2010 has counts in 2012-2019
    ex.start.value = "2005"
    assert summary_text(ex) == expected_summary("all", 2005, 2019)
    assert ex.result["changes"]["standard"].tolist() == ["1978", "2008", "2010"]
    ex.end.value = "2009"
    assert summary_text(ex) == expected_summary("all", 2005, 2009)
    assert ex.result["changes"]["standard"].tolist() == ["1978", "2008"]
    ex.measure.value = "incidence_pct"
    assert summary_text(ex) == expected_summary("all", 2005, 2009, "incidence_pct")
    assert "1978 standard, 2005–2007: from 2.5% to 1.6%, an average reduction of 0.45 percentage points a year" \
        in summary_text(ex)
    assert ex.ax.get_ylabel() == "Poverty incidence (% of rural population)"
    ex.standard.value = "1978"
    assert summary_text(ex) == expected_summary("1978", 2005, 2009, "incidence_pct")
    assert set(ex.result["rows"]["standard"]) == {"1978"}


def test_one_percentage_point_is_singular():
    ex = HistoryExplorer(standard="1978", measure="incidence_pct")
    assert summary_text(ex) == expected_summary("1978", measure="incidence_pct")
    assert "an average reduction of 1 percentage point a year" in summary_text(ex)


def test_a_single_value_is_described_without_a_rate():
    ex = HistoryExplorer(start="1978", end="1980")
    assert summary_text(ex) == expected_summary("all", 1978, 1980)
    assert "2010 standard, 1978: 770 million (back-cast, one value, no change)" in summary_text(ex)


def test_years_up_to_2021_count_the_2021_milestones(ex):
    ex.end.value = "2021"
    assert summary_text(ex) == expected_summary("2010", 2012, 2021)
    assert "milestones in range: 12." in summary_text(ex)


@pytest.mark.parametrize("control, value, fragment", [
    ("start", "abc", "From year must be a whole number from 1978 to 2021"),
    ("end", "1800", "To year must be from 1978 to 2021"),
    ("end", "2030", "To year must be from 1978 to 2021"),
    ("start", "", "From year is empty"),
    ("start", "2012.5", "From year must be a whole number"),
    ("start", "2020", "From year (2020) must not be after To year (2019)"),
    ("standard", "2008", "No values of poor_million under the 2008 standard from 2012 to 2019"),
])
def test_bad_input_shows_one_line_message_and_keeps_output(ex, control, value, fragment):
    assert_rejected(ex, control, value, fragment)


def test_compute_rejects_values_a_dropdown_cannot_hold(ex):
    with pytest.raises(InputError, match="Standard must be one of"):
        ex.compute(standard="1990", start="2012", end="2019", measure="poor_million")
    with pytest.raises(InputError, match="Measure must be one of"):
        ex.compute(standard="2010", start="2012", end="2019", measure="poverty_line_yuan")
    with pytest.raises(InputError, match="From year must be"):
        ex.compute(standard="2010", start=True, end="2019", measure="poor_million")


def test_message_clears_after_valid_input(ex):
    ex.start.value = "abc"
    assert ex.message.value
    ex.start.value = "2015"
    assert ex.message.value == "" and ex.error == ""
    assert summary_text(ex) == expected_summary("2010", 2015, 2019)


def test_summary_sources_resolve(ex):
    ids = summary_text(ex).split("Sources: ")[1].rstrip(".").split(", ")
    assert set(ids) <= set(data.load("sources")["source_id"])


def test_figure_is_reused_between_updates(ex):
    fig = ex.fig
    ex.start.value = "2014"
    assert ex.fig is fig and ex.ax.get_lines()[0].get_xdata()[0] == 2014


def test_describe_change_wording_for_a_rise_and_for_incidence():
    from ruralrev.widgets.history import describe_change

    row = {"standard": "2008", "first_year": 2005, "last_year": 2007, "first": 4.0, "last": 5.0, "n": 2,
           "change_per_year": 0.5, "first_estimate": "official", "last_estimate": "official"}
    assert describe_change(row, "incidence_pct") == ("2008 standard, 2005–2007: from 4% to 5%, an average increase "
                                                     "of 0.5 percentage points a year")
    row.update(first=2000.0, last=1500.0, change_per_year=-250.0, first_estimate="back-cast")
    assert describe_change(row, "poor_million") == ("2008 standard, 2005–2007: from 2,000 (back-cast) to 1,500 "
                                                    "million, an average reduction of 250 million a year")
