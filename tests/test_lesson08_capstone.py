"""The capstone of lesson 08: the template and the example memo run top to bottom and match their
stored outputs (text and figures, as nbval and tests/nbval_figures.py do for the lessons: capstone/
is outside notebooks/, so nbval does not collect it); the example memo keeps the brief (length,
reader, figures, a checked claim, every number printed by code); the rubric's weights sum to 100;
and the lesson, capstone/README.md and the teacher guide name the same files."""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from conftest import NOTEBOOKS, ROOT
from nbval_figures import _pngs, figure_difference

sys.path.insert(0, str(ROOT / "scripts"))
import execute_notebooks  # noqa: E402

CAPSTONE = ROOT / "capstone"
TEMPLATE, EXAMPLE = CAPSTONE / "template.ipynb", CAPSTONE / "example-memo.ipynb"
LESSON = NOTEBOOKS / "08-review-and-capstone.ipynb"
SECTIONS = ["## Summary", "## 1. The question and the paper's claim", "## 2. Evidence", "## 3. Checking a claim",
            "## 4. Limitations", "## 5. Recommendation", "## Sources"]


def stored(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def fresh(path: Path):
    """The notebook executed now, in a new kernel started in its folder (nothing is written)."""
    return execute_notebooks.run(path)


def source(cell) -> str:
    return "".join(cell["source"])


def texts(outputs) -> list[str]:
    """The text outputs in order, consecutive pieces of one stream joined: print() writes its text
    and its newline apart, and a busy kernel may send them as two messages (seen in CI)."""
    out, stream = [], None
    for o in outputs:
        if o.get("output_type") == "stream":
            if stream == o.get("name"):
                out[-1] += "".join(o["text"])
            else:
                out.append("".join(o["text"]))
            stream = o.get("name")
            continue
        stream = None
        if o.get("output_type") in ("execute_result", "display_data") and "image/png" not in o.get("data", {}):
            out.append("".join(o.get("data", {}).get("text/plain", "")))
    return out


def prose(nb) -> list[str]:
    """The memo's own text: its Markdown cells without the guidance lines (those starting with '>')."""
    return ["\n".join(ln for ln in source(c).splitlines() if not ln.startswith(">"))
            for c in nb["cells"] if c["cell_type"] == "markdown"]


def words(nb) -> int:
    return sum(len(text.split()) for text in prose(nb))


def setup_block(markdown: str) -> str:
    (block,) = re.findall(r"```python\n(.*?)```", markdown, re.S)
    return block.strip()


# -- both notebooks run and match what they store ------------------------------------------------

@pytest.mark.parametrize("path", [TEMPLATE, EXAMPLE], ids=["template", "example-memo"])
def test_runs_top_to_bottom_and_matches_its_stored_outputs(path):
    old, new = stored(path), fresh(path)
    assert [c["cell_type"] for c in old["cells"]] == [c.cell_type for c in new.cells]
    for i, (a, b) in enumerate(zip(old["cells"], new.cells)):
        if a["cell_type"] != "code":
            continue
        assert not [o for o in b.outputs if o.output_type == "error"], f"cell {i} fails"
        assert texts(a.get("outputs", [])) == texts(b.outputs), f"cell {i}: run scripts/execute_notebooks.py {path.name}"
        pngs_a, pngs_b = _pngs(a.get("outputs", [])), _pngs(b.outputs)
        assert len(pngs_a) == len(pngs_b), f"cell {i}: a figure is missing or new"
        for x, y in zip(pngs_a, pngs_b):
            assert not figure_difference(x, y), f"cell {i}: {figure_difference(x, y)}"
    counts = [c["execution_count"] for c in old["cells"] if c["cell_type"] == "code" and source(c).strip()]
    assert counts == list(range(1, len(counts) + 1)), "restart the kernel and run all, then save"


@pytest.mark.parametrize("path", [TEMPLATE, EXAMPLE], ids=["template", "example-memo"])
def test_every_figure_has_a_caption_of_thirty_words_and_is_drawn_with_seaborn(path):
    cells, k = stored(path)["cells"], 0
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and _pngs(cell.get("outputs", [])):
            k += 1
            assert re.search(r"\bsns\.\w+\(", source(cell)), f"cell {i}: draw with seaborn"
            assert source(cell).rstrip().endswith("plt.show()")
            caption = source(cells[i + 1])
            assert caption.startswith(f"**Figure {k}**"), f"cell {i + 1}"
            assert len(caption.split("\n\n")[0].split()) >= 30, f"Figure {k}: describe what is drawn"
    assert k == (1 if path == TEMPLATE else 3)


# -- the template --------------------------------------------------------------------------------

def test_template_has_the_sections_of_the_brief_with_guidance_and_empty_cells():
    cells = stored(TEMPLATE)["cells"]
    headings = [source(c).splitlines()[0] for c in cells if c["cell_type"] == "markdown"]
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    assert source(cells[0]).startswith("# Policy memo") and "**To:**" in source(cells[0])
    guided = [source(c) for c in cells if c["cell_type"] == "markdown" and source(c).startswith("## ")
              and source(c).splitlines()[0] in SECTIONS]
    assert all("> **Guidance.**" in text for text in guided), "each section says what to write"
    empty = [c for c in cells if c["cell_type"] == "code"
             and all(not ln.strip() or ln.lstrip().startswith("#") for ln in source(c).splitlines())]
    assert len(empty) >= 3, "empty cells for the student's figures and check"
    cited = [t for c in cells if c["cell_type"] == "code" and "data.cite(" in source(c)
             for t in texts(c.get("outputs", []))]
    assert cited and all(re.search(r"^\[\w+\] .+ Read at \S+", t, re.M) for t in cited), "the figure cites its source"
    assert "capstone/<your-name>-memo.ipynb" in source(cells[0])


def test_template_setup_cell_is_the_readme_and_lesson_setup():
    readme = (CAPSTONE / "README.md").read_text(encoding="utf-8")
    setup = source(next(c for c in stored(TEMPLATE)["cells"] if c["cell_type"] == "code"))
    assert setup_block(readme) == setup
    lesson_setup = source(next(c for c in stored(LESSON)["cells"] if c["cell_type"] == "code"))
    theme = re.search(r"^sns\.set_theme\(.*\)$", lesson_setup, re.M).group(0)
    assert theme in setup and "import seaborn as sns" in setup
    assert not re.search(r"\b(plots|measures|widgets)\b", setup + setup_block(readme)), "no package plotting helper"


# -- the example memo ----------------------------------------------------------------------------

def test_example_memo_keeps_the_brief():
    nb = stored(EXAMPLE)
    assert 800 <= words(nb) <= 1200, words(nb)
    head = source(nb["cells"][0])
    to = re.search(r"\*\*To:\*\*(.+)", head).group(1)
    assert re.search(r"\b(provincial|national)\b", to) and "policy office" in to
    assert "county" not in to
    headings = [source(c).splitlines()[0] for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    assert re.search(r"§\d\.\d", "".join(prose(nb))), "the paper's claim with its section"
    outputs = "".join(t for c in nb["cells"] if c["cell_type"] == "code" for t in texts(c.get("outputs", [])))
    assert "verdict: consistent" in outputs, "a claim checked in code"
    assert re.search(r"^\[\w+\] .+ Read at \S+", outputs, re.M), "data.cite"
    assert outputs.count("(data/") >= 3, "every table it loads is cited"


NUMBER = re.compile(r"(?<![\w.§])\d[\d,]*(?:\.\d+)?")


def _numbers(text: str) -> set[str]:
    # labels, not results: sections of the paper, figure numbers, lessons, the memo's numbered headings
    text = re.sub(r"§\d+(\.\d+)*|\*\*Figure \d+\*\*|Figures? \d+( and \d+)?|lesson \d\d|^#+ \d+\.", " ", text,
                  flags=re.M)
    found = {m.group(0).replace(",", "").rstrip(".") for m in NUMBER.finditer(text)}
    return {n for n in found if not re.fullmatch(r"(19|20)\d\d", n)}   # years are labels, not results


def unprinted(nb) -> list[str]:
    """Numbers in the memo's text that no output of its code cells shows (the paper's quoted words aside)."""
    printed = "".join(t for c in nb["cells"] if c["cell_type"] == "code" for t in texts(c.get("outputs", [])))
    printed_numbers = _numbers(printed.replace(",", "")) | {n.rstrip("0").rstrip(".") for n in _numbers(printed)}
    text = "\n".join(prose(nb))
    quoted = "".join(re.findall(r'"[^"]*"', text))   # the paper's words, quoted
    return sorted(n for n in _numbers(text) - _numbers(quoted)
                  if n not in printed_numbers and n.rstrip("0").rstrip(".") not in printed_numbers)


def test_every_number_in_the_example_memos_text_is_printed_by_a_code_cell():
    assert not unprinted(stored(EXAMPLE)), "numbers in the memo's text that no code cell prints"


def test_the_number_check_catches_a_typed_number():
    assert _numbers("## 2. Evidence\nrose from 68.4% in 2016 to 75.8%, a gap of 31,069 yuan (§5.3, Figure 2); "
                    "3 times") == {"68.4", "75.8", "31069", "3"}
    nb = stored(EXAMPLE)
    nb["cells"].append({"cell_type": "markdown", "metadata": {},
                        "source": ["The gap was 12,345 yuan, 4.7 times \"the 99.9 million\" of §5.3."]})
    assert unprinted(nb) == ["12345"]


# -- the rubric ------------------------------------------------------------------------------------

def rubric_weights(markdown: str) -> dict[str, int]:
    rows = re.findall(r"^\| ([A-Z][^|]+?) \| (\d+) % \|", markdown, re.M)
    return {name: int(weight) for name, weight in rows}


def lesson_markdown() -> str:
    return "\n".join(source(c) for c in stored(LESSON)["cells"] if c["cell_type"] == "markdown")


def test_the_rubric_weights_sum_to_100_and_score_audience_and_length():
    weights = rubric_weights(lesson_markdown())
    assert sum(weights.values()) == 100, weights
    assert "Audience and length" in weights and "Checking a claim" in weights
    claim_row = re.search(r"^\| Checking a claim \|.+$", lesson_markdown(), re.M).group(0)
    assert "official source" in claim_row, "a claim of the paper or of an official source"


def test_the_guide_uses_the_lessons_rubric():
    guide = guide_text()
    assert rubric_weights(guide) == rubric_weights(lesson_markdown())


# -- one set of file names everywhere ----------------------------------------------------------------

def guide_section(text: str, heading: str) -> str:
    m = re.search(rf"^{re.escape(heading)}.*?(?=^## |\Z)", text, re.M | re.S)
    return m.group(0) if m else ""


def guide_text() -> str:
    """The teacher guide's Lesson 08 and Assessment sections."""
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    return guide_section(guide, "## Lesson 08") + guide_section(guide, "## Assessment")


@pytest.mark.parametrize("name", ["lesson 08", "capstone/README.md", "teacher guide"])
def test_file_names_agree(name):
    text = {"lesson 08": lesson_markdown, "capstone/README.md": lambda: (CAPSTONE / "README.md").read_text(),
            "teacher guide": guide_text}[name]()
    if name == "capstone/README.md":   # the README sits in capstone/ and names the files from there
        assert "`<your-name>-memo.ipynb`" in text and "template.ipynb" in text and "example-memo.ipynb" in text
    else:
        assert "capstone/<your-name>-memo.ipynb" in text
        assert "capstone/template.ipynb" in text and "capstone/example-memo.ipynb" in text
    assert not re.search(r"capstone-<your-name>|county government|plots\.theme|measures\.", text), name
    for target in re.findall(r"\]\(([^)#\s]+\.(?:ipynb|md))", text):
        base = {"lesson 08": NOTEBOOKS, "capstone/README.md": CAPSTONE}.get(name)
        if base is not None:
            assert (base / target).resolve().is_file(), f"{name} links to missing {target}"


def test_the_brief_names_only_seaborn_functions_the_lessons_use():
    brief = guide_section(lesson_markdown(), "## Capstone project")
    named = set(re.findall(r"sns\.(\w+)", brief))
    assert named, "the brief names the seaborn functions a memo uses"
    code = "".join(source(c) for p in sorted(NOTEBOOKS.glob("0[0-8]-*.ipynb"))
                   for c in stored(p)["cells"] if c["cell_type"] == "code")
    unused = sorted(f for f in named if f"sns.{f}(" not in code)
    assert not unused, f"the brief asks for seaborn functions no lesson uses: {unused}"
