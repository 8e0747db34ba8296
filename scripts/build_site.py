"""Build the course website from the lessons' stored outputs (nothing is executed).

    python scripts/build_site.py [--out build/site]

Copies site/, notebooks/NN-*.ipynb, docs/teacher-guide.md and docs/glossary.md into a staging
folder (so the site's layout does not depend on anything else in the repository) and runs
Sphinx on it with warnings as errors. The HTML lands in OUT/html; open OUT/html/index.html.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("teacher-guide.md", "glossary.md")


def lesson_paths() -> list[Path]:
    """The lessons, in lesson order (notebooks/NN-name.ipynb)."""
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def stage(src: Path) -> None:
    """Lay out the Sphinx source folder: site config, lessons and the two docs."""
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(ROOT / "site", src, ignore=shutil.ignore_patterns("__pycache__"))
    (src / "notebooks").mkdir()
    for path in lesson_paths():
        shutil.copy2(path, src / "notebooks" / path.name)
    (src / "docs").mkdir()
    for name in DOCS:
        shutil.copy2(ROOT / "docs" / name, src / "docs" / name)


def build(out: Path) -> Path:
    """Stage and build; returns the HTML folder."""
    src, html = out / "src", out / "html"
    stage(src)
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
                    "-D", f"course_repo_root={ROOT}",  # links to other repository files go to GitHub
                    "-d", str(out / "doctrees"), str(src), str(html)], check=True)
    return html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site")
    html = build(parser.parse_args().out.resolve())
    print(f"site built: {html / 'index.html'}")


if __name__ == "__main__":
    main()
