"""Course errors show as one line in a notebook; the debug switch shows the full traceback."""

import re

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

import ruralrev

CELL = "from ruralrev.inputs import InputError\ndef f():\n    raise InputError('From year is empty.')\nf()"


@pytest.fixture
def run():
    def run_cell() -> str:
        with capture_output() as shown:
            InteractiveShell.instance().run_cell(CELL)
        return shown.stdout

    yield run_cell
    ruralrev.debug(False)


def test_a_course_error_is_one_line(run):
    assert run() == "InputError: From year is empty.\n"


def test_the_debug_switch_shows_the_traceback(run):
    ruralrev.debug(True)
    out = re.sub(r"\x1b\[[0-9;]*m", "", run())  # without the terminal colours
    assert "Traceback" in out and "----> 4 f()" in out and out.rstrip().endswith("InputError: From year is empty.")
    ruralrev.debug(False)
    assert run() == "InputError: From year is empty.\n"


@pytest.mark.parametrize("value, on", [("1", True), ("0", False), ("", False)])
def test_the_environment_variable_sets_the_switch(value, on):
    import os
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "from ruralrev.errors import debugging; print(debugging())"],
                         env=os.environ | {"RURALREV_DEBUG": value}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(on)
