"""Lesson 05 data: the course-authored table data/relative_lines.csv, and cross-checks of the
tables the lesson reads (income ratio, quintiles, Gini, PIP half-median spells)."""

import re

import pandas as pd
import pytest

from ruralrev import data
from ruralrev.measures import relative as rel


def test_relative_lines_loads_with_its_schema_and_sources():
    lines = data.load("relative_lines")
    assert lines.columns.tolist() == ["line_id", "organisation", "indicator", "share_of_median_pct",
                                      "welfare_concept", "status", "source_id", "note"]
    assert lines["line_id"].is_unique
    assert set(lines["share_of_median_pct"]) == {40.0, 50.0, 60.0}
    assert lines.attrs["units"]["share_of_median_pct"] == "percent of the median"
    sources = data.load("sources").set_index("source_id")
    for sid in lines["source_id"]:
        assert sid in sources.index
        assert sources.loc[sid, "url"].startswith("http")


@pytest.mark.parametrize("line_id, share, domain", [
    ("pip_half_median", 50, "github.com/owid/poverty-data"),
    ("oecd_poverty_rate", 50, "oecd"),
    ("oecd_alternative_40", 40, "oecd"),
    ("oecd_alternative_60", 60, "oecd"),
    ("eurostat_at_risk", 60, "ec.europa.eu/eurostat"),
])
def test_each_relative_line_and_where_it_was_read(line_id, share, domain):
    lines = data.load("relative_lines").set_index("line_id")
    assert lines.loc[line_id, "share_of_median_pct"] == share
    url = data.load("sources").set_index("source_id").loc[lines.loc[line_id, "source_id"], "url"]
    assert domain in url
    citation = data.cite(lines.loc[line_id, "source_id"])
    assert f"{share}%" in citation or (share == 50 and "half" in citation)


def test_pip_table_holds_the_half_median_line_the_conventions_table_describes():
    pip = data.load("pip_headcount")
    half = pip[pip["line"] == "half of median"]
    assert len(half) > 0 and half["line_usd_per_day"].isna().all()  # a relative line has no dollar value


def test_pip_spells_are_contiguous_in_time():
    """The lesson draws each survey_comparability group as one piece: groups must not interleave."""
    pip = data.load("pip_headcount")
    keys = ["country", "reporting_level", "welfare_type", "ppp_version", "line"]
    for key, rows in pip.sort_values("year").groupby(keys):
        assert rows["survey_comparability"].is_monotonic_increasing, key


def test_china_half_median_breaks_are_where_the_lesson_says():
    pip = data.load("pip_headcount")
    china = pip[(pip["country"] == "China") & (pip["line"] == "half of median") & (pip["ppp_version"] == 2017)]
    first_years = china.groupby("survey_comparability")["year"].min().tolist()
    assert first_years == [1981, 1990, 2013]
    assert set(china.loc[china["survey_comparability"] == 0, "welfare_type"]) == {"income"}
    assert set(china.loc[china["survey_comparability"] > 0, "welfare_type"]) == {"consumption"}


@pytest.mark.parametrize("basis, rural", [("integrated", "rural_disposable_income"),
                                          ("integrated_backcast", "rural_disposable_income"),
                                          ("old_survey", "rural_net_income")])
def test_urban_rural_ratio_is_urban_over_rural_within_each_survey(basis, rural):
    income = data.load("income")
    wide = income[income["survey_basis"] == basis].pivot_table(index="year", columns="indicator", values="value")
    computed = (wide["urban_disposable_income"] / wide[rural]).round(2)
    assert (computed - wide["urban_rural_ratio"]).abs().max() <= 0.005 + 1e-9


def test_quintile_ratios_match_the_ratios_quoted_in_the_notes():
    q = data.load("income_quintiles")
    national = q[(q["population"] == "national") & (q["survey_basis"] == "integrated")]
    ratios = rel.quintile_ratio(national).set_index("year")["ratio"]
    quoted = {}
    for year, note in national.groupby("year")["note"].first().items():
        m = re.search(r"high/low ratio \d+/\d+=(\d+\.\d+)", note)
        if m:
            quoted[year] = float(m.group(1))
    assert quoted, "the notes quote at least one ratio"
    for year, value in quoted.items():
        assert round(ratios[year], 2) == value, year


def test_quintiles_increase_within_each_group():
    q = data.load("income_quintiles")
    order = ["low", "lower-middle", "middle", "upper-middle", "high"]
    for key, rows in q.groupby(["year", "population", "survey_basis"]):
        values = rows.set_index("quintile").reindex([o for o in order if o in set(rows["quintile"])])["income_yuan"]
        assert values.is_monotonic_increasing, key


def test_gini_cross_checks():
    gini = data.load("gini").set_index("year")
    q = data.load("income_quintiles")
    note_2015 = q[(q["year"] == 2015) & (q["population"] == "national")]["note"].iloc[0]
    assert f"Gini {gini.loc[2015, 'gini']}" in note_2015  # same NBS release
    assert gini.index[gini["provisional"] == "yes"].tolist() == [2021, 2023]
    # the Gini of five group averages ignores inequality inside groups: always below the NBS Gini
    national = q[(q["population"] == "national") & (q["survey_basis"] == "integrated")]
    for year, rows in national.groupby("year"):
        if year in gini.index:
            assert rel.gini(rows["income_yuan"].to_numpy()) < gini.loc[year, "gini"]


def test_relative_lines_resource_is_described():
    res = data.describe("relative_lines")
    assert res["schema"]["primaryKey"] == ["line_id"]
    assert {f["name"] for f in res["schema"]["fields"]} == set(pd.read_csv(
        data.data_dir() / "relative_lines.csv", nrows=0).columns)
