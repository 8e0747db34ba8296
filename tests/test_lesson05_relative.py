"""Lesson 05: relative poverty measures, their figures and the fixed-vs-relative explorer.

Measures are checked against values computed by hand and against slow, obvious formulas
(the double sum for the Gini, repeating observations for weights)."""

import math
from statistics import NormalDist

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from ruralrev import data
from ruralrev.inputs import InputError
from ruralrev.measures import relative as rel
from ruralrev.plots import relative as relplots
from ruralrev.widgets.relative import RelativeLineExplorer
from browser.expected import relative as expected_summary


def brute_gini(x):
    """Population Gini by its definition: mean absolute difference over twice the mean (O(n^2))."""
    x = np.asarray(x, dtype=float)
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * x.size ** 2 * x.mean())


# -- measures: hand-computed values ----------------------------------------------------------------

@pytest.mark.parametrize("incomes, expected", [
    ([1, 1, 1, 1], 0.0),
    ([0, 0, 0, 1], 0.75),          # population formula; the sample formula would give 1
    ([1, 2, 3, 4, 10], 0.4),        # the lesson's five incomes (worked by hand in the notebook)
    ([4, 1, 10, 3, 2], 0.4),        # order does not matter
    ([5], 0.0),
    ([0, 1], 0.5),
])
def test_gini_hand_values(incomes, expected):
    assert rel.gini(incomes) == pytest.approx(expected, abs=1e-12)
    assert rel.gini(incomes, weights=np.ones(len(incomes))) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed, n", [(0, 2), (1, 7), (2, 50), (3, 301)])
def test_gini_matches_the_double_sum(seed, n):
    x = np.random.default_rng(seed).lognormal(0, 1, n)
    assert rel.gini(x) == pytest.approx(brute_gini(x), rel=1e-10)


def test_weighted_gini_and_median_equal_repeating_observations():
    rng = np.random.default_rng(11)
    x = rng.integers(1, 100, 40).astype(float)
    w = rng.integers(1, 6, 40)
    expanded = np.repeat(x, w)
    assert rel.gini(x, w) == pytest.approx(rel.gini(expanded), rel=1e-12)
    assert rel.median(x, w) == rel.median(expanded)
    assert rel.share_below(x, 50, w) == pytest.approx(rel.share_below(expanded, 50))
    assert rel.poverty_gap(x, 50, w) == pytest.approx(rel.poverty_gap(expanded, 50))


def test_gini_is_invariant_to_scaling_and_order_but_not_to_adding_a_constant():
    x = np.random.default_rng(4).lognormal(0, 0.8, 1000)
    g = rel.gini(x)
    assert rel.gini(3.7 * x) == pytest.approx(g, rel=1e-12)
    assert rel.gini(x[::-1]) == pytest.approx(g, rel=1e-12)
    assert rel.gini(x + 10) < g  # adding the same amount to everyone lowers inequality


def test_lorenz_curve():
    people, income = rel.lorenz([4, 1, 10, 3, 2])
    assert people.tolist() == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1])
    assert income.tolist() == pytest.approx([0, 0.05, 0.15, 0.3, 0.5, 1])


@pytest.mark.parametrize("incomes, weights, expected", [
    ([3, 1, 2], None, 2.0),
    ([4, 1, 3, 2], None, 2.5),
    ([1, 2, 3], [1, 1, 5], 3.0),
    ([1, 2, 3, 4], [1, 1, 1, 1], 2.5),
    ([10, 20], [3, 1], 10.0),
])
def test_median(incomes, weights, expected):
    assert rel.median(incomes, weights) == expected


