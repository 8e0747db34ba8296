"""Write a student edition of the course: solutions removed, exercise outputs cleared.

Usage: python scripts/student_edition.py [--out student-edition]

Copies every notebook in notebooks/ to OUT/notebooks/, dropping cells tagged `solution`
and clearing the outputs of the cells in each lesson's "## Exercises" section. OUT sits
in the repository by default, so the notebooks still find data/ (one folder up from OUT).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]


def student_copy(nb):
    """The notebook without solution cells, with the Exercises section's outputs cleared."""
    cells, in_exercises = [], False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = re.match(r"##\s+(.+)", cell.source.strip())
            if heading:
                in_exercises = heading.group(1).strip() == "Exercises"
        if "solution" in cell.get("metadata", {}).get("tags", []):
            continue
        if in_exercises and cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    nb.cells = cells
    return nb


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "student-edition", help="folder to write to")
    args = ap.parse_args(argv)
    target = args.out / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        nbformat.write(student_copy(nbformat.read(path, as_version=4)), target / path.name)
    print(f"wrote {len(paths)} student notebooks to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
