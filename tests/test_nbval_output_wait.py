"""nbval waits OUTPUT_WAIT_S, not its fixed 5 s, for each output of a cell (tests/nbval_output_wait.py)."""

import nbformat
from nbval.plugin import IPyNbCell
from nbval_output_wait import OUTPUT_WAIT_S


def test_every_notebook_cell_waits_longer_for_its_outputs(pytester):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1"), nbformat.v4.new_code_cell("2")])
    nbformat.write(notebook, pytester.path / "tiny.ipynb")
    run = pytester.inline_run("--collect-only", "--nbval", "-p", "nbval_output_wait", "-p", "no:cacheprovider")
    items = run.getcalls("pytest_collection_finish")[0].session.items
    assert [type(item) for item in items] == [IPyNbCell, IPyNbCell]
    assert OUTPUT_WAIT_S > 5
    assert [item.output_timeout for item in items] == [OUTPUT_WAIT_S] * 2


def test_without_the_plugin_nbval_waits_5_s(pytester):
    """The plugin is what changes the wait: nbval's own value is still 5 s."""
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), pytester.path / "tiny.ipynb")
    run = pytester.inline_run("--collect-only", "--nbval", "-p", "no:cacheprovider")
    assert [item.output_timeout for item in run.getcalls("pytest_collection_finish")[0].session.items] == [5]
