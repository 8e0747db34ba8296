"""Checks of students' exercise answers, with feedback that helps without giving the answer away.

`check("00.1", answer)` looks up exercise 00.1 in `lessonNN.py` beside this file. Each exercise is
a function, registered with `@exercise("NN.k")`, that computes the expected answer from `data/`
when the check runs (so no answer is written in a notebook) and returns one of four checks:

- `number(expected, tol=..., mistakes=...)`: a single number;
- `table(expected, ...)`: a DataFrame with given columns and rows;
- `figure(...)`: an Axes (or a seaborn grid, or a Figure) with the expected data and labels;
- `text(...)`: a short written interpretation (length and the points it should touch).

`mistakes` are typical wrong answers, each with its own message.
"""

from __future__ import annotations

import importlib
import math
import numbers
import pkgutil
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import CourseError
from ..text import number as _show

_REGISTRY: dict[str, Callable] = {}


class ExerciseError(CourseError, LookupError):
    """An unknown exercise id (shown as one line)."""


class Feedback(str):
    """The feedback line; shows without quotes. `.ok` is True for a right answer."""

    ok: bool

    def __new__(cls, text: str, ok: bool):
        self = super().__new__(cls, text)
        self.ok = ok
        return self

    def __repr__(self) -> str:
        return str(self)


def exercise(eid: str):
    """Register the decorated function as the expected answer of exercise `eid`."""
    def register(fn):
        _REGISTRY[eid] = fn
        return fn
    return register


def _load_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


def ids() -> list[str]:
    """Every exercise id, in order."""
    _load_all()
    return sorted(_REGISTRY)


def check(eid: str, answer) -> Feedback:
    """Check `answer` to exercise `eid` ('02.1' = lesson 02, exercise 1); returns the feedback."""
    if eid not in ids():
        raise ExerciseError(f"there is no exercise {eid!r}; ids look like '02.1' (lesson 02, exercise 1).")
    ok, text = _REGISTRY[eid]().judge(answer)
    return Feedback(("Correct. " if ok else "Not yet. ") + text, ok)


# -- numbers ---------------------------------------------------------------------------------
@dataclass
class number:
    """A single number, right within `tol`; `mistakes` are (value, message) pairs; `year=True`
    writes it without a thousands separator."""

    expected: float
    tol: float = 0.005
    mistakes: Sequence[tuple[float, str]] = ()
    unit: str = ""
    year: bool = False

    def judge(self, answer):
        value, problem = _as_number(answer)
        if problem:
            return False, problem
        if math.isclose(value, self.expected, abs_tol=self.tol):
            return True, f"{_show(self.expected, thousands=not self.year)} {self.unit}".strip() + "."
        for wrong, message in self.mistakes:
            if math.isclose(value, wrong, abs_tol=self.tol):
                return False, message
        side = "higher" if value > self.expected else "lower"
        return False, f"Your answer ({_show(value, thousands=not self.year)}) is {side} than the right value. Check the filter and the column."


def _as_number(answer) -> tuple[float, str]:
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray)):
        if answer.size == 1:
            return float(np.asarray(answer).ravel()[0]), ""
        return math.nan, (f"Your answer holds {answer.size} values; give one number "
                          "(filter down to one row, then take the value with .item() or .iloc[0]).")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        kind = "text" if isinstance(answer, str) else type(answer).__name__
        return math.nan, f"Give a number, not {kind} (for example 3.5, without quotes)."
    if math.isnan(answer):
        return math.nan, "Your answer is NaN (not a number): the filter probably matched no row."
    return float(answer), ""


