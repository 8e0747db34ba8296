"""Small helpers for lesson 06 (transition challenges): years named in a text, and a value
read with the qualifier its source used ('about 70 percent')."""

from __future__ import annotations

import re

import pandas as pd

#: How a qualifier from data/post2020_monitoring.csv is read aloud ('exact' adds nothing).
QUALIFIER_WORDS = {"exact": "", "about": "about", "nearly": "nearly", "more than": "more than", "at most": "at most"}


def years_in(text: str) -> list[int]:
    """The four-digit years (1900-2099) a text names, in order of first mention, without repeats.

    >>> years_in("important progress by 2020, basic modernisation by 2035, full revitalization by 2050")
    [2020, 2035, 2050]
    """
    found = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", str(text))
    return list(dict.fromkeys(int(y) for y in found))


def qualified(value: float, qualifier: str, unit: str) -> str:
    """A figure as its source stated it, e.g. qualified(70, 'about', 'percent') -> 'about 70 percent'.

    Unknown qualifiers raise ValueError, so a new wording in the data cannot be dropped silently.
    """
    if qualifier not in QUALIFIER_WORDS:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIER_WORDS)}")
    number = f"{value:,.3f}".rstrip("0").rstrip(".")
    return " ".join(part for part in (QUALIFIER_WORDS[qualifier], number, unit) if part)


def growth_pct(values: pd.Series) -> pd.Series:
    """Percent change from the previous value (first is NaN), rounded to one decimal."""
    values = pd.Series(values, dtype="float64")
    return (100 * (values / values.shift(1) - 1)).round(1)
