"""Lesson 00 exercise checks: a right answer passes, typical mistakes get their own feedback, and
no wrong-answer feedback gives the expected value away. Expected answers are recomputed here with
plain pandas from data/*.csv, independently of ruralrev."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import seaborn as sns

from conftest import DATA
from ruralrev.exercises import check


@pytest.fixture(scope="module")
def regions():
    return pd.read_csv(DATA / "regions.csv")


@pytest.fixture(scope="module")
def sources():
    return pd.read_csv(DATA / "sources.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def population():
    return pd.read_csv(DATA / "population.csv")


def _shown(x: float) -> str:
    return f"{x:,.4f}".rstrip("0").rstrip(".")


# -- 00.1 the west's rural poor in 2019 -------------------------------------------------------

def value(regions, region, year, column="rural_poor_million"):
    return regions[(regions["region"] == region) & (regions["year"] == year)][column].item()


def test_00_1_right_answer_passes(regions):
    expected = value(regions, "west", 2019)
    assert check("00.1", expected).ok
    # a one-row Series (the filter without .item()) is accepted too
    assert check("00.1", regions[(regions["region"] == "west") & (regions["year"] == 2019)]["rural_poor_million"]).ok


@pytest.mark.parametrize("region, year, column, fragment", [
    ("east", 2019, "rural_poor_million", 'region == "west"'),
    ("central", 2019, "rural_poor_million", 'region == "west"'),
    ("west", 2018, "rural_poor_million", "year == 2019"),
    ("west", 2012, "rural_poor_million", "year == 2019"),
    ("west", 2019, "change_million", "change_million"),
])
def test_00_1_typical_mistakes_get_their_own_feedback(regions, region, year, column, fragment):
    expected = value(regions, "west", 2019)
    feedback = check("00.1", value(regions, region, year, column))
    assert not feedback.ok and fragment in feedback, feedback
    assert _shown(expected) not in feedback


def test_00_1_national_count_instead_of_regional(regions):
    hc = pd.read_csv(DATA / "headcount.csv", dtype={"standard": str})
    national = hc[(hc["standard"] == "2010") & (hc["year"] == 2019)]["poor_million"].item()
    feedback = check("00.1", national)
    assert not feedback.ok and "regions.csv" in feedback, feedback


def test_00_1_other_wrong_answers_do_not_reveal_the_value(regions):
    expected = value(regions, "west", 2019)
    for wrong in (expected + 1.234, expected - 0.777, 0.0):
        feedback = check("00.1", wrong)
        assert not feedback.ok and _shown(expected) not in feedback, feedback


@pytest.mark.parametrize("answer, fragment", [
    ("3.23", "not text"),
    (pd.Series([1.0, 2.0]), "2 values"),
    (float("nan"), "matched no row"),
])
def test_00_1_not_a_number(answer, fragment):
    feedback = check("00.1", answer)
    assert not feedback.ok and fragment in feedback, feedback


# -- 00.2 pages per publisher, with copies --------------------------------------------------------

def by_publisher(sources):
    sources = sources.assign(is_copy=sources["copy"] == "yes")
    return (sources.groupby("original_publisher")
            .agg(pages=("source_id", "size"), copies=("is_copy", "sum"))
            .sort_values("pages", ascending=False))


def test_00_2_right_answer_passes(sources):
    answer = by_publisher(sources)
    assert check("00.2", answer).ok
    assert check("00.2", answer.reset_index()).ok


def test_00_2_expected_follows_the_file(sources, data_copy, monkeypatch):
    """The expected table is computed from data/sources.csv when the check runs (it may be re-attributed)."""
    import hashlib
    import json

    from ruralrev import data as rdata

    path = data_copy / "sources.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[df.index[:5], "copy"] = "yes"
    df.to_csv(path, index=False)
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        if res["name"] == "sources":
            res["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    monkeypatch.setenv("RURALREV_DATA", str(data_copy))
    assert rdata.data_dir() == data_copy
    assert check("00.2", by_publisher(df)).ok
    if not by_publisher(df)["copies"].equals(by_publisher(sources)["copies"]):
        assert not check("00.2", by_publisher(sources)).ok


@pytest.mark.parametrize("wrong, fragment", [
    (lambda s: s["original_publisher"].value_counts().reset_index(), "called 'count'"),
    (lambda s: s.groupby("original_publisher").agg(pages=("source_id", "size")), "no column 'copies'"),
    (lambda s: s.groupby("original_publisher")
     .agg(pages=("source_id", "size"), copies=("copy", "size")).sort_values("pages", ascending=False),
     '"sum"'),
    (lambda s: by_publisher(s).sort_values("pages"), "sort_values"),
    (lambda s: by_publisher(s[s["copy"] == "yes"]), "without a filter"),
])
def test_00_2_typical_mistakes_get_their_own_feedback(sources, wrong, fragment):
    feedback = check("00.2", wrong(sources))
    assert not feedback.ok and fragment in feedback, feedback
    assert not any(ch.isdigit() for ch in feedback), feedback


def test_00_2_wrong_counts_are_flagged_without_the_counts(sources):
    answer = by_publisher(sources).reset_index()
    answer["copies"] = answer["copies"] + 1
    feedback = check("00.2", answer)
    assert not feedback.ok and "'copies'" in feedback, feedback
    assert not any(ch.isdigit() for ch in feedback), feedback


# -- 00.3 urban and rural population, long form, seaborn ----------------------------------------

def long_form(population, low=2020):
    recent = population[population["year"] >= low]
    return recent.melt(id_vars="year", value_vars=["urban_million", "rural_million"],
                       var_name="area", value_name="million")


def draw(df, xlabel="Year", ylabel="Population (million people)", **kw):
    fig, ax = plt.subplots()
    sns.lineplot(data=df, x="year", y="million", hue="area", style="area", markers=True, ax=ax, **kw)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    return ax


def test_00_3_right_figure_passes(population):
    assert check("00.3", draw(long_form(population))).ok


def test_00_3_missing_labels_are_flagged(population):
    feedback = check("00.3", draw(long_form(population), xlabel="", ylabel=""))
    assert not feedback.ok and "x-axis" in feedback, feedback
    feedback = check("00.3", draw(long_form(population), ylabel="Population"))
    assert not feedback.ok and "y-axis" in feedback and "'million'" in feedback, feedback


def test_00_3_one_line_through_both_series_is_flagged(population):
    fig, ax = plt.subplots()
    df = long_form(population)
    ax.plot(df["year"], df["million"])  # one line: urban, then back to rural
    ax.set(xlabel="Year", ylabel="million people")
    feedback = check("00.3", ax)
    assert not feedback.ok and "joins points of two different series" in feedback, feedback


def test_00_3_no_legend_is_flagged(population):
    feedback = check("00.3", draw(long_form(population), legend=False))
    assert not feedback.ok and "legend" in feedback, feedback


def test_00_3_years_before_the_census_revision_are_flagged(population):
    feedback = check("00.3", draw(long_form(population, low=2010)))
    assert not feedback.ok and "before 2020" in feedback, feedback


def test_00_3_the_total_is_flagged(population):
    recent = population[population["year"] >= 2020]
    df = recent.melt(id_vars="year", value_vars=["urban_million", "rural_million", "total_million"],
                     var_name="area", value_name="million")
    feedback = check("00.3", draw(df))
    assert not feedback.ok and "total" in feedback, feedback


def test_00_3_wrong_column_is_flagged(population):
    recent = population[population["year"] >= 2020]
    df = recent.melt(id_vars="year", value_vars=["urbanization_pct"], var_name="area", value_name="million")
    feedback = check("00.3", draw(df))
    assert not feedback.ok and "not all there" in feedback, feedback


def test_00_3_not_axes():
    assert "axes" in check("00.3", "a figure")


# -- 00.4 written interpretation -----------------------------------------------------------------

MODEL = ("The two counts are made against different poverty lines. The 2010 standard's line is much "
         "higher than the 1978 standard's, so it counts many more people as poor. The jump is a change "
         "of definition, not a rise in poverty.")


def test_00_4_model_answer_passes():
    assert check("00.4", MODEL).ok


@pytest.mark.parametrize("answer, fragment", [
    ("Poverty rose.", "at least 20"),
    ("word " * 130, "under 120"),
    ("In 2011 the count was much larger than in 2007 because many more rural people became poor "
     "during those years of slower growth, which the figure shows clearly.", "against what"),
    ("The two counts use different poverty standards, and each series is drawn separately in the "
     "figure so that the reader can see them both clearly.", "how the two lines compare"),
    ("The two counts use different poverty lines: the 2010 line is much higher, so it counts many "
     "more people as poor in every year it is applied to.", "poverty rose"),
])
def test_00_4_missing_points_get_their_own_feedback(answer, fragment):
    feedback = check("00.4", answer)
    assert not feedback.ok and fragment in feedback, feedback


def test_00_4_not_text():
    assert "between quotes" in check("00.4", 42)
