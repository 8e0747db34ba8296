"""The student edition can be installed: every local folder that requirements.txt installs
(the course package, its JupyterLab settings) is in it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _local_requirements() -> list[str]:
    """The folders that requirements.txt names (`-e .`, `./lab-settings`)."""
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    return [line.removeprefix("-e").strip() for line in lines if line.startswith(("./", "-e ."))]


def test_every_local_requirement_is_in_the_student_edition(tmp_path):
    out = tmp_path / "edition"
    result = subprocess.run([sys.executable, "scripts/student_edition.py", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    folders = _local_requirements()
    assert "." in folders and "./lab-settings" in folders
    for folder in folders:
        assert (out / folder / "pyproject.toml").is_file(), folder
    assert not list(out.rglob("*.egg-info")) and not (out / "lab-settings" / "build").exists()
