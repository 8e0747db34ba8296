"""Ruff finds no error (unused or undefined names, syntax errors, mutable defaults) in the package,
the scripts, the tests or the notebooks; the rules are in pyproject.toml."""

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is not installed: pip install -r requirements-dev.txt"
    result = subprocess.run([ruff, "check", "--output-format", "concise", "ruralrev", "scripts", "tests", "notebooks"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
