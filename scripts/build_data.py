"""Build the course's data tables in data/ from the source pack.

Usage: python scripts/build_data.py [--pack data/raw] [--check]

Every number comes from a CSV of the source pack (`data/raw/`), which
records where each figure was read. This script only reshapes: it renames
columns, splits multi-valued cells, turns each cited URL into a `source_id`
through scripts/source_attribution.csv (publisher, document, the page cited and
whether it is a copy), writes data/sources.csv and data/row_sources.csv (which
columns of each row each source supports), and writes data/datapackage.json
with the sha256 hash and size of each table (the schema, units, licences and
descriptions in that file are written by hand). With --check it writes nothing
and exits 1 if data/ differs from what it would build.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEFAULT_PACK = DATA / "raw"
# Sources cited by course-authored tables (not in the pack): the columns of data/sources.csv but host.
EXTRA_SOURCES = ROOT / "scripts" / "extra_sources.csv"

# ---------------------------------------------------------------------------
# Sources: every URL cited in the pack is attributed in scripts/source_attribution.csv, which
# names the original publisher and document, the page cited (a better page where one was found)
# and whether that page is a copy. Each row's sources are also recorded with the columns they
# support, in data/row_sources.csv.
# ---------------------------------------------------------------------------

ATTRIBUTION = ROOT / "scripts" / "source_attribution.csv"
SOURCE_COLUMNS = ["source_id", "original_publisher", "document", "document_number", "date", "url", "host",
                  "copy", "note"]
URL_RE = re.compile(r"(?:https?://|github:)[^\s;\"]+")
GITHUB_RE = re.compile(r"GitHub (\S+/\S+) \(repository at (\w+)\), (\S+?):? ")
# A prefix such as "line: <url>" in the pack says the source supports only that figure of the row.
LABELS = {"line": "poverty_line_yuan", "ratio": "value", "rural net income": "value"}
# The columns holding each table's figures: a source supports those that are filled in its row.
FIGURES = {
    "headcount": ["poor_million", "incidence_pct", "poverty_line_yuan"],
    "regions": ["rural_poor_million", "change_million", "incidence_pct"],
    "income": ["value"], "gini": ["gini"], "milestones": ["date", "event"],
    "county_exits": ["counties_exited", "cumulative_exited", "remaining_of_832"],
    "county_facts": ["value"], "white_paper_facts": ["value"],
    "pip_headcount": ["headcount_ratio_pct", "line_usd_per_day"],
    "population": ["total_million", "urban_million", "rural_million", "urbanization_pct"],
    "income_quintiles": ["income_yuan"], "taobao_villages": ["taobao_villages", "taobao_towns"],
    "poor_counties_by_province": ["counties"], "post2020_monitoring": ["value"],
    # tables written by hand, not built from the pack
    "paper_claims": ["claim", "paper_value"], "terms": ["definition"], "relative_lines": ["share_of_median_pct"],
}


def _segments(cell: str):
    """Yield (url, label) for each URL cited in a source cell; label is 'line' etc. or ''."""
    cell = GITHUB_RE.sub(lambda m: f"github:{m.group(1)}@{m.group(2)}:{m.group(3)} ", str(cell))
    for part in re.split(r"\s;\s|\s;(?=\s*(?:https?|line|rural|ratio))", str(cell)):
        for match in URL_RE.finditer(part):
            before = part[: match.start()].strip().rstrip(":").strip()
            yield match.group(0).rstrip(").,"), before if before in LABELS else ""


def _host(url: str) -> str:
    """The host of a page's address; '' for a file of this repository (such as docs/paper.md)."""
    if url.startswith("github:"):
        return "github.com"
    return url.split("/")[2] if "://" in url else ""


