"""Lesson 03 claim checker: the verdict function on synthetic claims (each verdict, each recorded
reading, each method, each qualifier, the tolerance boundaries), on the real table, and the table
data/paper_claims.csv itself (schema, references that resolve, readings that fit the data, quotes
that are in docs/paper.md under their section).

The comparison with the paper's full text, which is not redistributed, is an authoring script
(scripts/check_paper.py, tested at the end of this file on a small text of its own; CI runs it on
the authors' copy)."""

import re

import pandas as pd
import pytest

from conftest import ROOT
from ruralrev import data
from ruralrev.measures import claims as cl

PAPER_MD = ROOT / "docs" / "paper.md"  # the reference, a summary and the quoted passages


# --------------------------------------------------------------------------- synthetic data


def _table(name, frame, units):
    frame.attrs = {"name": name, "units": units}
    return frame


@pytest.fixture
def tables():
    series = _table("series", pd.DataFrame({
        "year": [2012, 2013, 2014, 2016], "group": ["a", "a", "a", "a"],
        "count": [100.0, 80.0, 66.0, 40.0], "source_id": ["s1", "s2", "s2;s3", "s4"],
    }), {"year": "year", "count": "million people"})
    facts = _table("facts", pd.DataFrame({
        "fact_id": ["roads", "houses", "houses_hh", "share"],
        "value": [1.1, 25.68, 7.9, 98.0],
        "unit": ["million km", "million people", "million households", "percent of poor villages"],
        "qualifier": ["exact", "exact", "exact", "more than"],
        "source_id": ["f1", "f2", "f2", "f3"],
    }), {})
    return {"series": series, "facts": facts}


def claim(**kw):
    base = {"claim_id": "x01", "paper_value": 20.0, "paper_unit": "million people", "paper_precision": 0.01,
            "qualifier": "exact", "paper_scope": "rural areas", "check_table": "series",
            "check_filter": "group=a", "check_column": "count", "check_method": "difference",
            "check_from": 2012, "check_to": 2013, "check_unit": "million people", "check_scope": "rural areas"}
    return {**base, **kw}


# --------------------------------------------------------------------------- parsing


def test_parse_filter_reads_pairs_as_text():
    assert cl.parse_filter("standard=2010;estimate=official") == {"standard": "2010", "estimate": "official"}
    assert cl.parse_filter(" year = 2013 ") == {"year": "2013"}
    assert cl.parse_filter("") == {} and cl.parse_filter(None) == {} and cl.parse_filter(float("nan")) == {}


@pytest.mark.parametrize("text", ["year>2013", "year==2013", "a=1=2", "Year=1", "x=", "=1", "a=1;a=2",
                                  "__import__('os').system('x')", "year=2013;", "df.query('x')"])
def test_parse_filter_rejects_anything_but_column_value_pairs(text):
    with pytest.raises(cl.ClaimError):
        cl.parse_filter(text)


def test_split_unit_separates_the_scale():
    assert cl.split_unit("million people per year") == (1e6, "people per year")
    assert cl.split_unit("km") == (1.0, "km")
    assert cl.split_unit("thousand km") == (1e3, "km")
    assert cl.split_unit("million") == (1.0, "million")  # a bare scale word is a unit of its own
    assert cl.split_unit("percent of poor villages") == (1.0, "percent of poor villages")


# --------------------------------------------------------------------------- methods


def test_method_value_picks_one_row_and_its_unit_and_qualifier(tables):
    fig = cl.source_figure(claim(check_table="facts", check_filter="fact_id=share", check_column="value",
                                 check_method="value", check_unit="percent of poor villages"), tables)
    assert fig["value"] == 98.0 and fig["unit"] == "percent of poor villages"
    assert fig["qualifier"] == "more than" and fig["source_ids"] == ["f3"]


def test_method_difference_is_the_fall_from_first_to_last_year(tables):
    fig = cl.source_figure(claim(check_from=2012, check_to=2014), tables)
    assert fig["value"] == pytest.approx(34.0) and fig["unit"] == "million people"
    assert fig["source_ids"] == ["s1", "s2", "s3"]  # ids of the two end rows only, split and sorted


