"""Growth paths of the urban-rural income ratio (lesson 07).

Lesson 07 first computes these by hand (a growth rate with pandas, a year-by-year loop, the two
formulas with numpy) and then reuses this module, which holds the same formulas in one place, with
their edge cases: a target already reached, a target never reached, rounding noise at a whole year.

If urban income grows by a constant rate g_urban a year and rural income by g_rural, the ratio is
multiplied by (1 + g_urban) / (1 + g_rural) every year, so after t years

    ratio_t = ratio_0 * ((1 + g_urban) / (1 + g_rural)) ** t

Rates are fractions (0.063 = 6.3 % a year). Every function is vectorised: ratios, rates, targets
and years may be NumPy arrays that broadcast against each other; scalars give a NumPy scalar.
Everything here is illustrative: real growth rates are not constant.
"""

from __future__ import annotations

import numpy as np

from ..inputs import InputError

__all__ = ["average_growth", "ratio_path", "years_to_target", "year_reached", "rural_growth_needed"]

# a fractional number of years this close to a whole number counts as that whole number
_EPS = 1e-9


def _check_rates(*rates) -> None:
    for g in rates:
        if np.any(np.asarray(g, dtype=float) <= -1):
            raise InputError("a growth rate must be above -1 (-100 %): incomes cannot fall to zero or below")


def _check_positive(name: str, x) -> None:
    if np.any(~(np.asarray(x, dtype=float) > 0)):
        raise InputError(f"{name} must be positive")


def average_growth(first, last, years):
    """Average annual (compound) growth from `first` to `last` over `years` years:
    (last / first) ** (1 / years) - 1, as a fraction."""
    _check_positive("first", first)
    _check_positive("last", last)
    _check_positive("years", years)
    first, last, years = (np.asarray(x, dtype=float) for x in (first, last, years))
    return ((last / first) ** (1 / years) - 1)[()]


def ratio_path(ratio0, g_urban, g_rural, t):
    """The ratio after `t` years of constant growth: ratio0 * ((1 + g_urban) / (1 + g_rural)) ** t."""
    _check_rates(g_urban, g_rural)
    _check_positive("ratio0", ratio0)
    factor = (1 + np.asarray(g_urban, dtype=float)) / (1 + np.asarray(g_rural, dtype=float))
    return (np.asarray(ratio0, dtype=float) * factor ** np.asarray(t, dtype=float))[()]


def years_to_target(ratio0, g_urban, g_rural, target):
    """Years until the ratio is at or below `target`:
    t = ln(target / ratio0) / ln((1 + g_urban) / (1 + g_rural)).

    0 where the ratio is already at or below the target; `inf` ("never") where it is above the
    target and rural growth does not exceed urban growth (the ratio then stays or rises).
    The result may be fractional: the target is passed during year ceil(t)."""
    _check_rates(g_urban, g_rural)
    _check_positive("ratio0", ratio0)
    _check_positive("target", target)
    ratio0, target = np.asarray(ratio0, dtype=float), np.asarray(target, dtype=float)
    log_factor = np.log1p(np.asarray(g_urban, dtype=float)) - np.log1p(np.asarray(g_rural, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.log(target / ratio0) / log_factor
    return np.where(ratio0 <= target, 0.0, np.where(log_factor < 0, t, np.inf))[()]


def year_reached(ratio0, g_urban, g_rural, target, base_year):
    """The first whole year in which the ratio is at or below `target`: base_year + ceil(t).
    A float, `inf` where the target is never reached."""
    t = years_to_target(ratio0, g_urban, g_rural, target)
    with np.errstate(invalid="ignore"):
        whole = np.where(np.isfinite(t), np.ceil(t - _EPS), np.inf)
    return (np.asarray(base_year, dtype=float) + np.maximum(whole, 0.0))[()]


def rural_growth_needed(ratio0, g_urban, target, years):
    """The constant rural growth rate (a fraction) that brings the ratio from `ratio0` to `target`
    in `years` years, given urban growth: (1 + g_urban) * (ratio0 / target) ** (1 / years) - 1."""
    _check_rates(g_urban)
    _check_positive("ratio0", ratio0)
    _check_positive("target", target)
    _check_positive("years", years)
    ratio0, target, years = (np.asarray(x, dtype=float) for x in (ratio0, target, years))
    return ((1 + np.asarray(g_urban, dtype=float)) * (ratio0 / target) ** (1 / years) - 1)[()]
