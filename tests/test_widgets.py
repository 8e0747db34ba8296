"""Explorers: set each control, check the result; bad input gives a message and keeps the output."""

import pytest

from ruralrev import data, widgets
from ruralrev.bench import explorer_sweeps
from ruralrev.plots import inline


@pytest.fixture(scope="module")
def ex_factory():
    return lambda **kw: widgets.TableExplorer(**kw)


def test_default_shows_the_2010_standard_headcount(ex_factory):
    ex = ex_factory(series="2010 · official")
    rows = ex.result["rows"]
    assert rows["year"].tolist() == list(range(2011, 2021))
    assert ex.summary.value.startswith('<p class="ruralrev-summary">poor_million (million people), 2010 · official: '
                                       "122.38 in 2011 and 0 in 2020 (10 values).")
    assert list(ex.ax.get_lines()[0].get_ydata()) == rows["value"].tolist()
    assert ex.figure.value.startswith('<img alt="poor_million') and "base64," in ex.figure.value


def test_each_control_changes_the_result(ex_factory):
    ex = ex_factory(series="2010 · official")
    ex.measure.value = "incidence_pct"
    assert ex.result["rows"]["value"].iloc[0] == 12.7
    ex.start.value = "2015"
    assert ex.result["rows"]["year"].min() == 2015
    ex.end.value = "2018"
    assert ex.result["rows"]["year"].tolist() == [2015, 2016, 2017, 2018]
    ex.series.value = "1978 · official"
    assert ex.error.startswith("No values")  # 1978 standard ends in 2007: message, output kept
    assert ex.result["series"] == "2010 · official"
    ex.start.value, ex.end.value = "1978", "2007"
    assert ex.result["series"] == "1978 · official" and ex.result["rows"]["value"].iloc[0] == 30.7
    ex.table.value = "gini"
    assert ex.result["table"] == "gini" and ex.series.value == "all rows"
    assert ex.start.value == "2003" and ex.result["summary"]["first"] == 0.479
    assert "gini (index (0 to 1))" in ex.summary.value and ": 0.479 in 2003" in ex.summary.value


@pytest.mark.parametrize("control, value, fragment", [
    ("start", "abc", "From year must be a whole number"),
    ("end", "1800", "To year must be from 1978 to 2020"),
    ("start", "", "From year is empty"),
    ("start", "2019", None),  # valid, then end before start below
])
def test_bad_input_shows_one_line_message_and_keeps_output(ex_factory, control, value, fragment):
    ex = ex_factory(series="2010 · official")
    before_summary, before_figure, before_result = ex.summary.value, ex.figure.value, ex.result
    getattr(ex, control).value = value
    if fragment is None:
        ex.end.value = "2012"
        fragment = "must not be after"
    assert fragment in ex.error and "\n" not in ex.error
    assert 'role="alert"' in ex.message.value
    if control != "start" or value != "2019":
        assert ex.summary.value == before_summary and ex.figure.value == before_figure
        assert ex.result is before_result


def test_message_clears_after_valid_input(ex_factory):
    ex = ex_factory(series="2010 · official")
    ex.start.value = "abc"
    assert ex.message.value
    ex.start.value = "2013"
    assert ex.message.value == "" and ex.error == "" and ex.result["rows"]["year"].min() == 2013


def test_summary_sources_resolve(ex_factory):
    ex = ex_factory(table="regions")
    ids = ex.summary.value.split("Sources: ")[1].rstrip(".</p>").split(", ")
    assert set(ids) <= set(data.load("sources")["source_id"])


def test_figure_is_reused_between_updates(ex_factory):
    ex = ex_factory()
    fig = ex.fig
    ex.start.value = "1990"
    assert ex.fig is fig and len(ex.ax.get_lines()) == 1


def test_a_failure_that_is_not_the_users_input_is_one_line_and_keeps_the_output(ex_factory, monkeypatch):
    ex = ex_factory()
    before = (ex.summary.value, ex.figure.value, ex.result)
    monkeypatch.setattr(ex, "draw", lambda result, ax: 1 / 0)
    ex.start.value = "1985"
    assert ex.error.startswith(widgets.UNEXPECTED) and "ZeroDivisionError" in ex.error and "\n" not in ex.error
    assert 'role="alert"' in ex.message.value
    assert (ex.summary.value, ex.figure.value, ex.result) == before


@pytest.mark.parametrize("name, factory", [(n, f) for n, f, _ in explorer_sweeps()], ids=lambda x: x if isinstance(x, str) else "")
def test_explorer_figure_keeps_every_label_and_legend_on_its_canvas(name, factory):
    """Explorers save their canvas as it is (fixed margins, no cropping): nothing may lie past it."""
    ex = factory()
    renderer = ex.fig.canvas.get_renderer()  # of the drawing the explorer shows
    assert inline.outside_parts(ex.fig, renderer) == []
    box = ex.fig.get_tightbbox(renderer)
    width, height = ex.fig.get_size_inches()
    assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height, (name, box)