def test_method_average_annual_reduction_divides_by_the_years_between(tables):
    fig = cl.source_figure(claim(check_method="average_annual_reduction", check_from=2012, check_to=2016), tables)
    assert fig["value"] == pytest.approx(15.0) and fig["unit"] == "million people per year"


@pytest.mark.parametrize("change, fragment", [
    ({"check_filter": "group=b"}, "selects 0 rows for 2012"),
    ({"check_method": "value", "check_filter": "group=a"}, "selects 4 rows, not one"),
    ({"check_method": "median"}, "is not one of"),
    ({"check_from": 2014, "check_to": 2012}, "must be before"),
    ({"check_to": None}, "needs a table with years"),
    ({"check_to": 2015}, "selects 0 rows for 2015"),
    ({"check_unit": "million households"}, "but the claim expects 'million households'"),
    ({"check_column": "group"}, "is not a numeric column"),
    ({"check_table": "nowhere"}, "no table named 'nowhere'"),
    ({"check_filter": "colour=red"}, "has no column 'colour'"),
])
def test_a_broken_reference_raises_a_one_line_claim_error(tables, change, fragment):
    with pytest.raises(cl.ClaimError, match=re.escape(fragment)) as info:
        cl.check_claim(claim(**change), tables)
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- tolerance rules


@pytest.mark.parametrize("qualifier, precision, source, expected", [
    ("exact", 0.01, 20.0, True),
    ("exact", 0.01, 20.005, True),       # exactly half a step: rounds either way
    ("exact", 0.01, 20.0051, False),
    ("exact", 1, 20.4, True),
    ("exact", 1, 20.6, False),
    ("about", 0.1, 20.1, True),          # one full step
    ("about", 0.1, 20.11, False),
    ("more than", 1, 20.01, True),
    ("more than", 1, 20.0, False),       # 'over 20' is not 20
    ("less than", 1, 19.99, True),
    ("less than", 1, 20.5, False),
])
def test_compare_applies_the_qualifier_and_precision(qualifier, precision, source, expected):
    ok, rule = cl.compare(20.0, source, qualifier, precision)
    assert ok is expected and rule


def test_compare_absorbs_floating_point_noise_only():
    assert (98.99 - 5.51) != 93.48  # the noise the allowance is for
    assert cl.compare(93.48, 98.99 - 5.51, "exact", 0.01)[0]


@pytest.mark.parametrize("qualifier, precision", [("roughly", 1), ("exact", 0), ("exact", -1)])
def test_compare_rejects_unknown_qualifier_and_non_positive_precision(qualifier, precision):
    with pytest.raises(cl.ClaimError):
        cl.compare(1, 1, qualifier, precision)


# --------------------------------------------------------------------------- verdicts


def test_verdict_consistent_with_its_rule(tables):
    out = cl.check_claim(claim(), tables)
    assert out["verdict"] == "consistent" and out["source_value"] == 20.0 and out["source_ids"] == "s1;s2"
    assert out["reason"] == "source 20, paper 20: equal when rounded to 0.01 (±0.005)"


def test_verdict_inconsistent_on_value(tables):
    out = cl.check_claim(claim(paper_value=21.0), tables)
    assert out["verdict"] == "inconsistent"
    assert out["reason"].startswith("value differs: source 20, paper 21")


def test_verdict_more_than_on_an_average(tables):
    ok = cl.check_claim(claim(check_method="average_annual_reduction", check_to=2016, paper_value=10,
                              paper_unit="million people per year", qualifier="more than", paper_precision=1), tables)
    assert ok["verdict"] == "consistent" and ok["source_value"] == pytest.approx(15.0)
    too_high = cl.check_claim(claim(check_method="average_annual_reduction", check_to=2016, paper_value=16,
                                    paper_unit="million people per year", qualifier="more than"), tables)
    assert too_high["verdict"] == "inconsistent"


HOUSES = dict(check_table="facts", check_filter="fact_id=houses", check_column="value", check_method="value",
              check_unit="million people", paper_value=25.68, paper_unit="million households", qualifier="about")
SHARE = dict(check_table="facts", check_filter="fact_id=share", check_column="value", check_method="value",
             check_unit="percent of poor villages", paper_value=98, paper_unit="percent of total area", paper_precision=1)