# -- tables ----------------------------------------------------------------------------------
@dataclass
class table:
    """A DataFrame with `expected`'s columns and rows. `ordered`: rows in the same order;
    `mistakes`: (predicate on the answer, message) pairs, tried before the generic feedback."""

    expected: pd.DataFrame
    ordered: bool = False
    tol: float = 0.005
    mistakes: Sequence[tuple[Callable[[pd.DataFrame], bool], str]] = ()

    def judge(self, answer):
        if isinstance(answer, pd.Series):
            answer = answer.reset_index()
        if not isinstance(answer, pd.DataFrame):
            return False, f"Give a table (a pandas DataFrame), not {type(answer).__name__}."
        got = answer.reset_index() if _named_index(answer) else answer
        for predicate, message in self.mistakes:
            try:
                if predicate(got):
                    return False, message
            except Exception:  # a predicate that does not apply to this answer
                continue
        missing = [c for c in self.expected.columns if c not in got.columns]
        if missing:
            return False, f"Your table has no column {', '.join(map(repr, missing))}."
        got = got[list(self.expected.columns)]
        if len(got) != len(self.expected):
            more = "fewer" if len(got) > len(self.expected) else "more"
            return False, f"Your table has {len(got)} rows; it should have {more}. Check your filter."
        a, b = got.reset_index(drop=True), self.expected.reset_index(drop=True)
        if not self.ordered:
            a, b = _sorted(a), _sorted(b)
        for col in b.columns:
            if not _same(a[col], b[col], self.tol):
                if self.ordered and _same(_sorted(a)[col], _sorted(b)[col], self.tol):
                    return False, "The rows are right but not in the asked order: check sort_values."
                return False, f"The column {col!r} has values that differ from the expected ones."
        return True, f"{len(b)} rows, columns {', '.join(b.columns)}."


def _named_index(df: pd.DataFrame) -> bool:
    return any(name is not None for name in df.index.names)


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(list(df.columns), kind="stable").reset_index(drop=True)


def _same(a: pd.Series, b: pd.Series, tol: float) -> bool:
    if pd.api.types.is_numeric_dtype(b) and pd.api.types.is_numeric_dtype(a):
        return bool(np.allclose(a.to_numpy(float), b.to_numpy(float), atol=tol, equal_nan=True))
    return a.astype(str).tolist() == b.astype(str).tolist()


# -- figures ---------------------------------------------------------------------------------
@dataclass
class figure:
    """An Axes with the expected data and labels.

    `series`: {name: (xs, ys)}: every series must be drawn (as a line, points or bars), each
    point within `tol`; `separate`: groups of series that must not be joined by one line (a
    survey break, a change of standard); `xlabel`/`ylabel`: words the axis labels must contain;
    `legend`: whether a legend must name the series.
    """

    series: dict[str, tuple[Sequence[float], Sequence[float]]]
    xlabel: Sequence[str] = ()
    ylabel: Sequence[str] = ()
    legend: bool = False
    tol: float = 0.01
    separate: bool = True
    extra: Sequence[tuple[Callable, str]] = field(default_factory=tuple)

    def judge(self, answer):
        ax, problem = _as_axes(answer)
        if problem:
            return False, problem
        drawn = _drawn(ax)
        if not drawn:
            return False, "Your axes are empty: draw on the axes you pass, e.g. sns.lineplot(..., ax=ax)."
        points = np.concatenate([xy for _, xy in drawn]) if drawn else np.empty((0, 2))
        for name, (xs, ys) in self.series.items():
            want = np.column_stack([np.asarray(xs, float), np.asarray(ys, float)])
            hits = [_has(points, p, self.tol) for p in want]
            if not all(hits):
                share = sum(hits) / len(hits)
                return False, (f"The series {name!r} is not all there ({share:.0%} of its points found). "
                               "Check the filter, the column on the y-axis and its unit.")
        if self.separate and len(self.series) > 1:
            sets = [{(round(x, 6), round(y, 6)) for x, y in zip(xs, ys)} for xs, ys in self.series.values()]
            for kind, xy in drawn:
                if kind != "line":
                    continue
                pts = {(round(x, 6), round(y, 6)) for x, y in xy}
                if sum(bool(pts & s) for s in sets) > 1:
                    return False, ("One line joins points of two different series: draw each series "
                                   "separately (hue= or units=), so no line crosses a break.")
        for words, axis in ((self.xlabel, ax.get_xlabel()), (self.ylabel, ax.get_ylabel())):
            lost = [word for word in words if word.lower() not in axis.lower()]
            if lost:
                which = "x" if words is self.xlabel else "y"
                return False, (f"Label the {which}-axis so a reader knows what it shows and in which unit "
                               f"(ax.set({which}label=...)); it should mention {', '.join(map(repr, lost))}.")
        if self.legend:
            if ax.get_legend() is None and not ax.figure.legends:
                return False, "Add a legend (hue= gives one) so a reader can tell the series apart."
        for predicate, message in self.extra:
            if not predicate(ax):
                return False, message
        return True, "The figure shows the expected data, with labelled axes."


