"""A pytest plugin (loaded in pyproject.toml) so that figures are tested too: nbval compares text
and tables, not images, so after each notebook cell runs, every PNG it produced is compared with
the one stored in the notebook.

Identical bytes pass at once; otherwise the two images must have the same size and differ by at
most FIGURE_RMS (root mean square over 0-255 pixel values, matplotlib's own image-test measure),
which allows for font rendering differences between machines but fails a figure that draws
another series, another range or other labels.
"""

from __future__ import annotations

import base64
import io

import pytest

FIGURE_RMS = 2.0


def _pngs(outputs) -> list[bytes]:
    return [base64.b64decode(o["data"]["image/png"]) for o in outputs
            if o.get("output_type") in ("display_data", "execute_result") and "image/png" in o.get("data", {})]


def figure_difference(stored: bytes, fresh: bytes) -> str:
    """'' if the fresh image matches the stored one, else why not."""
    if stored == fresh:
        return ""
    import numpy as np
    from matplotlib.image import imread
    from matplotlib.testing.compare import calculate_rms

    a, b = (np.asarray(imread(io.BytesIO(png))) for png in (stored, fresh))
    if a.shape != b.shape:
        return f"the figure's size changed from {a.shape[1]}x{a.shape[0]} to {b.shape[1]}x{b.shape[0]} pixels"
    rms = calculate_rms((a * 255).astype(np.int16), (b * 255).astype(np.int16))
    return "" if rms <= FIGURE_RMS else f"the figure differs from the stored one (RMS {rms:.1f} > {FIGURE_RMS})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    fresh_outputs = getattr(item, "test_outputs", None)
    if fresh_outputs is not None and item.options.get("check", False) and item.cell.execution_count is not None:
        stored, fresh = _pngs(item.cell.outputs), _pngs(fresh_outputs)
        if len(stored) != len(fresh):
            raise AssertionError(f"cell {item.cell_num} made {len(fresh)} figures; the notebook stores {len(stored)}")
        for k, (old, new) in enumerate(zip(stored, fresh), 1):
            if problem := figure_difference(old, new):
                raise AssertionError(f"cell {item.cell_num}, figure {k}: {problem}. Re-execute the notebook "
                                     "(scripts/execute_notebooks.py) if the change is intended.")
    return result
