"""Lesson 01 exercise checks: a right answer passes, typical mistakes get their own feedback, and
no feedback gives the expected value away. Expected answers are recomputed here with plain pandas."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import seaborn as sns

from conftest import DATA
from ruralrev.exercises import check


@pytest.fixture(scope="module")
def ms():
    return pd.read_csv(DATA / "milestones.csv", dtype={"date": str})


@pytest.fixture(scope="module")
def terms():
    return pd.read_csv(DATA / "terms.csv", dtype=str)


# -- 01.1 milestones per period and theme --------------------------------------------------------

def test_01_1_right_answer_passes(ms):
    answer = ms.groupby(["period", "theme"]).size().reset_index(name="milestones")
    assert check("01.1", answer).ok
    # the same counts in another row order, or as a Series with a named index, also pass
    assert check("01.1", answer.sample(frac=1, random_state=1)).ok
    assert check("01.1", ms.groupby(["period", "theme"]).size().rename("milestones")).ok


@pytest.mark.parametrize("wrong, fragment", [
    (lambda ms: ms.groupby("theme").size().reset_index(name="milestones"), "column 'period'"),
    (lambda ms: ms.groupby("period").size().reset_index(name="milestones"), "column 'theme'"),
    (lambda ms: ms.groupby(["period", "theme"]).size().reset_index(), "called 0"),
    (lambda ms: ms[ms["period"] == "2013-2020 targeted poverty alleviation"]
     .groupby(["period", "theme"]).size().reset_index(name="milestones"), "one period"),
])
def test_01_1_typical_mistakes_get_their_own_feedback(ms, wrong, fragment):
    feedback = check("01.1", wrong(ms))
    assert not feedback.ok and fragment in feedback, feedback


def test_01_1_a_wrong_count_is_flagged_without_the_counts(ms):
    answer = ms.groupby(["period", "theme"]).size().reset_index(name="milestones")
    answer["milestones"] += 1
    feedback = check("01.1", answer)
    assert not feedback.ok and "'milestones'" in feedback
    assert not any(ch.isdigit() for ch in feedback), feedback


def test_01_1_not_a_table():
    assert "DataFrame" in check("01.1", 15)


# -- 01.2 milestones per year, as points ------------------------------------------------------------

def per_year(ms, low=2011, high=2021):
    return ms[ms["year"].between(low, high)].groupby("year").size().reset_index(name="milestones")


def test_01_2_right_figure_passes(ms):
    fig, ax = plt.subplots()
    sns.scatterplot(data=per_year(ms), x="year", y="milestones", ax=ax)
    ax.set(xlabel="Year", ylabel="Number of milestones")
    assert check("01.2", ax).ok


def test_01_2_unlabelled_axes_are_flagged(ms):
    ax = sns.scatterplot(data=per_year(ms), x="year", y="milestones")
    ax.set(xlabel="", ylabel="")
    feedback = check("01.2", ax)
    assert not feedback.ok and "x-axis" in feedback


def test_01_2_all_years_are_too_many_points(ms):
    ax = sns.scatterplot(data=per_year(ms, 1978, 2021), x="year", y="milestones")
    ax.set(xlabel="Year", ylabel="Number of milestones")
    feedback = check("01.2", ax)
    assert not feedback.ok and "between(2011, 2021)" in feedback


def test_01_2_a_line_is_flagged(ms):
    ax = sns.lineplot(data=per_year(ms), x="year", y="milestones")
    ax.set(xlabel="Year", ylabel="Number of milestones")
    feedback = check("01.2", ax)
    assert not feedback.ok and "points" in feedback


def test_01_2_a_barplot_with_categories_is_flagged_without_the_counts(ms):
    ax = sns.barplot(data=per_year(ms), x="year", y="milestones")
    ax.set(xlabel="Year", ylabel="Number of milestones")
    feedback = check("01.2", ax)
    assert not feedback.ok
    counts = per_year(ms)["milestones"].tolist()
    assert "not all there" in feedback and str(counts) not in feedback


def test_01_2_not_a_figure():
    assert "axes" in check("01.2", "my figure")


# -- 01.3 written interpretation --------------------------------------------------------------------

GOOD = ("The paper claims that the two strategies are one road with a unified logic. The milestones table "
        "can show their order, the years in which they overlap and the handover between agencies. It cannot "
        "show that their logic is unified, because that is an interpretation.")


def test_01_3_a_good_answer_passes():
    assert check("01.3", GOOD).ok


@pytest.mark.parametrize("answer, fragment", [
    ("Organic.", "at least 30"),
    ("The paper claims that the two strategies are one road with a unified theoretical logic and a shared "
     "mission, so that rural revitalization carries on the work of poverty alleviation for the people.",
     "milestones table can show"),
    ("The paper claims the two strategies are one connected road. The milestones table shows the order and "
     "the overlap of the two strategies in the years from 2017 to 2020, and the handover of the agencies.", "cannot show"),
    ("The table lists dates, the order of events, and the years of overlap between the strategies; but it "
     "cannot prove anything more than these dates, and it is not an interpretation of the policy texts.", "what the paper claims"),
    (42, "between quotes"),
])
def test_01_3_missing_points_get_their_own_feedback(answer, fragment):
    feedback = check("01.3", answer)
    assert not feedback.ok and fragment in feedback, feedback


# -- 01.4 terms in three languages ------------------------------------------------------------------

def test_01_4_right_answer_passes(terms):
    answer = terms.loc[terms["term_zh"].str.contains("精准"), ["term_en", "term_zh", "pinyin"]]
    assert check("01.4", answer).ok


def test_01_4_searching_the_english_column_is_flagged(terms):
    answer = terms.loc[terms["term_en"].str.contains("precis"), ["term_en", "term_zh", "pinyin"]]
    feedback = check("01.4", answer)
    assert not feedback.ok and "term_zh" in feedback


def test_01_4_no_filter_is_flagged(terms):
    feedback = check("01.4", terms[["term_en", "term_zh", "pinyin"]])
    assert not feedback.ok and "every term" in feedback


def test_01_4_missing_pinyin_is_flagged_without_the_answer(terms):
    answer = terms.loc[terms["term_zh"].str.contains("精准"), ["term_en", "term_zh"]]
    feedback = check("01.4", answer)
    assert not feedback.ok and "pinyin" in feedback
    assert "jīngzhǔn" not in feedback and "six precisions" not in feedback
