"""Every lesson page of the built site, in Chromium: it loads from disk with no request outside
the site, no failed request and no console error, and shows the notebook's stored outputs,
saved explorers (with the Binder note) and collapsed solutions."""

from __future__ import annotations

import json

import pytest

from . import lesson_facts as facts

LESSONS = facts.lessons()
IDS = [p.stem for p in LESSONS]
#: for each widget-view script: its model id and the images its rendered view holds (loaded or not)
WIDGET_IMAGES = """() => Array.from(document.querySelectorAll(
    "script[type='application/vnd.jupyter.widget-view+json']")).map(s => {
        const area = s.previousElementSibling;
        const imgs = area && area.classList.contains("widget-subarea") ? Array.from(area.querySelectorAll("img")) : [];
        return {model: JSON.parse(s.textContent).model_id, widths: imgs.map(i => i.naturalWidth)};
    })"""
OUTPUT_IMAGES = """() => Array.from(document.querySelectorAll(".cell_output img"))
    .filter(i => !i.closest(".widget-subarea")).map(i => i.naturalWidth)"""


@pytest.fixture(params=LESSONS, ids=IDS)
def lesson(request, pages):
    return request.param, pages(f"notebooks/{request.param.stem}.html")


def test_site_was_built_with_the_network_cut(built):
    if not built.offline:
        pytest.skip("this machine cannot create a network namespace (unshare --net): built online")
    assert (built.html / "index.html").is_file()


def test_loads_with_no_request_outside_the_site_and_no_error(lesson):
    path, loaded = lesson
    assert loaded.outside == [], f"{path.name}: requests outside the site"
    assert loaded.failed == [], f"{path.name}: failed requests"
    assert loaded.errors == [], f"{path.name}: console errors"


def test_every_image_on_the_page_loaded(lesson):
    path, loaded = lesson
    widths = loaded.page.evaluate("() => Array.from(document.images).map(i => [i.src.slice(0, 80), i.naturalWidth])")
    assert widths and all(w > 0 for _, w in widths), [s for s, w in widths if w == 0]


def test_every_stored_figure_is_shown(lesson):
    path, loaded = lesson
    widths = loaded.page.evaluate(OUTPUT_IMAGES)
    assert len(widths) == facts.png_outputs(path)
    assert all(w > 0 for w in widths)


def test_every_saved_widget_is_drawn_with_its_figures(lesson):
    path, loaded = lesson
    shown = loaded.page.evaluate(WIDGET_IMAGES)
    assert [v["model"] for v in shown] == facts.widget_views(path)
    for view in shown:
        expected = facts.widget_images(path, view["model"])
        assert len(view["widths"]) == expected and all(w > 0 for w in view["widths"]), view["model"]
    explorers = [v for v in shown if v["widths"]]
    assert len(explorers) == sum(facts.widget_images(path, m) > 0 for m in facts.widget_views(path))


def test_saved_widgets_say_they_need_a_kernel_and_link_to_binder(lesson):
    path, loaded = lesson
    notes = loaded.page.locator(".saved-widget-note")
    if not facts.widget_views(path):
        assert notes.count() == 0
        return
    assert notes.count() >= 1
    hrefs = {notes.nth(i).locator("a").get_attribute("href") for i in range(notes.count())}
    assert hrefs == {facts.BINDER.format(name=path.name)}
    # every widget is followed by a note before the next heading or the page end
    unnoted = loaded.page.evaluate("""() => Array.from(document.querySelectorAll(".widget-subarea")).filter(w => {
        let cell = w.closest(".cell");
        for (let el = cell.nextElementSibling; el; el = el.nextElementSibling) {
            if (el.classList.contains("saved-widget-note")) return false;
            if (!el.classList.contains("cell")) return true;
        }
        return true; }).length""")
    assert unnoted == 0


def test_stored_printed_output_is_shown(lesson):
    path, loaded = lesson
    text = " ".join(loaded.page.evaluate("() => document.querySelector('main').textContent").split())
    missing = [line for line in facts.stdout_lines(path) if " ".join(line.split()) not in text]
    assert missing == []


def test_solutions_are_hidden_until_clicked(lesson):
    path, loaded = lesson
    solutions = loaded.page.locator(".cell.tag_solution details, details.tag_solution")
    assert solutions.count() == facts.solution_count(path)
    for i in range(solutions.count()):
        details = solutions.nth(i)
        content = details.locator(":scope > :not(summary)").first
        assert not content.is_visible(), f"solution {i + 1} shown before a click"
        details.locator(":scope > summary").click()
        assert content.is_visible(), f"solution {i + 1} not shown after a click"
        details.locator(":scope > summary").click()
        assert not content.is_visible()


def test_widget_state_on_the_page_is_the_notebooks(lesson):
    path, loaded = lesson
    states = loaded.page.evaluate("""() => Array.from(document.querySelectorAll(
        "script[type='application/vnd.jupyter.widget-state+json']")).map(s => s.textContent)""")
    expected = facts.read(path)["metadata"].get("widgets", {}).get(facts.WIDGET_STATE, {})
    if not expected.get("state"):
        assert states == []
        return
    assert len(states) == 1 and json.loads(states[0]) == expected
