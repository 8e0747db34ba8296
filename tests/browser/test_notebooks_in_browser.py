"""Every lesson notebook runs top to bottom in JupyterLab in a real browser, without errors,
every figure it stores is drawn on the page, and then its explorers are driven on the same page
(the specs in test_explorers_in_browser.py), so each notebook is run once in the browser.

The notebooks are listed when this module is imported, so a new notebook in notebooks/
is covered without editing this file.
"""

from __future__ import annotations

import pytest

from . import helpers
from .test_explorers_in_browser import SPECS, check_explorer

NOTEBOOKS = helpers.notebook_paths()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(path, page, lab, explorer_census):
    name = path.name
    helpers.open_notebook(page, lab.url, name)
    helpers.wait_for_kernel_idle(page)
    try:
        shown = helpers.run_notebook(page)
        errors = helpers.error_texts(page)
        assert not errors, f"{name}: error output on the page:\n" + "\n---\n".join(errors)
        helpers.check_all_executed(name, shown)

        figures = helpers.images(page, ".jp-OutputArea .jp-RenderedImage img")
        broken = helpers.broken_images(figures)
        assert not broken, f"{name}: figures that did not load or are blank: {broken}"
        stored = helpers.stored_png_count(path)
        assert len(figures) >= stored, (f"{name}: {len(figures)} figures on the page, but the notebook "
                                        f"file stores {stored} image/png outputs")

        explorer_figures = helpers.images(page, ".ruralrev-explorer img")
        broken = helpers.broken_images(explorer_figures)
        assert not broken, f"{name}: explorer figures that did not load or are blank: {broken}"
        assert page.get_by_text("Error displaying widget").count() == 0, f"{name}: a widget failed to render"
        explorer_census[name] = page.locator(".ruralrev-explorer").count()
        for spec in (s for s in SPECS if s.notebook == name):
            check_explorer(page, spec)
    finally:
        helpers.shutdown_notebook_kernel(page, lab.url, name)
