"""Lesson 03 claim checker: the verdict function on synthetic claims (each verdict, each method,
each qualifier, the tolerance boundaries), on the real table, and the table data/paper_claims.csv
itself (schema, references that resolve, quotes that are in docs/paper.md under their section).

Two authoring checks compare the claims and docs/paper.md with the paper's full text, which is not
redistributed; they run only where the course authors' copy (../shared/seed/paper.txt) is present."""

import re

import pandas as pd
import pytest

from conftest import ROOT
from ruralrev import data
from ruralrev.measures import claims as cl

PAPER = ROOT.parent / "shared" / "seed" / "paper.txt"  # authors' copy of the full text; not in the repository
PAPER_MD = ROOT / "docs" / "paper.md"  # the reference, a summary and the quoted passages
AUTHORING = pytest.mark.skipif(not PAPER.is_file(), reason="authoring check: needs the paper's full text "
                               "(../shared/seed/paper.txt), which the course does not redistribute")


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


def test_verdict_inconsistent_on_unit_even_when_the_number_matches(tables):
    out = cl.check_claim(claim(check_table="facts", check_filter="fact_id=houses", check_column="value",
                               check_method="value", check_unit="million people", paper_value=25.68,
                               paper_unit="million households", qualifier="about"), tables)
    assert out["verdict"] == "inconsistent"
    assert out["reason"] == ("unit differs: the source counts people, the paper households "
                             "(the number 25.68 matches; the unit does not)")


def test_unit_reason_for_shares_says_gives(tables):
    out = cl.check_claim(claim(check_table="facts", check_filter="fact_id=share", check_column="value",
                               check_method="value", check_unit="percent of poor villages", paper_value=97,
                               paper_unit="percent of total area", paper_precision=1), tables)
    assert out["reason"] == "unit differs: the source gives percent of poor villages, the paper percent of total area"


def test_same_unit_at_another_scale_is_converted_not_flagged(tables):
    out = cl.check_claim(claim(check_table="facts", check_filter="fact_id=roads", check_column="value",
                               check_method="value", check_unit="million km", paper_value=1100,
                               paper_unit="thousand km", paper_precision=100), tables)
    assert out["verdict"] == "consistent" and out["source_value"] == pytest.approx(1100)
    assert out["source_unit"] == "thousand km"


def test_verdict_not_checkable_when_scope_differs_even_if_numbers_agree(tables):
    out = cl.check_claim(claim(check_scope="poor areas", paper_scope="all rural areas"), tables)
    assert out["verdict"] == "not checkable"
    assert out["reason"] == "scope differs: poor areas, not all rural areas"
    assert out["source_value"] == 20.0  # the figure is still shown


def test_scope_is_compared_before_unit(tables):
    out = cl.check_claim(claim(check_scope="poor areas", paper_unit="million households"), tables)
    assert out["verdict"] == "not checkable" and out["reason"].startswith("scope differs")


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


def test_real_households_claim_is_inconsistent_because_of_the_unit(real):
    claims, _, verdicts = real
    housing = claims.loc[claims["claim"].str.contains("25.68 million poor households")].iloc[0]
    row = verdicts.loc[housing["claim_id"]]
    assert row["verdict"] == "inconsistent"
    assert row["reason"].startswith("unit differs: the source counts people, the paper households")
    assert row["source_value"] == pytest.approx(25.68)


def test_real_resettlement_claim_counts_sites_not_households(real):
    claims, _, verdicts = real
    cid = claims.loc[claims["claim"] == "35,000 households have been resettled", "claim_id"].iloc[0]
    assert verdicts.loc[cid, "verdict"] == "inconsistent"
    assert verdicts.loc[cid, "reason"].startswith("unit differs: the source counts sites, the paper households")


def test_real_93_48_claim_is_consistent_and_computed_from_two_years(real):
    claims, tables, verdicts = real
    cid = claims.loc[claims["claim"].str.contains("93.48"), "claim_id"].iloc[0]
    assert verdicts.loc[cid, "verdict"] == "consistent"
    hc = tables["headcount"]
    hc = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")].set_index("year")
    expected = hc.loc[2012, "poor_million"] - hc.loc[2019, "poor_million"]
    assert verdicts.loc[cid, "source_value"] == pytest.approx(expected)


