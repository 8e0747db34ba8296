"""The student edition has no solutions left and still runs."""

import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import NOTEBOOKS, ROOT


@pytest.fixture(scope="module")
def edition():
    out = ROOT / "student-edition"
    result = subprocess.run([sys.executable, "scripts/student_edition.py", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
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


def test_edition_is_a_complete_course_without_tests(edition):
    out = edition[0].parents[1]
    for name in ["data/datapackage.json", "ruralrev/data.py", "docs/glossary.md", "requirements.txt", "pyproject.toml"]:
        assert (out / name).is_file(), name
    assert not (out / "tests").exists() and not (out / "docs" / "teacher-guide.md").exists()


def test_student_notebooks_execute(edition):
    for path in edition:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, kernel_name="python3", timeout=120,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not errors, path.name
