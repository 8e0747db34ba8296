"""Runs after the other browser tests (conftest moves it last): running the notebooks in the
browser wrote nothing to them, and every explorer seen on a page has a spec."""

from __future__ import annotations

import hashlib

import pytest

from . import helpers
from .test_explorers_in_browser import SPECS


def test_notebook_files_unchanged_by_browser_run(lab):
    changed = []
    for name, digest in sorted(lab.hashes.items()):
        path = helpers.NOTEBOOK_DIR / name
        if not path.is_file():
            changed.append(f"{name} (deleted)")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            changed.append(name)
    assert not changed, f"notebook files changed during the browser tests (was something saved?): {changed}"


def test_no_page_asked_to_write_a_file(lab, content_writes):
    assert not content_writes, f"pages sent requests that write files: {content_writes}"


def test_every_explorer_has_a_spec(explorer_census):
    if not explorer_census:
        pytest.skip("no notebook was run in the browser in this session (test_notebooks_in_browser)")
    problems = []
    for notebook, count in sorted(explorer_census.items()):
        specs = {s.index for s in SPECS if s.notebook == notebook}
        missing = sorted(set(range(count)) - specs)
        stale = sorted(i for i in specs if i >= count)
        if missing:
            problems.append(f"{notebook}: explorers {missing} (0 = first on the page) have no ExplorerSpec")
        if stale:
            problems.append(f"{notebook}: ExplorerSpec for explorers {stale}, but the page has only {count}")
    assert not problems, ("add or fix specs in tests/browser/test_explorers_in_browser.py:\n"
                          + "\n".join(problems))
