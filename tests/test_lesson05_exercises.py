"""Lesson 05 exercise checks: right answers pass, typical wrong answers get their own feedback,
and the feedback never gives the expected value away. Expected values are computed here with
plain pandas/numpy from data/*.csv."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

from conftest import DATA  # noqa: E402
from ruralrev.exercises import check  # noqa: E402

FIFTHS = ["low", "lower-middle", "middle", "upper-middle", "high"]


def csv(name):
    return pd.read_csv(DATA / f"{name}.csv")


def national_q():
    q = csv("income_quintiles")
    return q[(q["population"] == "national") & (q["survey_basis"] == "integrated")]


def fifths():
    return national_q().pivot(index="year", columns="quintile", values="income_yuan")[FIFTHS]


def gini(x):
    """Population Gini from the sorted-rank formula (not the lesson's trapezoids, not the checker's double sum)."""
    x = np.sort(np.asarray(x, dtype=float))
    n = x.size
    return 2 * np.dot(np.arange(1, n + 1), x) / (n * x.sum()) - (n + 1) / n


# -- 05.1 the Gini of five averages ---------------------------------------------------------------

def right_gini():
    return gini(fifths().loc[2020])


def test_05_1_right_answer_passes():
    out = check("05.1", right_gini())
    assert out.ok and "Gini of the five averages" in out
    assert check("05.1", np.float64(right_gini())).ok
    assert 0.39 < right_gini() < 0.40 < csv("gini").set_index("year").loc[2020, "gini"]  # a lower bound


@pytest.mark.parametrize("wrong, fragment", [
    (lambda: csv("gini").set_index("year").loc[2020, "gini"], "NBS Gini of all incomes"),
    (lambda: right_gini() * 5 / 4, "sample Gini"),
    (lambda: gini([*fifths().loc[2020], round(fifths().loc[2020, "high"] / fifths().loc[2020, "low"], 2)]),
     "'top / bottom' column"),
    (lambda: 100 * right_gini(), "not in percent"),
    (lambda: fifths().loc[2020, "high"] / fifths().loc[2020, "low"], "quintile ratio"),
    (lambda: gini(fifths().loc[2015]), "another year"),
    (lambda: gini(fifths().loc[2018]), "another year"),
    (lambda: "0.39", "Give a number"),
    (lambda: fifths().loc[2020], "holds 5 values"),
])
def test_05_1_typical_mistakes_get_their_feedback_without_the_answer(wrong, fragment):
    out = check("05.1", wrong())
    assert not out.ok and fragment in out, out
    assert f"{right_gini():.3f}" not in out and f"{right_gini():.2f}" not in out


# -- 05.2 the five fifths as points ---------------------------------------------------------------

def test_05_2_the_solution_figure_passes():
    fig, ax = plt.subplots()
    sns.scatterplot(data=national_q(), x="year", y="income_yuan", hue="quintile", style="quintile", ax=ax)
    ax.set(xlabel="Year", ylabel="Average income per person (yuan)", yscale="log")
    out = check("05.2", ax)
    assert out.ok, out


def test_05_2_lines_across_missing_years_labels_and_missing_series_are_caught():
    _, ax = plt.subplots()
    sns.lineplot(data=national_q(), x="year", y="income_yuan", hue="quintile", style="quintile", markers=True, ax=ax)
    ax.set(xlabel="Year", ylabel="Income (yuan)")
    assert "crosses missing years" in check("05.2", ax)
    _, ax = plt.subplots()
    sns.scatterplot(data=national_q(), x="year", y="income_yuan", hue="quintile", ax=ax)
    ax.set(xlabel="Year", ylabel="income")
    assert "should mention 'yuan'" in check("05.2", ax)
    _, ax = plt.subplots()
    rows = national_q()[national_q()["quintile"] != "high"]
    sns.scatterplot(data=rows, x="year", y="income_yuan", hue="quintile", ax=ax)
    ax.set(xlabel="Year", ylabel="yuan")
    assert "'high' is not all there" in check("05.2", ax)
    _, ax = plt.subplots()
    ax.scatter(national_q()["year"], national_q()["income_yuan"])
    ax.set(xlabel="Year", ylabel="yuan")
    assert "Add a legend" in check("05.2", ax)


# -- 05.3 the latest PIP spell by reporting level --------------------------------------------------

def china(ppp=2017):
    pip = csv("pip_headcount")
    return pip[(pip["country"] == "China") & (pip["line"] == "half of median") & (pip["ppp_version"] == ppp)]


def latest(ppp=2017):
    c = china(ppp)
    return c[c["year"] >= 2013]


def right_table(ppp=2017):
    return latest(ppp).pivot(index="year", columns="reporting_level", values="headcount_ratio_pct")


def test_05_3_right_answer_passes_with_or_without_the_index():
    assert set(latest()["survey_comparability"]) == {2}  # the spell that starts in 2013
    assert check("05.3", right_table()).ok
    assert check("05.3", right_table().reset_index()).ok
    assert check("05.3", right_table().sort_index(ascending=False)).ok


@pytest.mark.parametrize("make, fragment", [
    (lambda: right_table().T, "put year in the index"),
    (lambda: china().pivot(index="year", columns="reporting_level", values="headcount_ratio_pct"), "before 2013"),
    (lambda: right_table(2011), "2011-PPP version"),
    (lambda: right_table().drop(columns="urban"), "no column 'urban'"),
    (lambda: right_table() / 100, "differ"),
    (lambda: [1, 2, 3], "Give a table"),
])
def test_05_3_typical_mistakes_get_their_feedback(make, fragment):
    out = check("05.3", make())
    assert not out.ok and fragment in out, out


def test_05_3_the_2011_ppp_values_really_differ():
    a, b = right_table(), right_table(2011)
    assert not np.allclose(a.to_numpy(), b.to_numpy(), atol=0.005)


# -- 05.4 which median? ---------------------------------------------------------------------------

MODEL = ("The national median is higher than the rural median, because urban incomes are higher and pull it up. "
         "Half of the national median is therefore a higher line, and the urban-rural gap puts many rural people "
         "below it. One national line would count more rural people as relatively poor.")


def test_05_4_model_answer_passes():
    assert check("05.4", MODEL).ok


@pytest.mark.parametrize("answer, fragment", [
    ("Because rural people are poorer.", "at least 30"),
    (MODEL.replace("median", "average"), "half of which median"),
    (MODEL.replace("urban incomes", "other incomes").replace("urban-rural gap", "gap"), "what do urban incomes do"),
    (("The national median is higher than the rural median, because urban incomes are higher and pull it up. "
      "Half of the national median is therefore a different line from half of the rural median, so the two shares "
      "are measured against different yardsticks and cannot be compared directly."), "number of rural people"),
    (42, "between quotes"),
])
def test_05_4_gaps_are_named(answer, fragment):
    out = check("05.4", answer)
    assert not out.ok and fragment in out, out
