"""Lesson 03 exercise checks: right answers pass, typical wrong answers get their own feedback,
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


def csv(name):
    return pd.read_csv(DATA / f"{name}.csv", dtype={"standard": str})


def poor():
    hc = csv("headcount")
    return hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")].set_index("year")["poor_million"]


def regions_wide():
    rg = csv("regions")
    return rg[rg["region"].isin(["east", "central", "west"])].pivot(index="year", columns="region",
                                                                      values="rural_poor_million")


# -- 03.1 the average yearly fall ---------------------------------------------------------------

def test_03_1_right_answer_passes():
    p = poor()
    right = (p[2012] - p[2020]) / 8
    out = check("03.1", right)
    assert out.ok and "million people a year" in out
    assert check("03.1", pd.Series([right])).ok


@pytest.mark.parametrize("wrong, fragment", [
    (lambda p: (p[2012] - p[2020]) / 9, "You divided by 9"),
    (lambda p: (p[2013] - p[2020]) / 7, "end of 2013"),
    (lambda p: p[2012] - p[2020], "total fall"),
    (lambda p: p.loc[2012:2020].mean(), "average *number* of poor"),
    (lambda p: (p[2020] - p[2012]) / 8, "negative"),
    (lambda p: "12.37", "Give a number"),
])
def test_03_1_typical_mistakes_get_their_feedback_without_the_answer(wrong, fragment):
    p = poor()
    out = check("03.1", wrong(p))
    assert not out.ok and fragment in out, out
    right = (p[2012] - p[2020]) / 8
    assert f"{right:.2f}" not in out and f"{right:.1f}" not in out


# -- 03.2 the fall by region ----------------------------------------------------------------------

def right_falls():
    w = regions_wide()
    return (w.loc[2017] - w.loc[2019]).reset_index(name="fall_million")


def test_03_2_right_answer_passes_in_any_order():
    assert check("03.2", right_falls()).ok
    assert check("03.2", right_falls().sort_values("fall_million")).ok
    assert check("03.2", right_falls().set_index("region")["fall_million"]).ok  # a Series with a named index


@pytest.mark.parametrize("make, fragment", [
    (lambda f: f.assign(fall_million=-f["fall_million"]), "negative"),
    (lambda f: f.rename(columns={"fall_million": 0}), "called 0"),
    (lambda f: (regions_wide().loc[2018] - regions_wide().loc[2019]).reset_index(name="fall_million"), "one year"),
    (lambda f: pd.concat([f, pd.DataFrame({"region": ["national"], "fall_million": [24.95]})]), "three regions"),
    (lambda f: f.assign(fall_million=f["fall_million"] + 1), "differ"),
])
def test_03_2_typical_mistakes_get_their_feedback_without_the_answer(make, fragment):
    out = check("03.2", make(right_falls()))
    assert not out.ok and fragment in out, out
    for value in right_falls()["fall_million"]:
        assert f"{value:.2f}" not in out


# -- 03.3 the regions figure ----------------------------------------------------------------------

def regions_recent():
    rg = csv("regions")
    return rg[rg["region"].isin(["east", "central", "west"]) & rg["year"].between(2017, 2019)]


def test_03_3_the_solution_figure_passes():
    ax = sns.lineplot(data=regions_recent(), x="year", y="rural_poor_million", hue="region", style="region",
                      markers=True)
    ax.set(xlabel="Year", ylabel="Rural poor (million people)")
    out = check("03.3", ax)
    assert out.ok, out


def test_03_3_one_line_across_regions_and_missing_labels_are_caught():
    _, ax = plt.subplots()
    ax.plot(regions_recent()["year"], regions_recent()["rural_poor_million"])  # one line through all regions
    ax.set(xlabel="Year", ylabel="Rural poor (million people)")
    assert "One line joins points" in check("03.3", ax)
    _, ax = plt.subplots()
    sns.lineplot(data=regions_recent(), x="year", y="rural_poor_million", hue="region", ax=ax)
    ax.set(xlabel="Year", ylabel="people")
    assert "should mention 'million'" in check("03.3", ax)
    _, ax = plt.subplots()
    sns.lineplot(data=regions_recent(), x="year", y="change_million", hue="region", ax=ax)
    assert "is not all there" in check("03.3", ax)


# -- 03.4 the written interpretation ------------------------------------------------------------

MODEL = ("The source's 98% is the share of poor villages with 4G, and the paper writes 98% of the total area, "
         "a share of land. No source in the course measures coverage by land area, so nothing contradicts the "
         "paper's version. For households the sources count 7.9 million households, which contradicts the paper.")


def test_03_4_model_answer_passes():
    assert check("03.4", MODEL).ok


@pytest.mark.parametrize("answer, fragment", [
    ("Because it is misstated.", "at least 25"),
    (MODEL.replace("villages", "places"), "a share of what"),
    (MODEL.replace("land area", "land").replace("total area", "whole").replace("land", "space"), "98% of what"),
    (("The source's 98% is the share of poor villages with 4G, and the paper writes 98% of the total area, "
      "a share of land, which is a different unit from the one in the white paper, so the paper is wrong about "
      "the unit it attaches to the figure."), "contradicts the paper's version"),
    (42, "between quotes"),
])
def test_03_4_gaps_are_named(answer, fragment):
    out = check("03.4", answer)
    assert not out.ok and fragment in out, out
