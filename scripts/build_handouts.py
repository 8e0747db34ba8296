"""Print each lesson page of the built website to a PDF handout with headless Chromium.

    python scripts/build_handouts.py [--site build/site/html] [--out build/handouts]

Needs the site (scripts/build_site.py) and Chromium (/usr/bin/chromium or `chromium` on PATH)
with the Python package playwright. The print rules in site/_static/course.css keep only the
lesson, fit figures to the page width and never split one across pages; solutions stay
collapsed. Explorers are printed with their saved view. Chinese characters need a font that
covers them (Debian: fonts-wqy-microhei).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CJK = re.compile("[\u4e00-\u9fff]")
WIDGET_VIEW = "script[type='application/vnd.jupyter.widget-view+json']"
#: true once every saved widget view has been rendered and every image has loaded
RENDERED = f"""() => document.querySelectorAll(".widget-subarea").length
    === document.querySelectorAll("{WIDGET_VIEW}").length
    && Array.from(document.images).every(img => img.complete)"""


def chromium_path() -> str:
    path = "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else shutil.which("chromium")
    if path is None:
        raise SystemExit("Chromium not found: install it with `apt-get install chromium`")
    return path


def lesson_pages(site: Path) -> list[Path]:
    """The built lesson pages, in lesson order."""
    return sorted((site / "notebooks").glob("[0-9][0-9]-*.html"))


def check_cjk_font(pages: list[Path]) -> None:
    """Stop if the lessons have Chinese characters and no installed font covers them (the PDF
    would show empty boxes)."""
    if not any(CJK.search(p.read_text(encoding="utf-8")) for p in pages):
        return
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    if not fonts.strip():
        raise SystemExit("the lessons contain Chinese characters but no installed font covers them: "
                         "install one, e.g. `apt-get install fonts-wqy-microhei`")


def print_page(page, html: Path, pdf: Path) -> None:
    """Open one built page from disk, wait for its widgets and images, print it to `pdf`."""
    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_function(RENDERED, timeout=30_000)
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)


def build(site: Path, out: Path) -> list[Path]:
    """Write one PDF per lesson page; returns their paths."""
    from playwright.sync_api import sync_playwright

    pages = lesson_pages(site)
    if not pages:
        raise SystemExit(f"no lesson pages in {site}/notebooks: build the site first (scripts/build_site.py)")
    check_cjk_font(pages)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for html in pages:
                pdf = out / f"{html.stem}.pdf"
                print_page(page, html, pdf)
                written.append(pdf)
        finally:
            browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "handouts")
    args = parser.parse_args()
    for pdf in build(args.site.resolve(), args.out.resolve()):
        print(f"handout: {pdf} ({pdf.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
