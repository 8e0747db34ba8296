"""Pure, vectorised computations used by the lessons and explorers (no widgets, no plotting)."""

from __future__ import annotations

import numpy as np

def change_summary(years, values) -> dict:
    """First and last observation, absolute change and average change per year."""
    years, values = np.asarray(years, dtype=float), np.asarray(values, dtype=float)
    if years.size == 0:
        raise ValueError("change_summary needs at least one observation")
    span = years[-1] - years[0]
    change = values[-1] - values[0]
    return {
        "first_year": int(years[0]), "last_year": int(years[-1]),
        "first": float(values[0]), "last": float(values[-1]), "n": int(years.size),
        "change": float(change),
        "change_per_year": float(change / span) if span else float("nan"),
    }
