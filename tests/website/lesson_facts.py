"""What each lesson page must show, read from the notebook files, so that the site tests follow
the notebooks when they are rewritten (no counts written into the tests)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
BINDER = ("https://mybinder.org/v2/gh/ruralrev-course/rural-revitalization-course/HEAD"
          "?urlpath=lab/tree/notebooks/{name}")
CJK = re.compile("[\u4e00-\u9fff]")


def lessons() -> list[Path]:
    """The lesson notebooks in lesson order (notebooks/NN-name.ipynb)."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


@cache
def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(path: Path, *, solutions: bool = True) -> list[dict]:
    """The code cells, optionally without those tagged `solution`."""
    return [c for c in read(path)["cells"] if c["cell_type"] == "code"
            and (solutions or "solution" not in c.get("metadata", {}).get("tags", []))]


def solution_count(path: Path) -> int:
    return sum("solution" in c.get("metadata", {}).get("tags", []) for c in read(path)["cells"])


def png_outputs(path: Path, *, solutions: bool = True) -> int:
    """How many stored outputs carry a PNG figure."""
    return sum("image/png" in out.get("data", {})
               for c in code_cells(path, solutions=solutions) for out in c.get("outputs", []))


def stdout_lines(path: Path) -> list[str]:
    """The first non-blank line of every stored stdout output."""
    lines = []
    for cell in code_cells(path):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                text = "".join(out["text"]) if isinstance(out["text"], list) else out["text"]
                first = next((line.strip() for line in text.splitlines() if line.strip()), None)
                if first:
                    lines.append(first)
    return lines


def widget_views(path: Path, *, solutions: bool = True) -> list[str]:
    """Model ids of the widgets that the stored outputs display, in page order."""
    return [out["data"][WIDGET_VIEW]["model_id"] for c in code_cells(path, solutions=solutions)
            for out in c.get("outputs", []) if WIDGET_VIEW in out.get("data", {})]


def widget_images(path: Path, model_id: str) -> int:
    """How many images the saved state of one displayed widget (and its children) holds."""
    state = read(path)["metadata"].get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    seen, todo, images = set(), [model_id], 0
    while todo:
        mid = todo.pop()
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        values = state[mid]["state"]
        value = values.get("value")
        if isinstance(value, str):
            images += value.count("<img")
        refs = [v for v in values.values() if isinstance(v, str)]
        refs += [x for v in values.values() if isinstance(v, list) for x in v if isinstance(x, str)]
        todo += [r.removeprefix("IPY_MODEL_") for r in refs if r.startswith("IPY_MODEL_")]
    return images


def has_chinese(path: Path) -> bool:
    return bool(CJK.search(json.dumps(read(path), ensure_ascii=False)))
