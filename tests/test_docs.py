"""Generated docs are current; the glossary covers every term the lessons introduce; CITATION.cff is well formed."""

import json
import re
import subprocess
import sys

import yaml

from conftest import NOTEBOOKS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_docs  # noqa: E402


def test_glossary_and_data_readme_are_up_to_date():
    result = subprocess.run([sys.executable, "scripts/build_docs.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_glossary_line_of_every_lesson_is_well_formed_and_in_the_glossary():
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        section = [c for c in cells if c["cell_type"] == "markdown" and "".join(c["source"]).startswith("## Glossary")]
        assert section, f"{path.name} has no Glossary section"
        text = "".join(section[0]["source"])
        assert "../docs/glossary.md" in text, f"{path.name}: link the course glossary"
        items = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("- ")]
        assert items, f"{path.name}: no terms listed"
        for item in items:
            m = build_docs.TERM_RE.match(item)
            assert m, f"{path.name}: '{item[:60]}' is not '- **term** (中文, pinyin): definition.'"
            assert re.search(r"[\u4e00-\u9fff]", m["zh"]), f"{path.name}: {m['term']} has no Chinese characters"
            assert f"**{m['term']}** | {m['zh']} | {m['pinyin']} |" in glossary, m["term"]


def test_one_entry_per_term_and_per_chinese_name():
    """A term listed by two lessons has one wording, and one Chinese name has one English term."""
    by_term, by_zh = {}, {}
    for t in build_docs.glossary_terms():
        entry = (t["zh"], t["pinyin"], t["definition"])
        assert by_term.setdefault(t["term"].lower(), entry) == entry, \
            f"{t['notebook']}: '{t['term']}' is worded differently in another lesson; use one line"
        assert by_zh.setdefault(t["zh"], t["term"].lower()) == t["term"].lower(), \
            f"{t['notebook']}: {t['zh']} is both '{t['term']}' and '{by_zh[t['zh']]}'; merge them"


def test_citation_cff_has_the_required_cff_1_2_keys():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"]
    assert cff["authors"] and all("name" in a or "family-names" in a for a in cff["authors"])
    assert set(cff) <= {"cff-version", "message", "title", "authors", "type", "license", "version", "abstract",
                        "keywords", "date-released", "repository-code", "url", "identifiers", "preferred-citation",
                        "references", "contact", "commit", "doi", "license-url", "repository", "repository-artifact"}
