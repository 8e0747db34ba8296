"""Lesson 06 explorer (the lesson's own `draw_simulation` in `Explorer`), driven as a student would.

Expected sentences come from the browser spec's oracle (tests/browser/lesson_06.py), recomputed with
plain numpy from the model's documented recipe, not with the lesson's function or with ruralrev."""

from html import unescape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from browser.lesson_06 import DEFAULTS, SHOW, STEPS  # noqa: E402
from browser.lesson_06 import simulation_sentence as expected  # noqa: E402
from explorers import lesson_explorers  # noqa: E402
from lessons import namespace  # noqa: E402
from ruralrev.inputs import InputError  # noqa: E402


@pytest.fixture()
def ns():
    return namespace("06")


@pytest.fixture()
def ex():
    (_, factory), = list(lesson_explorers("06"))
    return factory()


def test_the_lesson_explorer_starts_on_the_defaults(ns):
    explorer = namespace("06")["explorer"]
    explorer.set(**{k: v for k, v in DEFAULTS.items()})
    assert explorer.text == expected()
    assert explorer.text.startswith("ILLUSTRATIVE, not calibrated to China's data (20,000 households, seed 2021)")
    assert explorer.text in unescape(explorer.summary.value) and "<img alt=" in explorer.figure.value


def test_every_control_changes_the_sentence_to_the_independent_one(ex):
    changed = {}
    before = ex.text
    for label, _kind, _value, sets in STEPS:
        changed.update(sets)
        ex.set(**sets)
        assert ex.error == "", label
        assert ex.text == expected(**changed), label
        assert ex.text != before, f"{label} changed nothing"
        before = ex.text


@pytest.mark.parametrize("measure, without, with_rule", [
    ("fell_back", "fell_back_without_pct", "fell_back_with_pct"),
    ("below", "below_without_pct", "below_with_pct"),
])
def test_the_figure_draws_both_scenarios_apart_with_markers_and_dashes(ns, measure, without, with_rule):
    fig, ax = plt.subplots()
    ns["draw_simulation"](ax, measure, **{k: v for k, v in DEFAULTS.items() if k != "measure"})
    result = ns["simulation"].simulate()
    lines = [ln for ln in ax.get_lines() if len(ln.get_xdata()) == 11]
    assert len(lines) == 2
    np.testing.assert_allclose(lines[0].get_ydata(), result[without])
    np.testing.assert_allclose(lines[1].get_ydata(), result[with_rule])
    assert lines[0].get_marker() != lines[1].get_marker() and lines[0].get_linestyle() != lines[1].get_linestyle()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "without the rule", "with the rule (monitored below 1.5 × line, top-up 30% of line)"]
    assert ax.get_title().startswith("ILLUSTRATIVE") and ax.get_ylim()[0] == 0
    assert "%" in ax.get_ylabel() and ax.get_xlabel() == "Years after the start"


def test_every_control_changes_the_figure(ex):
    """Even above the bound, where the lines do not move, the legend names the rule's settings."""
    for label, _kind, _value, sets in STEPS:
        before = ex.figure.value
        ex.set(**sets)
        assert ex.figure.value != before, label


def test_above_the_bound_the_share_that_fell_back_does_not_move_but_the_cost_does(ex):
    """What the lesson's 'Try' sentence promises: Monitor below from 1.5 to 3 changes the monitored
    share, not the share that fell back (the bound is 1 / (1.05 x 0.7), about 1.36)."""
    def shares(text):
        fell = text.split("it without the rule and ")[1].split("%")[0]
        monitored = text.split("; ")[-1].split("%")[0]
        return fell, float(monitored)

    fell_15, mon_15 = shares(ex.text)
    ex.set(threshold=3)
    fell_3, mon_3 = shares(ex.text)
    assert fell_15 == fell_3 and mon_3 > mon_15
    ex.set(threshold=1.0)
    assert shares(ex.text)[0] != fell_15


