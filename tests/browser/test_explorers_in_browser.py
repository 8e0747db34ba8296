"""The explorers work in a real browser: every control changes the summary and the figure to what
the data in data/ says, and bad input shows a message instead of an error.

The tests are a table of specs, one module per lesson: `lesson_NN.py` (see `specs.py`).
test_notebooks_in_browser drives them on the page of its Run All. To cover a new explorer, add an
ExplorerSpec: the
notebook, which `.ruralrev-explorer` on the page (0 = first), the summary expected right after
"Run All", and steps. A step names a control by its label (the widget's description), how to
operate it ('select' a Dropdown option by its label, 'type' into a Text box and press Enter,
move a 'slider' to a readout with the arrow keys, 'click' a button), the value, and the expected
summary, computed from data/ with plain pandas/numpy in `lesson_NN.py`, never by ruralrev (a zero-argument callable, evaluated when the step runs). `bad(...)`
steps type invalid input: the message line must name the control and the summary and figure
must stay as they were; the test then types the previous value back. Every labelled control of
the explorer must appear in a step, and every text box in a `bad` step, or the test fails.
"""

from __future__ import annotations

import importlib
import re
import time
from pathlib import Path

from . import helpers
from .specs import ExplorerSpec, Step, Text

SPECS = [s for m in sorted(Path(__file__).parent.glob("lesson_*.py"))
         for s in importlib.import_module(f"{__package__}.{m.stem}").SPECS]


# ---------------------------------------------------------------------------------------------

CONTROL_CLASS = {"select": ".widget-dropdown", "type": ".widget-text", "slider": ".widget-slider"}


def _resolve(value: Text) -> str:
    return value() if callable(value) else value


def _control(explorer, step: Step):
    """The one widget of kind `step.kind` whose description label is exactly `step.control`."""
    if step.kind == "click":
        box = explorer.get_by_role("button", name=step.control, exact=True)
    else:
        label = explorer.page.locator(".widget-label", has_text=re.compile(rf"^\s*{re.escape(step.control)}\s*$"))
        box = explorer.locator(CONTROL_CLASS[step.kind]).filter(has=label)
    assert box.count() == 1, f"expected one {step.kind} control labelled {step.control!r}, found {box.count()}"
    return box


def _operate(explorer, step: Step, value: str) -> None:
    box = _control(explorer, step)
    if step.kind == "select":
        box.locator("select").select_option(label=value)
    elif step.kind == "type":
        field_ = box.locator("input, textarea").first
        field_.fill(value)
        field_.press("Enter")  # continuous_update=False: the value is sent on Enter (or blur)
    elif step.kind == "slider":
        _slide(box, step, value)
    elif step.kind == "click":
        box.click()
    else:
        raise ValueError(f"unknown step kind {step.kind!r}")


def _slide(box, step: Step, value: str) -> None:
    """Move the slider's handle with the keyboard until its readout shows `value`: PageUp/PageDown
    (5 steps each, as a keyboard user moves far) while at least 5 steps remain, then the arrow
    keys. Each key press is a change the kernel redraws, so far moves take a few presses, not one
    per step. The step is learnt from the first arrow press; after any overshoot, arrows only."""
    handle, readout = box.locator(".noUi-handle"), box.locator(".widget-readout")
    handle.focus()
    read = lambda: float(readout.inner_text().strip().replace(",", ""))  # noqa: E731
    step_size, paging, last_side = None, True, None
    for _ in range(1000):
        shown = readout.inner_text().strip()
        if shown == value:
            return
        gap = float(value) - read()
        side = gap > 0
        paging = paging and last_side in (None, side)  # an overshoot ends paging
        if paging and step_size and abs(gap) >= 5 * step_size - 1e-9:
            handle.press("PageUp" if side else "PageDown")
        else:
            before = read()
            handle.press("ArrowRight" if side else "ArrowLeft")
            step_size = step_size or abs(read() - before) or None
        last_side = side
    raise AssertionError(f"slider {step.control!r} never showed {value!r} (shows {readout.inner_text()!r})")


def _current_value(explorer, step: Step) -> str:
    box = _control(explorer, step)
    if step.kind == "type":
        return box.locator("input, textarea").first.input_value()
    if step.kind == "slider":
        return box.locator(".widget-readout").inner_text().strip()
    raise ValueError(f"a bad input needs a 'type' or 'slider' control, not {step.kind!r}")


