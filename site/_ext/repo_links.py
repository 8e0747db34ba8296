"""Sphinx extension: a relative link, in a lesson or a doc, to a repository file that is not a page
of the site (e.g. ../docs/paper.md, ../data/headcount.csv) points to that file on GitHub.

Links to pages of the site are left to Sphinx. A link to a file that is not in the repository
either is left as it is, so that Sphinx reports it (the build treats warnings as errors).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

REPOSITORY = "https://github.com/ruralrev-course/rural-revitalization-course"
LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(([^()\s]+)\)")  # markdown links and images
PAGE_SUFFIXES = (".md", ".ipynb")


def rewrite(markdown: str, docname: str, pages: set[str], repo_root: Path | None) -> str:
    """`markdown` of page `docname` with links to non-page repository files made absolute."""

    def fix(match: re.Match) -> str:
        image, label, target = match.groups()
        if image or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith(("#", "/")):
            return match.group(0)
        path, _, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(docname), path))
        stem, suffix = posixpath.splitext(resolved)
        if suffix in PAGE_SUFFIXES and stem in pages:
            return match.group(0)
        if resolved.startswith("..") or repo_root is None or not (repo_root / resolved).exists():
            return match.group(0)
        url = f"{REPOSITORY}/blob/HEAD/{resolved}" + (f"#{fragment}" if fragment else "")
        return f"[{label}]({url})"

    return LINK.sub(fix, markdown)


def on_source_read(app, docname: str, source: list[str]) -> None:
    root = Path(app.config.course_repo_root) if app.config.course_repo_root else None
    pages = set(app.env.found_docs)
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        source[0] = rewrite(source[0], docname, pages, root)
        return
    nb = json.loads(source[0])
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = rewrite(text, docname, pages, root)
    source[0] = json.dumps(nb)


def setup(app):
    app.add_config_value("course_repo_root", "", "env", types=[str])
    app.connect("source-read", on_source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
