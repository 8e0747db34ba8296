"""Lesson 01 explorer (the lesson's own `draw_milestones` in `Explorer`), driven as a student would.

Expected sentences come from the browser spec's oracle (tests/browser/lesson_01.py), recomputed with
plain pandas from data/milestones.csv, not with the lesson's function."""

import pytest

from browser.lesson_01 import milestones as expected
from lessons import namespace
from ruralrev.inputs import InputError


@pytest.fixture()
def ns():
    return namespace("01")


@pytest.fixture()
def ex(ns):
    # a fresh explorer built with the lesson's own call, so tests do not share state
    return rebuild(ns)


def rebuild(ns, theme="rural revitalization", start=2013, end=2021):
    return ns["Explorer"](ns["draw_milestones"], title="Milestones of the two strategies",
                          theme=ns["Choice"](["all themes"] + ns["themes"], theme, label="Theme"),
                          start=ns["Whole"](1978, 2021, start, label="From year", typed=True),
                          end=ns["Whole"](1978, 2021, end, label="To year", typed=True))


def test_the_lessons_explorer_starts_on_rural_revitalization_2013_2021(ns):
    explorer = ns["explorer"]
    assert explorer.text == expected()
    assert explorer.text.startswith("4 milestones of rural revitalization from 2013 to 2021: ")
    assert explorer.error == "" and explorer.figure.value.startswith("<img")


@pytest.mark.parametrize("steps, want", [
    ({"theme": "all themes"}, ("all themes", 2013, 2021)),
    ({"theme": "white paper", "start": 2001}, ("white paper", 2001, 2021)),
    ({"theme": "institution", "start": 1986}, ("institution", 1986, 2021)),
    ({"theme": "targeted poverty alleviation", "start": 2014, "end": 2015}, ("targeted poverty alleviation", 2014, 2015)),
    ({"theme": "reform", "start": 1978, "end": 1978}, ("reform", 1978, 1978)),
])
def test_steps_give_the_sentence_pandas_computes(ex, steps, want):
    ex.set(**steps)
    assert ex.error == ""
    assert ex.text == expected(*want)
    assert ex.summary.value.endswith("</p>") and "milestone" in ex.summary.value


def test_the_static_figure_uses_the_same_function(ns):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    sentence = ns["draw_milestones"](ax, "all themes", 2011, 2021)
    assert sentence == expected("all themes", 2011, 2021)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Outline 2011-2020" and labels[-1] == "White paper September 2021"
    plt.close(fig)


@pytest.mark.parametrize("control, value, fragment", [
    ("end", "2030", "To year must be from 1978 to 2021"),
    ("start", "abc", "From year must be a whole number"),
    ("start", "", "From year is empty"),
    ("start", "2021x", "From year must be a whole number"),
])
def test_bad_typed_input_gives_one_line_and_keeps_the_output(ex, control, value, fragment):
    summary, figure = ex.summary.value, ex.figure.value
    getattr(ex, control).value = value
    assert fragment in ex.error and "\n" not in ex.error
    assert fragment in ex.message.value
    assert ex.summary.value == summary and ex.figure.value == figure
    # typing a good value again clears the message
    getattr(ex, control).value = "2013" if control == "start" else "2021"
    assert ex.error == "" and ex.text == expected()


def test_years_in_the_wrong_order_or_with_nothing_to_show_keep_the_output(ex):
    ex.start.value = "2018"  # still a valid selection
    assert ex.text == expected(start=2018)
    summary, figure = ex.summary.value, ex.figure.value
    ex.end.value = "2015"
    assert "after To year" in ex.error and ex.summary.value == summary and ex.figure.value == figure
    ex.set(start=1978, end=1990)  # rural revitalization has no milestone before 2017
    assert "No milestone of the theme rural revitalization" in ex.error
    assert ex.summary.value == summary and ex.figure.value == figure


def test_set_rejects_an_unknown_theme_in_one_line(ex):
    with pytest.raises(InputError, match="Theme must be one of"):
        ex.set(theme="trade")
    assert ex.text == expected()


@pytest.mark.parametrize("kwargs, fragment", [
    ({"theme": "trade"}, "Theme must be one of"),
    ({"start": 1900}, "From year must be from 1978 to 2021"),
    ({"end": "2030"}, "To year must be from 1978 to 2021"),
    ({"start": 2020, "end": 2015}, "after To year"),
    ({"theme": "reform", "start": 2013}, "No milestone of the theme reform"),
])
def test_bad_constructor_arguments_give_one_line(ns, kwargs, fragment):
    with pytest.raises(InputError, match=fragment) as info:
        rebuild(ns, **kwargs)
    assert "\n" not in str(info.value)
