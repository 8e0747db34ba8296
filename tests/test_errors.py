"""Course errors show as one line in a notebook; the debug switch shows the full traceback."""

import pytest
from IPython import get_ipython
from IPython.testing.globalipapp import start_ipython

import ruralrev

CELL = "from ruralrev.inputs import InputError\ndef f():\n    raise InputError('From year is empty.')\nf()"


@pytest.fixture
def shell(capsys):
    yield start_ipython() or get_ipython()
    ruralrev.debug(False)


def _run(shell, capsys):
    shell.run_cell(CELL)
    return capsys.readouterr().out


def test_a_course_error_is_one_line(shell, capsys):
    assert _run(shell, capsys) == "InputError: From year is empty.\n"


def test_the_debug_switch_shows_the_traceback(shell, capsys):
    ruralrev.debug(True)
    out = _run(shell, capsys)
    assert "Traceback" in out and "----> 4 f()" in out and out.rstrip().endswith("InputError: From year is empty.")
    ruralrev.debug(False)
    assert _run(shell, capsys) == "InputError: From year is empty.\n"


@pytest.mark.parametrize("value, on", [("1", True), ("0", False), ("", False)])
def test_the_environment_variable_sets_the_switch(value, on):
    import os
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "from ruralrev.errors import debugging; print(debugging())"],
                         env=os.environ | {"RURALREV_DEBUG": value}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(on)