def test_a_unit_difference_without_a_reading_is_refused(tables):
    with pytest.raises(cl.ClaimError, match="no reading is recorded") as info:
        cl.check_claim(claim(**HOUSES), tables)
    assert "source people, paper households" in str(info.value) and "\n" not in str(info.value)


def test_quantity_reading_gives_inconsistent_when_the_digits_trace(tables):
    out = cl.check_claim(claim(**HOUSES, mismatch="quantity"), tables)
    assert out["verdict"] == "inconsistent"
    assert out["reason"] == ("the digits trace to the source's count of people (source 25.68, paper 25.68), "
                             "but as households the figure is wrong (see the note)")
    assert out["source_value"] == pytest.approx(25.68) and out["source_unit"] == "million people"


def test_unit_reading_gives_misstated_when_the_digits_trace(tables):
    out = cl.check_claim(claim(**SHARE, mismatch="unit"), tables)
    assert out["verdict"] == "misstated"
    assert out["reason"] == ("traceable (source 98, paper 98), but the paper misstates the unit "
                             "(source percent of poor villages, paper percent of total area)")


def test_a_reading_does_not_rescue_digits_that_do_not_trace(tables):
    out = cl.check_claim(claim(**{**SHARE, "paper_value": 90}, mismatch="unit"), tables)
    assert out["verdict"] == "inconsistent" and out["reason"].startswith("value differs: source 98, paper 90")
    assert out["reason"].endswith("and the unit differs too")


def test_same_unit_at_another_scale_is_converted_not_flagged(tables):
    out = cl.check_claim(claim(check_table="facts", check_filter="fact_id=roads", check_column="value",
                               check_method="value", check_unit="million km", paper_value=1100,
                               paper_unit="thousand km", paper_precision=100), tables)
    assert out["verdict"] == "consistent" and out["source_value"] == pytest.approx(1100)
    assert out["source_unit"] == "thousand km"


@pytest.mark.parametrize("kind", ["scope", "date", "metric"])
def test_scope_or_date_reading_gives_misstated(tables, kind):
    out = cl.check_claim(claim(check_scope="poor areas", paper_scope="all rural areas", mismatch=kind), tables)
    assert out["verdict"] == "misstated"
    assert out["reason"] == (f"traceable (source 20, paper 20), but the paper misstates the {kind} "
                             "(source poor areas, paper all rural areas)")
    assert out["source_value"] == 20.0


def test_a_scope_difference_without_a_reading_is_refused(tables):
    with pytest.raises(cl.ClaimError, match="differ \\(source poor areas, paper all rural areas\\)"):
        cl.check_claim(claim(check_scope="poor areas", paper_scope="all rural areas"), tables)


@pytest.mark.parametrize("kind", ["scope", "unit", "metric", "date", "quantity"])
def test_a_reading_where_paper_and_source_agree_is_refused(tables, kind):
    with pytest.raises(cl.ClaimError, match="agree in unit and scope"):
        cl.check_claim(claim(mismatch=kind), tables)


def test_an_unknown_reading_is_refused(tables):
    with pytest.raises(cl.ClaimError, match="mismatch 'typo' is not one of scope, unit"):
        cl.check_claim(claim(mismatch="typo"), tables)


def test_unclear_reading_gives_ambiguous_with_or_without_a_source(tables):
    out = cl.check_claim(claim(**SHARE, mismatch="unclear"), tables)
    assert out["verdict"] == "ambiguous" and out["source_value"] == 98.0
    assert out["reason"] == "source 98, paper 98 (the digits match), but what the figure measures is unclear (see the note)"
    none = cl.check_claim(claim(check_table="", mismatch="unclear"), tables)
    assert none["verdict"] == "ambiguous" and none["reason"].startswith("no source figure")


def test_missing_keys_are_a_claim_error_naming_them(tables):
    bare = {"claim_id": "x9", "paper_value": 1, "paper_unit": "km", "paper_precision": 1, "qualifier": "exact",
            "paper_scope": "a", "check_table": "facts", "check_filter": "fact_id=roads"}
    with pytest.raises(cl.ClaimError) as info:
        cl.check_claim(bare, tables)
    assert str(info.value) == ("claim x9 has no check_column, check_method, check_unit, check_scope: "
                               "give every column of a paper_claims row")
    assert info.value._render_traceback_() == [f"ClaimError: {info.value}"]
    with pytest.raises(cl.ClaimError, match="has no paper_unit"):
        cl.check_claim({"claim_id": "x8", "paper_value": 1, "paper_precision": 1, "qualifier": "exact",
                        "paper_scope": "a"}, tables)


