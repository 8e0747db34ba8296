"""Helpers for the course 'From poverty alleviation to rural revitalization'.

Modules: data (load checked tables, cite sources), inputs (validate what a user types),
explorer (controls that redraw a lesson's own figure), quiz (self-checks), exercises
(checks of students' answers), measures (the few models the lessons build by hand).
"""

from .errors import debug

__version__ = "0.1.0"
__all__ = ["debug"]
