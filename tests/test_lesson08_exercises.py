"""Lesson 08 exercise checks: right answers pass, typical wrong answers get their own feedback,
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


def ratio(basis):
    inc = pd.read_csv(DATA / "income.csv")
    rows = inc[(inc["indicator"] == "urban_rural_ratio") & (inc["survey_basis"] == basis)]
    return rows.set_index("year")["value"].sort_index()


def per_year(s):
    return (s.iloc[-1] - s.iloc[0]) / (s.index[-1] - s.index[0])


# -- 08.1 the change per year of the integrated-survey ratio -------------------------------------

def test_08_1_right_answer_passes_as_a_number_or_a_one_value_series():
    right = per_year(ratio("integrated"))
    out = check("08.1", right)
    assert out.ok and "a year" in out, out
    assert check("08.1", pd.Series([right])).ok
    assert check("08.1", round(right, 3)).ok


@pytest.mark.parametrize("wrong, fragment", [
    (lambda i, o, b: i.iloc[-1] - i.iloc[0], "total change"),
    (lambda i, o, b: (i.iloc[-1] - i.iloc[0]) / len(i), "number of rows"),
    (lambda i, o, b: -per_year(i), "ratio fell"),
    (lambda i, o, b: (i.iloc[-1] - b.iloc[0]) / (i.index[-1] - b.index[0]), "2012 back-cast"),
    (lambda i, o, b: (i.iloc[-1] - o.iloc[0]) / (i.index[-1] - o.index[0]), "from the old surveys"),
    (lambda i, o, b: per_year(o), "old-survey values"),
    (lambda i, o, b: "-0.041", "Give a number"),
    (lambda i, o, b: ratio("integrated").to_frame(), "holds 11 values"),
])
def test_08_1_typical_mistakes_get_their_feedback_without_the_answer(wrong, fragment):
    integrated, old, backcast = ratio("integrated"), ratio("old_survey"), ratio("integrated_backcast")
    out = check("08.1", wrong(integrated, old, backcast))
    assert not out.ok and fragment in out, out
    right = per_year(integrated)
    assert f"{right:.3f}" not in out and f"{abs(right):.3f}" not in out and f"{right:.2f}" not in out


# -- 08.2 marking a draft memo ------------------------------------------------------------------

MODEL = ("Two faults. The 1978 figure of 250 million is counted under the 1978 standard, while 98.99 million and "
         "zero are counted under the 2010 standard, so the sentence joins two poverty lines. And 35,000 counts "
         "resettlement sites, not households. Rewrite: under the 2010 standard the rural poor fell from 98.99 "
         "million at the end of 2012 to 0 at the end of 2020; more than 9.6 million people were relocated to "
         "about 35,000 resettlement sites.")


def test_08_2_model_answer_passes():
    out = check("08.2", MODEL)
    assert out.ok, out


@pytest.mark.parametrize("answer, fragment", [
    ("The numbers are wrong.", "at least 30"),
    (MODEL.replace("1978 standard", "old count").replace("two poverty lines", "two things"),
     "is 250 million counted with the same line"),
    (MODEL.replace("sites", "places"), "does it count households"),
    (MODEL.replace("2010 standard", "official count"), "name the standard of the counts you keep"),
    (MODEL.replace("more than 9.6 million people were relocated to", "households were moved to"),
     "number of people relocated"),
    (" ".join([MODEL] * 3), "keep it under 180"),
    (42, "between quotes"),
])
def test_08_2_gaps_are_named(answer, fragment):
    out = check("08.2", answer)
    assert not out.ok and fragment in out, out


# -- 08.3 the ratio without an invented trend ----------------------------------------------------

def ratio_long():
    inc = pd.read_csv(DATA / "income.csv")
    rows = inc[(inc["indicator"] == "urban_rural_ratio") & inc["survey_basis"].isin(["old_survey", "integrated"])]
    rows = rows.sort_values(["survey_basis", "year"]).copy()
    rows["segment"] = (rows.groupby("survey_basis")["year"].diff() != 1).cumsum()
    return rows


def test_08_3_the_solution_figure_passes():
    _, ax = plt.subplots()
    sns.lineplot(data=ratio_long(), x="year", y="value", hue="survey_basis", style="survey_basis", markers=True,
                 units="segment", estimator=None, ax=ax)
    ax.set(xlabel="Year", ylabel="Urban-rural income ratio (rural = 1)")
    out = check("08.3", ax)
    assert out.ok, out


def test_08_3_points_only_also_pass():
    ax = sns.scatterplot(data=ratio_long(), x="year", y="value", hue="survey_basis", style="survey_basis")
    ax.set(xlabel="Year", ylabel="Ratio of urban to rural income")
    assert check("08.3", ax).ok


def test_08_3_a_line_across_the_five_year_gaps_is_caught():
    _, ax = plt.subplots()
    sns.lineplot(data=ratio_long(), x="year", y="value", hue="survey_basis", style="survey_basis", markers=True,
                 ax=ax)   # no units: the old surveys are joined from 1978 to 2010
    ax.set(xlabel="Year", ylabel="Urban-rural income ratio")
    out = check("08.3", ax)
    assert not out.ok and "A line crosses years that have no value" in out, out


def test_08_3_one_line_across_both_surveys_labels_and_data_are_caught():
    rows = ratio_long()
    _, ax = plt.subplots()
    both = rows[rows["year"] >= 2010].sort_values("year")
    ax.plot(both["year"], both["value"])                       # one line through both surveys
    old = rows[(rows["survey_basis"] == "old_survey") & (rows["year"] < 2010)]
    ax.plot(old["year"], old["value"], "o", linestyle="")
    ax.set(xlabel="Year", ylabel="Urban-rural income ratio")
    assert "One line joins points of two different series" in check("08.3", ax)

    _, ax = plt.subplots()
    sns.lineplot(data=rows, x="year", y="value", hue="survey_basis", units="segment", estimator=None, ax=ax)
    ax.set(xlabel="Year", ylabel="Income")
    assert "should mention 'ratio'" in check("08.3", ax)

    _, ax = plt.subplots()
    integrated = rows[rows["survey_basis"] == "integrated"]
    sns.lineplot(data=integrated, x="year", y="value", hue="survey_basis", ax=ax)
    ax.set(xlabel="Year", ylabel="Ratio")
    assert "'old surveys' is not all there" in check("08.3", ax)