def test_relative_line_share_below_and_poverty_gap_by_hand():
    x = [4, 1, 10, 3, 2]
    assert rel.relative_line(x, 0.5) == 1.5
    assert rel.relative_line(x, 0.6) == pytest.approx(1.8)
    assert rel.share_below(x, 1.5) == 0.2
    assert rel.share_below(x, 2) == 0.2      # strictly below: the income 2 is not counted
    assert rel.share_below(x, 2.0001) == 0.4
    assert rel.poverty_gap(x, 1.5) == pytest.approx((0.5 / 1.5) / 5)
    assert rel.poverty_gap(x, 0.5) == 0.0
    assert rel.poverty_gap(x, 20) == pytest.approx(np.mean([(20 - v) / 20 for v in x]))


def test_relative_measures_do_not_change_when_everyone_grows_alike():
    x = rel.lognormal_incomes(5000, seed=3)
    for k in (1.5, 2, 10):
        assert rel.share_below(k * x, rel.relative_line(k * x, 0.5)) == rel.share_below(x, rel.relative_line(x, 0.5))
    assert rel.share_below(2 * x, 50) < rel.share_below(x, 50)


@pytest.mark.parametrize("call", [
    lambda: rel.gini([]),
    lambda: rel.gini([[1, 2], [3, 4]]),
    lambda: rel.gini([1, -2, 3]),
    lambda: rel.gini([1, float("nan")]),
    lambda: rel.gini(["a", "b"]),
    lambda: rel.gini([0, 0, 0]),
    lambda: rel.gini([1, 2], weights=[1]),
    lambda: rel.gini([1, 2], weights=[-1, 2]),
    lambda: rel.median([1, 2], weights=[0, 0]),
    lambda: rel.relative_line([1, 2], 0),
    lambda: rel.relative_line([1, 2], 1.5),
    lambda: rel.relative_line([1, 2], "0.5"),
    lambda: rel.relative_line([1, 2], True),
    lambda: rel.share_below([1, 2], -1),
    lambda: rel.share_below([1, 2], "one"),
    lambda: rel.poverty_gap([1, 2], 0),
    lambda: rel.lognormal_incomes(0),
    lambda: rel.lognormal_incomes(10, sigma=0),
    lambda: rel.fixed_vs_relative([1, 2, 3], share=0.5, growth_pct="6", years=5, fixed_line=1),
    lambda: rel.fixed_vs_relative([1, 2, 3], share=0.5, growth_pct=6, years=-1, fixed_line=1),
    lambda: rel.fixed_vs_relative([1, 2, 3], share=0.5, growth_pct=6, years=2.5, fixed_line=1),
])
def test_bad_input_raises_a_one_line_input_error(call):
    with pytest.raises(InputError) as info:
        call()
    assert "\n" not in str(info.value) and str(info.value)


# -- quintile ratio ----------------------------------------------------------------------------------

def test_quintile_ratio_on_a_hand_table():
    table = pd.DataFrame({"year": [2000] * 5 + [2001] * 5,
                          "quintile": ["low", "lower-middle", "middle", "upper-middle", "high"] * 2,
                          "income_yuan": [1, 2, 3, 4, 10, 2, 3, 4, 5, 12],
                          "source_id": ["a"] * 5 + ["b;c"] * 5})
    out = rel.quintile_ratio(table)
    assert out["year"].tolist() == [2000, 2001]
    assert out["ratio"].tolist() == [10.0, 6.0]
    assert out["source_id"].tolist() == ["a", "b;c"]


def test_quintile_ratio_keeps_surveys_apart_and_flags_incomplete_groups():
    q = data.load("income_quintiles")
    out = rel.quintile_ratio(q)
    groups = out[["year", "population", "survey_basis"]].apply(tuple, axis=1)
    assert groups.is_unique
    assert len(out) == q.groupby(["year", "population", "survey_basis", "income_concept"]).ngroups
    rural_2013 = out[(out["year"] == 2013) & (out["population"] == "rural")]
    assert math.isnan(rural_2013["ratio"].iloc[0])  # the top group is missing in the source
    national = out[(out["population"] == "national") & (out["survey_basis"] == "integrated")].set_index("year")
    assert national.loc[2018, "ratio"] == pytest.approx(70640 / 6440)
    assert national.loc[2015, "low"] == 5221 and national.loc[2015, "high"] == 54544


