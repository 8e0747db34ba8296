"""Lesson 01: the course-authored terms table (data/terms.csv) agrees with itself and with the milestones."""

import re
import unicodedata

import pytest

from ruralrev import data

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
    # the lesson finds the five by their definitions (str.contains), as this test does
    five = terms[terms["definition"].str.contains("of the five general requirements")]
    assert five["term_id"].tolist() == ["thriving_businesses", "pleasant_living_environments",
                                        "social_etiquette_and_civility", "effective_governance", "prosperity"]
    assert five["term_zh"].str.len().tolist() == [4] * 5
    assert five["term_zh"].str.len().sum() == 20
    summary = terms.set_index("term_id").loc["general_requirements", "definition"]
    assert [summary.index(zh) for zh in five["term_zh"]] == sorted(summary.index(zh) for zh in five["term_zh"])


def test_timetable_term_agrees_with_the_no1_document_row(terms, ms):
    definition = terms.set_index("term_id").loc["three_step_timetable", "definition"]
    doc = ms.set_index("label").loc["No. 1 Document 2018", "description"]
    assert re.findall(r"by (\d{4})", definition) == re.findall(r"by (\d{4})", doc) == ["2020", "2035", "2050"]


def test_every_source_of_the_lesson01_terms_resolves(terms):
    sources = data.load("sources").set_index("source_id")
    for cell in lesson01(terms)["source_id"]:
        for sid in cell.split(";"):
            assert sid in sources.index, sid


def test_the_terms_exercise_has_two_answers(terms):
    precise = terms[terms["term_zh"].str.contains("精准")]
    assert precise["term_id"].tolist() == ["targeted_poverty_alleviation", "six_precisions"]
    assert all("jīngzhǔn" in p for p in precise["pinyin"])
