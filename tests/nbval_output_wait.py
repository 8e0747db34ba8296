"""A pytest plugin (loaded in pyproject.toml): how long nbval waits for a cell's outputs.

Once the kernel has replied that a cell ran, nbval reads the cell's outputs and waits at most
5 s for each message, a fixed value (nbval 0.11: IPyNbCell.output_timeout; not configurable, see
computationalmodelling/nbval issues 136 and 231). On a busy machine the kernel's output thread
can take longer: in CI the Python 3.12 pass runs at the lowest CPU share beside the main tests,
and there lesson 00's first cell failed after it had run, its outputs still on their way. The
outputs are compared in full as before; only the wait for them is longer.
"""

from __future__ import annotations

import pytest
from nbval.plugin import IPyNbCell

OUTPUT_WAIT_S = 120


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if isinstance(item, IPyNbCell):
            if not hasattr(item, "output_timeout"):
                raise pytest.UsageError("nbval's cells no longer have output_timeout: update tests/nbval_output_wait.py")
            item.output_timeout = OUTPUT_WAIT_S
