"""The vocabulary of browser specs: an explorer, the summary expected after Run All, and steps.

Each lesson's spec lives in `tests/browser/lesson_NN.py` (a list `SPECS`); lessons 04-07 are still
in `test_explorers_in_browser.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Text = str | Callable[[], str]


@dataclass(frozen=True)
class Step:
    control: str                      # the control's description label, e.g. "From year"
    kind: str                         # 'select' | 'type' | 'slider' | 'click'
    value: Text = ""                  # option label / text to type / slider readout (unused for click)
    summary: Callable[[], str] | None = None   # expected summary afterwards; None for a bad input

    @property
    def bad(self) -> bool:
        return self.summary is None


def bad(control: str, value: str, kind: str = "type") -> Step:
    """An invalid input: shows a message naming `control`; summary and figure stay."""
    return Step(control, kind, value, None)


@dataclass(frozen=True)
class ExplorerSpec:
    id: str
    notebook: str                     # file name in notebooks/
    index: int                        # which `.ruralrev-explorer` on the page, 0 = first
    initial: Callable[[], str]        # expected summary after Run All Cells
    steps: tuple[Step, ...] = field(default_factory=tuple)


