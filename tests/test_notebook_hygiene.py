"""Every notebook follows the course anatomy (docs/authoring.md) and is safe to run.

The rules apply to every notebook in notebooks/, so new lessons inherit them.
"""

import json
import re
from pathlib import Path

import pytest

from conftest import DATA, NOTEBOOKS, ROOT

PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
IDS = [p.name for p in PATHS]
SECTIONS = ["In this notebook", "Explore", "Check your understanding", "Exercises", "Key points",
            "Glossary", "References"]
FORBIDDEN = [
    (re.compile(r"pip\s+install|conda\s+install"), "installs packages"),
    (re.compile(r"^\s*[!%]", re.M), "uses a shell escape or magic"),
    (re.compile(r"\b(requests|urllib|http\.client|socket|urlopen|webbrowser)\b"), "reaches the network"),
    (re.compile(r"read_\w+\(\s*['\"]https?:"), "reads data from the network"),
    (re.compile(r"\b(eval|exec)\s*\(|\bpickle\b"), "uses eval, exec or pickle"),
    (re.compile(r"default_rng\(\s*\)|np\.random\.(rand|randn|seed|normal|uniform)\b"), "uses unseeded randomness"),
]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text(cell) -> str:
    return "".join(cell["source"])


def tags(cell) -> list:
    return cell.get("metadata", {}).get("tags", [])


def lesson_number(path: Path) -> int:
    return int(path.name[:2])


def sections(nb) -> dict[str, list]:
    """Cells under each level-2 heading, keyed by heading text."""
    out, current = {}, None
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            m = re.match(r"##\s+(.+)", text(cell).strip())
            if m:
                current = m.group(1).strip()
                out[current] = []
        if current:
            out[current].append(cell)
    return out


def test_there_are_notebooks():
    assert PATHS, "notebooks/ holds no notebook"
    assert PATHS[0].name == "00-start-here.ipynb"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_name_and_kernel(path):
    assert re.fullmatch(r"\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb", path.name)
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["metadata"]["kernelspec"]["language"] == "python"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_title_question_and_navigation(path):
    first = text(load(path)["cells"][0])
    assert first.startswith(f"# {path.name[:2]} ·"), "first cell: '# NN · Title'"
    assert "**Question:**" in first
    i = PATHS.index(path)
    if i > 0:
        assert f"]({PATHS[i - 1].name})" in first, "link to the previous notebook"
    if i < len(PATHS) - 1:
        assert f"]({PATHS[i + 1].name})" in first, "link to the next notebook"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_sections_in_order(path):
    found = list(sections(load(path)))
    wanted = [s for s in SECTIONS if not (s == "Explore" and lesson_number(path) == 8)]
    assert [s for s in found if s in wanted] == wanted, found


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_in_this_notebook_has_objectives_minutes_and_data(path):
    block = "".join(text(c) for c in sections(load(path))["In this notebook"] if c["cell_type"] == "markdown")
    objectives = re.search(r"Learning objectives.*?\n((?:\s*\d+\.\s.+\n?)+)", block)
    assert objectives, "a numbered list under 'Learning objectives'"
    assert 3 <= len(re.findall(r"^\s*\d+\.\s", objectives.group(1), re.M)) <= 5
    assert "Prerequisites" in block
    assert re.search(r"Time.*?\d+\s*min.*?\d+\s*min", block, re.S), "teaching and exercise minutes"
    assert "Data used" in block
    for name in re.findall(r"data/([\w-]+\.csv)", block):
        assert (DATA / name).is_file(), name


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_setup_cell_sets_theme(path):
    code = [c for c in load(path)["cells"] if c["cell_type"] == "code"]
    assert re.search(r"sns\.set_theme\(", text(code[0])) and "import" in text(code[0])


