"""Every explorer of the course, for the reliability sweep and the benchmark.

`explorer_sweeps()` yields (name, factory, {control: values to step through} or None). Lessons 00-03
build their explorers in the notebook (a cell tagged `explorer`): the factory runs that cell
again in the lesson's namespace (see `tests/lessons.py`), so each call gives a fresh explorer, and
its typed boxes are swept over their range (`typed_values`, None here). Dropdowns and sliders are
swept over their options; the older explorers' typed boxes get the values listed here.
"""

from __future__ import annotations

import nbformat

from lessons import namespace, notebook

LESSONS = ("00", "01", "02", "03", "04", "05", "06", "07", "08")


def new_pattern(lesson: str) -> bool:
    """True when the lesson builds its explorers in the notebook with `ruralrev.explorer`."""
    nb = nbformat.read(notebook(lesson), as_version=4)
    return any("from ruralrev.explorer import" in c.source for c in nb.cells if c.cell_type == "code")


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


def explorer_sweeps():
    """(name, factory, sweeps) for every explorer of lessons 00-07."""
    for lesson in LESSONS:
        if new_pattern(lesson):
            for name, factory in lesson_explorers(lesson):
                yield name, factory, None
        elif lesson in _LEGACY:
            yield _LEGACY[lesson]()


def _legacy_04():
    from ruralrev.widgets.lines import LinesExplorer
    return "04 LinesExplorer", LinesExplorer, {"start": _years(1981, 2005), "end": _years(2019, 2008)}


def _legacy_05():
    from ruralrev.widgets.relative import RelativeLineExplorer
    return "05 RelativeLineExplorer", RelativeLineExplorer, {"fixed": [str(v) for v in range(30, 70, 2)]}


def _legacy_06():
    from ruralrev.widgets.simulation import SimulationExplorer
    return "06 SimulationExplorer", SimulationExplorer, {"households": [str(n) for n in range(5000, 105000, 5000)],
                                                         "seed": [str(n) for n in range(20)]}


def _legacy_07():
    from ruralrev.widgets.growth import GrowthExplorer
    return "07 GrowthExplorer", GrowthExplorer, {
        "urban": [f"{x / 4:.2f}" for x in range(8, 28)], "rural": [f"{x / 4:.2f}" for x in range(16, 36)],
        "target": [f"{1.5 + x / 20:.2f}" for x in range(20)], "year": [str(y) for y in range(2030, 2070, 2)]}


#: explorers of lessons not yet in the pattern (deleted as each lesson moves)
_LEGACY = {"04": _legacy_04, "05": _legacy_05, "06": _legacy_06, "07": _legacy_07}
