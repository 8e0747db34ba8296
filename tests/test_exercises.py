"""The exercise checker: right answers pass, typical wrong ones get their own feedback, and the
feedback never states the expected number."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import seaborn as sns

from ruralrev import exercises as X

FRAME = pd.DataFrame({"year": [2011, 2012, 2013, 2011, 2012], "poor": [5.0, 4.0, 3.0, 9.0, 8.0],
                      "standard": ["2010", "2010", "2010", "1978", "1978"]})


def test_every_lesson_exercise_is_registered_and_builds_its_check():
    ids = X.ids()
    assert ids and all(len(i) == 4 and i[2] == "." for i in ids)
    for eid in ids:
        assert isinstance(X._REGISTRY[eid](), (X.number, X.table, X.figure, X.text)), eid


def test_unknown_id_is_a_one_line_course_error():
    with pytest.raises(X.ExerciseError) as err:
        X.check("99.9", 1)
    assert err.value._render_traceback_() == [
        "ExerciseError: there is no exercise '99.9'; ids look like '02.1' (lesson 02, exercise 1)."]


@pytest.mark.parametrize("answer, ok, fragment", [
    (3.23, True, "3.23 million people"), (3.2300001, True, ""),
    (2.1, False, "That is the east's value"), (4.0, False, "higher than the right value"),
    ("3.23", False, "Give a number, not text"), (True, False, "Give a number"),
    (FRAME, False, "holds 15 values"), (pd.Series([3.23]), True, ""), (float("nan"), False, "matched no row"),
])
def test_number(answer, ok, fragment):
    got, feedback = X.number(3.23, unit="million people", mistakes=[(2.1, "That is the east's value.")]).judge(answer)
    assert got is ok and fragment in feedback
    if not ok:
        assert "3.23" not in feedback


@pytest.mark.parametrize("answer, ok, fragment", [
    (FRAME.sort_values("poor"), True, "5 rows"),
    (FRAME.head(2), False, "2 rows; it should have more"),
    (pd.concat([FRAME, FRAME]), False, "10 rows; it should have fewer"),
    (FRAME.drop(columns="poor"), False, "no column 'poor'"),
    (FRAME.assign(poor=FRAME["poor"] * 2), False, "'poor' has values that differ"),
    ([1, 2], False, "Give a table"),
    (FRAME.set_index("year"), True, ""),
])
def test_table_in_any_order(answer, ok, fragment):
    got, feedback = X.table(FRAME).judge(answer)
    assert got is ok and fragment in feedback


def test_table_in_order_and_its_typical_mistakes():
    check = X.table(FRAME.sort_values("poor", ascending=False), ordered=True,
                    mistakes=[(lambda df: df["poor"].is_monotonic_increasing, "Largest first: ascending=False.")])
    assert check.judge(FRAME.sort_values("poor", ascending=False))[0]
    assert check.judge(FRAME.sort_values("poor")) == (False, "Largest first: ascending=False.")
    assert check.judge(FRAME.sample(frac=1, random_state=1)) == (
        False, "The rows are right but not in the asked order: check sort_values.")


SERIES = {"2010": ([2011, 2012, 2013], [5, 4, 3]), "1978": ([2011, 2012], [9, 8])}


def _draw(kind):
    fig, ax = plt.subplots()
    if kind == "right":
        sns.lineplot(data=FRAME, x="year", y="poor", hue="standard", style="standard", markers=True, ax=ax)
        ax.set(xlabel="Year", ylabel="Rural poor (million people)")
    elif kind == "joined":
        ax.plot(FRAME["year"], FRAME["poor"], marker="o")
        ax.set(xlabel="Year", ylabel="million people")
    elif kind == "one series":
        sns.lineplot(data=FRAME[FRAME["standard"] == "2010"], x="year", y="poor", ax=ax)
        ax.set(xlabel="Year", ylabel="million people")
    elif kind == "points":
        sns.scatterplot(data=FRAME, x="year", y="poor", hue="standard", style="standard", ax=ax)
        ax.set(xlabel="Year", ylabel="million people")
    elif kind == "unlabelled":
        sns.lineplot(data=FRAME, x="year", y="poor", hue="standard", ax=ax)
    return ax


@pytest.mark.parametrize("kind, ok, fragment", [
    ("right", True, "expected data"), ("points", True, ""),
    ("joined", False, "One line joins points of two different series"),
    ("one series", False, "The series '1978' is not all there (0% of its points found)"),
    ("unlabelled", False, "Label the y-axis"),  # seaborn names the x-axis after the column, "year"
    ("empty", False, "Your axes are empty"),
])
def test_figure(kind, ok, fragment):
    got, feedback = X.figure(series=SERIES, xlabel=["year"], ylabel=["million"]).judge(_draw(kind))
    assert got is ok and fragment in feedback


def test_figure_accepts_a_figure_or_a_grid_and_needs_a_legend_when_asked():
    grid = sns.relplot(data=FRAME, x="year", y="poor", hue="standard", style="standard", kind="line")
    grid.set_axis_labels("Year", "million people")
    check = X.figure(series=SERIES, xlabel=["year"], ylabel=["million"], legend=True)
    assert check.judge(grid)[0] and check.judge(grid.figure)[0]
    fig, ax = plt.subplots()
    ax.plot([2011, 2012, 2013], [5, 4, 3], "o-")
    ax.plot([2011, 2012], [9, 8], "s--")
    ax.set(xlabel="Year", ylabel="million")
    assert check.judge(ax) == (False, "Add a legend (hue= gives one) so a reader can tell the series apart.")
    assert check.judge("my figure")[1].startswith("Give the axes of your figure")


def test_bars_are_read_at_their_tops():
    ax = sns.barplot(data=FRAME[FRAME["standard"] == "2010"], x="year", y="poor")
    assert X.figure(series={"2010": ([0, 1, 2], [5, 4, 3])}).judge(ax)[0]
    ax = sns.barplot(data=FRAME[FRAME["standard"] == "2010"], y="year", x="poor", orient="h")
    assert X.figure(series={"2010": ([5, 4, 3], [0, 1, 2])}).judge(ax)[0]


@pytest.mark.parametrize("answer, ok, fragment", [
    ("The 2010 standard sets a higher line, so it counts many more people as poor than the 1978 "
     "standard did; the two series measure different things and cannot be joined.", True, "main points"),
    ("It went up.", False, "has 3 words; write at least 20"),
    ("A long answer " * 60, False, "keep it under 150"),
    ("The count is larger in 2011 because the survey and the statistics office changed many things "
     "about how people are counted in those years.", False, "Say which poverty line"),
    (42, False, "Write your answer as text"),
])
def test_text(answer, ok, fragment):
    check = X.text(points=[((r"\bline\b", "standard"), "Say which poverty line each count uses.")])
    got, feedback = check.judge(answer)
    assert got is ok and fragment in feedback


def test_check_prefixes_and_shows_without_quotes(monkeypatch):
    monkeypatch.setitem(X._REGISTRY, "98.1", lambda: X.number(2.0))
    right, wrong = X.check("98.1", 2), X.check("98.1", 3)
    assert (right.ok, wrong.ok) == (True, False)
    assert repr(right) == "Correct. 2." and wrong.startswith("Not yet. ")