def test_a_one_row_dataframe_is_a_claim(tables):
    out = cl.check_claims(pd.DataFrame([claim(claim_id="r1", section="§9", statement="s01")]), tables)
    assert out[["claim_id", "statement", "verdict"]].values.tolist() == [["r1", "s01", "consistent"]]


@pytest.mark.parametrize("empty", ["", "  ", None, float("nan")])
def test_verdict_not_checkable_without_a_source(tables, empty):
    out = cl.check_claim(claim(check_table=empty), tables)
    assert out["verdict"] == "not checkable" and out["reason"] == "no source figure found"
    assert pd.isna(out["source_value"])


@pytest.mark.parametrize("change", [{"qualifier": "roughly"}, {"paper_precision": 0}, {"paper_precision": "a tenth"},
                                    {"paper_precision": None}])
def test_a_bad_qualifier_or_precision_is_refused_even_without_a_source(tables, change):
    with pytest.raises(cl.ClaimError):
        cl.check_claim(claim(check_table="", **change), tables)


def test_a_non_numeric_paper_value_is_refused(tables):
    with pytest.raises(cl.ClaimError, match="paper_value must be a number"):
        cl.check_claim(claim(paper_value="ten"), tables)


def test_check_claims_keeps_order_and_adds_columns(tables):
    frame = pd.DataFrame([claim(claim_id="b", section="§1"), claim(claim_id="a", section="§2", check_table="")])
    out = cl.check_claims(frame, tables)
    assert out["claim_id"].tolist() == ["b", "a"]
    assert out["verdict"].tolist() == ["consistent", "not checkable"]
    assert {"section", "paper_value", "reason", "source_ids", "source_qualifier"} <= set(out.columns)


# --------------------------------------------------------------------------- the real table


@pytest.fixture(scope="module")
def real():
    claims = data.load("paper_claims")
    tables = {name: data.load(name) for name in claims["check_table"].unique() if name}
    return claims, tables, cl.check_claims(claims, tables).set_index("claim_id")


def _id(claims, fragment):
    return claims.loc[claims["claim"].str.contains(fragment, regex=False), "claim_id"].iloc[0]


def test_real_households_claim_is_inconsistent_and_the_sources_back_the_reading(real):
    claims, tables, verdicts = real
    cid = _id(claims, "25.68 million poor households")
    assert verdicts.loc[cid, "verdict"] == "inconsistent"
    assert verdicts.loc[cid, "reason"].startswith("the digits trace to the source's count of people")
    facts = tables["white_paper_facts"].set_index("fact_id")["value"]
    # the reading: the sources' own household counts are below the paper's 25.68 million households
    paper = claims.set_index("claim_id").loc[cid, "paper_value"]
    assert facts["dilapidated_houses_renovated_households"] < paper
    assert facts["housing_safety_verified_households"] < paper


def test_real_resettlement_claim_is_inconsistent_sites_are_not_households(real):
    claims, tables, verdicts = real
    cid = claims.loc[claims["claim"] == "35,000 households have been resettled", "claim_id"].iloc[0]
    assert verdicts.loc[cid, "verdict"] == "inconsistent"
    assert "count of sites" in verdicts.loc[cid, "reason"]
    units = tables["white_paper_facts"].set_index("fact_id").loc["resettlement_housing_units", "value"] * 1e6
    assert 35_000 / units < 0.02


def test_real_93_48_claim_is_consistent_and_computed_from_two_years(real):
    claims, tables, verdicts = real
    cid = _id(claims, "93.48")
    assert verdicts.loc[cid, "verdict"] == "consistent"
    hc = tables["headcount"]
    hc = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")].set_index("year")
    expected = hc.loc[2012, "poor_million"] - hc.loc[2019, "poor_million"]
    assert verdicts.loc[cid, "source_value"] == pytest.approx(expected)


