"""Write a student edition of the course: solutions removed, exercise outputs cleared.

Usage: python scripts/student_edition.py [--out student-edition] [--force]

OUT becomes a complete copy of the course that students install and open with the README's
first command: every notebook with the cells tagged `solution` dropped and the outputs of the
cells in its "## Exercises" section cleared, plus the data, the helper package, the glossary
and the install files. Tests and teacher documents are left out. An existing OUT is replaced only
if this script wrote it (it holds the file MARKER) or with --force, so a mistyped --out never
deletes real work.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
MARKER = ".student-edition"
COPIED = ["data", "ruralrev", "lab-settings", "docs/glossary.md", "capstone/README.md", "capstone/template.ipynb",
          "capstone/example-memo.ipynb", "requirements.txt", "runtime.txt",
          "pyproject.toml", "README.md", "LICENSE", "LICENSE-CONTENT.md", "CITATION.cff"]


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
    ap.add_argument("--force", action="store_true", help="replace OUT even if this script did not write it")
    args = ap.parse_args(argv)
    if args.out.exists():
        if not (args.out / MARKER).is_file() and any(args.out.iterdir()) and not args.force:
            print(f"{args.out} exists and is not a student edition; choose another --out (or add --force)",
                  file=sys.stderr)
            return 2
        shutil.rmtree(args.out)
    for name in COPIED:
        source, dest = ROOT / name, args.out / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
        else:
            shutil.copy2(source, dest)
    (args.out / MARKER).write_text("written by scripts/student_edition.py\n", encoding="utf-8")
    target = args.out / "notebooks"
    target.mkdir(parents=True)
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        nbformat.write(student_copy(nbformat.read(path, as_version=4)), target / path.name)
    print(f"wrote the student edition to {args.out} ({len(paths)} notebooks, solutions removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
