"""Lesson 05 data: the course-authored table data/relative_lines.csv (with the World Bank's societal
poverty line), and cross-checks of the tables the lesson reads (PIP half-median spells, the
urban-rural ratio and its gaps, the quintiles, the Gini), computed with plain pandas."""

import re

import numpy as np
import pandas as pd
import pytest

from conftest import DATA
from lessons import namespace
from ruralrev import data


def csv(name):
    return pd.read_csv(DATA / f"{name}.csv")


def test_relative_lines_loads_with_its_schema_and_sources():
    lines = data.load("relative_lines")
    assert lines.columns.tolist() == ["line_id", "organisation", "indicator", "share_of_median_pct",
                                      "constant_usd_per_day", "floor_usd_per_day", "ppp_version",
                                      "welfare_concept", "status", "source_id", "note"]
    assert lines["line_id"].is_unique
    assert set(lines["share_of_median_pct"]) == {40.0, 50.0, 60.0}
    assert lines.attrs["units"]["share_of_median_pct"] == "percent of the median"
    assert lines.attrs["units"]["constant_usd_per_day"] == "PPP dollars per person per day"
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
    ("wb_spl_2017", 50, "datahelpdesk.worldbank.org"),
    ("wb_spl_2021", 50, "github.com/worldbank/PIP-Methodology"),
])
def test_each_relative_line_and_where_it_was_read(line_id, share, domain):
    lines = data.load("relative_lines").set_index("line_id")
    assert lines.loc[line_id, "share_of_median_pct"] == share
    url = data.load("sources").set_index("source_id").loc[lines.loc[line_id, "source_id"], "url"]
    assert domain in url


@pytest.mark.parametrize("line_id, ppp, constant, floor", [("wb_spl_2017", 2017, 1.15, 2.15),
                                                            ("wb_spl_2021", 2021, 1.30, 3.00)])
def test_the_societal_poverty_lines_are_the_world_banks_definitions(line_id, ppp, constant, floor):
    row = data.load("relative_lines").set_index("line_id").loc[line_id]
    assert (row["ppp_version"], row["constant_usd_per_day"], row["floor_usd_per_day"]) == (ppp, constant, floor)
    assert f"${constant:.2f}" in row["indicator"] and f"${floor:.2f}" in row["indicator"]
    others = data.load("relative_lines")
    plain = others[~others["line_id"].str.startswith("wb_spl")]
    assert plain[["constant_usd_per_day", "floor_usd_per_day"]].isna().all().all()  # pure shares of the median


def test_the_lessons_societal_line_table_is_max_of_floor_and_constant_plus_half_median():
    ns = namespace("05")
    medians = np.array([2, 4, 8, 16, 32])
    assert np.allclose(np.maximum(3.0, 1.30 + medians / 2), [3.0, 3.3, 5.3, 9.3, 17.3])
    assert ns["spl"]["floor_usd_per_day"] == 3.0 and ns["spl"]["constant_usd_per_day"] == 1.3


def test_pip_table_holds_the_half_median_line_without_a_dollar_value():
    pip = csv("pip_headcount")
    half = pip[pip["line"] == "half of median"]
    assert len(half) > 0 and half["line_usd_per_day"].isna().all()


def test_china_half_median_breaks_and_the_1990_tie_are_where_the_lesson_says():
    pip = csv("pip_headcount")
    china = pip[(pip["country"] == "China") & (pip["line"] == "half of median") & (pip["ppp_version"] == 2017)]
    assert china.groupby("survey_comparability")["year"].min().tolist() == [1981, 1990, 2013]
    assert set(china.loc[china["survey_comparability"] == 0, "welfare_type"]) == {"income"}
    assert set(china.loc[china["survey_comparability"] > 0, "welfare_type"]) == {"consumption"}
    wide = china.pivot(index="year", columns="reporting_level", values="headcount_ratio_pct")
    assert round(wide.loc[1990, "rural"], 2) == round(wide.loc[1990, "urban"], 2)  # one marker hides the other
    assert (wide["national"] > wide["rural"]).all()


def test_the_lessons_pip_runs_join_only_consecutive_years_of_one_spell():
    china = namespace("05")["china"]
    for _, run in china.groupby("run"):
        assert run["survey_comparability"].nunique() == 1 and run["reporting_level"].nunique() == 1
        assert (run["year"].diff().dropna() == 1).all()
    joined = china.groupby("run")["year"].agg(["min", "max", "size"])
    assert sorted(map(tuple, joined[joined["size"] > 1][["min", "max"]].drop_duplicates().to_numpy())) == \
        [(2010, 2012), (2013, 2019)]


