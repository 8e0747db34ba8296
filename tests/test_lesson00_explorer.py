"""Lesson 00's explorer and drawing function, run from the notebook's own cells (tests/lessons.py).

Expected sentences come from the browser spec's oracle (tests/browser/lesson_00.py), computed with
plain pandas from data/headcount.csv, never with the lesson's function or ruralrev.
"""

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import nbformat
import pytest

from browser.lesson_00 import counts
from browser.lesson_00 import headcount as expected
from lessons import namespace, notebook
from ruralrev.explorer import UNEXPECTED
from ruralrev.inputs import InputError


@pytest.fixture(scope="module")
def ns():
    return namespace("00")


def explorer_cell() -> str:
    nb = nbformat.read(notebook("00"), as_version=4)
    (cell,) = [c for c in nb.cells if "explorer" in c.metadata.get("tags", [])]
    return cell.source


def build(ns, **replace):
    """Run the lesson's explorer cell again, with some constructor arguments replaced."""
    source = explorer_cell()
    for old, new in replace.items():
        assert old in source, old
        source = source.replace(old, new)
    scope = dict(ns)
    exec(compile(source, "00-start-here.ipynb", "exec"), scope)
    return scope["explorer"]


@pytest.fixture
def ex(ns):
    return build(ns)


def test_the_cell_is_tagged_and_named():
    source = explorer_cell()
    assert source.startswith("explorer = Explorer(draw_headcount")


def test_initial_sentence(ex):
    assert ex.text == expected()
    assert ex.error == ""
    assert 'alt="' in ex.figure.value and "<img" in ex.figure.value


@pytest.mark.parametrize("values, args", [
    ({"standard": "1978"}, ("1978", 2011, 2020)),  # no 1978-standard count after 2007: a message
    ({"standard": "1978", "start": "1978", "end": "2007"}, ("1978", 1978, 2007)),
    ({"standard": "2008", "start": "2000", "end": "2010"}, ("2008", 2000, 2010)),
    ({"standard": "2010", "start": "2015", "end": "2018"}, ("2010", 2015, 2018)),
    ({"standard": "2010", "start": "1978", "end": "2020"}, ("2010", 1978, 2020)),  # back-cast left out
])
def test_steps_give_the_sentence_computed_from_the_csv(ex, values, args):
    ex.set(**values)
    if counts(*args).empty:
        assert "widen the years" in ex.error
        assert ex.text == expected()  # the last sentence stays
    else:
        assert ex.error == "" and ex.text == expected(*args)


def test_the_2008_sentence_names_the_low_income_counts(ex):
    ex.set(standard="2008", start="2000", end="2010")
    assert "2 at the low-income line" in ex.text
    assert ex.text == expected("2008", 2000, 2010)


def test_the_back_cast_is_never_drawn(ex):
    ex.set(standard="2010", start="1978", end="2020")
    assert "770" not in ex.text and "from 2011" in ex.text


@pytest.mark.parametrize("control, value, fragment", [
    ("start", "twenty", "From year"),
    ("end", "1800", "To year"),
    ("start", "2030", "From year"),
    ("end", "20.5", "To year"),
    ("start", "", "From year"),
])
def test_bad_typed_input_gives_one_line_and_keeps_the_output(ex, control, value, fragment):
    before_summary, before_figure = ex.summary.value, ex.figure.value
    ex.controls[control].value = value          # as typed in the box
    assert fragment in ex.error and "\n" not in ex.error
    assert not ex.error.startswith(UNEXPECTED)
    assert ex.summary.value == before_summary and ex.figure.value == before_figure


def test_years_the_wrong_way_round(ex):
    before = ex.summary.value
    ex.set(start="2019", end="2012")
    assert "swap them" in ex.error and ex.summary.value == before


def test_set_rejects_bad_values_in_one_line(ex):
    with pytest.raises(InputError) as info:
        ex.set(start="abc")
    assert "From year" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(InputError):
        ex.set(standard="1990")
    with pytest.raises(InputError):
        ex.set(colour="red")


@pytest.mark.parametrize("old, new, fragment", [
    ('"2010", label="Standard"', '"2011", label="Standard"', "Standard"),
    ("Whole(1978, 2020, 2011,", "Whole(1978, 2020, 1900,", "From year"),
    ("Whole(1978, 2020, 2020,", "Whole(1978, 2020, 2050,", "To year"),
    ("end=Whole(", "finish=Whole(", "has no parameter"),
])
def test_bad_constructor_arguments_give_one_line(ns, old, new, fragment):
    with pytest.raises(InputError) as info:
        build(ns, **{old: new})
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_constructor_years_the_wrong_way_round(ns):
    with pytest.raises(InputError, match="swap them"):
        build(ns, **{"Whole(1978, 2020, 2020,": "Whole(1978, 2020, 2005,"})


def test_draw_function_raises_input_error_without_rows(ns):
    fig, ax = plt.subplots()
    with pytest.raises(InputError, match="widen the years"):
        ns["draw_headcount"](ax, "1978", 2010, 2020)


def test_static_figure_uses_the_function_with_a_readers_title():
    nb = nbformat.read(notebook("00"), as_version=4)
    static = [c.source for c in nb.cells if c.cell_type == "code" and "draw_headcount(ax," in c.source]
    assert static and any(re.search(r'title="Rural poor under the 2010 standard', s) for s in static)
