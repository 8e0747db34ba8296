"""A lesson's own code, run in this process: its data, the functions it defines, its explorers.

`namespace("00")` runs the code cells of notebooks/00-*.ipynb (self-check cells left out) in a
fresh namespace, with figures drawn headless and closed, and returns that namespace, so a test can
call a lesson's drawing function or drive its `explorer` without a kernel. Cached per lesson.
"""

from __future__ import annotations

import contextlib
import io
import os
from functools import cache
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def notebook(lesson: str) -> Path:
    """The notebook of lesson `lesson` ('00')."""
    (path,) = NOTEBOOKS.glob(f"{lesson}-*.ipynb")
    return path


@cache
def namespace(lesson: str) -> dict:
    """The lesson's namespace after its code cells ran (not the self-checks)."""
    nb = nbformat.read(notebook(lesson), as_version=4)
    ns: dict = {"__name__": f"lesson_{lesson}"}
    here = os.getcwd()
    show, plt.show = plt.show, lambda *a, **k: plt.close("all")
    try:
        os.chdir(NOTEBOOKS)
        for cell in nb.cells:
            if cell.cell_type != "code" or "quiz.show(" in cell.source:
                continue
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(cell.source, f"{notebook(lesson).name}", "exec"), ns)
    finally:
        os.chdir(here)
        plt.show = show
        plt.close("all")
    return ns
