"""Binder as Binder builds it: repo2docker renders the repository's Dockerfile (`--no-build`
needs no Docker daemon), and that Dockerfile uses the Python of runtime.txt and installs the
course from requirements.txt (with the course package and its JupyterLab settings)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from .lesson_facts import ROOT


@cache
def dockerfile() -> str:
    """The Dockerfile that `jupyter-repo2docker --no-build --debug .` prints for this repository."""
    exe = Path(sys.executable).with_name("jupyter-repo2docker")
    exe = str(exe) if exe.is_file() else shutil.which("jupyter-repo2docker")
    assert exe, "jupyter-repo2docker is not installed (pip install -r requirements-site.txt)"
    result = subprocess.run([exe, "--no-build", "--debug", "."], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_no_binder_folder_hides_the_root_files():
    # repo2docker ignores runtime.txt and requirements.txt at the root if either folder exists
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()


def test_binder_uses_the_python_of_runtime_txt():
    version = re.fullmatch(r"python-(\d+\.\d+)\s*", (ROOT / "runtime.txt").read_text()).group(1)
    text = dockerfile()
    assert f"Building conda environment for python={version}" in text
    # the locked conda environment that the Dockerfile copies in (file names escaped as -2e for ".")
    copied = [re.sub(r"-([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), line)
              for line in text.splitlines() if line.startswith("COPY") and "environment" in line]
    assert any(f"environment.py-{version}-linux-64.lock" in line for line in copied), copied


def test_binder_installs_the_course_from_requirements_txt():
    text = dockerfile()
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert "-e ." in lines and "./lab-settings" in lines
    install = text.index('pip install --no-cache-dir -r "requirements.txt"')
    # requirements.txt names local folders: it must run after the whole repository is copied in
    assert text.index("COPY --chown=0:0 src/ ${REPO_DIR}/") < install
