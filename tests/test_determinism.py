"""Determinism: two runs of a notebook in fresh kernels give identical outputs.

nbval compares one fresh run with the stored outputs after sanitising memory addresses;
this test compares two fresh runs with nothing sanitised, so a timestamp, an unseeded
random draw or a dict-order dependence shows up here even in cells nbval ignores.
"""

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import NOTEBOOKS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import execute_notebooks  # noqa: E402

#: output kinds compared byte for byte; a widget view's model_id is a fresh random id by design
COMPARED = ("text/plain", "text/html", "text/markdown", "image/png")


def outputs(nb) -> list[list]:
    """Per code cell, what a reader sees: streams, errors and the compared display formats."""
    seen = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        shown = []
        for out in cell.outputs:
            if out.output_type == "stream":  # one stream may arrive in several chunks: join them
                if shown and shown[-1][0] == out.name:
                    shown[-1] = (out.name, shown[-1][1] + out.text)
                else:
                    shown.append((out.name, out.text))
            elif out.output_type == "error":
                shown.append(("error", out.ename, out.evalue))
            else:
                shown.extend((kind, out.data[kind]) for kind in COMPARED if kind in out.data)
        seen.append(shown)
    return seen


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_two_fresh_runs_give_identical_outputs(path):
    with ThreadPoolExecutor(2) as pool:  # two kernels at once: each run is its own process
        first, second = pool.map(lambda _: outputs(execute_notebooks.run(path)), range(2))
    assert any(first), "the notebook shows something"
    for i, (a, b) in enumerate(zip(first, second, strict=True)):
        assert a == b, f"code cell {i} differs between two fresh runs"
