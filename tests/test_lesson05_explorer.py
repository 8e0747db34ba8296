"""Lesson 05 explorer (the lesson's own `draw_incomes` in `Explorer`), driven as a student would,
and the lesson's measure functions against slow, obvious formulas.

Expected sentences come from the browser spec's oracle (tests/browser/lesson_05.py), recomputed with
plain numpy, not with the lesson's function or with ruralrev."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from browser.lesson_05 import incomes_sentence as expected  # noqa: E402
from lessons import namespace  # noqa: E402
from ruralrev.inputs import InputError  # noqa: E402


@pytest.fixture()
def ns():
    return namespace("05")


def rebuild(ns, share=50, spread=0.9, times=1, fixed=50):
    return ns["Explorer"](ns["draw_incomes"], title="A relative line and a fixed line (illustrative incomes)",
                          share=ns["Whole"](30, 70, share, label="Line (% of median)"),
                          spread=ns["Number"](0.3, 1.2, spread, step=0.1, label="Spread (sd of log income)"),
                          times=ns["Number"](0.5, 4, times, step=0.5, label="Every income times"),
                          fixed=ns["Number"](10, 400, fixed, step=1, label="Fixed line", typed=True))


@pytest.fixture()
def ex(ns):
    return rebuild(ns)


def brute_gini(x):
    """Population Gini by its definition: mean absolute difference over twice the mean (O(n^2))."""
    x = np.asarray(x, dtype=float)
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * x.size ** 2 * x.mean())


# -- the lesson's measures -------------------------------------------------------------------------

@pytest.mark.parametrize("incomes, gini", [([4, 1, 10, 3, 2], 0.4), ([1, 1, 1, 1], 0.0), ([0, 0, 0, 1], 0.75),
                                           ([5], 0.0), ([0, 1], 0.5)])
def test_the_lessons_gini_gives_the_hand_values(ns, incomes, gini):
    assert ns["gini"](np.array(incomes)) == pytest.approx(gini, abs=1e-12)


@pytest.mark.parametrize("seed, n", [(0, 2), (1, 7), (2, 50), (3, 301)])
def test_the_lessons_gini_matches_the_double_sum(ns, seed, n):
    x = np.random.default_rng(seed).lognormal(0, 1, n)
    assert ns["gini"](x) == pytest.approx(brute_gini(x), rel=1e-10)


def test_the_lessons_headcount_and_gap_on_the_five_incomes(ns):
    x = np.array([4, 1, 10, 3, 2])
    assert ns["median"] == 3 and ns["line"] == 1.5
    assert ns["share_below"](x, 1.5) == 0.2
    assert ns["share_below"](x, 1) == 0.0          # strictly below: an income equal to the line is not poor
    assert ns["poverty_gap"](x, 1.5) == pytest.approx((0.5 / 1.5) / 5)
    assert ns["poverty_gap"](x, 1) == 0.0


def test_the_lorenz_table_is_the_one_worked_by_hand(ns):
    steps = ns["steps"]
    assert steps["share of income"].round(2).tolist() == [0.0, 0.05, 0.15, 0.3, 0.5, 1.0]
    assert steps["share of people"].round(2).tolist() == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]


def test_the_synthetic_draws_have_an_exact_median(ns):
    z = ns["z"]
    assert z.size == 20_001 and np.median(z) == 0.0


# -- the explorer ----------------------------------------------------------------------------------

def test_the_lesson_explorer_starts_on_the_figure_5_2_population(ns):
    explorer = namespace("05")["explorer"]
    explorer.set(share=50, spread=0.9, times=1, fixed=50)
    assert explorer.text == expected(50, 0.9, 1, 50)
    assert "median 100.0; 50% of the median is 50.0, and 22.2% of people are below it" in explorer.text
    assert explorer.text in explorer.summary.value and "<img alt=" in explorer.figure.value


@pytest.mark.parametrize("share, spread, times, fixed", [
    (40, 0.9, 1, 50), (60, 0.9, 1, 50), (50, 0.9, 2, 50), (50, 0.9, 4, 50), (50, 0.5, 1, 50),
    (50, 1.2, 0.5, 80), (30, 0.3, 3.5, 400), (70, 1.1, 1.5, 10),
])
def test_steps_give_the_independently_computed_sentence(ex, share, spread, times, fixed):
    ex.set(share=share, spread=spread, times=times, fixed=fixed)
    assert ex.error == ""
    assert ex.text == expected(share, spread, times, fixed)


def test_growth_leaves_the_relative_share_and_the_gini_unchanged_but_not_the_fixed_one(ex):
    texts = []
    for times in (1, 2, 4):
        ex.set(times=times)
        texts.append(ex.text)
    relative = {t.split("and ")[1].split("% of people")[0] for t in texts}
    gini = {t.rsplit("Gini ", 1)[1] for t in texts}
    fixed = [float(t.split("; ")[2].split("%")[0]) for t in texts]
    assert relative == {"22.2"} and gini == {"0.478."}
    assert fixed[0] > fixed[1] > fixed[2]


def test_the_drawn_lines_sit_where_the_sentence_says(ex):
    ex.set(share=40, times=2, fixed=80)
    ax = ex.fig.axes[0]
    xs = sorted(line.get_xdata()[0] for line in ax.get_lines())
    assert xs == pytest.approx([80, 80])  # 40 % of the median 200, and the fixed line
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["fixed line (80)", "40% of the median (80)"]
    assert ax.get_xscale() == "log" and "logarithmic" in ax.get_xlabel()


def test_bad_typed_input_keeps_the_last_output_and_says_one_line(ex):
    before = (ex.summary.value, ex.figure.value)
    for value, fragment in [("abc", "Fixed line must be a number from 10 to 400"),
                            ("5000", "Fixed line must be from 10 to 400; 5000 is outside that range."),
                            ("", "Fixed line is empty")]:
        ex.controls["fixed"].value = value
        assert fragment in ex.error and "\n" not in ex.error
        assert (ex.summary.value, ex.figure.value) == before
    ex.controls["fixed"].value = "80"
    assert ex.error == "" and ex.text == expected(50, 0.9, 1, 80)


def test_set_rejects_bad_values_in_one_line(ex):
    with pytest.raises(InputError, match=r"Line \(% of median\) must be from 30 to 70"):
        ex.set(share=80)
    with pytest.raises(InputError, match=r"Every income times must be from 0.5 to 4"):
        ex.set(times=10)


def test_bad_constructor_arguments_fail_in_one_line(ns):
    with pytest.raises(InputError, match=r"Spread \(sd of log income\) must be from 0.3 to 1.2") as err:
        rebuild(ns, spread=2)
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="Fixed line must be from 10 to 400"):
        rebuild(ns, fixed=0)


def test_the_static_figure_uses_the_same_function(ns):
    fig, ax = plt.subplots()
    assert ns["draw_incomes"](ax, 50, 0.9, 2, 50) == expected(50, 0.9, 2, 50)
    assert "6.4% are below the fixed line of 50" in expected(50, 0.9, 2, 50)
