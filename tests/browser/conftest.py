"""Fixtures for the browser tests: one JupyterLab server, one headless Chromium and one JupyterLab
page per session (each test opens its notebook in that page and closes it after), screenshots
and console logs in test-artifacts/ when a test fails.

Without Chromium or Playwright the browser tests are skipped, unless RURALREV_REQUIRE_BROWSER=1
(as in CI), which turns the skip into a failure.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from . import helpers

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
#: where Chromium or Chrome is usually installed (Debian/Ubuntu, Ubuntu's snap name, macOS, Windows)
BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            r"C:\Program Files\Google\Chrome\Application\chrome.exe"]

#: JupyterLab user settings for the test server: never write a notebook, no news popup,
#: every cell in the DOM (no virtualised "windowing" of long notebooks).
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}

_ARTIFACTS: list[str] = []  # paths written on failures, listed again in the terminal summary


# ---------------------------------------------------------------------------------------------
# pytest hooks
# ---------------------------------------------------------------------------------------------

def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs JupyterLab in headless Chromium (tests/browser)")


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Mark the browser tests before any other plugin looks (so that `-m "not browser"` sees the
    mark); after them all, even one that shuffles, put test_zz_unchanged.py last. (Reordering
    later, once pytest-xdist has sent the list to the controller, would mix up its items.)"""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)
    yield
    last = [i for i in items if i.path.name == "test_zz_unchanged.py"]
    items[:] = [i for i in items if i not in last] + last


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item (item.rep_setup / rep_call) for the page fixture."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter):
    if _ARTIFACTS:
        terminalreporter.section("browser test artifacts")
        for path in _ARTIFACTS:
            terminalreporter.write_line(path)


# ---------------------------------------------------------------------------------------------
# Chromium / Playwright availability
# ---------------------------------------------------------------------------------------------

def _chromium_path() -> str | None:
    """PLAYWRIGHT_CHROMIUM_EXECUTABLE if set, else a usual install place, else a browser on PATH."""
    given = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE")
    if given:
        return given if Path(given).is_file() else None
    found = next((p for p in BROWSERS if Path(p).is_file()), None)
    return found or next(filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None)


def _unavailable(reason: str):
    if os.environ.get("RURALREV_REQUIRE_BROWSER") == "1":
        pytest.fail(f"RURALREV_REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = _chromium_path()
    if path is None:
        _unavailable("no Chromium or Chrome found (install it with `apt-get install chromium` on Debian or "
                     "Ubuntu, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to the browser's path)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the Python package playwright is not importable (pip install playwright)")
    return path


# ---------------------------------------------------------------------------------------------
# JupyterLab server
# ---------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class LabServer:
    """A running `jupyter lab`: its base URL, log file and the notebook hashes at start."""

    def __init__(self, proc: subprocess.Popen, url: str, log_path: Path, hashes: dict[str, str]):
        self.proc, self.url, self.log_path, self.hashes = proc, url, log_path, hashes
        jar = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self._jar = jar

    def api(self, method: str, path: str, timeout: float = 10, body: dict | None = None):
        """A REST call (with a JSON `body`) and the _xsrf cookie/header pair the server expects for writes."""
        if not any(c.name == "_xsrf" for c in self._jar):
            self._opener.open(f"{self.url}/lab", timeout=timeout).read()
        token = next((c.value for c in self._jar if c.name == "_xsrf"), "")
        req = urllib.request.Request(f"{self.url}{path}", method=method, headers={"X-XSRFToken": token},
                                     data=None if body is None else json.dumps(body).encode())
        with self._opener.open(req, timeout=timeout) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Shut down every kernel, then the server; kill the process group if it lingers."""
        if self.proc.poll() is None:
            try:
                for kernel in self.api("GET", "/api/kernels") or []:
                    self.api("DELETE", f"/api/kernels/{kernel['id']}")
            except Exception as exc:  # the server may already be failing; still stop it below
                print(f"could not shut down kernels over REST: {exc!r}", file=sys.stderr)
            try:
                self.api("POST", "/api/shutdown")
                self.proc.wait(timeout=15)
            except Exception:
                pass
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)  # the server was started in its own process group
            except ProcessLookupError:
                break
            try:
                self.proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue


def start_lab(tmp: Path) -> LabServer:
    """`jupyter lab` on a free loopback port, serving the repository, with throwaway config dirs
    under `tmp`; raises RuntimeError if it does not answer within 60 s. (The benchmark uses it too.)"""
    hashes = {p.name: _sha256(p) for p in helpers.notebook_paths()}
    names = ("runtime", "workspaces", "settings", "config", "data", "ipython", "checkpoints")
    dirs = {name: tmp / name for name in names}
    for d in dirs.values():
        d.mkdir()
    for rel, value in LAB_SETTINGS.items():
        f = dirs["settings"] / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(value), encoding="utf-8")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
               JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
               JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]), JUPYTER_CONFIG_DIR=str(dirs["config"]),
               JUPYTER_DATA_DIR=str(dirs["data"]), IPYTHONDIR=str(dirs["ipython"]))
    port = _free_port()
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
           "--IdentityProvider.token=", "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0",
           "--LabApp.news_url=None", f"--ServerApp.root_dir={helpers.REPO_ROOT}",
           # JupyterLab makes a checkpoint when it opens a notebook: keep it out of the repository
           f"--FileCheckpoints.root_dir={dirs['checkpoints']}",
           # window.jupyterapp: the tests open and close notebooks in one loaded JupyterLab page
           "--LabApp.expose_app_in_browser=True"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log_path = tmp / "jupyter-server.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=helpers.REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = LabServer(proc, f"http://127.0.0.1:{port}", log_path, hashes)
    server.runtime_dir = dirs["runtime"]
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with code {proc.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/api/status", timeout=2) as resp:
                if resp.status == 200:
                    return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"jupyter lab did not answer /api/status within 60 s:\n{server.log_tail()}")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def lab(chromium_path, tmp_path_factory) -> LabServer:
    """One JupyterLab server for the session (see `start_lab`)."""
    try:
        server = start_lab(tmp_path_factory.mktemp("jupyterlab"))
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()
        if _ARTIFACTS or os.environ.get("RURALREV_KEEP_SERVER_LOG") == "1":
            # a browser test failed: keep the server log (kernel tracebacks land there) beside the screenshots
            helpers.ARTIFACT_DIR.mkdir(exist_ok=True)
            kept = helpers.ARTIFACT_DIR / "jupyter-server.log"
            shutil.copyfile(server.log_path, kept)
            _ARTIFACTS.append(str(kept))


# ---------------------------------------------------------------------------------------------
# Browser and page
# ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def chromium(path: str):
    """Playwright's headless Chromium from `path`, closed afterwards (the website tests use it too)."""
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)  # widgets round-trip through the kernel; 5 s is tight on 2 cores
    with chromium(chromium_path) as launched:
        yield launched


