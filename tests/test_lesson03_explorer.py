"""Lesson 03 explorer (the lesson's own `draw_indicator` in `Explorer`), driven as a student would.

Expected sentences come from the browser spec's oracle (tests/browser/lesson_03.py), recomputed with
plain pandas from data/*.csv, not with the lesson's function or with ruralrev."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from browser.lesson_03 import indicator_sentence as expected  # noqa: E402
from conftest import DATA  # noqa: E402
from lessons import namespace  # noqa: E402
from ruralrev.inputs import InputError  # noqa: E402


@pytest.fixture()
def ns():
    return namespace("03")


def rebuild(ns, indicator="rural_poor", start=2012, end=2020):
    return ns["Explorer"](ns["draw_indicator"], title="Indicators of 2012-2020 by area",
                          indicator=ns["Choice"]([(label, key) for key, label in ns["LABELS"].items()], indicator,
                                                 label="Indicator"),
                          start=ns["Whole"](2012, 2020, start, label="From year", typed=True),
                          end=ns["Whole"](2012, 2020, end, label="To year", typed=True))


@pytest.fixture()
def ex(ns):
    return rebuild(ns)


def test_the_lesson_explorer_starts_with_the_national_and_regional_rural_poor(ns):
    explorer = namespace("03")["explorer"]
    explorer.set(indicator="rural_poor", start=2012, end=2020)
    assert explorer.text == expected("rural_poor", 2012, 2020)
    assert "national 98.99 (2012) to 0 (2020), 9 years" in explorer.text
    assert explorer.text in explorer.summary.value and "<img alt=" in explorer.figure.value


@pytest.mark.parametrize("indicator, start, end", [
    ("incidence", 2012, 2020), ("incidence", 2017, 2019), ("rural_income", 2013, 2020),
    ("rural_poor", 2017, 2019), ("rural_poor", 2016, 2016), ("rural_income", 2013, 2015),
])
def test_steps_give_the_independently_computed_sentence(ex, indicator, start, end):
    ex.set(indicator=indicator, start=start, end=end)
    assert ex.error == ""
    assert ex.text == expected(indicator, start, end)


def test_derived_values_are_named_and_ringed(ex):
    ex.set(indicator="rural_poor", start=2017, end=2019)
    assert ex.text.endswith("Derived values: central 2017, east 2017, west 2017.")
    ax = ex.fig.axes[0]
    assert "derived value (ring)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_no_line_crosses_a_missing_year(ex):
    ex.set(indicator="rural_income", start=2013, end=2020)
    for line in ex.fig.axes[0].get_lines():
        xs = sorted(x for x in line.get_xdata())
        if len(xs) > 1 and line.get_linestyle() not in ("None", ""):
            assert all(b - a == 1 for a, b in zip(xs, xs[1:])), xs


def test_bad_typed_input_keeps_the_last_output_and_says_one_line(ex):
    before = (ex.summary.value, ex.figure.value)
    for value, fragment in [("abc", "To year must be a whole number"), ("2021", "To year must be from 2012 to 2020"),
                            ("", "To year is empty")]:
        ex.controls["end"].value = value
        assert fragment in ex.error and "\n" not in ex.error
        assert (ex.summary.value, ex.figure.value) == before
    ex.controls["end"].value = "2020"
    assert ex.error == "" and ex.summary.value == before[0]
    ex.controls["start"].value = "2019"
    ex.controls["end"].value = "2015"
    assert ex.error == "From year (2019) is after To year (2015): swap them."
    assert ex.text == expected("rural_poor", 2019, 2020)  # the last good output is kept


def test_set_rejects_bad_values_in_one_line(ex):
    with pytest.raises(InputError, match="To year must be from 2012 to 2020"):
        ex.set(end=1800)
    with pytest.raises(InputError, match="Indicator must be one of"):
        ex.set(indicator="gdp")


def test_bad_constructor_arguments_fail_in_one_line(ns):
    with pytest.raises(InputError, match="To year must be from 2012 to 2020") as err:
        rebuild(ns, end=2030)
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="Indicator must be one of"):
        rebuild(ns, indicator="gdp")
    with pytest.raises(InputError, match=r"^From year \(2019\) is after To year \(2013\)"):
        rebuild(ns, start=2019, end=2013)


def test_the_static_figures_use_the_same_function(ns):
    fig, ax = plt.subplots()
    assert ns["draw_indicator"](ax, "rural_poor", 2012, 2019) == expected("rural_poor", 2012, 2019)
    assert "million people" in ax.get_ylabel()
    fig, ax = plt.subplots()
    assert ns["draw_indicator"](ax, "rural_income", 2013, 2020) == expected("rural_income", 2013, 2020)


def test_the_lesson_counts_statements_and_each_has_one_verdict(ns):
    statements = ns["statements"]
    assert len(statements) == pd.read_csv(DATA / "paper_claims.csv")["statement"].nunique()
    assert ns["verdicts"].groupby("statement")["verdict"].nunique().max() == 1