def test_no_one_above_the_line_is_a_one_line_message_and_keeps_the_output(ex):
    before = (ex.summary.value, ex.figure.value)
    ex.set(spread=0)  # everyone at the median, 2 x the line: still fine
    assert ex.error == ""
    kept = (ex.summary.value, ex.figure.value)
    assert kept != before
    ex.set(median=0.9)
    assert ex.error == "No household starts above the line: raise Median income or Spread, or show all households."
    assert (ex.summary.value, ex.figure.value) == kept
    ex.set(measure="below")  # all households: a share below the line exists
    assert ex.error == "" and ex.text == expected(spread=0, median=0.9, measure="below")


def test_bad_typed_seed_keeps_the_last_output_and_says_one_line(ex):
    before = (ex.summary.value, ex.figure.value)
    for value, fragment in [("abc", "Seed must be a whole number"), ("10000", "Seed must be from 0 to 9999"),
                            ("-1", "Seed must be from 0 to 9999"), ("", "Seed is empty"), ("1.5", "whole number")]:
        ex.controls["seed"].value = value
        assert fragment in ex.error and "\n" not in ex.error, (value, ex.error)
        assert (ex.summary.value, ex.figure.value) == before
    ex.controls["seed"].value = "2021"
    assert ex.error == "" and ex.summary.value == before[0]


def test_set_and_the_constructor_reject_bad_values_in_one_line(ns, ex):
    with pytest.raises(InputError, match="Monitor below .* must be from 0.5 to 3"):
        ex.set(threshold=5)
    with pytest.raises(InputError, match="Show must be one of"):
        ex.set(measure="returns")
    controls = dict(measure=ns["Choice"]([(v, k) for k, v in SHOW.items()], "fell_back", label="Show"),
                    threshold=ns["Number"](0.5, 3, 1.5, step=0.1, label="Monitor below (× line)"),
                    support_pct=ns["Number"](0, 100, 30, step=5, label="Support (% of line)"),
                    shock_prob_pct=ns["Number"](0, 50, 10, step=1, label="Shock chance (% a year)"),
                    shock_size_pct=ns["Number"](0, 80, 30, step=5, label="Shock size (% of income)"),
                    growth_pct=ns["Number"](-5, 10, 5, step=0.5, label="Growth (% a year)"),
                    median=ns["Number"](0.5, 3, 0.9, step=0.1, label="Median income (× line)"),
                    spread=ns["Number"](0, 1, 0, step=0.05, label="Spread (sd of log income)"),
                    seed=ns["Whole"](0, 9999, 2021, label="Seed", typed=True))
    with pytest.raises(InputError, match="^No household starts above the line") as err:
        ns["Explorer"](ns["draw_simulation"], title="t", **controls)
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="needs a control for 'seed'"):
        ns["Explorer"](ns["draw_simulation"], title="t", **{k: v for k, v in controls.items() if k != "seed"})


def test_the_static_figure_uses_the_same_function_and_the_cost_table_matches(ns):
    fig, ax = plt.subplots()
    args = {k: v for k, v in DEFAULTS.items() if k != "measure"}
    assert ns["draw_simulation"](ax, "below", **args) == expected(measure="below")
    cost = ns["cost"]
    assert cost.index.tolist() == [1.0, 1.25, 1.5, 2.0, 2.5]
    assert cost.loc[1.5, "fell_back_year_10"] == cost.loc[2.0, "fell_back_year_10"] == cost.loc[2.5, "fell_back_year_10"]
    assert cost.loc[1.0, "fell_back_year_10"] > cost.loc[1.25, "fell_back_year_10"] > cost.loc[1.5, "fell_back_year_10"]
    assert cost["monitored_average"].is_monotonic_increasing
    assert isinstance(ns["long"], pd.DataFrame) and set(ns["long"]["scenario"]) == {"without the rule", "with the rule"}