def test_real_average_claim_is_the_2012_2020_average(real):
    claims, _, verdicts = real
    cid = claims.loc[claims["claim"].str.contains("over 10 million"), "claim_id"].iloc[0]
    assert verdicts.loc[cid, "verdict"] == "consistent"
    assert verdicts.loc[cid, "source_value"] == pytest.approx(98.99 / 8)


def test_real_roads_scope_and_missing_163(real):
    claims, _, verdicts = real
    roads = claims.loc[claims["claim"].str.contains("new roads"), "claim_id"].iloc[0]
    assert verdicts.loc[roads, "reason"].startswith("scope differs: poor areas")
    counties = claims.loc[claims["claim"].str.contains("163"), "claim_id"].iloc[0]
    assert verdicts.loc[counties, "verdict"] == "not checkable"
    assert verdicts.loc[counties, "reason"] == "no source figure found"


def test_real_verdict_counts(real):
    _, _, verdicts = real
    assert verdicts["verdict"].value_counts().to_dict() == {"consistent": 9, "inconsistent": 4, "not checkable": 4}


def test_verdicts_follow_the_data_not_the_table(real):
    """Change one published figure: the two claims that rest on it turn inconsistent."""
    claims, tables, _ = real
    hc = tables["headcount"].copy()
    hc.loc[(hc["standard"] == "2010") & (hc["year"] == 2019), "poor_million"] = 5.61
    changed = cl.check_claims(claims, {**tables, "headcount": hc}).set_index("claim_id")["verdict"]
    ids = claims.set_index("claim_id")["claim"]
    flipped = sorted(ids[changed == "inconsistent"].index.difference(ids[real[2]["verdict"] == "inconsistent"].index))
    assert [ids[c][:20] for c in flipped] == ["from 2012 to 2019, C", "decreasing to 5.51 m"]


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
    assert checked == len(claims) - 1


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


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'"))


def _paper_sections():
    """Section number -> its text (whitespace collapsed), from the paper's numbered headings."""
    text = _flat(PAPER.read_text(encoding="utf-8"))
    heads = list(re.finditer(r"(?<![\w.,]) ?(\d(?:\.\d)?)\.? (?=[A-Z])", text))
    sections = {}
    for head, nxt in zip(heads, heads[1:] + [None]):
        sections.setdefault("§" + head.group(1), text[head.end(): nxt.start() if nxt else len(text)])
    return sections


def _summary_sections():
    """'§3.1' -> the text of that part of docs/paper.md (a '### §N' heading or a '**§N.N ...**' paragraph)."""
    text = PAPER_MD.read_text(encoding="utf-8")
    parts = re.split(r"^(?:### |\*\*)(§\d(?:\.\d)?)", text, flags=re.M)
    return {sec: _flat(body) for sec, body in zip(parts[1::2], parts[2::2])}


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


@AUTHORING
def test_authoring_every_quote_is_the_papers_words_in_the_named_section(real):
    claims, _, _ = real
    sections = _paper_sections()
    for c in claims.to_dict("records"):
        assert c["claim"] in sections[c["section"]], (c["claim_id"], c["section"])


@AUTHORING
def test_authoring_every_quotation_in_docs_paper_md_is_the_papers_words():
    paper = _flat(PAPER.read_text(encoding="utf-8"))
    summary = PAPER_MD.read_text(encoding="utf-8").split("## Summary", 1)[1]
    quotes = re.findall(r'"([^"]+)"', _flat(summary))
    assert len(quotes) > 20
    for quote in quotes:
        assert quote.rstrip(".") in paper, quote
        assert len(quote.split()) <= 25, quote


@AUTHORING
def test_authoring_no_number_of_the_checked_sections_is_missed(real):
    """Every quantity written in §3.1, §3.2, §4.3, §5.3 and §5.4 (not years, ordinals, '4G' or
    reference marks like [2]) appears in some claim's quote."""
    claims, _, _ = real
    sections = _paper_sections()
    quotes = " | ".join(claims["claim"])
    missed = []
    for sec in ("§3.1", "§3.2", "§4.3", "§5.3", "§5.4"):
        text = re.sub(r"\[\d+\]", "", sections[sec])
        for number in re.findall(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])", text):
            number = number.rstrip(",")
            if re.fullmatch(r"(19|20)\d\d", number):
                continue
            if not re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", quotes):
                missed.append((sec, number))
    assert not missed
    assert len(sections["§4.3"]) > 500  # the sections were found