class SourceRegistry:
    """Turns the pack's source cells into source ids, using scripts/source_attribution.csv.

    A page attributed with an empty source_id is dropped from the rows (its note says why);
    every row must keep at least one source."""

    def __init__(self):
        self.attribution = pd.read_csv(ATTRIBUTION, dtype=str, keep_default_na=False).set_index("pack_url")
        self.used: set[str] = set()

    def ids(self, cell) -> str:
        """The cell's sources as 'label\tid' tokens; finish() splits off the labels."""
        tokens = []
        for url, label in _segments(cell):
            if url not in self.attribution.index:
                raise ValueError(f"{url} is cited in the pack but not attributed in {ATTRIBUTION.name}")
            self.used.add(url)
            if self.attribution.loc[url, "source_id"]:
                tokens.append(f"{label}\t{self.attribution.loc[url, 'source_id']}")
        if not tokens:
            raise ValueError(f"no source left in source cell: {cell!r}")
        return ";".join(dict.fromkeys(tokens))

    def finish(self, tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Replace tokens by ids in every table; return (sources, row_sources)."""
        unused = sorted(set(self.attribution.index) - self.used)
        if unused:
            raise ValueError(f"{ATTRIBUTION.name} attributes pages the pack does not cite: {unused[:3]}")
        links = []
        for name, df in tables.items():
            for row, cell in df["source_id"].items():
                ids = {}
                for token in cell.split(";"):
                    label, sid = token.split("\t")
                    ids.setdefault(sid, set()).add(label)
                labelled = {LABELS[x] for labels in ids.values() for x in labels if x}
                filled = [c for c in FIGURES[name] if str(df.at[row, c]) not in ("", "nan", "<NA>")]
                for sid, labels in ids.items():
                    cols = [LABELS[x] for x in labels if x] + \
                        ([c for c in filled if c not in labelled] if "" in labels else [])
                    links.append({"table": name, "row": row, "source_id": sid,
                                  "supports": ";".join(dict.fromkeys(cols or filled))})
                df.at[row, "source_id"] = ";".join(ids)
        kept = self.attribution[self.attribution["source_id"] != ""]
        sources = kept.reset_index().drop(columns="pack_url").drop_duplicates("source_id")
        sources["host"] = sources["url"].map(_host)
        return sources[SOURCE_COLUMNS], pd.DataFrame(links)


def hand_written_links(name: str) -> list[dict]:
    """row_sources entries for a table written by hand (its source_id cells, all its figures)."""
    df = pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)
    return [{"table": name, "row": row, "source_id": sid, "supports": ";".join(FIGURES[name])}
            for row, cell in df["source_id"].items() for sid in dict.fromkeys(cell.split(";"))]


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

def headcount(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "rural_poverty_headcount.csv", dtype=str)
    out = pd.DataFrame({
        "year": src["year"].astype(int),
        "standard": src["standard"].str.extract(r"^(\d{4})")[0],
        "estimate": src["standard"].map(
            lambda s: "back-cast" if "back-cast" in s else ("low-income line" if "low-income" in s else "official")),
        "poor_million": pd.to_numeric(src["poor_million"]),
        "incidence_pct": pd.to_numeric(src["incidence_pct"]),
        "poverty_line_yuan": pd.to_numeric(src["poverty_line_yuan"]),
        "line_price_basis": src["poverty_line_basis"].fillna(""),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })
    return out.sort_values(["standard", "year"]).reset_index(drop=True)


REGION_NAMES = {"east": "east", "central": "central", "west": "west",
                '"three regions and three prefectures"': "three_regions_three_prefectures"}


def regions(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "regional_poverty.csv", dtype=str)
    return pd.DataFrame({
        "year": src["year"].astype(int),
        "region": src["region"].map(REGION_NAMES),
        "rural_poor_million": pd.to_numeric(src["rural_poor_million"]),
        "change_million": pd.to_numeric(src["change_from_prev_year_million"]),
        "incidence_pct": pd.to_numeric(src["incidence_pct"]),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })


SURVEY_BASIS = {
    "integrated survey (back-estimated)": "integrated_backcast",
    "integrated urban-rural household survey (from 2013)": "integrated",
    "integrated survey": "integrated",
    "old separate urban household survey": "old_survey",
    "old rural household survey (net income, not disposable income)": "old_survey",
    "old surveys (urban disposable vs rural net)": "old_survey",
    "NBS rural poverty monitoring survey": "poverty_monitoring",
}
INCOME_INDICATORS = {
    "urban_per_capita_disposable_income": ("urban_disposable_income", "yuan per person per year, current prices"),
    "rural_per_capita_disposable_income": ("rural_disposable_income", "yuan per person per year, current prices"),
    "rural_per_capita_net_income": ("rural_net_income", "yuan per person per year, current prices"),
    "urban_rural_income_ratio": ("urban_rural_ratio", "ratio (rural = 1)"),
    "poor_areas_rural_per_capita_disposable_income": ("poor_area_rural_income", "yuan per person per year, current prices"),
    "poor_areas_income_share_of_national_rural": ("poor_area_income_share", "percent of national rural income"),
}


def income(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "income.csv", dtype=str)
    src = src[src["indicator"] != "nbs_national_gini"]  # the Gini has its own table (gini.csv)
    names = src["indicator"].map(lambda k: INCOME_INDICATORS[k][0])
    out = pd.DataFrame({
        "year": src["year"].astype(int),
        "indicator": names,
        "survey_basis": src["survey_basis"].map(SURVEY_BASIS),
        "value": pd.to_numeric(src["value"]),
        "unit": src["indicator"].map(lambda k: INCOME_INDICATORS[k][1]),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })
    assert out["survey_basis"].notna().all()
    return out.sort_values(["indicator", "survey_basis", "year"]).reset_index(drop=True)


def gini(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "nbs_gini.csv", dtype=str)
    return pd.DataFrame({
        "year": src["year"].astype(int),
        "gini": pd.to_numeric(src["gini"]),
        "provisional": src["note"].fillna("").str.contains("provisional").map({True: "yes", False: "no"}),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })


# Teaching labels for each milestone, keyed by its date: (theme, short label for figures).
MILESTONE_LABELS = {
    "1978": ("reform", "Reform and opening-up"),
    "1984-09": ("policy", "Notice on poor areas"),
    "1986-05-16": ("institution", "Leading Group set up"),
    "1993": ("institution", "Leading Group renamed"),
    "1994": ("plan", "8-7 Plan"),
    "2001-05": ("assessment", "8-7 Plan accomplished"),
    "2001": ("plan", "Outline 2001-2010"),
    "2001-10-15": ("white paper", "White paper 2001"),
    "2011": ("plan", "Outline 2011-2020"),
    "2011-11": ("poverty line", "New 2010-standard line"),
    "2011-11-16": ("white paper", "White paper 2011"),
    "2013-11-03": ("targeted poverty alleviation", "Targeted poverty alleviation proposed"),
    "2014": ("targeted poverty alleviation", "List of poor counties"),
    "2015-11-27": ("targeted poverty alleviation", "Central conference 2015"),
    "2017-10-18": ("rural revitalization", "Rural revitalization strategy"),
    "2018-02-04": ("rural revitalization", "No. 1 Document 2018"),
    "2018-09": ("rural revitalization", "Strategic Plan 2018-2022"),
    "2020-11-23": ("assessment", "Last poor counties delisted"),
    "2020-12": ("transition", "Five-year transition period"),
    "2021-02-25": ("institution", "Victory declared; NRRA set up"),
    "2021-04-06": ("white paper", "White paper April 2021"),
    "2021-04-29": ("rural revitalization", "Rural Revitalization Law"),
    "2021-09-28": ("white paper", "White paper September 2021"),
}


def _period(year: int) -> str:
    if year < 1986:
        return "1978-1985 rural reform"
    if year < 2001:
        return "1986-2000 development-oriented poverty reduction"
    if year < 2013:
        return "2001-2012 outlines and a new line"
    if year <= 2020:
        return "2013-2020 targeted poverty alleviation"
    return "2021 on: transition to rural revitalization"


def milestones(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "milestones.csv", dtype=str)
    years = src["date"].str[:4].astype(int)
    return pd.DataFrame({
        "date": src["date"],
        "year": years,
        "period": years.map(_period),
        "theme": src["date"].map(lambda d: MILESTONE_LABELS[d][0]),
        "label": src["date"].map(lambda d: MILESTONE_LABELS[d][1]),
        "event": src["event"],
        "description": src["description"],
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })


def county_exits(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "counties_exit.csv", dtype=str)
    src = src[src["item"] == "counties exited (cohort)"]
    return pd.DataFrame({
        "year": src["year"].astype(int),
        "counties_exited": src["counties"].astype(int),
        "cumulative_exited": src["cumulative_exited"].astype(int),
        "remaining_of_832": src["remaining_of_832"].astype(int),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    }).reset_index(drop=True)


# (row label in counties_exit.csv `item`, fact id, value, unit, what the number counts)
# Values are read from that row's `counties` cell or, where stated, from its note.
COUNTY_FACTS = [
    ("total nationally designated poor counties", "designated_poor_counties", "counties", None),
    ("composition of the 832", "designated_poor_counties_composition", "counties", None),
    ("national key counties (592) by region", "key_counties_2012", "counties", None),
    ("contiguous areas of extreme poverty (集中连片特困地区)", "contiguous_poverty_areas", "areas", None),
]
COUNTY_NOTE_FACTS = [  # numbers stated in a row's note: (item, fact id, regex, unit)
    ("total nationally designated poor counties", "provinces_with_designated_counties", r"(\d+) provinces", "provinces"),
    ("composition of the 832", "contiguous_area_counties", r"\+ (\d+) contiguous-area", "counties"),
    ("composition of the 832", "counties_in_both_lists", r"(\d+) in both", "counties"),
    ("national key counties (592) by region", "key_counties_central", r"(\d+) central", "counties"),
    ("national key counties (592) by region", "key_counties_western", r"(\d+) western", "counties"),
]


def county_facts(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "counties_exit.csv", dtype=str).set_index("item")
    rows = []
    for item, fid, unit, _ in COUNTY_FACTS:
        r = src.loc[item]
        rows.append((fid, int(r["counties"]), unit, r["year"], item, r))
    for item, fid, pattern, unit in COUNTY_NOTE_FACTS:
        r = src.loc[item]
        rows.append((fid, int(re.search(pattern, r["note"]).group(1)), unit, r["year"], f"{item}: from the note", r))
    return pd.DataFrame([{
        "fact_id": fid, "value": value, "unit": unit, "period": period, "item": item,
        "status": r["status"], "source_id": reg.ids(r["source"]), "note": r["note"],
    } for fid, value, unit, period, item, r in rows])


# Row index in white_paper_facts.csv -> tidy facts: (fact_id, value, unit, qualifier, period).
# Two rows of the pack state no number ("all", "basically full coverage") and are left out.
WHITE_PAPER = {
    0: [("roads_built_or_renovated_poor_areas", 1.1, "million km", "exact", None)],
    1: [("new_railway_poor_areas", 35000, "km", "exact", None)],
    3: [("rural_roads_previously_poor_areas", 1.4, "million km", "more than", None)],
    4: [("irrigated_farmland_added", 80.29, "million mu", "exact", None)],
    5: [("water_supply_capacity_added", 18.1, "billion m3", "exact", None)],
    6: [("drinking_water_secured", 28.89, "million people", "exact", None)],
    8: [("power_supply_poor_areas", 99, "percent of poor areas", "exact", None)],
    9: [("fibre_poor_villages", 98, "percent of poor villages", "more than", None),
        ("4g_poor_villages", 98, "percent of poor villages", "more than", None)],
    10: [("dilapidated_houses_renovated_people", 25.68, "million people", "exact", None),
         ("dilapidated_houses_renovated_households", 7.9, "million households", "exact", None)],
    11: [("housing_safety_verified_households", 23.4, "million households", "exact", None)],
    12: [("relocated_people", 9.6, "million people", "more than", None)],
    13: [("resettlement_sites", 35000, "sites", "about", None)],
    14: [("resettlement_housing_units", 2.66, "million housing units", "more than", None)],
    15: [("relocated_income", 4221, "yuan per person per year", "exact", "2016"),
         ("relocated_income", 9313, "yuan per person per year", "exact", "2019")],
    16: [("dropouts_returned_to_school", 200000, "children", "exact", None)],
    17: [("compulsory_education_completion", 94.8, "percent", "exact", None)],
    18: [("higher_education_entrants", 5.1, "million students", "exact", None)],
    19: [("schools_renovated", 108000, "schools", "exact", None)],
    20: [("medical_insurance_coverage", 99.9, "percent of the poor", "more than", None)],
    21: [("counties_with_secondary_hospital", 98, "percent of poor counties", "exact", None)],
    22: [("dibao_or_extreme_poverty_support", 19.36, "million people", "exact", None)],
    23: [("pension_insurance_enrolled", 60.98, "million people", "exact", None)],
    24: [("cultural_centres_completed", 99.48, "percent", "exact", None)],
    25: [("registered_poor_employed", 15.3, "million people", "exact", "2016"),
         ("registered_poor_employed", 32.4, "million people", "exact", "2020")],
    26: [("poor_area_rural_income", 6079, "yuan per person per year", "exact", "2013"),
         ("poor_area_rural_income", 12588, "yuan per person per year", "exact", "2020")],
    27: [("registered_poor_net_income", 2982, "yuan per person per year", "exact", "2015"),
         ("registered_poor_net_income", 10740, "yuan per person per year", "exact", "2020")],
    28: [("rural_poor_lifted_2012_2020", 98.99, "million people", "exact", None)],
    29: [("average_annual_reduction_2013_2020", 12.4, "million people per year", "exact", None)],
    30: [("rural_poor_lifted_since_1978", 770, "million people", "exact", None)],
    31: [("small_ethnic_groups_lifted", 28, "ethnic groups", "exact", None)],
    32: [("deaths_in_poverty_fight", 1800, "people", "more than", None)],
}


# Where one row of the pack gives two facts, the second one's wording (the pack's wording fits the first).
FACT_WORDING = {"dilapidated_houses_renovated_households":
                "households of poor people whose dilapidated houses were renovated"}


def white_paper_facts(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "white_paper_facts.csv", dtype=str)
    rows = []
    for i, facts in WHITE_PAPER.items():
        r = src.loc[i]
        stated = re.sub(r"[,\s]", "", r["value"])
        for fid, value, unit, qualifier, period in facts:
            number = f"{value:g}".replace("+", "")
            if number not in stated and str(int(value)) not in stated:
                raise ValueError(f"white_paper_facts row {i}: {value} not in {r['value']!r}")
            rows.append({
                "fact_id": fid, "topic": r["topic"], "fact": FACT_WORDING.get(fid, r["fact"]), "value": value, "unit": unit,
                "qualifier": qualifier, "period": period or r["period_or_date"],
                "source_document": r["source_document"], "status": r["status"],
                "source_id": reg.ids(r["source"]), "note": r["note"] if isinstance(r["note"], str) else "",
            })
    return pd.DataFrame(rows)


PIP_LINES = [  # (column, line label, line value column or fixed value)
    ("headcount_ratio_intl_pct", "international", "intl_line"),
    ("headcount_ratio_lmic_pct", "lower-middle income", "lmic_line"),
    ("headcount_ratio_umic_pct", "upper-middle income", "umic_line"),
    ("headcount_ratio_10usd_pct", "ten dollars", 10.0),
]


def pip_headcount(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.concat([pd.read_csv(pack / "pip_china.csv", dtype=str),
                     pd.read_csv(pack / "pip_comparison.csv", dtype=str)], ignore_index=True)
    parts = []
    for col, label, line in PIP_LINES:
        lines = src[line].str.lstrip("$").astype(float) if isinstance(line, str) else line
        parts.append(pd.DataFrame({
            "country": src["country"], "year": src["year"].astype(int),
            "reporting_level": src["reporting_level"], "welfare_type": src["welfare_type"],
            "ppp_version": src["ppp_version"].astype(int),
            "survey_comparability": src["survey_comparability"].astype(int),
            "line": label, "line_usd_per_day": lines,
            "headcount_ratio_pct": pd.to_numeric(src[col]),
        }))
    half = src[["country", "year", "reporting_level", "welfare_type", "ppp_version", "survey_comparability"]].copy()
    half = half.astype({"year": int, "ppp_version": int, "survey_comparability": int})
    half["line"] = "half of median"
    half["line_usd_per_day"] = float("nan")
    half["headcount_ratio_pct"] = pd.to_numeric(src["headcount_ratio_50pct_median_pct"])
    parts.append(half)
    out = pd.concat(parts, ignore_index=True)
    ids = src["source"].map(reg.ids)
    out["source_id"] = pd.concat([ids] * len(parts), ignore_index=True)
    return out.sort_values(["country", "reporting_level", "ppp_version", "line", "year"]).reset_index(drop=True)


def population(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "population.csv", dtype=str)
    return pd.DataFrame({
        "year": src["year"].astype(int),
        "total_million": pd.to_numeric(src["total_million"]),
        "urban_million": pd.to_numeric(src["urban_million"]),
        "rural_million": pd.to_numeric(src["rural_million"]),
        "urbanization_pct": pd.to_numeric(src["urbanization_rate_pct"]),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })


QUINTILE_CONCEPT = {"national": ("disposable", "integrated"), "rural": ("net", "old_survey"),
                    "urban": ("disposable", "old_survey")}


def income_quintiles(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "income_quintiles.csv", dtype=str)
    return pd.DataFrame({
        "year": src["year"].astype(int),
        "population": src["population"],
        "quintile": src["quintile"],
        "income_yuan": pd.to_numeric(src["income_yuan"]),
        "income_concept": src["population"].map(lambda p: QUINTILE_CONCEPT[p][0]),
        "survey_basis": src["population"].map(lambda p: QUINTILE_CONCEPT[p][1]),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })


def taobao_villages(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "taobao_villages.csv", dtype=str)
    return pd.DataFrame({
        "year": src["year"].astype(int),
        "taobao_villages": src["taobao_villages"].astype(int),
        "taobao_towns": pd.to_numeric(src["taobao_towns"]).astype("Int64"),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })


def poor_counties_by_province(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "poor_counties_by_province.csv", dtype=str)
    lists = {"832 (2014 list)": "832 list", "832 (2014 list) - subset": "832 list (part of a province)",
             "592 key counties (2012 list)": "592 key counties",
             "provincial announcement (national + provincial-level poor counties)": "provincial announcement"}
    return pd.DataFrame({
        "province": src["province"],
        "nbs_region": src["nbs_region"].fillna(""),
        "list": src["list"].map(lists),
        "counties": src["n_counties"].astype(int),
        "status": src["status"],
        "source_id": src["source"].map(reg.ids),
        "note": src["note"].fillna(""),
    })


QUALIFIERS = [("nearly ", "nearly"), ("over ", "more than"), ("within ", "at most")]
# The one cell holding two numbers: "12420 / 12499" for contiguous poor areas / national key counties.
SPLIT_INDICATOR = {"rural per capita disposable income, contiguous poor areas / national key counties": [
    "rural per capita disposable income, contiguous poor areas",
    "rural per capita disposable income, national key counties"]}


def post2020_monitoring(pack: Path, reg: SourceRegistry) -> pd.DataFrame:
    src = pd.read_csv(pack / "post2020_monitoring.csv", dtype=str)
    rows = []
    for _, r in src.iterrows():
        values = [v.strip() for v in r["value"].split("/")]
        names = SPLIT_INDICATOR.get(r["indicator"], [r["indicator"]])
        assert len(values) == len(names), r["indicator"]
        for name, text in zip(names, values):
            qualifier = "exact"
            for word, label in QUALIFIERS:
                if text.startswith(word):
                    qualifier, text = label, text[len(word):]
            unit = {"yuan": "yuan per person per year", "million persons": "million people"}.get(r["unit"], r["unit"])
            rows.append({"indicator": name, "period": r["period"], "value": float(text), "qualifier": qualifier,
                         "unit": unit, "status": r["status"], "source_id": reg.ids(r["source"]),
                         "note": r["note"] if isinstance(r["note"], str) else ""})
    return pd.DataFrame(rows)


HAND_WRITTEN = ["paper_claims", "terms", "relative_lines"]  # course-authored tables that cite sources
BUILDERS = {
    "headcount": headcount, "regions": regions, "income": income, "gini": gini,
    "milestones": milestones, "county_exits": county_exits, "county_facts": county_facts,
    "white_paper_facts": white_paper_facts, "pip_headcount": pip_headcount, "population": population,
    "income_quintiles": income_quintiles, "taobao_villages": taobao_villages,
    "poor_counties_by_province": poor_counties_by_province, "post2020_monitoring": post2020_monitoring,
}


def build(pack: Path) -> dict[str, bytes]:
    """Return {file name: CSV bytes} for every built table, sources.csv and row_sources.csv included."""
    reg = SourceRegistry()
    tables = {name: fn(pack, reg) for name, fn in BUILDERS.items()}
    sources, links = reg.finish(tables)
    extra = pd.read_csv(EXTRA_SOURCES, dtype=str, keep_default_na=False)
    extra["host"] = extra["url"].map(_host)
    tables["sources"] = pd.concat([sources, extra[SOURCE_COLUMNS]]).sort_values("source_id").reset_index(drop=True)
    if tables["sources"]["source_id"].duplicated().any():
        raise ValueError("scripts/extra_sources.csv repeats a source_id of the pack")
    hand = [link for name in HAND_WRITTEN for link in hand_written_links(name)]
    tables["row_sources"] = pd.concat([links, pd.DataFrame(hand)], ignore_index=True)
    out = {}
    for name, df in tables.items():
        buf = io.StringIO()
        df.to_csv(buf, index=False, lineterminator="\n", float_format="%.10g")
        out[f"{name}.csv"] = buf.getvalue().encode("utf-8")
    return out


def datapackage(files: dict[str, bytes]) -> dict:
    """data/datapackage.json with each resource's hash and size brought up to date."""
    meta = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for res in meta["resources"]:
        # tables written by the course's authors (not built from the pack) are hashed as they are on disk
        content = files[res["path"]] if res["path"] in files else (DATA / res["path"]).read_bytes()
        res["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
        res["bytes"] = len(content)
    return meta


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", type=Path, default=DEFAULT_PACK, help="folder of the source pack")
    ap.add_argument("--check", action="store_true", help="compare with data/ instead of writing")
    args = ap.parse_args(argv)
    files = build(args.pack)
    files["datapackage.json"] = (json.dumps(datapackage(files), indent=2, ensure_ascii=False) + "\n").encode()
    differ = [n for n, b in files.items() if not (DATA / n).exists() or (DATA / n).read_bytes() != b]
    if args.check:
        for n in differ:
            print(f"data/{n} differs from what scripts/build_data.py builds")
        return 1 if differ else 0
    for n, b in files.items():
        (DATA / n).write_bytes(b)
    print(f"wrote {len(files)} files to data/ ({len(differ)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