def test_quintile_ratio_refuses_ambiguous_or_incomplete_tables():
    q = data.load("income_quintiles")
    with pytest.raises(InputError, match="filter the table first"):
        rel.quintile_ratio(q.drop(columns=["population", "survey_basis", "income_concept"]))
    with pytest.raises(InputError, match="income_yuan"):
        rel.quintile_ratio(q.drop(columns=["income_yuan"]))


# -- the illustrative population ---------------------------------------------------------------------

def test_lognormal_incomes_are_seeded_and_rescaled_to_the_median():
    a = rel.lognormal_incomes(1001, median=100, sigma=0.9, seed=5)
    b = rel.lognormal_incomes(1001, median=100, sigma=0.9, seed=5)
    c = rel.lognormal_incomes(1001, median=100, sigma=0.9, seed=6)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert rel.median(a) == pytest.approx(100)
    raw = np.random.default_rng(5).lognormal(np.log(100), 0.9, 1001)  # the documented recipe
    assert np.allclose(a, raw * 100 / np.median(raw))


def test_lognormal_population_agrees_with_theory():
    x = rel.lognormal_incomes(200_000, sigma=0.9, seed=1)
    assert rel.gini(x) == pytest.approx(rel.lognormal_gini(0.9), abs=0.005)
    assert rel.lognormal_gini(0.9) == pytest.approx(2 * NormalDist().cdf(0.9 / math.sqrt(2)) - 1)
    for share in (0.4, 0.5, 0.6):
        assert rel.share_below(x, rel.relative_line(x, share)) == pytest.approx(
            rel.lognormal_share_below_relative(share, 0.9), abs=0.005)


def test_fixed_vs_relative_paths():
    base = rel.lognormal_incomes(20_000, seed=5)
    t = rel.fixed_vs_relative(base, share=0.5, growth_pct=6, years=20, fixed_line=50)
    assert t.columns.tolist() == ["year", "median", "relative_line", "fixed_line",
                                  "below_relative_pct", "below_fixed_pct"]
    assert t["year"].tolist() == list(range(21))
    assert t["median"].iloc[10] == pytest.approx(100 * 1.06 ** 10)
    assert t["relative_line"].tolist() == pytest.approx((0.5 * t["median"]).tolist())
    assert t["below_relative_pct"].nunique() == 1                       # the relative share never moves
    assert t["below_fixed_pct"].iloc[0] == t["below_relative_pct"].iloc[0]  # lines coincide in year 0
    assert t["below_fixed_pct"].is_monotonic_decreasing and t["below_fixed_pct"].iloc[-1] < 3
    flat = rel.fixed_vs_relative(base, share=0.5, growth_pct=0, years=5, fixed_line=50)
    assert flat["below_fixed_pct"].nunique() == 1


# -- plots ----------------------------------------------------------------------------------------------

def test_plot_lorenz():
    ax = relplots.plot_lorenz([4, 1, 10, 3, 2], label="five")
    equality, curve = ax.get_lines()
    assert list(equality.get_xdata()) == [0, 1] and equality.get_linestyle() == ":"
    assert list(curve.get_ydata()) == pytest.approx([0, 0.05, 0.15, 0.3, 0.5, 1])
    assert ax.get_xlim() == (0, 1) and ax.get_ylim() == (0, 1)
    assert "people" in ax.get_xlabel() and "income" in ax.get_ylabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["line of equality", "five"]


