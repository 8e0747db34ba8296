"""The PDF handouts: one per lesson, holding the lesson's figures (the stored PNG outputs outside
the collapsed solutions and the explorers' saved figures), with Chinese text in a font that has
it, and no figure wider than the printed page."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from . import lesson_facts as facts

LESSONS = facts.lessons()
IDS = [p.stem for p in LESSONS]
#: A4 (210 mm) less the 12 mm side margins of course.css, in CSS pixels (96 per inch)
PRINT_WIDTH_PX = int((210 - 2 * 12) / 25.4 * 96)


def _fonts(reader: PdfReader) -> set[str]:
    """The PostScript names of the fonts the PDF embeds (subset prefixes removed)."""
    names = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            name = str(ref.get_object().get("/BaseFont", ""))
            names.add(name.lstrip("/").split("+", 1)[-1])
    return names


def _image_count(resources) -> int:
    """Image XObjects drawn from these resources, inside form XObjects too (no image is decoded)."""
    count = 0
    for ref in ((resources or {}).get("/XObject") or {}).values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            count += 1
        elif obj.get("/Subtype") == "/Form":
            count += _image_count(obj.get("/Resources"))
    return count


def test_one_handout_per_lesson(built):
    assert sorted(p.stem for p in built.handouts.glob("*.pdf")) == IDS


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_handout_has_the_lessons_figures(built, path):
    reader = PdfReader(built.handouts / f"{path.stem}.pdf")
    images = sum(_image_count(page.get("/Resources")) for page in reader.pages)
    explorer_figures = sum(facts.widget_images(path, m) for m in facts.widget_views(path, solutions=False))
    assert images == facts.png_outputs(path, solutions=False) + explorer_figures


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_chinese_text_is_printed_in_a_font_that_has_it(built, path):
    if not facts.has_chinese(path):
        return
    cjk_fonts = set(subprocess.run(["fc-list", "-f", "%{postscriptname}\n", ":lang=zh"], capture_output=True,
                                   text=True).stdout.split())
    assert cjk_fonts, "no installed font covers Chinese"
    assert _fonts(PdfReader(built.handouts / f"{path.stem}.pdf")) & cjk_fonts


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_no_figure_is_wider_than_the_printed_page(pages, path):
    """The lesson's page (opened once for all the site tests), laid out at the printed width with
    the print styles, then put back as it was."""
    page = pages(f"notebooks/{path.stem}.html").page
    screen = page.viewport_size
    page.set_viewport_size({"width": PRINT_WIDTH_PX, "height": 1100})
    page.emulate_media(media="print")
    try:
        overflow = page.evaluate("""() => Array.from(document.images)
            .filter(i => i.offsetParent !== null)
            .map(i => i.getBoundingClientRect())
            .filter(r => r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5)
            .map(r => [r.left, r.right])""")
        shown = page.evaluate("() => Array.from(document.images).filter(i => i.offsetParent !== null).length")
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size(screen)
    assert shown >= facts.png_outputs(path, solutions=False)
    assert overflow == []
