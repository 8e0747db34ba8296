"""Lesson 06: the ILLUSTRATIVE return-to-poverty simulation, in three layers (measure, plot, explorer)."""

import numpy as np
import pandas as pd
import pytest

from ruralrev.inputs import InputError
from ruralrev.measures.simulation import DEFAULTS, LABELS, LIMITS, check_assumptions, simulate, simulate_paths
from ruralrev.plots.simulation import plot_simulation
from ruralrev.widgets.simulation import SimulationExplorer
from conftest import assert_rejected

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
    assert set(LABELS) == set(LIMITS) == set(DEFAULTS)


# -- plot ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("measure, without, with_rule, ylabel", [
    ("fell_back", "fell_back_without_pct", "fell_back_with_pct", "% who started above the line"),
    ("below", "below_without_pct", "below_with_pct", "% of all households"),
])
def test_plot_draws_two_distinct_series_with_labels_and_limits(measure, without, with_rule, ylabel):
    r = simulate(**SMALL, years=6)
    ax = plot_simulation(r, measure=measure)
    lines = ax.get_lines()
    assert len(lines) == 2
    assert list(lines[0].get_xdata()) == list(range(7))
    np.testing.assert_allclose(lines[0].get_ydata(), r[without])
    np.testing.assert_allclose(lines[1].get_ydata(), r[with_rule])
    assert lines[0].get_marker() != lines[1].get_marker()
    assert lines[0].get_linestyle() != lines[1].get_linestyle()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "without the support rule", "with the support rule (monitor below 1.5 x line, support 30% of line)"]
    assert ax.get_title().startswith("ILLUSTRATIVE") and ax.get_ylabel() == ylabel
    assert ax.get_xlabel() == "Years after the start"
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] >= r[[without, with_rule]].to_numpy().max()
    assert ax.get_xlim()[0] < 0 < 6 < ax.get_xlim()[1]
    assert any("Not calibrated" in t.get_text() for t in ax.texts)


def test_plot_rejects_an_unknown_measure_and_uses_given_axes():
    import matplotlib.pyplot as plt

    r = simulate(**SMALL, years=2)
    with pytest.raises(ValueError, match="measure must be one of"):
        plot_simulation(r, measure="poverty")
    _, ax = plt.subplots()
    assert plot_simulation(r, ax=ax) is ax


# -- explorer -----------------------------------------------------------------------------------

def summary_text(ex):
    return ex.summary.value.removeprefix('<p class="ruralrev-summary">').removesuffix("</p>").replace("&#x27;", "'")


def test_explorer_defaults_and_summary():
    ex = SimulationExplorer()
    assert ex.result.attrs["assumptions"] == DEFAULTS
    assert DEFAULTS["households"] == 20_000
    last = simulate().iloc[-1]
    assert summary_text(ex) == (
        "ILLUSTRATIVE simulation, not calibrated to China's data (20,000 households, seed 2021): in year 10, "
        f"{last['fell_back_without_pct']:.1f}% of the households that started above the line are below it without "
        f"the support rule and {last['fell_back_with_pct']:.1f}% with it (monitoring below 1.5 x line, support 30% "
        f"of line, {last['monitored_pct']:.1f}% of households monitored that year).")
    np.testing.assert_allclose(ex.ax.get_lines()[1].get_ydata(), ex.result["fell_back_with_pct"])
    assert ex.figure.value.startswith('<img alt="ILLUSTRATIVE simulation') and "base64," in ex.figure.value
    for name, control in ex.controls.items():
        assert control.description == LABELS[name]


def test_every_control_changes_the_result():
    ex = SimulationExplorer(households=2_000)
    assert ex.result.attrs["assumptions"]["households"] == 2_000
    ex.households.value = "3000"
    assert ex.result.attrs["assumptions"]["households"] == 3_000 and "(3,000 households" in ex.summary.value
    ex.seed.value = "5"
    assert ex.result.attrs["assumptions"]["seed"] == 5 and "seed 5)" in ex.summary.value
    ex.years.value = 4
    assert ex.result["year"].tolist() == [0, 1, 2, 3, 4] and "in year 4," in ex.summary.value
    start_below = ex.result["below_without_pct"].iloc[0]
    ex.median.value = 1.2
    assert ex.result.attrs["assumptions"]["median"] == 1.2 and ex.result["below_without_pct"].iloc[0] > start_below
    ex.spread.value = 0.2
    assert ex.result.attrs["assumptions"]["spread"] == 0.2
    ex.growth_pct.value = 8.0
    assert ex.result.attrs["assumptions"]["growth_pct"] == 8.0
    ex.shock_size_pct.value = 50.0
    assert ex.result.attrs["assumptions"]["shock_size_pct"] == 50.0
    ex.threshold.value = 2.0
    assert ex.result.attrs["assumptions"]["threshold"] == 2.0 and "monitoring below 2 x line" in ex.summary.value
    ex.support_pct.value = 0.0
    assert ex.result["fell_back_with_pct"].tolist() == ex.result["fell_back_without_pct"].tolist()
    assert "support 0% of line" in ex.summary.value
    ex.shock_prob_pct.value = 0.0
    assert ex.result.attrs["assumptions"]["shock_prob_pct"] == 0.0
    assert (ex.result["fell_back_without_pct"] == 0).all()
    assert "0.0% of the households that started above the line are below it" in ex.summary.value


@pytest.mark.parametrize("control, value, fragment", [
    ("households", "abc", "Households must be a whole number from 1000 to 100000"),
    ("households", "500", "Households must be from 1000 to 100000"),
    ("households", "200000", "Households must be from 1000 to 100000"),
    ("households", "", "Households is empty"),
    ("seed", "-3", "Seed must be from 0"),
    ("seed", "1.5", "Seed must be a whole number"),
])
def test_bad_input_shows_a_message_and_keeps_the_output(control, value, fragment):
    ex = SimulationExplorer(households=2_000)
    before = (ex.summary.value, ex.result)
    assert_rejected(ex, control, value, fragment)
    getattr(ex, control).value = str(before[1].attrs["assumptions"][control])
    assert ex.error == "" and ex.message.value == "" and ex.summary.value == before[0]


def test_sliders_are_bounded_inside_the_valid_ranges():
    ex = SimulationExplorer(households=2_000)
    for name in ["median", "spread", "growth_pct", "shock_prob_pct", "shock_size_pct", "threshold", "support_pct",
                 "years"]:
        control, (_, low, high, _) = ex.controls[name], LIMITS[name]
        assert low <= control.min < control.max <= high, name
        control.value = control.max + 100  # a slider clamps what it is given
        assert control.value == control.max and ex.error == ""


def test_figure_is_reused_and_title_says_illustrative():
    ex = SimulationExplorer(households=2_000)
    fig = ex.fig
    ex.threshold.value = 1.2
    assert ex.fig is fig and len(ex.ax.get_lines()) == 2
    assert "ILLUSTRATIVE" in ex.widget.children[0].value and "not calibrated" in ex.widget.children[0].value
