"""The student edition has no solutions left, and nothing left in it needs a removed solution."""

import ast
import subprocess
import sys

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT

SCRIPT = [sys.executable, str(ROOT / "scripts" / "student_edition.py")]


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("edition") / "student-edition"
    result = subprocess.run([*SCRIPT, "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return sorted((out / "notebooks").glob("*.ipynb"))


def test_every_notebook_has_a_student_copy(edition):
    assert [p.name for p in edition] == [p.name for p in sorted(NOTEBOOKS.glob("*.ipynb"))]


def test_no_solution_remains(edition):
    for path in edition:
        original = nbformat.read(NOTEBOOKS / path.name, as_version=4)
        solutions = [c.source for c in original.cells if "solution" in c.metadata.get("tags", [])]
        assert solutions, f"{path.name} has no solution cells to remove"
        student = nbformat.read(path, as_version=4)
        sources = [c.source for c in student.cells]
        assert not [c for c in student.cells if "solution" in c.metadata.get("tags", [])]
        assert not [s for s in solutions if s in sources], path.name
        assert len(student.cells) == len(original.cells) - len(solutions)


def _names(source: str) -> tuple[set, set]:
    """Names a cell binds and names it reads."""
    tree = ast.parse(source)
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
    return bound, read


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_no_cell_needs_a_name_only_a_solution_defines(path):
    """The student edition runs without its solutions: no cell reads a name that only a solution
    cell binds (checked on the source, so no notebook is executed again for this)."""
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    kept = set().union(*(_names(c.source)[0] for c in code if "solution" not in c.metadata.get("tags", [])))
    only_in_solutions = set().union(*(_names(c.source)[0] for c in code if "solution" in c.metadata.get("tags", []))) - kept
    for i, cell in enumerate(code):
        if "solution" not in cell.metadata.get("tags", []):
            assert not _names(cell.source)[1] & only_in_solutions, (i, _names(cell.source)[1] & only_in_solutions)


def test_the_check_catches_a_cell_that_needs_a_solution():
    bound, _ = _names("answer = regions.loc[1]\ndef f(): pass\nimport pandas as pd")
    _, read = _names("print(answer)")
    assert {"answer", "f", "pd"} <= bound and read & bound == {"answer"}


def test_edition_is_a_complete_course_without_tests(edition):
    out = edition[0].parents[1]
    for name in ["data/datapackage.json", "ruralrev/data.py", "docs/glossary.md", "requirements.txt", "pyproject.toml"]:
        assert (out / name).is_file(), name
    assert not (out / "tests").exists() and not (out / "docs" / "teacher-guide.md").exists()


def test_a_folder_it_did_not_write_is_never_deleted(tmp_path):
    work = tmp_path / "my-work"
    work.mkdir()
    (work / "memo.md").write_text("my capstone")
    result = subprocess.run([*SCRIPT, "--out", str(work)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "is not a student edition" in result.stderr
    assert (work / "memo.md").read_text() == "my capstone"
