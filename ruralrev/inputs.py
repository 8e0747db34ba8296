"""Validate what a user types or picks in a widget; bad input raises InputError."""

from __future__ import annotations

from .errors import CourseError


class InputError(CourseError, ValueError):
    """A user's input is out of range or of the wrong kind; the message is one line for the widget
    (and, in a notebook cell, one line instead of a traceback)."""


def whole_number(text, *, name: str, low: int, high: int) -> int:
    """Parse `text` as a whole number between `low` and `high` (inclusive)."""
    if isinstance(text, bool):
        raise InputError(f"{name} must be a whole number from {low} to {high}.")
    if isinstance(text, int):
        value = text
    else:
        cleaned = str(text).strip()
        if not cleaned:
            raise InputError(f"{name} is empty: type a whole number from {low} to {high}.")
        try:
            value = int(cleaned)
        except ValueError:
            raise InputError(f"{name} must be a whole number from {low} to {high}; "
                             f"{cleaned[:20]!r} is not.") from None
    if not low <= value <= high:
        raise InputError(f"{name} must be from {low} to {high}; {_clip(str(value))} is outside that range.")
    return value


def one_of(value, options, *, name: str):
    """Check that `value` is one of `options` (a dropdown can be set from code to anything)."""
    options = list(options)
    if value not in options:
        shown = ", ".join(map(str, options[:6])) + (", ..." if len(options) > 6 else "")
        raise InputError(f"{name} must be one of: {shown}.")
    return value


def number(text, *, name: str, low: float, high: float) -> float:
    """Parse `text` as a number (a decimal point, no thousands separators) between `low` and `high`."""
    if isinstance(text, bool):
        raise InputError(f"{name} must be a number from {low:g} to {high:g}.")
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        cleaned = str(text).strip()
        if not cleaned:
            raise InputError(f"{name} is empty: type a number from {low:g} to {high:g}.")
        try:
            value = float(cleaned)
        except ValueError:
            raise InputError(f"{name} must be a number from {low:g} to {high:g}; {cleaned[:20]!r} is not.") from None
    if value != value or not low <= value <= high:  # NaN fails too
        raise InputError(f"{name} must be from {low:g} to {high:g}; {value:g} is outside that range.")
    return value


def _clip(text: str, n: int = 20) -> str:
    """`text` shortened to `n` characters for a message (a pasted number can be very long)."""
    return text if len(text) <= n else text[: n - 1] + "…"
