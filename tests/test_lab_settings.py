"""The course's JupyterLab settings (lab-settings/, installed by requirements.txt): started from
the repository as a student starts it, with no user settings, JupyterLab asks no question about
"official Jupyter news" and checks for no update."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "@jupyterlab/apputils-extension:notification"
SHIPPED = ROOT / "lab-settings" / "overrides.d" / "ruralrev-course.json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    """`jupyter lab` started in the repository root with empty user config, settings and runtime dirs."""
    tmp = tmp_path_factory.mktemp("lab-settings")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "config"), JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
               JUPYTER_DATA_DIR=str(tmp / "data"))
    port = _free_port()
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
           "--IdentityProvider.token=", "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, "jupyter lab exited"
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "jupyter lab did not start within 60 s"
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _settings(url: str) -> dict:
    with urllib.request.urlopen(f"{url}/lab/api/settings/{PLUGIN}", timeout=10) as resp:
        return json.load(resp)


def test_the_settings_are_installed_where_jupyterlab_reads_them():
    installed = Path(sys.prefix, "share/jupyter/lab/settings/overrides.d", SHIPPED.name)
    assert installed.is_file(), "reinstall: pip install -r requirements.txt"
    assert json.loads(installed.read_text()) == json.loads(SHIPPED.read_text())


def test_jupyterlab_would_otherwise_ask_about_news():
    import jupyterlab

    package, name = PLUGIN.split(":")
    shipped = json.loads((Path(jupyterlab.__file__).parent / "schemas" / package / f"{name}.json").read_text())
    assert shipped["properties"]["fetchNews"]["default"] == "none"  # "none" = ask with a pop-up


def test_no_news_question_and_no_update_check(lab_url):
    settings = _settings(lab_url)
    assert json.loads(settings["raw"] or "{}") == {}  # nothing from the (empty) user settings
    props = settings["schema"]["properties"]
    assert props["fetchNews"]["default"] == "false"
    assert props["checkForUpdates"]["default"] is False
