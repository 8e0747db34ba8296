"""Lesson 01: the course-authored terms table and the pure functions of ruralrev.measures.terms."""

import re
import unicodedata

import pandas as pd
import pytest

from ruralrev import data
from ruralrev.inputs import InputError
from ruralrev.measures import terms as tm

CJK = re.compile(r"[\u4e00-\u9fff]")
CATEGORIES = {"targeted poverty alleviation", "rural revitalization", "connection", "measurement"}


@pytest.fixture(scope="module")
def terms():
    return data.load("terms")


@pytest.fixture(scope="module")
def ms():
    return data.load("milestones")


def lesson01(terms):
    return terms[terms["introduced_in"] == "01"]


# -- data/terms.csv ----------------------------------------------------------------------------

def test_terms_table_loads_with_its_schema_and_citation(terms):
    assert list(terms.columns) == ["term_id", "term_en", "term_zh", "pinyin", "category", "definition",
                                   "introduced_in", "paper_section", "milestone", "source_id"]
    assert terms["term_id"].is_unique
    assert set(terms["category"]) <= CATEGORIES
    assert terms.attrs["citation"].startswith("Terms of the course")
    assert len(lesson01(terms)) >= 20


def test_every_term_has_chinese_characters_and_english_without_them(terms):
    for r in terms.itertuples():
        assert CJK.search(r.term_zh) and not re.search(r"[A-Za-z]", r.term_zh), r.term_id
        assert not CJK.search(r.term_en), r.term_id
        assert not re.search(r"[,()*]", r.term_zh + r.pinyin), f"{r.term_id}: breaks the glossary line format"


def _tone_marked_syllables(pinyin: str) -> int:
    """Count vowels carrying a tone mark (one per syllable with a full tone)."""
    return sum(1 for ch in unicodedata.normalize("NFD", pinyin) if ch in "\u0304\u0301\u030c\u0300")


def test_pinyin_has_one_tone_mark_per_chinese_character(terms):
    for r in terms.itertuples():
        assert re.fullmatch(r"[A-Za-zÀ-ɏ\u0300-\u036f ]+", r.pinyin), r.term_id
        assert _tone_marked_syllables(r.pinyin) == len(CJK.findall(r.term_zh)), (r.term_id, r.pinyin)


@pytest.mark.parametrize("term_id, pinyin", [("targeted_poverty_alleviation", "jīngzhǔn fúpín"),
                                             ("two_no_worries_three_guarantees", "liǎng bù chóu sān bǎozhàng"),
                                             ("rural_revitalization_strategy", "xiāngcūn zhènxīng zhànlüè"),
                                             ("registered_poor_household", "jiàndàng lìkǎ pínkùnhù")])
def test_key_pinyin(terms, term_id, pinyin):
    assert terms.set_index("term_id").loc[term_id, "pinyin"] == pinyin


def test_definitions_from_the_paper_say_so(terms):
    for r in terms.itertuples():
        if r.source_id == "paper":
            assert "paper's wording" in r.definition, r.term_id
        assert r.definition.endswith("."), r.term_id


def test_dated_terms_point_to_a_milestone_and_share_its_sources(terms, ms):
    by_label = ms.set_index("label")
    for r in terms[terms["milestone"] != ""].itertuples():
        assert r.milestone in by_label.index, r.term_id
        assert set(r.source_id.split(";")) & set(by_label.loc[r.milestone, "source_id"].split(";")), r.term_id


def test_two_no_worries_three_guarantees_matches_the_2011_outline(terms, ms):
    outline = ms.set_index("label").loc["Outline 2011-2020", "description"]
    definition = terms.set_index("term_id").loc["two_no_worries_three_guarantees", "definition"]
    for item in ["food", "clothing", "compulsory education", "basic medical care", "housing"]:
        assert item in outline and item in definition, item


def test_general_requirements_are_twenty_characters(terms):
    five = terms.set_index("term_id").loc[list(tm.GENERAL_REQUIREMENTS)]
    assert five["term_zh"].str.len().tolist() == [4] * 5
    assert five["term_zh"].str.len().sum() == 20
    summary = terms.set_index("term_id").loc["general_requirements", "definition"]
    assert [summary.index(zh) for zh in five["term_zh"]] == sorted(summary.index(zh) for zh in five["term_zh"])


def test_timetable_term_agrees_with_the_no1_document_row(terms, ms):
    definition = terms.set_index("term_id").loc["three_step_timetable", "definition"]
    doc = ms.set_index("label").loc["No. 1 Document 2018", "description"]
    assert re.findall(r"by (\d{4})", definition) == re.findall(r"by (\d{4})", doc) == ["2020", "2035", "2050"]


def test_new_sources_of_lesson01_resolve():
    sources = data.load("sources").set_index("source_id")
    for sid in ["brsn_202103_six", "brsn_202103_five", "scio_201803_keywords", "fwswk_202101_registration",
                "people_201902_rv", "xinhuanet_201802_rv", "chinawaterrisk_201802", "chinaorg_201904_goals",
                "jxxfw_rv_requirements"]:
        assert sources.loc[sid, "url"].startswith("http"), sid
    assert sources.loc["fwswk_202101_registration", "copy"] == "yes"


# -- measures: terms_in ------------------------------------------------------------------------

def test_terms_in_by_category_and_query(terms):
    rr = tm.terms_in(terms, "rural revitalization")
    assert set(rr["category"]) == {"rural revitalization"} and "general_requirements" in set(rr["term_id"])
    assert len(tm.terms_in(terms, "all")) == len(tm.terms_in(terms)) == len(terms)
    assert tm.terms_in(terms, query="精准")["term_id"].tolist() == ["targeted_poverty_alleviation", "six_precisions"]
    assert {"prosperity", "moderately_prosperous_society"} <= set(tm.terms_in(terms, query="PROSPER")["term_id"])
    assert tm.terms_in(terms, "measurement", query="zzz").empty


