"""Shared fixtures: a headless matplotlib backend and a scratch copy of data/."""

import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of data/ for tests that damage files."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def assert_rejected(ex, control: str, value, fragment: str) -> None:
    """Setting `control` to `value` gives a one-line message containing `fragment` in the widget,
    and the previous summary, figure and result stay as they were."""
    from html import unescape

    def state():  # explorers of lessons 04-07 keep `result`; the lesson-defined ones `values`
        return ex.summary.value, ex.figure.value, getattr(ex, "result", None), getattr(ex, "values", None)

    before = state()
    getattr(ex, control).value = value
    assert fragment in ex.error and "\n" not in ex.error
    assert 'role="alert"' in ex.message.value and fragment in unescape(ex.message.value)
    assert state() == before