def test_real_average_claim_is_the_2012_2020_average(real):
    claims, _, verdicts = real
    cid = _id(claims, "over 10 million")
    assert verdicts.loc[cid, "verdict"] == "consistent"
    assert verdicts.loc[cid, "source_value"] == pytest.approx(98.99 / 8)


def test_real_misstated_claims_are_roads_railways_4g_and_the_plenum_date(real):
    claims, _, verdicts = real
    misstated = verdicts.index[verdicts["verdict"] == "misstated"]
    expected = {_id(claims, "new roads"): "scope", _id(claims, "new railways"): "scope",
                _id(claims, "4G"): "unit", _id(claims, "declared in 2014"): "date"}
    assert sorted(misstated) == sorted(expected)
    for cid, kind in expected.items():
        assert verdicts.loc[cid, "reason"].startswith("traceable") and f"misstates the {kind}" in verdicts.loc[cid, "reason"]


def test_real_ambiguous_claims_are_power_and_the_5_4_sentence(real):
    claims, _, verdicts = real
    ambiguous = set(verdicts.index[verdicts["verdict"] == "ambiguous"])
    assert ambiguous == {_id(claims, "power grid"), _id(claims, "22 provincial"), _id(claims, "163")}
    assert pd.isna(verdicts.loc[_id(claims, "163"), "source_value"])


def test_real_verdict_counts_by_row_and_by_statement(real):
    _, _, verdicts = real
    assert verdicts["verdict"].value_counts().to_dict() == {"consistent": 9, "misstated": 4, "inconsistent": 2,
                                                            "ambiguous": 3}
    assert verdicts.groupby("statement")["verdict"].nunique().max() == 1  # a statement has one verdict
    statements = verdicts.drop_duplicates("statement")["verdict"].value_counts().to_dict()
    assert statements == {"consistent": 6, "misstated": 3, "inconsistent": 2, "ambiguous": 2}


def test_real_plenum_claim_is_dated_before_the_last_exits(real):
    """The reading of the §4.3 plenum claim: the last counties left the list after October 2020."""
    claims, tables, verdicts = real
    cid = _id(claims, "declared in 2014")
    assert verdicts.loc[cid, "source_value"] == 0
    ms = data.load("milestones").set_index("label")
    assert pd.Timestamp(ms.loc["Last poor counties delisted", "date"]) > pd.Timestamp("2020-10-29")
    assert tables["county_exits"].set_index("year").loc[2019, "remaining_of_832"] > 0


def test_verdicts_follow_the_data_not_the_table(real):
    """Change one published figure: the two claims that rest on it turn inconsistent."""
    claims, tables, _ = real
    hc = tables["headcount"].copy()
    hc.loc[(hc["standard"] == "2010") & (hc["year"] == 2019), "poor_million"] = 5.61
    changed = cl.check_claims(claims, {**tables, "headcount": hc}).set_index("claim_id")["verdict"]
    ids = claims.set_index("claim_id")["claim"]
    flipped = sorted(ids[changed == "inconsistent"].index.difference(ids[real[2]["verdict"] == "inconsistent"].index))
    assert [ids[c][:20] for c in flipped] == ["from 2012 to 2019, C", "decreasing to 5.51 m"]


def test_changing_a_source_to_another_number_turns_a_misstated_claim_inconsistent(real):
    claims, tables, _ = real
    wp = tables["white_paper_facts"].copy()
    wp.loc[wp["fact_id"] == "roads_built_or_renovated_poor_areas", "value"] = 1.4
    out = cl.check_claims(claims, {**tables, "white_paper_facts": wp}).set_index("claim_id")
    assert out.loc[_id(claims, "new roads"), "verdict"] == "inconsistent"


# --------------------------------------------------------------------------- the table itself


def test_claims_table_loads_with_its_schema_and_cites_the_paper(real):
    claims, _, _ = real
    assert claims["claim_id"].is_unique and len(claims) >= 12
    assert set(claims["source_id"]) == {"paper"}
    assert "paper" in set(data.load("sources")["source_id"])
    assert set(claims["section"]) <= {"§3.1", "§3.2", "§4.3", "§5.3", "§5.4"}
    assert set(claims["qualifier"]) <= set(cl.QUALIFIERS)
    assert data.describe("paper_claims")["path"] == "paper_claims.csv"