def test_plot_spells_never_joins_spells():
    a = pd.DataFrame({"year": [1, 2, 3, 5, 6], "value": [1, 2, 3, 4, 5], "spell": ["x", "x", "x", "y", "y"]})
    b = pd.DataFrame({"year": [2, 4], "value": [7, 8], "spell": [0, 1]})
    ax = relplots.plot_spells({"A": a, "B": b}, ylabel="share", title="T", breaks=[5], from_zero=True)
    lines = ax.get_lines()
    breaks = [ln for ln in lines if list(ln.get_xdata()) == [4.5, 4.5]]
    pieces = [ln for ln in lines if ln not in breaks]
    assert len(breaks) == 1 and "survey break" in [t.get_text() for t in ax.texts]
    assert sorted(list(ln.get_xdata()) for ln in pieces) == [[1, 2, 3], [2], [4], [5, 6]]
    a_pieces = [ln for ln in pieces if list(ln.get_xdata()) in ([1, 2, 3], [5, 6])]
    b_pieces = [ln for ln in pieces if ln not in a_pieces]
    assert len({(ln.get_color(), ln.get_marker(), ln.get_linestyle()) for ln in a_pieces}) == 1
    assert a_pieces[0].get_marker() != b_pieces[0].get_marker()
    assert a_pieces[0].get_linestyle() != b_pieces[0].get_linestyle()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]
    assert ax.get_ylim()[0] == 0 and ax.get_ylabel() == "share" and ax.get_title() == "T"
    with pytest.raises(ValueError):
        relplots.plot_spells({"A": a}, ylabel="s", break_labels="middle")


def test_plot_spells_with_the_china_pip_series():
    pip = data.load("pip_headcount")
    rows = pip[(pip["line"] == "half of median") & (pip["ppp_version"] == 2017)
               & (pip["country"] == "China") & (pip["reporting_level"] == "national")]
    series = {"national": pd.DataFrame({"year": rows["year"], "value": rows["headcount_ratio_pct"],
                                        "spell": rows["survey_comparability"]})}
    ax = relplots.plot_spells(series, ylabel="%")
    lines = ax.get_lines()
    assert len(lines) == rows["survey_comparability"].nunique() == 3
    assert sorted(x for ln in lines for x in ln.get_xdata()) == sorted(rows["year"])
    assert 2012 in lines[1].get_xdata() and 2013 not in lines[1].get_xdata()


def test_plot_gini_marks_provisional_values_apart():
    gini = data.load("gini")
    ax = relplots.plot_gini(gini)
    firm, prov = ax.get_lines()
    assert list(firm.get_xdata()) == gini.loc[gini["provisional"] == "no", "year"].tolist()
    assert list(prov.get_xdata()) == gini.loc[gini["provisional"] == "yes", "year"].tolist() == [2021, 2023]
    assert prov.get_linestyle() == "None" and prov.get_markerfacecolor() == "white"
    assert firm.get_marker() != prov.get_marker()
    assert ax.get_ylabel().startswith("Gini")


def test_plot_distribution():
    x = rel.lognormal_incomes(2000, seed=2)
    ax = relplots.plot_distribution(x, {"fixed": 50, "relative": 80}, limits=(5, 2000))
    vlines = ax.get_lines()
    assert [ln.get_xdata()[0] for ln in vlines] == [50, 80]
    assert vlines[0].get_linestyle() != vlines[1].get_linestyle()
    assert ax.get_xscale() == "log" and ax.get_xlim() == pytest.approx((5, 2000))
    assert sum(p.get_height() for p in ax.patches) == pytest.approx(100)
    assert "fixed: 50.0" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_plot_fixed_vs_relative():
    base = rel.lognormal_incomes(5000, seed=5)
    t = rel.fixed_vs_relative(base, share=0.4, growth_pct=5, years=8, fixed_line=30)
    ax = relplots.plot_fixed_vs_relative(t, share_pct=40, year=3)
    relative_line, fixed_line, marker = ax.get_lines()
    assert list(relative_line.get_ydata()) == t["below_relative_pct"].tolist()
    assert list(fixed_line.get_ydata()) == t["below_fixed_pct"].tolist()
    assert list(marker.get_xdata()) == [3, 3]
    assert relative_line.get_marker() != fixed_line.get_marker()
    assert relative_line.get_linestyle() != fixed_line.get_linestyle()
    labels = [x.get_text() for x in ax.get_legend().get_texts()]
    assert labels == ["below 40% of the median (moves)", "below the fixed line of 30"]
    assert ax.get_ylim()[0] == 0 and ax.get_xlim() == (-0.5, 8.5)
    assert "%" in ax.get_ylabel()


