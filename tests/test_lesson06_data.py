"""Lesson 06: the data facts the lesson's prose relies on (cross-checks that can fail), and the tables
its cells compute, recomputed here with plain pandas from data/*.csv."""

import pandas as pd
import pytest

from conftest import DATA
from lessons import namespace


def csv(name):
    return pd.read_csv(DATA / f"{name}.csv", dtype={"standard": str, "date": str, "period": str},
                       keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def ns():
    return namespace("06")


def official_2010():
    hc = csv("headcount")
    return hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")].set_index("year")


# -- group coverage ------------------------------------------------------------------------------

def test_the_two_bases_give_the_lessons_ratios(ns):
    poor = official_2010()
    rural = csv("population").set_index("year")["rural_million"]
    assert poor.loc[2012, "poor_million"] == 98.99 and poor.loc[2012, "incidence_pct"] == 10.2
    assert round(poor.loc[2012, "poor_million"] / (poor.loc[2012, "incidence_pct"] / 100), 1) == 970.5
    assert round(100 / poor.loc[2012, "incidence_pct"], 1) == 9.8  # "almost tenfold"
    assert round(rural[2021] / poor.loc[2012, "poor_million"], 1) == 5.0  # "about fivefold"
    assert ns["nbs_base_2012"] == pytest.approx(970.49, abs=0.01)
    # the NBS base is far above the resident rural population in every year both exist (lesson 02)
    both = poor[poor["incidence_pct"] > 0].join(rural, how="inner")
    assert len(both) == 7 and (both["poor_million"] / both["incidence_pct"] * 100 > 1.3 * both["rural_million"]).all()


def test_figure_6_1_never_joins_across_the_census_revision_or_a_gap(ns):
    groups = ns["groups"]
    residents = groups[groups["group"].str.startswith("rural residents")]
    assert set(residents.loc[residents["year"] >= 2020, "group"]) == {"rural residents, after the 2020 census"}
    assert set(residents.loc[residents["year"] <= 2019, "group"]) == {"rural residents, as first published"}
    for _, seg in groups.groupby("segment"):
        assert seg["group"].nunique() == 1 and (seg["year"].diff().dropna() == 1).all()
    first = groups[groups["group"] == "rural residents, as first published"]
    assert first["segment"].nunique() == 2  # 2011 alone, then 2014-2019 (2012 and 2013 are missing)
    note = csv("population").set_index("year").loc[2019, "note"]
    assert "AS FIRST PUBLISHED" in note and "census" in note


# -- spatial scope -------------------------------------------------------------------------------

def test_hebei_and_hainan_are_eastern_provinces_on_the_832_list_with_sources():
    c = csv("poor_counties_by_province").set_index(["province", "list"])
    assert c.loc[("Hebei", "832 list"), "counties"] == 45 and c.loc[("Hebei", "832 list"), "nbs_region"] == "east"
    assert c.loc[("Hainan", "832 list"), "counties"] == 5 and c.loc[("Hainan", "832 list"), "nbs_region"] == "east"
    sources = csv("sources").set_index("source_id")
    assert sources.loc["xinhua_201905_hebei", "host"] == "xinhuanet.com"
    assert sources.loc["xinhua_202003_hainan", "copy"] == "yes"
    assert c.loc[("Heilongjiang", "832 list"), "nbs_region"] == "northeast"  # the four-region scheme
    assert set(csv("poor_counties_by_province")["nbs_region"].dropna()) == {"east", "central", "west", "northeast"}


def test_the_verified_832_rows_and_figure_6_2(ns):
    c = csv("poor_counties_by_province")
    rows = c[c["list"].str.startswith("832 list") & (c["province"] != "TOTAL")]
    assert rows["province"].is_unique and rows["counties"].sum() == 417 < 832
    assert rows["counties"].sum() > 163  # the paper's §5.4 figure
    assert sorted(ns["on_832"]["bar"]) == sorted(
        rows["province"].replace({"Sichuan (Tibetan areas only: Ganzi, Aba, Muli)": "Sichuan, Tibetan areas"})
        + " (" + rows["nbs_region"] + ")")
    assert ns["on_832"]["counties"].is_monotonic_decreasing


def test_the_regional_shares_of_figure_6_3(ns):
    rg = csv("regions")
    three = rg[rg["region"].isin(["east", "central", "west"]) & rg["year"].between(2017, 2019)]
    wide = three.pivot(index="year", columns="region", values="rural_poor_million")
    share = (100 * wide.div(wide.sum(axis=1), axis=0)).round(1)
    got = ns["three"].pivot(index="year", columns="region", values="share_pct")
    pd.testing.assert_frame_equal(got[share.columns], share, check_names=False)
    assert (share["east"] < 10).all() and (share["east"] > 0).all()  # "below a tenth, but never zero"
    assert (share["west"] > 50).all() and share["west"].is_monotonic_increasing
    hc = official_2010()["poor_million"]
    for year, total in wide.sum(axis=1).items():  # the three regions add up to the national count
        assert total == pytest.approx(hc[year], abs=0.011)


# -- deadlines and monitoring -------------------------------------------------------------------

def test_the_timeline_years_come_from_the_milestone_rows(ns):
    ms = csv("milestones").set_index("date")
    assert ms.loc["2013-11-03", "year"] == 2013 and ms.loc["2017-10-18", "year"] == 2017
    timeline = ns["timeline"]
    assert timeline.groupby("phase")["year"].apply(list).to_dict() == {
        "Targeted poverty alleviation": [2013, 2020], "Transition period": [2021, 2025],
        "Rural revitalization": [2017, 2020, 2035, 2050]}
    assert "(2021-2025)" in ms.loc["2020-12", "description"]
    assert "2035" in ms.loc["2018-02-04", "description"] and "2050" in ms.loc["2018-02-04", "description"]


def test_the_monitoring_figures_are_written_as_their_sources_state_them(ns):
    mon = csv("post2020_monitoring")
    risk = mon[mon["indicator"].str.contains("monitored")]
    words = {"exact": "", "nearly": "nearly ", "more than": "more than ", "at most": "at most "}
    want = [f"{words[q]}{v:g} {u}" for q, v, u in zip(risk["qualifier"], risk["value"], risk["unit"])]
    assert ns["risk"]["as stated"].tolist() == want
    assert want[0] == "nearly 70 percent" and want[1] == "more than 60 percent"
    assert "year not printed" in risk["period"].iloc[1]
    assert set(mon["qualifier"]) <= set(words)


def test_the_income_rows_of_going_further(ns):
    incomes = ns["incomes"]
    assert incomes.groupby("measure")["year"].apply(list).to_dict() == {
        "people lifted out of poverty: net income": [2020, 2021, 2022],
        "poverty-lifted areas: rural disposable income": [2020, 2022, 2024]}
    for _, g in incomes.groupby("measure"):
        assert g["value"].is_monotonic_increasing
    assert incomes.iloc[0]["status"] == "derived"