def test_terms_in_rejects_an_unknown_category(terms):
    with pytest.raises(InputError, match="Category must be one of"):
        tm.terms_in(terms, "poverty")


def test_describe_terms_gives_term_chinese_pinyin_source_and_definition(terms):
    text = tm.describe_terms(terms_row := terms[terms["term_id"] == "five_batches"])
    first, *rest = text.splitlines()
    assert first == "five batches (五个一批, wǔ gè yī pī)  [brsn_202103_five]"
    assert all(line.startswith("    ") for line in rest) and "relocation" in text
    assert len(terms_row) == 1


# -- measures: milestones --------------------------------------------------------------------

def test_select_milestones_sets_every_control(ms):
    sel = tm.select_milestones(ms, period="2013-2020 targeted poverty alleviation",
                               theme="rural revitalization", start="2017", end=2018)
    assert (sel["start"], sel["end"], sel["period"], sel["theme"]) == (
        2017, 2018, "2013-2020 targeted poverty alleviation", "rural revitalization")
    assert sel["rows"]["label"].tolist() == ["Rural revitalization strategy", "No. 1 Document 2018",
                                             "Strategic Plan 2018-2022"]
    everything = tm.select_milestones(ms)
    assert len(everything["rows"]) == len(ms) and (everything["start"], everything["end"]) == (1978, 2021)
    assert everything["rows"]["date"].is_monotonic_increasing


@pytest.mark.parametrize("kwargs, fragment", [
    ({"period": "2030s"}, "Period must be one of"),
    ({"theme": "weather"}, "Theme must be one of"),
    ({"start": "abc"}, "whole number"),
    ({"start": "2015.5"}, "whole number"),
    ({"end": "2030"}, "from 1978 to 2021"),
    ({"start": "2015", "end": "2010"}, "must not be after"),
    ({"start": ""}, "empty"),
    ({"theme": "reform", "start": "1990"}, "No milestones from 1990 to 2021"),
])
def test_select_milestones_rejects_bad_input_with_one_line(ms, kwargs, fragment):
    with pytest.raises(InputError, match=fragment) as exc:
        tm.select_milestones(ms, **kwargs)
    assert "\n" not in str(exc.value)


def test_decimal_year_places_dates_within_their_year(ms):
    got = tm.decimal_year(pd.Series(["2013-11-03", "2014", "2018-09", "2020-01-01", "2020-12-31"]))
    assert got.tolist() == [round(2013 + 306 / 365, 3), 2014.0, round(2018 + 243 / 365, 3), 2020.0,
                            round(2020 + 365 / 366, 3)]
    assert (tm.decimal_year(ms["date"]).astype(int) == ms["year"]).all()


def test_milestone_summary_is_computable_from_the_table_alone(ms):
    sel = tm.select_milestones(ms, theme="rural revitalization", start=2013, end=2021)
    rows = ms[(ms["theme"] == "rural revitalization") & ms["year"].between(2013, 2021)].sort_values("date")
    ids = sorted({i for cell in rows["source_id"] for i in cell.split(";")})
    items = ", ".join(f"{lab} ({yr})" for lab, yr in zip(rows["label"], rows["year"]))
    expected = (f"{len(rows)} milestones from 2013 to 2021, period: all, theme: rural revitalization: {items}. "
                f"Sources: {', '.join(ids)}.")
    assert tm.milestone_summary(sel) == expected
    one = tm.select_milestones(ms, theme="reform")
    assert tm.milestone_summary(one).startswith("1 milestone from 1978 to 2021")


def test_strategy_spans_are_read_from_the_milestones(ms):
    spans = tm.strategy_spans(ms)
    assert spans[["strategy", "start", "end"]].values.tolist() == [
        ["targeted poverty alleviation", 2013, 2020], ["rural revitalization", 2017, 2020],
        ["rural revitalization", 2020, 2035], ["rural revitalization", 2035, 2050],
        ["transition period", 2021, 2025]]
    assert spans["stage"].iloc[2] == "basic modernisation of agriculture/rural areas"
    assert "cn_201802" in spans["source_id"].iloc[1] and spans["source_id"].iloc[4] == "tellerreport_202102_2"


def test_strategy_spans_follow_a_changed_table(ms):
    changed = ms.copy()
    row = changed["label"] == "No. 1 Document 2018"
    changed.loc[row, "description"] = "Timetable: first step by 2022, second step by 2040"
    spans = tm.strategy_spans(changed)
    rr = spans[spans["strategy"] == "rural revitalization"]
    assert rr[["start", "end"]].values.tolist() == [[2017, 2022], [2022, 2040]]
    changed.loc[row, "description"] = "Timetable: none given"
    with pytest.raises(ValueError, match="no 'X by YYYY' targets"):
        tm.strategy_spans(changed)


def test_overlap_of_strategies(ms):
    spans = tm.strategy_spans(ms)
    assert tm.overlap(spans, "targeted poverty alleviation", "rural revitalization") == (2017, 2020)
    assert tm.overlap(spans, "rural revitalization", "transition period") == (2021, 2025)
    assert tm.overlap(spans, "targeted poverty alleviation", "transition period") is None
    with pytest.raises(ValueError, match="strategy must be one of"):
        tm.overlap(spans, "campaign", "rural revitalization")
