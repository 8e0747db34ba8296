"""Lesson 06: the ILLUSTRATIVE return-to-poverty simulation (`ruralrev.measures.simulation`), the one model
the lesson imports. The lesson draws it itself; tests/test_lesson06_explorer.py drives that drawing."""

import numpy as np
import pandas as pd
import pytest

from ruralrev.inputs import InputError
from ruralrev.measures.simulation import DEFAULTS, LIMITS, check_assumptions, simulate, simulate_paths

COLUMNS = ["year", "below_without_pct", "below_with_pct", "fell_back_without_pct", "fell_back_with_pct",
           "monitored_pct"]
SMALL = {"households": 5_000}


# -- measure ------------------------------------------------------------------------------------

def test_result_shape_columns_and_assumptions():
    r = simulate(**SMALL, years=7)
    assert list(r.columns) == COLUMNS and r["year"].tolist() == list(range(8))
    assert r.attrs["assumptions"] == {**DEFAULTS, **SMALL, "years": 7}
    assert r.attrs["illustrative"] is True
    shares = r[COLUMNS[1:]].to_numpy()
    assert ((shares >= 0) & (shares <= 100)).all()
    first = r.iloc[0]
    assert first["below_without_pct"] == first["below_with_pct"] > 0  # some start below the line
    assert first["fell_back_without_pct"] == first["fell_back_with_pct"] == first["monitored_pct"] == 0
    assert r.attrs["started_above_pct"] == pytest.approx(100 - first["below_without_pct"])


def test_determinism_for_a_fixed_seed_and_change_with_the_seed():
    a, b = simulate(**SMALL, seed=7), simulate(**SMALL, seed=7)
    pd.testing.assert_frame_equal(a, b)
    c = simulate(**SMALL, seed=8)
    assert not np.allclose(a[COLUMNS[1:]].to_numpy(), c[COLUMNS[1:]].to_numpy())


def test_start_is_the_stated_log_normal_and_year_one_monitoring_uses_year_zero_income():
    """The documented algorithm, recomputed independently: draws come from default_rng(seed)."""
    n, seed = 4_000, 11
    z = np.random.default_rng(seed).standard_normal(n)
    start = 2.0 * np.exp(0.4 * z)
    r = simulate(households=n, seed=seed, median=2.0, spread=0.4, threshold=1.7)
    assert r["below_without_pct"].iloc[0] == pytest.approx(100 * (start < 1).mean())
    assert r["monitored_pct"].iloc[1] == pytest.approx(100 * (start < 1.7).mean())
    paths = simulate_paths(households=n, seed=seed, median=2.0, spread=0.4)
    np.testing.assert_allclose(paths["market"][0], start)
    assert np.median(paths["market"][0]) == pytest.approx(2.0, rel=0.05)


def test_no_shocks_and_positive_growth_means_no_one_falls_back():
    r = simulate(**SMALL, shock_prob_pct=0, growth_pct=2, years=15)
    assert (r["fell_back_without_pct"] == 0).all() and (r["fell_back_with_pct"] == 0).all()
    assert r["below_without_pct"].is_monotonic_decreasing
    # with shocks switched back on, some do fall back (so the test above can fail)
    assert simulate(**SMALL, growth_pct=2, years=15)["fell_back_without_pct"].iloc[-1] > 0


def test_support_covering_any_gap_keeps_monitored_households_above_the_line():
    kw = {**SMALL, "support_pct": 100, "shock_prob_pct": 30, "shock_size_pct": 60, "years": 12}
    paths = simulate_paths(**kw)
    monitored, with_support = paths["monitored"][1:], paths["with_support"][1:]
    assert monitored.any()
    assert not (monitored & (with_support < 1)).any()  # support >= line >= any gap
    assert (paths["market"][1:][monitored] < 1).any()  # ... although some would be below without it
    # support smaller than some gaps: some monitored households stay below
    small = simulate_paths(**{**kw, "support_pct": 20})
    assert (small["monitored"][1:] & (small["with_support"][1:] < 1)).any()


def test_support_is_paid_exactly_to_monitored_households():
    paths = simulate_paths(**SMALL, support_pct=25, years=5)
    gap = paths["with_support"] - paths["market"]
    np.testing.assert_allclose(gap, 0.25 * paths["monitored"])
    # monitoring is judged on last year's income before support
    np.testing.assert_array_equal(paths["monitored"][1:], paths["market"][:-1] < DEFAULTS["threshold"])


def test_a_wide_net_with_full_support_stops_all_falls():
    r = simulate(**SMALL, threshold=5, support_pct=100, shock_size_pct=50)
    assert (r["below_with_pct"].iloc[1:] == 0).all() and (r["fell_back_with_pct"] == 0).all()
    assert r["fell_back_without_pct"].iloc[-1] > 0


