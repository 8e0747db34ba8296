"""Lesson 06: helpers for the five-challenges section, and the data facts the lesson relies on."""

import math

import pandas as pd
import pytest

from ruralrev import data
from ruralrev.measures import transition


# -- helpers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, years", [
    ("Timetable: important progress by 2020, basic modernisation by 2035, full revitalization by 2050",
     [2020, 2035, 2050]),
    ("kept stable during transition (2021-2025), then adjusted", [2021, 2025]),
    ("2020, again 2020 and 1999", [2020, 1999]),
    ("12345 yuan, 832 counties, 20201 and 1850", []),
    ("", []),
])
def test_years_in(text, years):
    assert transition.years_in(text) == years


@pytest.mark.parametrize("value, qualifier, unit, text", [
    (70.0, "about", "percent", "about 70 percent"),
    (70.0, "nearly", "percent", "nearly 70 percent"),
    (60.0, "more than", "percent", "more than 60 percent"),
    (15.0, "at most", "days", "at most 15 days"),
    (32.779, "exact", "million people", "32.779 million people"),
    (14342.0, "exact", "yuan", "14,342 yuan"),
])
def test_qualified(value, qualifier, unit, text):
    assert transition.qualified(value, qualifier, unit) == text


def test_qualified_rejects_an_unknown_qualifier():
    with pytest.raises(ValueError, match="unknown qualifier 'roughly'"):
        transition.qualified(70, "roughly", "percent")


def test_growth_pct():
    out = transition.growth_pct(pd.Series([100.0, 110.0, 99.0]))
    assert math.isnan(out.iloc[0]) and out.iloc[1:].tolist() == [10.0, -10.0]


# -- data the lesson relies on (cross-checks that can fail) -------------------------------------

def test_every_qualifier_in_the_monitoring_table_can_be_read():
    mon = data.load("post2020_monitoring")
    assert set(mon["qualifier"]) <= set(transition.QUALIFIER_WORDS)
    for row in mon.itertuples():
        assert transition.qualified(row.value, row.qualifier, row.unit)


def test_milestone_rows_used_for_the_timeline():
    ms = data.load("milestones").set_index("date")
    assert transition.years_in(ms.loc["2017-10-18", "description"]) == [2020]
    assert transition.years_in(ms.loc["2018-02-04", "description"]) == [2020, 2035, 2050]
    assert transition.years_in(ms.loc["2020-12", "description"]) == [2021, 2025]
    assert ms.loc["2013-11-03", "year"] == 2013 and ms.loc["2017-10-18", "year"] == 2017


def test_group_coverage_inputs():
    hc = data.load("headcount")
    pop = data.load("population").set_index("year")
    official = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")].set_index("year")
    assert official.loc[2012, "poor_million"] == 98.99
    assert 2021 in pop.index and pop.loc[2021, "rural_million"] > official["poor_million"].max()
    # urban + rural = total wherever all three are given (to rounding)
    full = pop.dropna(subset=["total_million", "urban_million", "rural_million"])
    assert ((full["urban_million"] + full["rural_million"] - full["total_million"]).abs() < 0.05).all()
    # the paper's §5.3 numbers, which the lesson checks, are in the official series
    assert official.loc[2013, "poor_million"] == 82.49 and official.loc[2019, "poor_million"] == 5.51


def test_implied_incidence_base_exceeds_the_resident_rural_population():
    """The data note of lesson 06: NBS incidence uses a larger rural base than population.csv."""
    hc = data.load("headcount")
    official = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official") & (hc["incidence_pct"] > 0)]
    both = official.merge(data.load("population")[["year", "rural_million"]], on="year")
    assert len(both) >= 5
    assert (both["poor_million"] / both["incidence_pct"] * 100 > both["rural_million"] * 1.3).all()


def test_spatial_scope_inputs():
    facts = data.load("county_facts").set_index("fact_id")["value"]
    assert facts["designated_poor_counties"] == 832 and facts["provinces_with_designated_counties"] == 22
    assert facts["key_counties_central"] + facts["key_counties_western"] == facts["key_counties_2012"]
    assert (facts["key_counties_2012"] + facts["contiguous_area_counties"] - facts["counties_in_both_lists"]
            == facts["designated_poor_counties"])
    counties = data.load("poor_counties_by_province")
    on_832 = counties[counties["list"].str.startswith("832 list") & (counties["province"] != "TOTAL")]
    assert on_832["province"].is_unique
    assert on_832["counties"].sum() < facts["designated_poor_counties"]
    assert on_832["counties"].sum() > 163  # the paper's §5.4 figure, checked in exercise 2
    assert "northeast" in set(on_832["nbs_region"])


def test_regions_add_up_to_the_national_count():
    regions = data.load("regions")
    three = regions[regions["region"].isin(["east", "central", "west"])]
    sums = three.groupby("year")["rural_poor_million"].agg(["sum", "size"])
    sums = sums[sums["size"] == 3]
    assert sums.index.tolist() == [2017, 2018, 2019]
    hc = data.load("headcount")
    national = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")].set_index("year")["poor_million"]
    for year, row in sums.iterrows():
        assert row["sum"] == pytest.approx(national[year], abs=0.011)
    assert (three["rural_poor_million"] > 0).all()  # the east is never zero


def test_post2020_income_rows_used_in_the_lesson():
    mon = data.load("post2020_monitoring")
    people = mon[mon["indicator"].str.startswith("per capita net income of people lifted")]
    areas = mon[mon["indicator"].str.contains("disposable income in poverty-lifted")
                & mon["indicator"].str.contains("areas")]
    assert people["period"].tolist() == ["2020", "2021", "2022"]
    assert areas["period"].tolist() == ["2020", "2022", "2024"]
    assert (people["value"].diff().dropna() > 0).all() and (areas["value"].diff().dropna() > 0).all()
    assert people.iloc[0]["status"] == "derived"
    shares = mon[mon["indicator"] == "share of monitored people whose risk was eliminated"]
    assert shares["qualifier"].tolist() == ["nearly", "more than"]
    assert "year not printed" in shares["period"].iloc[1]
