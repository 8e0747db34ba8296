"""Shared pieces of the browser tests: paths, expected explorer summaries, JupyterLab page steps.

The expected summaries are computed here from the CSV files in data/ with plain
pandas, independently of `ruralrev` (the code under test), so a bug in the
explorers or in `ruralrev.measures` cannot hide itself by producing the
"expected" text too.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import time
from pathlib import Path


REPO_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO_ROOT / "notebooks"
DATA_DIR = REPO_ROOT / "data"
ARTIFACT_DIR = REPO_ROOT / "test-artifacts"

#: seconds to wait for "Run All Cells" to finish in one notebook (override: RURALREV_BROWSER_RUN_TIMEOUT)
RUN_TIMEOUT_S = float(os.environ.get("RURALREV_BROWSER_RUN_TIMEOUT", "120"))
#: seconds to wait for the kernel of a freshly opened notebook to become idle
KERNEL_TIMEOUT_S = 60

ERROR_OUTPUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"
STDERR_OUTPUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
KERNEL_STATUS = ".jp-StatusBar-TextItem[title^='Change kernel']"
INPUT_PROMPT = ".jp-CodeCell .jp-InputPrompt"


def notebook_paths() -> list[Path]:
    """Every lesson notebook, sorted by name (a new notebook is covered without editing the tests)."""
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def stored_png_count(path: Path) -> int:
    """How many outputs stored in the notebook file carry an image/png (figures the page must show)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return sum(1 for cell in nb.get("cells", []) if cell.get("cell_type") == "code"
               for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))


# ---------------------------------------------------------------------------------------------
# JupyterLab page steps (Playwright sync API)
# ---------------------------------------------------------------------------------------------

def load_lab(page, base_url: str) -> None:
    """JupyterLab in a fresh workspace (`?reset`: no notebook from an earlier page comes back),
    ready to take commands (the server exposes the app as window.jupyterapp)."""
    page.goto(f"{base_url}/lab?reset", wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp", timeout=KERNEL_TIMEOUT_S * 1000)
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")


def open_notebook(page, base_url: str, name: str) -> None:
    """Open notebooks/<name>: in the JupyterLab already loaded on the page (the browser tests share
    one), else by loading JupyterLab in a fresh workspace (`?reset`: no notebook from an earlier
    page comes back)."""
    if page.url.startswith(f"{base_url}/lab") and page.evaluate("() => !!window.jupyterapp"):
        # `.then(() => null)`: the command resolves to the notebook's widget, and copying that object
        # graph back to Python took 4-8 s per notebook
        page.evaluate("path => window.jupyterapp.commands.execute('docmanager:open', {path}).then(() => null)",
                      f"notebooks/{name}")
    else:
        page.goto(f"{base_url}/lab/tree/notebooks/{name}?reset", wait_until="domcontentloaded")
    page.locator(".jp-NotebookPanel").first.wait_for(state="visible", timeout=KERNEL_TIMEOUT_S * 1000)


def kernel_status(page) -> str:
    item = page.locator(KERNEL_STATUS)
    return (item.first.inner_text() if item.count() else "").strip()


def wait_for_kernel_idle(page, timeout_s: float = KERNEL_TIMEOUT_S) -> None:
    """Wait until the status bar says '... | Idle'; accept a 'Select Kernel' dialog if one appears."""
    deadline = time.monotonic() + timeout_s
    status = ""
    while time.monotonic() < deadline:
        dialog = page.locator(".jp-Dialog")
        if dialog.count() and dialog.first.is_visible():
            select = dialog.locator("button.jp-mod-accept")
            text = dialog.first.inner_text()
            if "Select Kernel" in text and select.count():
                select.first.click()
        status = kernel_status(page)
        if status.endswith("| Idle"):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"kernel not idle after {timeout_s:.0f} s; status bar says {status!r}")