@pytest.mark.parametrize("basis, rural", [("integrated", "rural_disposable_income"),
                                          ("integrated_backcast", "rural_disposable_income"),
                                          ("old_survey", "rural_net_income")])
def test_urban_rural_ratio_is_urban_over_rural_within_each_survey(basis, rural):
    income = csv("income")
    wide = income[income["survey_basis"] == basis].pivot_table(index="year", columns="indicator", values="value")
    computed = (wide["urban_disposable_income"] / wide[rural]).round(2)
    assert (computed - wide["urban_rural_ratio"]).abs().max() <= 0.005 + 1e-9


def test_the_old_survey_ratio_is_five_yearly_before_2010_so_the_lesson_draws_points():
    income = csv("income")
    old = income[(income["indicator"] == "urban_rural_ratio") & (income["survey_basis"] == "old_survey")]
    old = old.set_index("year")["value"].sort_index()
    assert old.index.tolist() == [1978, 1980, 1985, 1990, 1995, 2000, 2005, 2010, 2011, 2012, 2013, 2014]
    assert (old.idxmin(), old.idxmax()) == (1985, 2010)                  # among the values held
    assert (old.loc[2010:].diff().dropna() < 0).all()
    ratio = namespace("05")["ratio"]
    old_runs = ratio[ratio["survey_basis"] == "old_survey"].groupby("run")["year"].agg(list).tolist()
    assert [r for r in old_runs if len(r) > 1] == [[2010, 2011, 2012, 2013, 2014]]
    integrated = income[(income["indicator"] == "urban_rural_ratio") & (income["survey_basis"] == "integrated")]
    assert (integrated.sort_values("year")["value"].diff().dropna() < 0).all()


def test_the_lessons_gini_runs_leave_the_missing_years_open():
    ns = namespace("05")
    firm = ns["firm"]
    for _, run in firm.groupby("run"):
        assert (run["year"].diff().dropna() == 1).all()
    missing = sorted(set(range(firm["year"].min(), 2024)) - set(csv("gini")["year"]))
    assert missing == [2018, 2022]
    assert ns["provisional"]["year"].tolist() == [2021, 2023]


def test_quintile_ratios_match_the_ratios_quoted_in_the_notes():
    q = csv("income_quintiles")
    national = q[(q["population"] == "national") & (q["survey_basis"] == "integrated")]
    wide = national.pivot(index="year", columns="quintile", values="income_yuan")
    ratios = wide["high"] / wide["low"]
    quoted = {}
    for year, note in national.groupby("year")["note"].first().items():
        m = re.search(r"high/low ratio \d+/\d+=(\d+\.\d+)", str(note))
        if m:
            quoted[year] = float(m.group(1))
    assert quoted, "the notes quote at least one ratio"
    for year, value in quoted.items():
        assert round(ratios[year], 2) == value, year
    lesson = namespace("05")["fifths"]["top / bottom"]
    assert lesson.round(2).equals(ratios.round(2).rename("top / bottom").rename_axis("year"))


def test_quintiles_increase_within_each_group():
    q = csv("income_quintiles")
    order = ["low", "lower-middle", "middle", "upper-middle", "high"]
    for key, rows in q.groupby(["year", "population", "survey_basis"]):
        values = rows.set_index("quintile").reindex([o for o in order if o in set(rows["quintile"])])["income_yuan"]
        assert values.is_monotonic_increasing, key


def test_the_gini_of_five_averages_is_below_the_nbs_gini_every_year():
    gini = csv("gini").set_index("year")["gini"]
    q = csv("income_quintiles")
    national = q[(q["population"] == "national") & (q["survey_basis"] == "integrated")]
    note_2015 = national[national["year"] == 2015]["note"].iloc[0]
    assert f"Gini {gini[2015]}" in note_2015  # same NBS release
    for year, rows in national.groupby("year"):
        x = np.sort(rows["income_yuan"].to_numpy(float))
        g = 2 * np.dot(np.arange(1, 6), x) / (5 * x.sum()) - 6 / 5
        if year in gini.index:
            assert g < gini[year], year


def test_relative_lines_resource_is_described():
    res = data.describe("relative_lines")
    assert res["schema"]["primaryKey"] == ["line_id"]
    assert {f["name"] for f in res["schema"]["fields"]} == set(pd.read_csv(DATA / "relative_lines.csv", nrows=0).columns)
    assert "47f1b14" in res["vintage"] and "516266a" in res["vintage"]
