"""The course's own errors: their message is the whole story, so a notebook shows one line.

`debug(True)` (or the environment variable RURALREV_DEBUG=1) shows the full traceback instead,
for whoever is tracking down a problem.
"""

import os

_debug = os.environ.get("RURALREV_DEBUG", "") not in ("", "0")


def debug(on: bool = True) -> None:
    """Show full tracebacks for course errors (on) or one line (off, the default)."""
    global _debug
    _debug = bool(on)


def debugging() -> bool:
    """Whether full tracebacks are shown."""
    return _debug


class CourseError(Exception):
    """Base of the course's errors: shown in a notebook as one line, not a traceback."""

    def _render_traceback_(self):  # IPython calls this instead of printing a traceback
        if _debug:
            from IPython import get_ipython

            return get_ipython().InteractiveTB.structured_traceback(type(self), self, self.__traceback__)
        return [f"{self.__class__.__name__}: {self}"]
