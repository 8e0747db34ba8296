"""Lesson 02 (Historical logic): its exercise checks and its explorer.

Expected values are computed with plain pandas from data/*.csv (here, and the explorer's sentence
in its browser spec, tests/browser/lesson_02.py), never with the lesson's own functions or with
ruralrev, so a bug in either cannot produce its own expectation.
"""

from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

from ruralrev.exercises import check  # noqa: E402
from ruralrev.inputs import InputError  # noqa: E402

from browser.lesson_02 import headcount as expected_sentence  # noqa: E402
from lessons import namespace  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"


@cache
def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype={"standard": str, "date": str})


def official() -> pd.DataFrame:
    hc = csv("headcount")
    return hc[hc["poor_million"].notna() & (hc["estimate"] != "back-cast")]


def falls_2010(first=2012, last=2020) -> pd.Series:
    rows = official()
    poor = rows[rows["standard"] == "2010"].set_index("year")["poor_million"].sort_index()
    return -poor.loc[first:last].diff().dropna()



# -- exercise 02.1: the largest fall in one year ------------------------------------------------

def test_02_1_right_answer_passes():
    largest = falls_2010().max()
    assert check("02.1", largest).ok
    assert check("02.1", pd.Series([largest])).ok      # a one-value Series is accepted
    assert check("02.1", round(largest, 2)).ok


@pytest.mark.parametrize("wrong, fragment", [
    (lambda: falls_2010(2011).max(), "from the 2011 count"),
    (lambda: falls_2010().min(), "smallest fall, not the largest"),
    (lambda: -falls_2010().min(), "max() of diff() finds the smallest fall"),
    (lambda: -falls_2010().max(), "minus sign"),
    (lambda: float(falls_2010().idxmax()), "the year of the largest fall"),
    (lambda: "16.5", "Give a number"),
    (lambda: falls_2010(), "give one number"),
    (lambda: 3.0, "lower than the right value"),
])
def test_02_1_typical_mistakes_get_their_feedback_without_the_answer(wrong, fragment):
    expected = falls_2010().max()
    value = wrong()
    out = check("02.1", value)
    assert not out.ok and fragment in out, out
    assert f"{expected:g}" not in out and f"{expected:.2f}" not in out


# -- exercise 02.2: incidence under each standard -------------------------------------------------

def incidence_axes(rows, **kwargs):
    fig, ax = plt.subplots()
    sns.lineplot(data=rows, x="year", y=kwargs.pop("y", "incidence_pct"), ax=ax, **kwargs)
    ax.set(xlabel="Year", ylabel="Poverty incidence (% of rural population)")
    return ax


def test_02_2_the_solution_figure_passes():
    ax = incidence_axes(official(), hue="standard", style="standard", markers=True)
    assert check("02.2", ax).ok


def test_02_2_back_cast_one_line_wrong_column_and_labels_are_caught():
    hc = csv("headcount").dropna(subset=["poor_million"])
    with_back_cast = incidence_axes(hc, hue="standard", style="standard", markers=True)
    assert "back-cast" in check("02.2", with_back_cast)
    joined = incidence_axes(official().sort_values("year"), estimator=None, units=None)
    assert "joins points of two different series" in check("02.2", joined)
    counts = incidence_axes(official(), y="poor_million", hue="standard", style="standard")
    assert "not all there" in check("02.2", counts)
    unlabelled = incidence_axes(official(), hue="standard", style="standard")
    unlabelled.set(ylabel="")
    assert "y-axis" in check("02.2", unlabelled)
    no_legend = incidence_axes(official(), hue="standard", style="standard")
    no_legend.get_legend().remove()
    assert "legend" in check("02.2", no_legend)
    assert "Give the axes" in check("02.2", "a figure")


# -- exercise 02.3: a written interpretation ------------------------------------------------------

MODEL = ("No. The two counts use different poverty standards: the 2010 line is much higher than the 1978 line, "
         "so it counts many more of the same people as poor. The jump is a change of definition, not a rise in "
         "poverty. The milestones show when policies were decided, but they cannot show that a policy caused the fall.")


def test_02_3_model_answer_passes_and_gaps_are_named():
    assert check("02.3", MODEL).ok
    assert "at least 30" in check("02.3", "Different standards.")
    no_cause = MODEL.split(" The milestones")[0] + " The milestones are dates of policies next to the counts in the figure."
    assert "Part (b)" in check("02.3", no_cause)
    no_line = ("Yes. Poverty went up between 2007 and 2011 because many more people were poor then, as the "
               "figure with the milestones shows; the policies caused it and the numbers prove it clearly.")
    assert "Part (a)" in check("02.3", no_line)
    assert "between quotes" in check("02.3", 42)


