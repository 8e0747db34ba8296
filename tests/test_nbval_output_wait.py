"""nbval waits OUTPUT_WAIT_S, not its fixed 5 s, for each output of a cell (tests/nbval_output_wait.py)."""

import nbformat
from nbval.plugin import IPyNbCell
from nbval_output_wait import OUTPUT_WAIT_S


def _collected(pytester, *plugins: str) -> list:
    """The items nbval collects from a two-cell notebook, with `plugins` loaded."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1"), nbformat.v4.new_code_cell("2")])
    nbformat.write(notebook, pytester.path / "tiny.ipynb")
    loads = [arg for plugin in plugins for arg in ("-p", plugin)]
    run = pytester.inline_run("--collect-only", "--nbval", "-p", "no:cacheprovider", *loads)
    return run.getcalls("pytest_collection_finish")[0].session.items


def test_every_notebook_cell_waits_longer_for_its_outputs(pytester):
    items = _collected(pytester, "nbval_output_wait")
    assert [type(item) for item in items] == [IPyNbCell, IPyNbCell]
    assert OUTPUT_WAIT_S > 5
    assert [item.output_timeout for item in items] == [OUTPUT_WAIT_S] * 2


def test_without_the_plugin_nbval_waits_5_s(pytester):
    """The plugin is what changes the wait: nbval's own value is still 5 s."""
    assert [item.output_timeout for item in _collected(pytester)] == [5, 5]