@pytest.mark.parametrize("setting", [{"support_pct": 0}, {"threshold": 0}])
def test_without_support_or_monitoring_the_two_scenarios_coincide(setting):
    r = simulate(**SMALL, **setting)
    assert r["below_with_pct"].tolist() == r["below_without_pct"].tolist()
    assert r["fell_back_with_pct"].tolist() == r["fell_back_without_pct"].tolist()


def test_monotone_in_shock_size():
    sizes = [0, 10, 20, 30, 40, 60]
    runs = [simulate(**SMALL, shock_size_pct=s) for s in sizes]
    for col in ["below_without_pct", "fell_back_without_pct"]:  # pointwise by construction
        for a, b in zip(runs, runs[1:]):
            assert (b[col].to_numpy() >= a[col].to_numpy()).all(), col
    for col in ["below_with_pct", "fell_back_with_pct"]:  # checked on this grid and seed
        last = [r[col].iloc[-1] for r in runs]
        assert last == sorted(last) and last[-1] > last[0], col


def test_more_monitoring_protects_more_and_costs_more():
    runs = [simulate(**SMALL, threshold=t) for t in (1.0, 1.25, 1.5)]
    fell = [r["fell_back_with_pct"].iloc[-1] for r in runs]
    monitored = [r["monitored_pct"].iloc[1:].mean() for r in runs]
    assert fell[0] > fell[1] > fell[2] and monitored[0] < monitored[1] < monitored[2]


def test_scale_of_one_hundred_thousand_households():
    """Correctness at full scale (not a timing test)."""
    r = simulate(households=100_000)
    assert r.attrs["assumptions"]["households"] == 100_000
    small = simulate(households=20_000)
    # the same model at another size: the shares agree to within sampling noise
    assert r["below_without_pct"].iloc[-1] == pytest.approx(small["below_without_pct"].iloc[-1], abs=1.0)
    assert r["fell_back_with_pct"].iloc[-1] < r["fell_back_without_pct"].iloc[-1]


@pytest.mark.parametrize("name, value, fragment", [
    ("households", 0, "Households must be from 1 to 1000000"),
    ("households", "many", "Households must be a whole number"),
    ("households", 2.5, "Households must be a whole number"),
    ("median", -1, "Median income (× line) must be from 0.2 to 5"),
    ("spread", "wide", "Spread (sd of log income) must be a number"),
    ("growth_pct", 50, "Growth (% a year) must be from -20 to 20"),
    ("shock_prob_pct", 101, "Shock chance (% a year) must be from 0 to 100"),
    ("shock_size_pct", float("nan"), "Shock size (% of income) must be from 0 to 100"),
    ("threshold", "", "Monitor below (× line) is empty"),
    ("support_pct", True, "Support (% of line) must be a number"),
    ("years", 0, "Years must be from 1 to 50"),
    ("seed", -1, "Seed must be from 0"),
])
def test_input_validation_gives_one_line_messages(name, value, fragment):
    with pytest.raises(InputError) as info:
        simulate(**{**SMALL, name: value})
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_unknown_assumption_and_typed_text():
    with pytest.raises(InputError, match="Unknown assumption 'shocks'"):
        simulate(shocks=3)
    assert check_assumptions(households="300", growth_pct=" 2.5 ")["growth_pct"] == 2.5
    assert set(LIMITS) == set(DEFAULTS)


@pytest.mark.parametrize("growth, shock", [(5, 30), (3, 40), (0, 50), (8, 20)])
def test_above_one_over_growth_times_what_a_shock_leaves_a_wider_net_changes_nothing(growth, shock):
    """The lesson's derivation: a household left out of monitoring had at least t x the line last year and
    has at least t x (1 + g) x (1 - s) this year, so above t = 1 / ((1 + g)(1 - s)) exactly the same
    households end up below the line with the rule, and only the monitored share grows."""
    bound = 1 / ((1 + growth / 100) * (1 - shock / 100))
    kw = {**SMALL, "growth_pct": growth, "shock_size_pct": shock, "years": 8}
    above = [simulate(**kw, threshold=bound + d) for d in (0.001, 0.3, 1.0)]
    for r in above[1:]:
        assert r["below_with_pct"].tolist() == above[0]["below_with_pct"].tolist()
        assert r["fell_back_with_pct"].tolist() == above[0]["fell_back_with_pct"].tolist()
    assert above[0]["monitored_pct"].iloc[1] < above[1]["monitored_pct"].iloc[1] < above[2]["monitored_pct"].iloc[1]
    # just below the bound a household can still fall through the net, so the result differs
    below = simulate(**kw, threshold=max(bound - 0.3, 0.0))
    assert below["fell_back_with_pct"].iloc[-1] > above[0]["fell_back_with_pct"].iloc[-1]


def test_the_default_threshold_copies_the_2020_range_and_lies_above_the_bound():
    assert DEFAULTS["threshold"] == 1.5
    bound = 1 / ((1 + DEFAULTS["growth_pct"] / 100) * (1 - DEFAULTS["shock_size_pct"] / 100))
    assert round(bound, 2) == 1.36 and DEFAULTS["threshold"] > bound
