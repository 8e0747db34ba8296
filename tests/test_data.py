"""Data tests: the package validates, figures match the published ones, tables agree with each other."""

import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from conftest import DATA, ROOT
from ruralrev import data



def test_datapackage_is_valid_frictionless():
    from frictionless import Package

    report = Package(str(DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_every_field_has_type_and_description_and_every_resource_hash_licence_sources():
    meta = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for res in meta["resources"]:
        assert res["hash"].startswith("sha256:") and len(res["hash"]) == 71, res["name"]
        assert res["licenses"] and res["sources"], res["name"]
        for field in res["schema"]["fields"]:
            assert field.get("type") and field.get("description"), (res["name"], field["name"])


def test_numeric_measure_fields_carry_units():
    meta = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for res in meta["resources"]:
        names = [f["name"] for f in res["schema"]["fields"]]
        for field in res["schema"]["fields"]:
            if field["type"] == "number" and "unit" not in names:
                assert "unit" in field, f"{res['name']}.{field['name']} has no unit"


@pytest.mark.parametrize("name", data.tables())
def test_every_table_loads_and_its_source_ids_resolve(name):
    df = data.load(name)
    assert len(df) > 0
    assert df.attrs["citation"].startswith(data.describe(name)["title"])


def test_data_is_exactly_what_the_build_script_makes_from_the_source_pack_in_the_repository():
    result = subprocess.run([sys.executable, "scripts/build_data.py", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# Published figures, as stated in the source pack (data/raw/SOURCES.md).
SPOT_CHECKS = [
    ("headcount", {"year": 2012, "standard": "2010"}, "poor_million", 98.99),
    ("headcount", {"year": 2012, "standard": "2010"}, "incidence_pct", 10.2),
    ("headcount", {"year": 2013, "standard": "2010"}, "poor_million", 82.49),
    ("headcount", {"year": 2019, "standard": "2010"}, "poor_million", 5.51),
    ("headcount", {"year": 2019, "standard": "2010"}, "incidence_pct", 0.6),
    ("headcount", {"year": 2014, "standard": "2010"}, "poverty_line_yuan", 2800),
    ("headcount", {"year": 2010, "standard": "2010"}, "poverty_line_yuan", 2300),
    ("headcount", {"year": 1978, "standard": "1978"}, "poor_million", 250),
    ("headcount", {"year": 2007, "standard": "2008"}, "poor_million", 43.2),
    ("regions", {"year": 2018, "region": "west"}, "rural_poor_million", 9.16),
    ("regions", {"year": 2019, "region": "central"}, "rural_poor_million", 1.81),
    ("income", {"year": 2020, "indicator": "rural_disposable_income", "survey_basis": "integrated"}, "value", 17131),
    ("income", {"year": 2021, "indicator": "urban_disposable_income", "survey_basis": "integrated"}, "value", 47412),
    ("income", {"year": 2020, "indicator": "poor_area_rural_income"}, "value", 12588),
    ("income", {"year": 2021, "indicator": "urban_rural_ratio", "survey_basis": "integrated"}, "value", 2.50),
    ("gini", {"year": 2008}, "gini", 0.491),
    ("gini", {"year": 2015}, "gini", 0.462),
    ("county_exits", {"year": 2018}, "counties_exited", 283),
    ("county_exits", {"year": 2019}, "cumulative_exited", 780),
    ("county_facts", {"fact_id": "key_counties_2012"}, "value", 592),
    ("white_paper_facts", {"fact_id": "dilapidated_houses_renovated_people"}, "value", 25.68),
    ("white_paper_facts", {"fact_id": "resettlement_sites"}, "value", 35000),
    ("pip_headcount", {"country": "China", "year": 2012, "reporting_level": "national", "ppp_version": 2017,
                       "line": "international"}, "headcount_ratio_pct", 8.49),
    ("pip_headcount", {"country": "China", "year": 2019, "reporting_level": "national", "ppp_version": 2017,
                       "line": "international"}, "headcount_ratio_pct", 0.14),
    ("population", {"year": 2021}, "rural_million", 498.35),
    ("milestones", {"date": "2013-11-03"}, "year", 2013),
]


@pytest.mark.parametrize("table, where, column, expected", SPOT_CHECKS,
                         ids=[f"{t}-{c}-{'-'.join(map(str, w.values()))}" for t, w, c, _ in SPOT_CHECKS])
def test_spot_check_equals_published_figure(table, where, column, expected):
    df = data.load(table)
    mask = pd.Series(True, index=df.index)
    for col, val in where.items():
        mask &= df[col] == val
    assert mask.sum() == 1, f"{where} should pick one row of {table}"
    assert df.loc[mask, column].iloc[0] == pytest.approx(expected, abs=0.006)


def test_every_table_with_a_table_file_appears_in_the_descriptor():
    listed = {r["path"] for r in json.loads((DATA / "datapackage.json").read_text())["resources"]}
    assert {p.name for p in DATA.glob("*.csv")} == listed


def test_regional_sums_equal_the_national_headcount():
    regions = data.load("regions")
    national = data.load("headcount").query("standard == '2010' and estimate == 'official'").set_index("year")
    three = regions[regions["region"].isin(["east", "central", "west"])]
    sums = three.groupby("year")["rural_poor_million"].agg(["sum", "count"])
    sums = sums[sums["count"] == 3]
    assert list(sums.index) == [2017, 2018, 2019]
    for year, row in sums.iterrows():
        assert row["sum"] == pytest.approx(national.loc[year, "poor_million"], abs=0.011), year


def test_regional_changes_link_consecutive_levels():
    regions = data.load("regions").set_index(["region", "year"])
    checked = 0
    for (region, year), row in regions.iterrows():
        if pd.notna(row["change_million"]) and (region, year - 1) in regions.index:
            prev = regions.loc[(region, year - 1), "rural_poor_million"]
            assert prev + row["change_million"] == pytest.approx(row["rural_poor_million"], abs=0.011)
            checked += 1
    assert checked == 6


def test_county_exits_sum_to_832_and_cumulate():
    exits = data.load("county_exits").sort_values("year")
    facts = data.load("county_facts").set_index("fact_id")["value"]
    total = facts["designated_poor_counties"]
    assert exits["counties_exited"].sum() == total == 832
    assert (exits["counties_exited"].cumsum() == exits["cumulative_exited"]).all()
    assert (exits["cumulative_exited"] + exits["remaining_of_832"] == total).all()
    assert facts["key_counties_2012"] + facts["contiguous_area_counties"] - facts["counties_in_both_lists"] == total
    assert facts["key_counties_central"] + facts["key_counties_western"] == facts["key_counties_2012"]


def test_headcount_is_consistent_with_incidence():
    """poor / incidence is the rural population the NBS divides by. It changes slowly, so a typo
    in either column shows up as a jump far larger than the 0.05-point rounding of incidence."""
    hc = data.load("headcount").query("poor_million > 0 and incidence_pct > 0")
    hc = hc[~hc["status"].str.contains("approx")]
    hc = hc.assign(denominator=hc["poor_million"] / hc["incidence_pct"] * 100)
    s2010 = hc.query("standard == '2010' and estimate == 'official'")
    assert len(s2010) == 9
    median = s2010["denominator"].median()
    lowest = s2010["poor_million"] / (s2010["incidence_pct"] + 0.05) * 100  # incidence is rounded to 0.1
    highest = s2010["poor_million"] / (s2010["incidence_pct"] - 0.05) * 100
    assert ((lowest <= median * 1.03) & (highest >= median * 0.97)).all()
    pairs = 0
    for _, rows in hc.query("estimate != 'back-cast'").groupby("standard"):
        rows = rows.sort_values("year")
        near = rows["year"].diff() <= 8
        jump = (rows["denominator"].pct_change()).abs()
        assert (jump[near] < 0.08).all(), rows[["year", "denominator"]]
        pairs += int(near.sum())
    assert pairs >= 12


def test_annual_headcount_changes_match_published_reductions():
    hc = data.load("headcount").query("standard == '2010' and estimate == 'official'").set_index("year")
    published = {2013: 16.50, 2018: 13.86, 2019: 11.09}  # reductions stated by NBS (see the rows' notes)
    for year, drop in published.items():
        assert hc.loc[year - 1, "poor_million"] - hc.loc[year, "poor_million"] == pytest.approx(drop, abs=0.006)
    assert hc.loc[2012, "poor_million"] - hc.loc[2019, "poor_million"] == pytest.approx(93.48, abs=0.006)


def test_income_ratio_matches_levels_on_the_integrated_survey():
    inc = data.load("income").query("survey_basis == 'integrated'")
    wide = inc.pivot_table(index="year", columns="indicator", values="value")
    both = wide.dropna(subset=["urban_disposable_income", "rural_disposable_income", "urban_rural_ratio"])
    ratio = both["urban_disposable_income"] / both["rural_disposable_income"]
    assert len(both) >= 10
    assert (ratio - both["urban_rural_ratio"]).abs().max() < 0.006


def test_units_are_honest_people_are_not_households():
    wp = data.load("white_paper_facts").set_index("fact_id")
    assert wp.loc["dilapidated_houses_renovated_people", "unit"] == "million people"
    assert wp.loc["dilapidated_houses_renovated_households", "unit"] == "million households"
    assert wp.loc["resettlement_sites", "unit"] == "sites"


def test_sources_are_all_used_and_have_addresses():
    src = data.load("sources")
    used = set()
    for name in data.tables():
        df = data.load(name)
        if name not in ("sources", "row_sources") and "source_id" in df:
            used |= set(data.source_ids(df["source_id"]))
    assert set(src["source_id"]) == used
    assert src["url"].str.match(r"^(https?://|github:|docs/)").all()


def test_every_source_names_a_publisher_and_a_document_or_says_why_not():
    src = data.load("sources")
    assert (src["document"].str.len() > 10).all()
    unnamed = src[src["original_publisher"].str.startswith("not stated")]
    assert (unnamed["note"].str.len() > 20).all(), unnamed["source_id"].tolist()
    assert len(unnamed) <= 16
    official = src["host"].str.contains(r"scio\.gov\.cn|english\.gov\.cn|chinadaily\.com\.cn|people\.cn|people\.com\.cn")
    assert not src[official]["original_publisher"].str.startswith("not stated").any()


# Hosts that are not publishers: commercial, forum or unrelated sites, and mirrors. A page on one of them is
# either flagged as a copy or its note says why it is weak.
UNRELATED_HOSTS = ["minocquamortgage", "herald.ng", "newsghana", "futunn", "52ocean", "lnylfw", "wzkpw", "cdurl",
                   "zgdzm", "zylgz", "infosurhoy", "szjzcy", "arkforgeai", "memurnet", "usamodel", "handmsg"]


def test_commercial_forum_and_mirror_pages_are_replaced_flagged_or_marked_weak():
    src = data.load("sources")
    for host in ("minocquamortgage", "herald.ng", "newsghana", "futunn", "infosurhoy", "szjzcy", "arkforgeai",
                 "memurnet", "handmsg"):
        assert not src["host"].str.contains(host, regex=False).any(), host
    for host in UNRELATED_HOSTS:
        pages = src[src["host"].str.contains(host, regex=False)]
        assert ((pages["copy"] == "yes") | pages["note"].str.startswith("Weak")).all(), host


def test_row_sources_match_the_tables_and_name_their_columns():
    links = data.load("row_sources")
    for name in data.tables():
        df = data.load(name)
        if name in ("sources", "row_sources") or "source_id" not in df:
            continue
        mine = links[links["table"] == name]
        expected = {(row, sid) for row, cell in df["source_id"].items() for sid in data.source_ids(cell)}
        assert set(zip(mine["row"], mine["source_id"])) == expected, name
        for cols in mine["supports"]:
            assert set(data.source_ids(cols)) <= set(df.columns), (name, cols)


def test_the_2012_headcount_row_says_which_source_gives_which_figure():
    hc = data.load("headcount")
    row = hc[(hc["year"] == 2012) & (hc["standard"] == "2010")]
    text = data.cite(row)
    lines = {line.split("]")[0][1:]: line for line in text.splitlines()}
    assert lines["cnki_yunnan_yearbook"].endswith("Supports: poverty_line_yuan.")
    assert lines["chinaorg_201302"].endswith("Supports: poor_million, incidence_pct.")
    assert "98.99 million" in lines["chinaorg_201302"]


def test_external_datasets_state_their_vintage_in_the_data_readme():
    meta = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    vintage = {r["name"]: r.get("vintage", "") for r in meta["resources"]}
    assert "4c6de3e" in vintage["pip_headcount"] and "9f45785" in vintage["pip_headcount"]
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in ("pip_headcount", "relative_lines", "population", "income", "gini", "taobao_villages"):
        assert vintage[name] and vintage[name] in readme, name


def test_notes_are_source_notes_not_working_notes():
    words = r"per memory|requested in the brief|recalled|unverified\d?\.csv|\.\./reference|\.\./shared"
    for path in [*DATA.glob("*.csv"), *(DATA / "raw").glob("*.csv"), DATA / "raw" / "SOURCES.md"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(words, text, flags=re.I), path.name
