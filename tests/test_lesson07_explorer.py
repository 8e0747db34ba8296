"""Lesson 07 explorer (the lesson's own `draw_growth` in `Explorer`), driven as a student would.

Expected sentences come from the browser spec's oracle (tests/browser/lesson_07.py), recomputed with
plain pandas and the math module from data/income.csv, not with the lesson's function or ruralrev."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402

from browser.lesson_07 import growth_sentence as expected, start  # noqa: E402
from lessons import namespace  # noqa: E402
from ruralrev.inputs import InputError  # noqa: E402


@pytest.fixture()
def ns():
    return namespace("07")


def rebuild(ns, urban=None, rural=None, target=2.0, year=2035):
    last, _, du, dr = start()
    return ns["Explorer"](ns["draw_growth"], title="Growth paths of the urban-rural income ratio (illustrative)",
                          urban=ns["Number"](-10, 20, du if urban is None else urban, step=0.01,
                                             label="Urban growth (% a year)", typed=True),
                          rural=ns["Number"](-10, 20, dr if rural is None else rural, step=0.01,
                                             label="Rural growth (% a year)", typed=True),
                          target=ns["Number"](1.0, 2.5, target, step=0.05, label="Target ratio"),
                          year=ns["Whole"](last + 1, 2100, year, label="Target year"))


@pytest.fixture()
def ex(ns):
    return rebuild(ns)


def test_the_lesson_explorer_starts_at_the_average_growth_since_2015(ns):
    explorer = namespace("07")["explorer"]
    assert explorer.text == expected()
    assert "the ratio falls to 2 in 2034" in expected() or start()[0] != 2024
    assert explorer.text in explorer.summary.value and "<img alt=" in explorer.figure.value


@pytest.mark.parametrize("values", [
    {"rural": "6"}, {"urban": "5", "rural": "6"}, {"urban": "5", "rural": "6", "target": 1.5},
    {"urban": "5", "rural": "6", "target": 1.5, "year": 2050}, {"urban": "-10", "rural": "20", "target": 1.0, "year": 2026},
    {"urban": "6.33", "rural": "6.5", "target": 1.0, "year": 2100}, {"urban": "6", "rural": "6"},
    {"urban": "0", "rural": "-3", "target": 2.3, "year": 2025},
])
def test_steps_give_the_independently_computed_sentence(ex, values):
    ex.set(**values)
    assert ex.error == ""
    args = {"urban": values.get("urban"), "rural": values.get("rural"), "target": values.get("target", 2.0),
            "year": values.get("year", 2035)}
    assert ex.text == expected(**args)


def test_the_three_cases_of_the_year_reached(ex):
    ex.set(urban="6", rural="6")
    assert "never falls to 2, because rural growth is not faster than urban growth" in ex.text
    ex.set(urban="6.33", rural="6.4", target=1.0, year=2100)
    assert "does not fall to 1 before 2100" in ex.text
    ex.set(urban="5", rural="8", target=2.0, year=2035)
    assert "the ratio falls to 2 in" in ex.text and ex.text.endswith("Illustrative, not a forecast.")


@pytest.mark.parametrize("control, value", [("urban", "4"), ("rural", "9"), ("target", 1.8), ("year", 2040)])
def test_every_control_changes_the_figure(ex, control, value):
    before = ex.figure.value
    ex.set(**{control: value})
    assert ex.error == "" and ex.figure.value != before


def test_the_old_surveys_are_points_and_no_line_joins_the_two_surveys(ex):
    ax = ex.fig.axes[0]
    old = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert old and all(x <= 2014 for c in old for x in c.get_offsets()[:, 0])
    for line in ax.get_lines():  # the integrated survey and the two paths: every line starts in 2014 or later
        xs = np.asarray(line.get_xdata(), float)
        if len(xs) > 1 and not line.get_label().startswith("target"):  # (the target line spans the axes)
            assert xs.min() >= 2014, (line.get_label(), xs)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["observed, old surveys (points only)", "observed, integrated survey",
                      "projected at these growth rates", "with the rural growth needed by the target year",
                      "target ratio 2"]


def test_the_paths_run_to_the_target_year_or_the_year_reached(ex):
    last = start()[0]
    ex.set(urban="5", rural="6", target=1.5, year=2040)
    ax = ex.fig.axes[0]
    ends = sorted(np.asarray(line.get_xdata(), float).max() for line in ax.get_lines() if len(line.get_xdata()) > 2)
    t = np.log(1.5 / start()[1]) / np.log(1.05 / 1.06)
    assert ends[-1] == last + np.ceil(t) and 2040 in ends


def test_bad_typed_input_keeps_the_last_output_and_says_one_line(ex):
    before = (ex.summary.value, ex.figure.value)
    for value, fragment in [("abc", "Urban growth (% a year) must be a number from -10 to 20"),
                            ("21", "Urban growth (% a year) must be from -10 to 20"),
                            ("", "Urban growth (% a year) is empty")]:
        ex.controls["urban"].value = value
        assert fragment in ex.error and "\n" not in ex.error
        assert (ex.summary.value, ex.figure.value) == before
    ex.controls["urban"].value = "6.33"
    assert ex.error == "" and ex.summary.value == before[0]


def test_a_target_not_below_the_latest_ratio_is_a_one_line_message(ex):
    last, ratio0, _, _ = start()
    before = ex.text
    ex.controls["target"].value = 2.4
    assert ex.error == f"Target ratio 2.4 is not below the {last} ratio ({ratio0:g}): choose a lower target."
    assert ex.text == before


def test_set_rejects_bad_values_in_one_line(ex):
    with pytest.raises(InputError, match=r"Target year must be from \d{4} to 2100"):
        ex.set(year=1990)
    with pytest.raises(InputError, match="Rural growth \\(% a year\\) must be from -10 to 20"):
        ex.set(rural=25)


def test_bad_constructor_arguments_fail_in_one_line(ns):
    with pytest.raises(InputError, match="Target ratio must be from 1 to 2.5") as err:
        rebuild(ns, target=3)
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="is not below the"):
        rebuild(ns, target=2.4)


def test_the_static_figure_uses_the_same_function(ns):
    last, _, du, dr = start()
    fig, ax = plt.subplots()
    assert ns["draw_growth"](ax, du, dr, 2.0, 2035) == expected()
    assert "rural = 1" in ax.get_ylabel()
