"""Helpers for the course 'From poverty alleviation to rural revitalization'.

Modules: data (load checked tables), measures (pure computations), plots
(figure functions and theme), widgets (explorers), quiz (self-checks),
inputs (validation of what a user types).
"""

__version__ = "0.1.0"