# -- the explorer ----------------------------------------------------------------------------------

@pytest.fixture
def explorer():
    ex = namespace("02")["explorer"]
    ex.set(standard="2010", start=2012, end=2019)
    return ex


def test_initial_sentence_matches_the_hand_computation(explorer):
    assert explorer.text == expected_sentence("2010", 2012, 2019)
    assert "13.35 million a year" in explorer.text       # the lesson's by-hand figure
    assert explorer.text in explorer.summary.value and "<img alt=" in explorer.figure.value


@pytest.mark.parametrize("standard, start, end", [
    ("1978", 1978, 2007), ("2008", 2005, 2009), ("2008", 2005, 2010), ("2010", 2013, 2020), ("1978", 1990, 2000), ("1978", 1985, 1992),
])
def test_steps_give_the_independently_computed_sentence(explorer, standard, start, end):
    explorer.set(standard=standard, start=start, end=end)
    assert explorer.error == ""
    assert explorer.text == expected_sentence(standard, start, end)


def test_the_back_cast_is_never_drawn_or_averaged(explorer):
    explorer.set(start=1978, end=2020)
    assert explorer.text == expected_sentence("2010", 1978, 2020)
    assert "left out" in explorer.text and "770" not in explorer.text.split("left out")[0].split("back-cast")[0]
    ys = [y for line in explorer.fig.axes[0].get_lines() for y in line.get_ydata()]
    assert max(ys) < 200          # 770 million would be on the axes


def test_bad_typed_input_and_empty_ranges_keep_the_last_output(explorer):
    before = (explorer.summary.value, explorer.figure.value)
    for value, fragment in [("abc", "To year must be a whole number"), ("2030", "To year must be from 1978 to 2020"),
                            ("", "To year is empty")]:
        explorer.controls["end"].value = value
        assert fragment in explorer.error and "\n" not in explorer.error
        assert (explorer.summary.value, explorer.figure.value) == before
    explorer.controls["end"].value = "2019"
    assert explorer.error == "" and explorer.summary.value == before[0]
    explorer.controls["start"].value = 2020
    assert explorer.error.startswith("From year (2020) is after To year (2019)")
    assert (explorer.summary.value, explorer.figure.value) == before
    explorer.set(start=2012)
    explorer.controls["standard"].value = "2008"          # no 2008-standard count in 2012-2019
    assert "fewer than two counts" in explorer.error and "2005, 2007, 2009" in explorer.error
    assert (explorer.summary.value, explorer.figure.value) == before


def test_set_rejects_bad_values_in_one_line(explorer):
    with pytest.raises(InputError, match="To year must be from 1978 to 2020"):
        explorer.set(end=1800)
    with pytest.raises(InputError, match="Standard must be one of"):
        explorer.set(standard="1990")


def test_bad_constructor_arguments_fail_in_one_line():
    ns = namespace("02")
    Explorer, Choice, Whole, draw = ns["Explorer"], ns["Choice"], ns["Whole"], ns["draw_headcount"]
    standard = Choice([("1978 standard", "1978"), ("2008 standard", "2008"), ("2010 standard", "2010")],
                      "2010", label="Standard")
    with pytest.raises(InputError, match="To year must be from 1978 to 2020") as err:
        Explorer(draw, title="t", standard=standard, start=Whole(1978, 2020, 2012, label="From year"),
                 end=Whole(1978, 2020, 2030, label="To year", typed=True))
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="Standard must be one of"):
        Choice([("1978 standard", "1978")], "1990", label="Standard")
    with pytest.raises(InputError, match=r"^From year \(2019\) is after To year \(2012\)"):
        Explorer(draw, title="t", standard=standard, start=Whole(1978, 2020, 2019, label="From year"),
                 end=Whole(1978, 2020, 2012, label="To year", typed=True))
    with pytest.raises(InputError, match="needs a control for 'end'"):
        Explorer(draw, title="t", standard=standard, start=Whole(1978, 2020, 2012, label="From year"))


def test_the_static_figure_uses_the_same_function():
    ns = namespace("02")
    fig, ax = plt.subplots()
    assert ns["draw_headcount"](ax, "2010", 2012, 2019) == expected_sentence("2010", 2012, 2019)
    assert "Rural poor" in ax.get_ylabel()


def test_the_lesson_keeps_the_back_cast_out_of_its_series():
    ns = namespace("02")
    assert set(ns["official"]["estimate"]) == {"official", "low-income line"}
    assert ns["back_cast"]["poor_million"] == csv("headcount").query("estimate == 'back-cast'")["poor_million"].iloc[0]
