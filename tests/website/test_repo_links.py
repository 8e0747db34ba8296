"""Links from a page to a repository file that is not a page of the site go to GitHub
(site/_ext/repo_links.py); links to pages, anchors and other sites are left alone."""

from __future__ import annotations

import sys

from .lesson_facts import ROOT

sys.path.insert(0, str(ROOT / "site" / "_ext"))
from repo_links import REPOSITORY, rewrite  # noqa: E402

PAGES = {"index", "notebooks/00-start-here", "docs/glossary"}
DOC = "notebooks/00-start-here"


def test_a_link_to_a_repository_file_goes_to_github():
    text = rewrite("See [the data](../data/datapackage.json#x).", DOC, PAGES, ROOT)
    assert text == f"See [the data]({REPOSITORY}/blob/HEAD/data/datapackage.json#x)."


def test_links_to_pages_anchors_images_and_other_sites_are_left_alone():
    for text in ("[g](../docs/glossary.md)", "[a](#key-points)", "[w](https://example.org/x)",
                 "![fig](../data/datapackage.json)"):
        assert rewrite(text, DOC, PAGES, ROOT) == text


def test_a_link_to_a_file_that_does_not_exist_is_left_for_sphinx_to_report():
    text = "[gone](../docs/no-such-file.md)"
    assert rewrite(text, DOC, PAGES, ROOT) == text
