"""Select policy milestones by years, period and theme."""

from __future__ import annotations

import pandas as pd

from ..inputs import InputError, whole_number


def milestones_in(df: pd.DataFrame, start, end, *, themes=None, periods=None) -> pd.DataFrame:
    """Milestones dated from `start` to `end` (years, possibly typed text), optionally only the
    given themes and periods, sorted by date. Bad years raise InputError."""
    lo, hi = int(df["year"].min()), int(df["year"].max())
    first = whole_number(start, name="From year", low=lo, high=hi)
    last = whole_number(end, name="To year", low=lo, high=hi)
    if first > last:
        raise InputError(f"From year ({first}) must not be after To year ({last}).")
    keep = df["year"].between(first, last)
    if themes is not None:
        keep &= df["theme"].isin(list(themes))
    if periods is not None:
        keep &= df["period"].isin(list(periods))
    return df[keep].sort_values("date").reset_index(drop=True)