# Every lesson follows "the notebook teaches, the package supports" (docs/authoring.md).
WITH_EXPLORER = [p for p in PATHS if lesson_number(p) != 8]  # lesson 08 (capstone) has no explorer
HELPER_CALL = re.compile(r"\b(?:plots|widgets|stat_plots|relplots)\.\w+\(|from ruralrev(?:\.\w+)* import .*\bplot_|"
                         r"from ruralrev(?:\.plots|\.widgets)\b|from ruralrev import .*\b(?:plots|widgets)\b")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_figures_are_drawn_in_view_with_seaborn(path):
    """No plotting helper of the package; every figure cell draws with seaborn or matplotlib in the
    cell, or calls a drawing function the lesson itself defines."""
    cells = load(path)["cells"]
    code = "\n".join(text(c) for c in cells if c["cell_type"] == "code")
    assert "import seaborn as sns" in code
    defined = set(re.findall(r"^def (\w+)\(", code, re.M))
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        assert not HELPER_CALL.search(text(cell)), f"cell {i} uses a plotting helper of the package"
        if any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            calls = set(re.findall(r"\b(\w+)\(", text(cell)))
            assert re.search(r"\bsns\.\w+\(", text(cell)) or calls & defined, \
                f"cell {i}: draw the figure in view (seaborn, or a function defined in the lesson)"


@pytest.mark.parametrize("path", WITH_EXPLORER, ids=[p.name for p in WITH_EXPLORER])
def test_explorer_cells_are_tagged_and_reuse_the_lessons_drawing(path):
    cells = load(path)["cells"]
    code = "\n".join(text(c) for c in cells if c["cell_type"] == "code")
    explorers = [c for c in cells if "explorer" in tags(c)]
    assert explorers, "the explorer cell is tagged 'explorer'"
    for cell in explorers:
        draw = re.search(r"Explorer\(\s*(\w+)", text(cell))
        assert draw and re.search(rf"^def {draw.group(1)}\(ax\b", code, re.M), "the explorer draws with a lesson function"
        uses = [c for c in cells if c["cell_type"] == "code" and c is not cell and f"{draw.group(1)}(" in text(c)
                and not text(c).lstrip().startswith("def ")]
        assert uses, f"{draw.group(1)} also draws one of the lesson's static figures"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_exercises_cover_pandas_seaborn_and_interpretation(path):
    """The lesson's checks include a number or table, a figure and a written answer, and every
    solution uses check() on its own exercise."""
    from ruralrev import exercises as X

    lesson = path.name[:2]
    kinds = {type(X._REGISTRY[e]()).__name__ for e in X.ids() if e.startswith(lesson + ".")}
    assert {"figure", "text"} <= kinds and kinds & {"number", "table"}, kinds
    solutions = [c for c in sections(load(path))["Exercises"] if "solution" in tags(c)]
    used = {m for c in solutions for m in re.findall(r"check\(\"(\d\d\.\d+)\"", text(c))}
    assert used == {e for e in X.ids() if e.startswith(lesson + ".")}, "each exercise is checked in its solution"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_code_is_offline_and_safe(path):
    for i, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] == "code":
            for pattern, why in FORBIDDEN:
                assert not pattern.search(text(cell)), f"cell {i} {why}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_executed_in_order_without_errors_or_paths(path):
    code = [c for c in load(path)["cells"] if c["cell_type"] == "code" and text(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "restart the kernel and run all, then save"
    for c in code:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error"
            blob = json.dumps({k: v for k, v in out.get("data", {}).items() if not k.startswith("image/")})
            blob += "".join(out.get("text", []))
            assert not re.search(r"(/home/|/work/|/tmp/|/root/|[A-Z]:\\\\)", blob), "a machine path in an output"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_figure_has_a_caption_with_a_description(path):
    cells, n, k = load(path)["cells"], lesson_number(path), 0
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            k += 1
            caption = text(cells[i + 1]) if i + 1 < len(cells) else ""
            assert cells[i + 1]["cell_type"] == "markdown" and caption.startswith(f"**Figure {n}.{k}**"), \
                f"cell {i + 1} should be the caption '**Figure {n}.{k}** ...'"
            assert len(caption.split()) >= 30, f"Figure {n}.{k}: describe in words what the figure shows"
    assert k >= 1, "every lesson has at least one figure"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_widget_cells_and_only_they_ignore_output(path):
    for i, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] != "code":
            continue
        has_widget = any("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                         for o in cell.get("outputs", []))
        ignored = "nbval-ignore-output" in tags(cell)
        assert has_widget == ignored, f"cell {i}: tag nbval-ignore-output exactly on cells that show widgets"




@pytest.mark.parametrize("path", WITH_EXPLORER, ids=[p.name for p in WITH_EXPLORER])
def test_explore_section_has_a_widget(path):
    cells = sections(load(path))["Explore"]
    assert any("nbval-ignore-output" in tags(c) for c in cells), "an explorer widget in Explore"
    assert any(c["cell_type"] == "markdown" and re.search(r"\bTry\b", text(c)) for c in cells), \
        "one sentence saying what to try"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_self_checks(path):
    cells = sections(load(path))["Check your understanding"]
    shown = [c for c in cells if c["cell_type"] == "code" and "quiz.show(" in text(c)]
    assert len(shown) >= 2, "at least two self-check questions"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_exercises_have_an_empty_cell_and_a_hidden_solution(path):
    cells = sections(load(path))["Exercises"]
    starts = [i for i, c in enumerate(cells)
              if c["cell_type"] == "markdown" and re.search(r"^### Exercise", text(c), re.M)]
    assert len(starts) >= 2, "at least two exercises"
    for i in starts:
        work, solution = cells[i + 1], cells[i + 2]
        assert work["cell_type"] == "code" and "solution" not in tags(work)
        assert not [ln for ln in text(work).splitlines() if ln.strip() and not ln.strip().startswith("#")], \
            "the student's cell holds only comments"
        assert solution["cell_type"] == "code" and "solution" in tags(solution)
        hidden = solution["metadata"].get("jupyter", {})
        assert hidden.get("source_hidden") is True and hidden.get("outputs_hidden") is True, \
            "solution collapsed, its outputs hidden"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_key_points_glossary_and_references(path):
    secs = sections(load(path))
    for name in ("Key points", "Glossary", "References"):
        assert len(" ".join(text(c) for c in secs[name]).split()) > 10, f"'{name}' is empty"
    refs = " ".join(text(c) for c in secs["References"])
    assert "paper" in refs.lower() and "data/" in refs


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_nothing_points_outside_the_repository(path):
    """The paper is cited (docs/paper.md), not pointed at as a file the repository lacks."""
    for i, cell in enumerate(load(path)["cells"]):
        assert not re.search(r"seed/paper|shared/sources|course source folder", text(cell)), f"cell {i}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_links_resolve(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for target in re.findall(r"\]\(([^)\s]+)\)", text(cell)):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            assert (path.parent / target.split("#")[0]).exists(), f"broken link {target}"


