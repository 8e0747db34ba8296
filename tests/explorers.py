"""Every explorer of the course, for the reliability sweep and the benchmarks.

Each lesson builds its explorers in the notebook, in a cell tagged `explorer`. `explorers()`
yields (name, factory) for each: the factory runs that cell again in the lesson's namespace (see
`tests/lessons.py`), so each call gives a fresh explorer. `typed_values(ex)` gives valid text for
its typed boxes, spread over their range.
"""

from __future__ import annotations

import nbformat

from lessons import namespace, notebook

LESSONS = ("00", "01", "02", "03", "04", "05", "06", "07", "08")


def _years(first, last, n=20):
    return [str(first + round(i * (last - first) / (n - 1))) for i in range(n)]


def lesson_explorers(lesson: str):
    """(name, factory) for each explorer cell of the lesson (tag `explorer`), in order."""
    nb = nbformat.read(notebook(lesson), as_version=4)
    for cell in nb.cells:
        if "explorer" in cell.get("metadata", {}).get("tags", []):
            name = cell.source.split("=", 1)[0].strip()

            def factory(source=cell.source, name=name):
                ns = dict(namespace(lesson))
                exec(compile(source, notebook(lesson).name, "exec"), ns)
                return ns[name]

            yield f"{lesson} {name}", factory


def typed_values(ex) -> dict:
    """Valid text for each typed box: 20 values spread over its range."""
    out = {}
    for name, spec in ex.specs.items():
        if getattr(spec, "typed", False):
            low, high = spec.low, spec.high
            out[name] = _years(low, high) if isinstance(low, int) else [f"{low + i * (high - low) / 19:g}" for i in range(20)]
    return out


def explorers():
    """(name, factory) for every explorer of the course, lesson by lesson."""
    for lesson in LESSONS:
        yield from lesson_explorers(lesson)