def _artifact_stem(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::", 1)[-1]).strip("_")[:150]


@pytest.fixture(scope="session")
def content_writes() -> list[str]:
    """Every request a page sent that could write a file (save, rename, delete, create), except
    checkpoints (which go to a temporary folder); test_zz_unchanged checks that there were none."""
    return []


def _is_content_write(method: str, url: str) -> bool:
    path = url.split("?", 1)[0]
    if "/api/contents" not in path:
        return False
    return method in ("PUT", "PATCH", "DELETE") or (method == "POST" and not path.rstrip("/").endswith("/checkpoints"))


@pytest.fixture(scope="session")
def lab_page(browser, lab, content_writes):
    """One JupyterLab page for the session, so the app loads once (about 5 s on 2 cores), not once
    per notebook. Console messages go to the current test's list (`now`)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    now = {"console": [], "test": "session start"}
    page.on("console", lambda msg: now["console"].append(f"[{msg.type}] {msg.text}")
            if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: now["console"].append(f"[pageerror] {exc}"))
    page.on("request", lambda req: content_writes.append(f"{req.method} {req.url} ({now['test']})")
            if _is_content_write(req.method, req.url) else None)
    helpers.load_lab(page, lab.url)
    yield page, now
    context.close()


def _close_documents(page, base_url: str) -> None:
    """Close every open document, answering Discard if JupyterLab asks to save. If one is still
    open after 20 s, or the page broke (a failed test may leave it so), load JupyterLab again: the
    next test starts with no notebook open either way."""
    try:
        page.evaluate("() => window.jupyterapp.commands.execute('application:close-all').then(() => null)")
        deadline = time.monotonic() + 20
        while page.locator(".jp-Document").count() and time.monotonic() < deadline:
            helpers.dismiss_save_dialog(page)
            page.wait_for_timeout(100)
        closed = page.locator(".jp-Document").count() == 0
    except Exception:
        closed = False
    if not closed:
        helpers.load_lab(page, base_url)


@pytest.fixture
def page(request, lab, lab_page):
    """The session's JupyterLab page, with this test's console messages collected; they are saved
    with a screenshot to test-artifacts/ if the test fails. Documents are closed afterwards."""
    page, now = lab_page
    console = now["console"] = []
    now["test"] = request.node.nodeid
    request.node.browser_console = console  # for tests that want to look at them
    try:
        yield page
    finally:
        failed = any(getattr(request.node, f"rep_{w}", None) is not None
                     and getattr(request.node, f"rep_{w}").failed for w in ("setup", "call"))
        if failed:
            helpers.ARTIFACT_DIR.mkdir(exist_ok=True)
            stem = _artifact_stem(request.node.nodeid)
            shot = helpers.ARTIFACT_DIR / f"{stem}.png"
            log = helpers.ARTIFACT_DIR / f"{stem}.console.txt"
            try:
                page.screenshot(path=str(shot), full_page=True)
                _ARTIFACTS.append(str(shot))
            except Exception as exc:
                console.append(f"[screenshot failed] {exc!r}")
            log.write_text("\n".join(console) + "\n", encoding="utf-8")
            _ARTIFACTS.append(str(log))
            print(f"\nbrowser test failed: screenshot {shot}, console log {log}")
        _close_documents(page, lab.url)


@pytest.fixture(scope="session")
def explorer_census() -> dict[str, int]:
    """notebook name -> number of `.ruralrev-explorer` widgets seen after running it (filled by
    test_notebooks_in_browser, checked against the explorer specs in test_zz_unchanged)."""
    return {}
