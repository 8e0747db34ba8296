"""A lesson's tests share one worker with its notebook (tests/conftest.py), so the lesson's code runs
once per run in the test process, not once per worker."""

import re

from conftest import ROOT, pytest_collection_modifyitems, worker_group


def test_a_lessons_notebook_and_tests_form_one_group():
    assert worker_group("notebooks/05-absolute-to-relative.ipynb::Cell 3", {}) == "lesson 05"
    assert worker_group("tests/test_lesson05_data.py::test_lines[a]", {}) == "lesson 05"
    assert worker_group("tests/test_explorer_sweep.py::test_walk[05 explorer]", {"name": "05 explorer"}) == "lesson 05"
    assert worker_group("tests/browser/test_zz_unchanged.py::test_a", {}) == "browser"
    assert worker_group("tests/browser/test_notebooks_in_browser.py::test_n[05-a.ipynb]", {"path": 1}) == "browser"
    assert worker_group("tests/website/test_site_pages.py::test_every_image[05-a]", {"page": 1}) == "site"
    assert worker_group("tests/test_data.py::test_schema", {}) == "tests/test_data.py"
    assert worker_group("tests/test_explorer.py::test_a[5]", {"name": 5}) == "tests/test_explorer.py"


def test_every_test_file_that_runs_lesson_code_is_grouped_by_lesson():
    """Files that import tests/lessons.py or tests/explorers.py are a lesson's own (test_lessonNN_*)
    or the explorer sweep, whose tests carry the lesson in their `name` parameter."""
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if re.search(r"^from (lessons|explorers) import", path.read_text(), re.M):
            assert re.fullmatch(r"test_lesson\d\d_\w+\.py", path.name) or path.name == "test_explorer_sweep.py", path.name


def test_the_browser_and_website_groups_start_first():
    """pytest-xdist hands out groups in the order they first appear: the two longest come first."""

    class Item:
        def __init__(self, nodeid):
            self.nodeid, self.marks = nodeid, []

        def add_marker(self, mark):
            self.marks.append(mark)

    items = [Item(n) for n in ("tests/test_data.py::a", "tests/website/test_site_pages.py::b",
                               "tests/test_data.py::c", "tests/browser/test_zz_unchanged.py::d",
                               "tests/website/test_handouts.py::e")]
    pytest_collection_modifyitems(items)
    assert [i.nodeid[-1] for i in items] == ["d", "b", "e", "a", "c"]
    assert [i.marks[0].args[0] for i in items] == [
        "browser", "site", "site", "tests/test_data.py", "tests/test_data.py"]
