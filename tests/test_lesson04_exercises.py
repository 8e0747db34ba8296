"""Lesson 04 exercise checks: right answers pass, typical wrong answers get their own feedback,
and the feedback never gives the expected value away. Expected values are computed here with
plain pandas from data/*.csv."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

from conftest import DATA  # noqa: E402
from ruralrev.exercises import check  # noqa: E402

PIP = pd.read_csv(DATA / "pip_headcount.csv")
UMI = "upper-middle income"


# -- 04.2 the PPP gap at the upper-middle-income line ------------------------------------------

def gap(level="rural", line=UMI) -> pd.Series:
    rows = PIP[(PIP["country"] == "China") & (PIP["reporting_level"] == level) & (PIP["line"] == line)]
    a = rows[rows["ppp_version"] == 2011].set_index("year")["headcount_ratio_pct"]
    b = rows[rows["ppp_version"] == 2017].set_index("year")["headcount_ratio_pct"]
    return b - a


def widest(d: pd.Series) -> float:
    return float(d[d.abs().idxmax()])


def test_04_2_right_answer_passes():
    right = widest(gap())
    assert right == pytest.approx(13.95, abs=0.01)  # 2015
    out = check("04.2", right)
    assert out.ok and "percentage points" in out
    assert check("04.2", pd.Series([right])).ok
    assert check("04.2", round(right, 2)).ok


@pytest.mark.parametrize("wrong, fragment", [
    (lambda: -widest(gap()), "wrong sign"),
    (lambda: float(gap().abs().idxmax()), "year of the widest gap"),
    (lambda: widest(gap(line="international")), "gap at the international line"),
    (lambda: widest(gap(line="lower-middle income")), "lower-middle-income line"),
    (lambda: widest(gap(level="national")), "national series"),
    (lambda: widest(gap(level="urban")), "urban series"),
    (lambda: float(gap().mean()), "average gap over all years"),
    (lambda: f"{widest(gap()):.2f}", "Give a number"),
    (lambda: gap(), "holds"),
])
def test_04_2_typical_mistakes_get_their_feedback_without_the_answer(wrong, fragment):
    out = check("04.2", wrong())
    assert not out.ok and fragment in out, out
    right = widest(gap())
    assert f"{right:.2f}" not in out and f"{right:.1f}" not in out


# -- 04.3 rural and urban in small multiples ----------------------------------------------------

def three(ppp=2017, line=UMI):
    return PIP[PIP["country"].isin(["China", "India", "Indonesia"]) & PIP["reporting_level"].isin(["rural", "urban"])
               & (PIP["line"] == line) & (PIP["ppp_version"] == ppp)]


def grid(data=None, labels=("Year", "Below $6.85 a day (%)"), **changes):
    kw = dict(x="year", y="headcount_ratio_pct", kind="line", col="country", hue="reporting_level",
              style="reporting_level", units="survey_comparability", estimator=None, markers=True)
    kw.update(changes)
    g = sns.relplot(data=three() if data is None else data, **{k: v for k, v in kw.items() if v != "drop"})
    g.set_axis_labels(*labels)
    return g


def test_04_3_the_solution_grid_passes_as_a_grid_or_a_figure_in_any_layout():
    for g in (grid(), grid(col_wrap=2), grid(col_order=["Indonesia", "China", "India"])):
        out = check("04.3", g)
        assert out.ok, out
    assert check("04.3", grid().figure).ok
    g = grid()
    g.set_titles("{col_name}")  # short titles are fine
    assert check("04.3", g).ok


@pytest.mark.parametrize("make, fragment", [
    (lambda: grid(units="drop", estimator="drop"), "crosses a survey break"),
    (lambda: grid(data=three(ppp=2011)), "is not all there"),
    (lambda: grid(data=three(line="international")), "is not all there"),
    (lambda: grid(col="drop"), "one panel per country"),
    (lambda: grid(labels=("Year", "share")), "the y-axis the unit, '%'"),
    (lambda: grid(hue="drop", style="drop", units="drop", estimator="drop"), "Add a legend"),
    (lambda: grid(legend=False), "Add a legend"),
    (lambda: "my figure", "Give the axes of your figure"),
])
def test_04_3_typical_mistakes_get_their_feedback(make, fragment):
    out = check("04.3", make())
    assert not out.ok and fragment in out, out


def test_04_3_one_line_joining_rural_and_urban_is_caught():
    g = grid(hue="drop", style="drop", units="drop", legend=False)  # estimator=None: every point, one line
    g.figure.legend(["all"])  # a legend that names nothing useful does not hide the joined line
    assert "joins rural and urban points" in check("04.3", g)


def test_04_3_a_single_axes_is_not_small_multiples():
    fig, ax = plt.subplots()
    sns.lineplot(data=three(), x="year", y="headcount_ratio_pct", hue="reporting_level", units="country",
                 estimator=None, ax=ax)
    ax.set(xlabel="Year", ylabel="%")
    assert "one panel per country" in check("04.3", ax)


# -- 04.1 the written interpretation ------------------------------------------------------------

MODEL = ("Under China's national 2010 standard the official statistics record zero rural poor at the end of 2020. "
         "Under the higher upper-middle-income line of $6.85 a day, 37.75% of rural people were still below it in "
         "2019. The figures are not exactly comparable: the NBS measures income, PIP measures consumption.")


def test_04_1_model_answer_passes():
    assert check("04.1", MODEL).ok


@pytest.mark.parametrize("answer, fragment", [
    ("Poverty is gone.", "at least 25"),
    (MODEL.replace("China's national 2010 standard", "one count"), "whose standard is it"),
    (MODEL.replace("higher upper-middle-income line of $6.85 a day", "World Bank figures"), "name the line"),
    (MODEL.replace("37.75% of", "many"), "Give one number"),
    (MODEL.replace("not exactly comparable: the NBS measures income, PIP measures consumption",
                   "from two sources, the NBS and the World Bank, which publish them every year"), "what does each"),
    (42, "between quotes"),
])
def test_04_1_gaps_are_named(answer, fragment):
    out = check("04.1", answer)
    assert not out.ok and fragment in out, out