def _check_state(page, explorer, expected: str, previous_src: str | None, what: str) -> None:
    """Summary and figure alt text are `expected`, no message, a loaded non-blank figure (a new
    one if `previous_src` is given), and no error output anywhere on the page."""
    from playwright.sync_api import expect

    summary, img = explorer.locator(".ruralrev-summary"), explorer.locator("img")
    expect(summary, f"{what}: summary").to_have_text(expected)
    expect(img, f"{what}: figure alt text").to_have_attribute("alt", expected)
    expect(explorer.locator(".ruralrev-message"), f"{what}: message line").to_have_count(0)
    if previous_src is not None:
        deadline = time.monotonic() + 20
        while img.get_attribute("src") == previous_src and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert img.get_attribute("src") != previous_src, \
            f"{what}: the figure did not change (still {helpers.fingerprint(previous_src)})"
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle(), timeout=10_000)
    assert not helpers.blank_image(img.get_attribute("src") or ""), \
        f"{what}: the figure is blank (one flat colour)"
    errors = helpers.error_texts(page)
    assert not errors, f"{what}: error output appeared:\n" + "\n---\n".join(errors)


def _check_coverage(explorer, spec: ExplorerSpec) -> None:
    """Every labelled control is exercised; every text box gets a bad input."""
    labels = {t.strip() for t in explorer.locator(".widget-label").all_inner_texts() if t.strip()}
    used = {s.control for s in spec.steps if s.kind != "click"}
    assert labels <= used, f"{spec.id}: controls without a step in the spec: {sorted(labels - used)}"
    text_boxes = {t.strip() for t in explorer.locator(".widget-text .widget-label").all_inner_texts() if t.strip()}
    tried_bad = {s.control for s in spec.steps if s.bad}
    assert text_boxes <= tried_bad, f"{spec.id}: text boxes without a bad(...) step: {sorted(text_boxes - tried_bad)}"


def check_explorer(page, spec: ExplorerSpec) -> None:
    """Drive the explorer of `spec` on a page where its notebook has just been Run All (by
    test_notebooks_in_browser, so each notebook runs once in the browser): every step gives the
    expected summary and a new figure; bad input gives a message and keeps the output."""
    from playwright.sync_api import expect

    explorers = page.locator(".ruralrev-explorer")
    expect(explorers.nth(spec.index), f"{spec.id}: explorer #{spec.index} on the page").to_be_visible()
    explorer = explorers.nth(spec.index)
    explorer.scroll_into_view_if_needed()
    _check_state(page, explorer, spec.initial(), None, f"{spec.id} after Run All")
    _check_coverage(explorer, spec)

    img = explorer.locator("img")
    for n, step in enumerate(spec.steps, 1):
        value = _resolve(step.value)
        what = f"{spec.id} step {n} ({step.kind} {value!r} in {step.control!r})"
        before_text = explorer.locator(".ruralrev-summary").inner_text()
        before_src = img.get_attribute("src")
        if not step.bad:
            _operate(explorer, step, value)
            expected = step.summary()
            _check_state(page, explorer, expected, before_src if expected != before_text else None, what)
            continue
        previous = _current_value(explorer, step)
        _operate(explorer, step, value)
        expect(explorer.locator(".ruralrev-message"), f"{what}: message line").to_contain_text(step.control)
        assert explorer.locator(".ruralrev-summary").inner_text() == before_text, f"{what}: summary changed"
        after_src = img.get_attribute("src")
        assert after_src == before_src, \
            f"{what}: figure changed ({helpers.fingerprint(before_src)} -> {helpers.fingerprint(after_src)})"
        errors = helpers.error_texts(page)
        assert not errors, f"{what}: error output appeared:\n" + "\n---\n".join(errors)
        # typing the previous value back clears the message and keeps the summary
        _operate(explorer, step, previous)
        _check_state(page, explorer, before_text, None, f"{what}, then {previous!r} again")


def test_every_spec_names_a_notebook():
    missing = [s.id for s in SPECS if not (helpers.NOTEBOOK_DIR / s.notebook).is_file()]
    assert not missing, f"specs whose notebook does not exist (update SPECS): {missing}"
