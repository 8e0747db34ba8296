"""Fixtures of the website and handout tests (tests/website, marker `site`).

The site and the handouts are built once per session into a temporary folder, with the
network cut (a fresh network namespace) when `unshare --net` works, by the documented
commands (scripts/build_site.py, scripts/build_handouts.py). Pages are loaded from disk in
headless Chromium, launched as the browser tests launch it; every request that leaves the
site's folder is recorded and refused.

They are part of the default test run; they share one worker (tests/conftest.py, group "site"),
so the site is built once. `-m "not site"` leaves them out.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser.conftest import _chromium_path, _unavailable, chromium  # the browser tests' launch

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "scripts"))
from build_handouts import RENDERED  # noqa: E402  (the handouts wait for the same thing)


def pytest_configure(config):
    config.addinivalue_line("markers", "site: builds the course website and handouts (tests/website)")


@pytest.hookimpl(tryfirst=True)  # before `-m "not site"` is applied
def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.site)


def _offline_prefix() -> list[str]:
    """`unshare --net` (network namespace with nothing in it) if this machine allows it."""
    try:
        ok = subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0
    except FileNotFoundError:
        ok = False
    return ["unshare", "--net"] if ok else []


@dataclass
class Built:
    html: Path
    handouts: Path
    offline: bool


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    """The site and the handouts, built by the documented commands."""
    out = tmp_path_factory.mktemp("site")
    prefix = _offline_prefix()
    for cmd in (["scripts/build_site.py", "--out", str(out)],
                ["scripts/build_handouts.py", "--site", str(out / "html"), "--out", str(out / "handouts")]):
        result = subprocess.run([*prefix, sys.executable, *cmd], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}"
    return Built(out / "html", out / "handouts", offline=bool(prefix))


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if path is None:
        _unavailable("no Chromium or Chrome found (install it with `apt-get install chromium`, or set "
                     "PLAYWRIGHT_CHROMIUM_EXECUTABLE to the browser's path)")
    with chromium(path) as launched:
        yield launched


@dataclass
class LoadedPage:
    """A page opened from disk, with what happened while it loaded."""
    page: object
    outside: list[str] = field(default_factory=list)   # requests that left the site (refused)
    failed: list[str] = field(default_factory=list)    # requests that failed
    errors: list[str] = field(default_factory=list)    # console errors and uncaught exceptions


def open_page(browser, site: Path, html: Path, **context_options) -> LoadedPage:
    """Open `html` (inside `site`) and wait until its widgets are drawn and its images loaded."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    loaded = LoadedPage(page)
    root = site.resolve().as_uri() + "/"

    def route(r):
        if r.request.url.startswith(root):
            r.continue_()
        else:
            loaded.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("requestfailed", lambda r: loaded.failed.append(f"{r.url} ({r.failure})"))
    page.on("console", lambda m: loaded.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: loaded.errors.append(str(exc)))
    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_function(RENDERED, timeout=30_000)
    return loaded


@pytest.fixture(scope="session")
def pages(browser, built):
    """Lesson or doc page (path relative to the site) -> its LoadedPage, opened once each."""
    opened: dict[str, LoadedPage] = {}

    def get(rel: str) -> LoadedPage:
        if rel not in opened:
            opened[rel] = open_page(browser, built.html, built.html / rel, viewport={"width": 1300, "height": 900})
        return opened[rel]

    yield get
    for loaded in opened.values():
        loaded.page.context.close()