def menu(page, top: str, item: str) -> None:
    """Click a main-menu entry, e.g. menu(page, "Run", "Run All Cells")."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(top)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}$")).click()


def expand_all_code(page) -> None:
    """Menu View -> Expand All Code: a cell with hidden input (a solution) shows an empty prompt
    placeholder instead of `[n]:`; expanding it in the page (never saved) makes every prompt readable."""
    menu(page, "View", "Expand All Code")


def clear_all_outputs(page) -> None:
    """Menu Edit -> Clear Outputs of All Cells (in the page only; never saved), so that every
    `[n]:` seen afterwards comes from this run, not from the execution counts stored in the file."""
    menu(page, "Edit", "Clear Outputs of All Cells")
    deadline = time.monotonic() + 10
    while any(EXECUTED.fullmatch(p) for p in prompts(page)):
        if time.monotonic() > deadline:
            raise AssertionError("Clear Outputs of All Cells left execution counts on the page")
        page.wait_for_timeout(100)


def run_all_cells(page) -> None:
    """Menu Run -> Run All Cells."""
    menu(page, "Run", "Run All Cells")


def run_notebook(page, timeout_s: float = RUN_TIMEOUT_S) -> list[str]:
    """Show hidden code, clear the stored outputs, Run All Cells and wait for the end.
    Returns the input prompts, e.g. ['[1]:', '[2]:']."""
    expand_all_code(page)
    clear_all_outputs(page)
    run_all_cells(page)
    return wait_until_all_executed(page, timeout_s)


PROMPTS_JS = """(sel) => Array.from(document.querySelectorAll(sel)).map(e => e.textContent.trim())"""
EXECUTED = re.compile(r"\[(\d+)\]:")
STALL_S = 5.0  # kernel idle and nothing running or queued for this long: Run All has stopped


def prompts(page) -> list[str]:
    return page.evaluate(PROMPTS_JS, INPUT_PROMPT)


def wait_until_all_executed(page, timeout_s: float = RUN_TIMEOUT_S) -> list[str]:
    """Wait until every code cell's prompt is '[n]:', then until the kernel is idle again.

    Returns early when an error output appears (Run All stops there) or when the kernel has been
    idle for STALL_S seconds with no cell running or queued ('[*]:'), so a stopped run fails fast."""
    deadline = time.monotonic() + timeout_s
    shown: list[str] = []
    idle_since = None
    while time.monotonic() < deadline:
        shown = prompts(page)
        if shown and all(EXECUTED.fullmatch(p) for p in shown):
            wait_for_kernel_idle(page, max(5.0, deadline - time.monotonic()))
            return shown
        if page.locator(ERROR_OUTPUT).count():
            return shown
        if "[*]:" not in shown and kernel_status(page).endswith("| Idle"):
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since > STALL_S:
                return shown
        else:
            idle_since = None
        page.wait_for_timeout(250)
    pending = [i for i, p in enumerate(shown) if not EXECUTED.fullmatch(p)]
    raise AssertionError(f"after {timeout_s:.0f} s, code cells {pending[:10]} still show "
                         f"{[shown[i] for i in pending[:10]]} (of {len(shown)} code cells)")


def check_all_executed(name: str, shown: list[str]) -> None:
    """Every code cell shows `[n]:` and the counts rise from top to bottom (one Run All, in order)."""
    not_run = [(i, p) for i, p in enumerate(shown) if not EXECUTED.fullmatch(p)]
    assert not not_run, (f"{name}: Run All Cells stopped; code cells that did not run "
                         f"(index among code cells, prompt): {not_run[:10]}")
    counts = [int(EXECUTED.fullmatch(p).group(1)) for p in shown]
    assert counts == sorted(set(counts)), f"{name}: execution counts not rising top to bottom: {counts}"


def error_texts(page) -> list[str]:
    """Text of every error output and of every stderr output that contains a traceback."""
    errors = [t[:2000] for t in page.locator(ERROR_OUTPUT).all_inner_texts()]
    errors += [t[:2000] for t in page.locator(STDERR_OUTPUT).all_inner_texts() if "Traceback" in t]
    return errors


IMAGES_JS = """(sel) => Array.from(document.querySelectorAll(sel)).map(img => ({
    complete: img.complete, width: img.naturalWidth, alt: img.getAttribute('alt') || '',
    src: img.getAttribute('src') || ''}))"""


def images(page, selector: str, settle_s: float = 10.0) -> list[dict]:
    """Facts about every <img> matching `selector`, after waiting (up to settle_s) for them to load:
    complete, width (naturalWidth), alt, blank (one flat colour; None if not a data URI), src (fingerprint)."""
    deadline = time.monotonic() + settle_s
    while True:
        found = page.evaluate(IMAGES_JS, selector)
        if all(i["complete"] and i["width"] > 0 for i in found) or time.monotonic() > deadline:
            break
        page.wait_for_timeout(200)
    for i in found:
        i["blank"] = blank_image(i["src"]) if i["width"] > 0 else None
        i["src"] = fingerprint(i["src"])
    return found


def broken_images(found: list[dict]) -> list[dict]:
    """The images (from `images`) that did not load or show a single flat colour."""
    return [i for i in found if not (i["complete"] and i["width"] > 0) or i["blank"]]


def blank_image(src: str) -> bool | None:
    """True if a data-URI image is one flat colour (a figure that drew nothing); None if not a data URI."""
    if not src.startswith("data:image/") or ";base64," not in src:
        return None
    from PIL import Image  # Pillow comes with matplotlib

    with Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))) as im:
        low, high = im.convert("L").getextrema()
    return low == high


def fingerprint(src: str | None) -> str:
    """A short stand-in for a (long) data-URI src in messages."""
    return "none" if src is None else f"sha1:{hashlib.sha1(src.encode()).hexdigest()[:12]} ({len(src)} chars)"


def xsrf_headers(context) -> dict[str, str]:
    token = next((c["value"] for c in context.cookies() if c["name"] == "_xsrf"), None)
    return {"X-XSRFToken": token} if token else {}


def shutdown_notebook_kernel(page, base_url: str, name: str) -> list[str]:
    """DELETE the session(s) of notebooks/<name> over REST (with the _xsrf cookie as X-XSRFToken).

    Nothing is saved: autosave is off in the test settings and this never saves or closes the tab.
    Returns the ids of the sessions shut down."""
    request = page.context.request
    resp = request.get(f"{base_url}/api/sessions")
    if not resp.ok:
        return []
    ids = [s["id"] for s in resp.json() if s.get("path", "").endswith(f"notebooks/{name}")]
    headers = xsrf_headers(page.context)
    for sid in ids:
        request.delete(f"{base_url}/api/sessions/{sid}", headers=headers)
    return ids


def dismiss_save_dialog(page) -> None:
    """If a 'Save your work'/'Save changes' dialog is open, answer Discard / Don't Save."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        for label in ("Discard", "Don't Save", "Don’t Save", "Cancel"):
            button = dialog.locator("button", has_text=label)
            if button.count():
                button.first.click()
                return