def test_every_reference_resolves_to_data_with_the_expected_unit(real):
    claims, tables, _ = real
    checked = 0
    for c in claims.to_dict("records"):
        if c["check_table"]:
            fig = cl.source_figure(c, tables)  # raises if a filter, column, year or unit is wrong
            assert fig["source_ids"], c["claim_id"]
            checked += 1
        else:
            assert not (c["check_filter"] or c["check_column"] or c["check_method"]), c["claim_id"]
    assert checked == len(claims) - 1  # only the 163 counties have no source figure


def test_every_reading_is_recorded_with_its_reasoning(real):
    claims, _, _ = real
    assert set(claims["mismatch"]) <= set(cl.MISMATCHES)
    read = claims[claims["mismatch"] != ""]
    assert (read["note"].str.len() > 60).all()
    assert all(n.lower().startswith(k) for k, n in zip(read["mismatch"], read["note"]))
    assert claims["statement"].str.fullmatch(r"s\d\d").all()


def test_series_methods_have_years_and_value_methods_have_none(real):
    claims, _, _ = real
    series = claims["check_method"].isin(["difference", "average_annual_reduction"])
    assert claims.loc[series, ["check_from", "check_to"]].notna().all().all()
    assert claims.loc[~series, ["check_from", "check_to"]].isna().all().all()


def test_each_paper_value_is_written_in_its_quote(real):
    claims, _, _ = real
    for c in claims.to_dict("records"):
        if c["paper_value"] != 0:  # 0 = 'eliminating', which the paper writes in words
            shown = f"{c['paper_value']:,g}"
            assert shown in c["claim"], (c["claim_id"], shown)


def _summary_sections():
    """'§3.1' -> the text of that part of docs/paper.md (a '### §N' heading or a '**§N.N ...**' paragraph)."""
    text = PAPER_MD.read_text(encoding="utf-8")
    parts = re.split(r"^(?:### |\*\*)(§\d(?:\.\d)?)", text, flags=re.M)
    return {sec: _check_paper().flat(body) for sec, body in zip(parts[1::2], parts[2::2])}


def test_every_quote_is_in_docs_paper_md_under_its_section(real):
    claims, _, _ = real
    sections = _summary_sections()
    for c in claims.to_dict("records"):
        assert f'"{c["claim"]}"' in sections[c["section"]], (c["claim_id"], c["section"])


def test_docs_paper_md_gives_the_reference_and_every_section():
    text = PAPER_MD.read_text(encoding="utf-8")
    assert "The organic connection between poverty alleviation and rural revitalization" in text
    assert {f"§{i}" for i in range(1, 8)} <= set(re.findall(r"^### (§\d)", text, flags=re.M))
    assert data.load("sources").set_index("source_id").loc["paper", "url"] == "docs/paper.md"


# --------------------------------------------------------------------------- authoring script

def _check_paper():
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_paper", ROOT / "scripts" / "check_paper.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAPER_TEXT = ("1 Introduction Poverty is old. 3.1 Results Poor people fell by 93.48 million in eight years. "
              "4.3 Strategy " + "The strategy continues. " * 30 + "The rate fell to 0.6% in 2019.")


def _claims(rows):
    return pd.DataFrame(rows, columns=["claim_id", "section", "claim"])


def test_the_authoring_script_passes_quotes_that_are_the_papers_words():
    module = _check_paper()
    claims = _claims([["c1", "§3.1", "Poor people fell by 93.48 million"], ["c2", "§4.3", "fell to 0.6%"]])
    assert module.problems(module.flat(PAPER_TEXT), claims, 'It says "The strategy continues."') == []


def test_the_authoring_script_names_a_wrong_section_a_missed_number_and_a_made_up_quote():
    module = _check_paper()
    claims = _claims([["c1", "§4.3", "Poor people fell by 93.48 million"]])
    found = module.problems(module.flat(PAPER_TEXT), claims, 'It says "poverty ended in 1900".')
    assert found == ["c1: the quote is not the paper's words in §4.3",
                     "docs/paper.md quotes words the paper does not have: 'poverty ended in 1900'",
                     "§4.3: the number 0.6 is in no claim of data/paper_claims.csv"]