def _as_axes(answer):
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        return answer, ""
    if isinstance(answer, Figure):
        return (answer.axes[0], "") if answer.axes else (None, "Your figure has no axes.")
    ax = getattr(answer, "ax", None)  # seaborn FacetGrid / JointGrid
    if ax is not None:
        return ax, ""
    axes = getattr(answer, "axes", None)
    if axes is not None and np.size(axes):
        return np.ravel(axes)[0], ""
    return None, ("Give the axes of your figure: seaborn returns them, e.g. ax = sns.lineplot(...), "
                  "then check(..., ax).")


def _drawn(ax) -> list[tuple[str, np.ndarray]]:
    """Every drawn series on `ax` as (kind, points): lines, scatter points, bar tops."""
    out = []
    for line in ax.get_lines():
        xy = np.column_stack([np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)])
        xy = xy[~np.isnan(xy).any(axis=1)]
        if len(xy):
            joined = line.get_linestyle() not in ("None", "none", "", " ") and len(xy) > 1
            out.append(("line" if joined else "points", xy))
    for coll in ax.collections:
        offsets = np.asarray(coll.get_offsets(), float)
        if offsets.ndim == 2 and len(offsets):
            out.append(("points", offsets[~np.isnan(offsets).any(axis=1)]))
    bars = [p for p in ax.patches if hasattr(p, "get_height") and p.get_height() == p.get_height()]
    if bars:
        # a vertical bar's point is (centre, top); a horizontal bar's is (right end, centre)
        xy = [pt for b in bars for pt in ((b.get_x() + b.get_width() / 2, b.get_y() + b.get_height()),
                                          (b.get_x() + b.get_width(), b.get_y() + b.get_height() / 2))]
        out.append(("bars", np.asarray(xy, float)))
    return out


def _has(points: np.ndarray, p: np.ndarray, tol: float) -> bool:
    if not len(points):
        return False
    scale = np.maximum(1.0, np.abs(p))
    return bool((np.abs(points - p) <= tol * scale).all(axis=1).any())


# -- written answers -------------------------------------------------------------------------
@dataclass
class text:
    """A short written interpretation: between `words` (low, high) words, touching each point.

    `points`: (alternatives, message) pairs: the answer should contain one of the alternatives
    (case-insensitive; regular expressions allowed), else the message says what is missing.
    A passing answer is not graded: the feedback asks the student to compare with the solution.
    """

    points: Sequence[tuple[Sequence[str], str]] = ()
    words: tuple[int, int] = (20, 150)

    def judge(self, answer):
        if not isinstance(answer, str):
            return False, "Write your answer as text between quotes: answer = \"...\"."
        n = len(re.findall(r"\w+", answer))
        low, high = self.words
        if n < low:
            return False, f"Your answer has {n} words; write at least {low}, in two or three full sentences."
        if n > high:
            return False, f"Your answer has {n} words; keep it under {high}: say the main point first."
        for alternatives, message in self.points:
            if not any(re.search(a, answer, re.IGNORECASE) for a in alternatives):
                return False, message
        return True, ("Your answer touches the main points. Compare it with the model answer in the "
                      "solution, and check that every claim rests on a number you computed.")