def test_plots_create_axes_when_none_given():
    for ax in (relplots.plot_lorenz([1, 2]), relplots.plot_gini(data.load("gini"))):
        assert ax.figure is not None
    plt.close("all")


# -- the explorer -------------------------------------------------------------------------------------

def summary_text(ex):
    return ex.summary.value.removeprefix('<p class="ruralrev-summary">').removesuffix("</p>")


@pytest.fixture
def ex():
    return RelativeLineExplorer()


def test_explorer_default(ex):
    assert summary_text(ex) == expected_summary()
    assert "22.2% are below 50% of the median (89.5)" in summary_text(ex)
    lines = ex.ax.get_lines()
    assert list(lines[0].get_ydata()) == ex.result["table"]["below_relative_pct"].tolist()
    assert ex.figure.value.startswith('<img alt="Illustrative') and "base64," in ex.figure.value
    assert ex.error == "" and ex.message.value == ""


def test_every_control_changes_the_result(ex):
    ex.share.value = 60
    assert summary_text(ex) == expected_summary(share=60)
    assert ex.result["row"]["relative_line"] == pytest.approx(0.6 * 100 * 1.06 ** 10)
    ex.growth.value = 2.5
    assert summary_text(ex) == expected_summary(share=60, growth=2.5)
    ex.year.value = 20
    assert summary_text(ex) == expected_summary(share=60, growth=2.5, year=20)
    assert list(ex.ax.get_lines()[2].get_xdata()) == [20, 20]
    ex.fixed.value = "80"
    assert summary_text(ex) == expected_summary(share=60, growth=2.5, year=20, fixed=80)
    ex.growth.value = 0
    r = ex.result
    assert r["row"]["below_fixed_pct"] == r["start"]["below_fixed_pct"]  # no growth: nobody crosses


def test_sliders_stay_in_range(ex):
    ex.share.value = 200
    assert ex.share.value == 70 and ex.result["share"] == 70
    ex.year.value = -3
    assert ex.year.value == 0 and ex.result["year"] == 0


@pytest.mark.parametrize("text, fragment", [
    ("abc", "Fixed line must be a number from 1 to 1000; 'abc' is not."),
    ("", "Fixed line is empty"),
    ("0", "Fixed line must be from 1 to 1000; 0 is outside that range."),
    ("5000", "outside that range"),
    ("nan", "outside that range"),
])
def test_bad_fixed_line_shows_a_message_and_keeps_the_output(ex, text, fragment):
    before = (ex.summary.value, ex.figure.value, ex.result)
    ex.fixed.value = text
    assert fragment in ex.error and "\n" not in ex.error
    assert 'role="alert"' in ex.message.value
    assert (ex.summary.value, ex.figure.value, ex.result) == before
    ex.fixed.value = "60"
    assert ex.error == "" and ex.message.value == "" and ex.result["fixed"] == 60


@pytest.mark.parametrize("kwargs, fragment", [
    ({"share": 80}, "Share of median (%) must be from 30 to 70"),
    ({"growth": 12}, "Growth (% a year) must be from 0 to 10"),
    ({"year": 21}, "Year must be from 0 to 20"),
    ({"share": "half"}, "Share of median (%) must be a whole number"),
])
def test_compute_rejects_values_outside_the_controls(ex, kwargs, fragment):
    values = {"share": 50, "growth": 6.0, "year": 10, "fixed": "50"} | kwargs
    with pytest.raises(InputError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        ex.compute(**values)


def test_explorer_is_deterministic_and_reuses_its_figure(ex):
    other = RelativeLineExplorer()
    assert other.summary.value == ex.summary.value
    fig = ex.fig
    ex.share.value = 40
    assert ex.fig is fig and len(ex.ax.get_lines()) == 3