def test_readme_lesson_map_lists_every_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in PATHS:
        assert f"notebooks/{path.name}" in readme, f"README lesson map misses {path.name}"
    for target in re.findall(r"\]\((notebooks/[^)#]+)\)", readme):
        assert (ROOT / target).exists(), f"README links to missing {target}"
    assert "urlpath=lab/tree/notebooks/00-start-here.ipynb" in readme


def _minutes(path: Path) -> tuple[str, str]:
    block = "\n".join(text(c) for c in load(path)["cells"] if c["cell_type"] == "markdown")
    m = re.search(r"\*\*Time\.\*\* (\d+) min teaching \+ (\d+) min exercises", block)
    assert m, f"{path.name}: '**Time.** N min teaching + N min exercises'"
    return m.groups()


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_stated_times_agree_in_lesson_readme_and_teacher_guide(path):
    teach, exercise = _minutes(path)
    row = next(ln for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
               if f"(notebooks/{path.name})" in ln)
    assert f"| {teach} + {exercise}" in row, f"README lesson map: {row[:80]}..."
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    section = re.search(rf"^## Lesson {path.name[:2]}:.*?(?=^## )", guide, re.M | re.S).group(0)
    assert f"**Time.** {teach} min teaching + {exercise} min exercises" in section, "teacher guide's Time line"
