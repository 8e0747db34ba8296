"""Shared fixtures: a headless matplotlib backend and a scratch copy of data/; and the grouping of
tests onto workers (`--dist loadgroup`)."""

import re
import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

pytest_plugins = ("pytester",)  # runs pytest inside a test (tests/test_nbval_output_wait.py)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"


#: groups started first, in this order, one per worker: the two longest
FIRST = ("browser", "site")


def worker_group(nodeid: str, params: dict) -> str:
    """The group of tests that run on one worker, in order: the browser tests, which share one
    JupyterLab server and page ("browser"); the website tests, which share one build of the site and the
    handouts ("site"); a lesson's notebook and every test of that lesson ("lesson 05"), so its code
    runs once per run in the test process (tests/lessons.py caches it per process); any other
    test, its file."""
    path = nodeid.split("::", 1)[0]
    if path.startswith("tests/browser/"):
        return "browser"
    if path.startswith("tests/website/"):
        return "site"
    lesson = (re.fullmatch(r"notebooks/(\d\d)-[^/]*\.ipynb", path) or re.fullmatch(r"tests/test_lesson(\d\d)_\w*\.py", path)
              or re.match(r"(\d\d) ", str(params.get("name", ""))))
    return f"lesson {lesson.group(1)}" if lesson else path


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks
def pytest_collection_modifyitems(items):
    """Mark each test with its group, and put the FIRST groups first: pytest-xdist hands out
    groups in the order they appear, so each of the two longest starts at once on a worker."""
    groups = {}
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        groups[item] = worker_group(item.nodeid, params)
        item.add_marker(pytest.mark.xdist_group(groups[item]))
    rank = {group: i for i, group in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(groups[item], len(FIRST)))  # stable: order kept in a group


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
