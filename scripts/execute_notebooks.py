"""Execute notebooks in place, as 'Restart kernel and run all' would, and save their outputs.

Usage: python scripts/execute_notebooks.py [notebooks/NN-name.ipynb ...]   (default: all)

Outputs are the baseline nbval compares against, so run this after editing a lesson
and commit the result. Timing metadata is not recorded, so saved notebooks carry no
timestamps.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def run(path: Path) -> nbformat.NotebookNode:
    """The notebook at `path`, executed top to bottom in a fresh kernel started in its folder."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=300, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    return nb


def execute(path: Path) -> None:
    nbformat.write(run(path), path)
    print(f"executed {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    paths = [Path(p).resolve() for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
