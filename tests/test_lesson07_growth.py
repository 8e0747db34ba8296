"""Lesson 07: the growth-path calculator (measures, plot, explorer) and its self-check questions.

The closed forms are checked against a year-by-year projection; expected values from the data
are recomputed here from the CSV with plain pandas, not with ruralrev.
"""

import json
import math

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import pytest
from matplotlib.lines import Line2D

from conftest import DATA, ROOT
from ruralrev import data, quiz
from ruralrev.inputs import InputError
from ruralrev.measures import growth
from ruralrev.plots.growth import RATIO_LABEL, plot_growth_path
from ruralrev.widgets.growth import GrowthExplorer
from conftest import assert_rejected


# -- independent expectations from the CSV -------------------------------------------------------

@pytest.fixture(scope="module")
def csv():
    return pd.read_csv(DATA / "income.csv", dtype={"source_id": str})


@pytest.fixture(scope="module")
def income():
    return data.load("income")


def _value(csv, indicator, year, basis="integrated"):
    rows = csv[(csv["indicator"] == indicator) & (csv["survey_basis"] == basis) & (csv["year"] == year)]
    assert len(rows) == 1
    return float(rows["value"].iloc[0])


def _latest_ratio(csv):
    rows = csv[(csv["indicator"] == "urban_rural_ratio") & (csv["survey_basis"] == "integrated")]
    row = rows.sort_values("year").iloc[-1]
    return int(row["year"]), float(row["value"]), sorted(row["source_id"].split(";"))


def _first_year_at_or_below(ratio0, g_u, g_r, target, base, horizon=400):
    """Year-by-year: multiply incomes, no closed form; None if not reached within `horizon` years."""
    urban, rural = ratio0, 1.0
    for k in range(horizon + 1):
        if urban / rural <= target * (1 + 1e-12):
            return base + k
        urban, rural = urban * (1 + g_u), rural * (1 + g_r)
    return None


# -- data the calculator relies on -----------------------------------------------------------------

def test_latest_ratio_is_the_last_integrated_survey_row(income, csv):
    year, ratio, ids = _latest_ratio(csv)
    assert growth.latest_ratio(income) == {"year": year, "ratio": ratio, "source_ids": ids}
    assert year == csv["year"].max()


def test_published_ratio_matches_the_levels_it_was_computed_from(csv):
    year, ratio, _ = _latest_ratio(csv)
    levels = _value(csv, "urban_disposable_income", year) / _value(csv, "rural_disposable_income", year)
    assert abs(levels - ratio) < 0.005  # the ratio row is the levels' ratio rounded to two decimals


def test_integrated_ratio_rows_match_levels_every_year(csv):
    ratios = csv[(csv["indicator"] == "urban_rural_ratio") & (csv["survey_basis"] == "integrated")]
    for year, ratio in zip(ratios["year"], ratios["value"]):
        levels = _value(csv, "urban_disposable_income", year) / _value(csv, "rural_disposable_income", year)
        assert abs(levels - ratio) <= 0.0051, year


def test_observed_ratio_keeps_the_two_surveys_apart(income, csv):
    observed = growth.observed_ratio(income)
    old, new = observed.values()
    expect_old = csv[(csv["indicator"] == "urban_rural_ratio") & (csv["survey_basis"] == "old_survey")]
    assert old["year"].tolist() == sorted(expect_old["year"]) and old["year"].max() == 2014
    assert new["year"].min() == 2014 and new["year"].is_monotonic_increasing
    assert old["value"].tolist() == expect_old.sort_values("year")["value"].tolist()
    assert list(observed) == ["old surveys (to 2014)", "integrated survey (from 2014)"]


def test_default_growth_is_the_compound_average_2015_to_latest(income, csv):
    last = int(csv["year"].max())
    rates = growth.default_growth(income)
    for key, indicator in (("urban", "urban_disposable_income"), ("rural", "rural_disposable_income")):
        expect = (_value(csv, indicator, last) / _value(csv, indicator, 2015)) ** (1 / (last - 2015)) - 1
        assert rates[key] == pytest.approx(expect, rel=1e-12)
    assert rates["rural"] > rates["urban"]  # the ratio has been falling
    assert (rates["start"], rates["end"]) == (2015, last)
    assert set(rates["source_ids"]) <= set(data.load("sources")["source_id"])


def test_default_growth_over_chosen_years(income, csv):
    rates = growth.default_growth(income, start=2019, end=2022)
    first, last = (_value(csv, "rural_disposable_income", year) for year in (2019, 2022))
    expect = (last / first) ** (1 / 3) - 1
    assert (rates["start"], rates["end"]) == (2019, 2022) and rates["rural"] == pytest.approx(expect, rel=1e-12)


def test_average_growth_rejects_missing_years_and_bad_ranges(income):
    with pytest.raises(ValueError, match="no integrated-survey value"):
        growth.average_growth(income, growth.URBAN, 2005, 2020)
    with pytest.raises(ValueError, match="must be after"):
        growth.average_growth(income, growth.URBAN, 2020, 2015)


# -- closed forms against the year-by-year projection ----------------------------------------------

def test_closed_form_path_equals_year_by_year_projection():
    rng = np.random.default_rng(7)
    for ratio0, g_u, g_r in zip(rng.uniform(1, 4, 20), rng.uniform(-0.3, 0.3, 20), rng.uniform(-0.3, 0.3, 20)):
        steps = growth.project_year_by_year(ratio0, g_u, g_r, 2024, 2060)
        closed = growth.ratio_path(ratio0, g_u, g_r, steps["year"] - 2024)
        np.testing.assert_allclose(steps["ratio"], closed, rtol=1e-10)
        assert steps["ratio"].iloc[0] == ratio0 and steps["rural_index"].iloc[0] == 1


def test_year_reached_equals_first_projected_year_at_or_below_target():
    rng = np.random.default_rng(2024)
    n = 300
    ratio0, target = rng.uniform(1.2, 3.5, n), rng.uniform(1.0, 3.0, n)
    g_u, g_r = rng.uniform(-0.1, 0.15, n), rng.uniform(-0.1, 0.15, n)
    closed = growth.year_reached(ratio0, g_u, g_r, target, 2024)  # vectorised: one call for all
    assert closed.shape == (n,)
    never = reached = 0
    for i in range(n):
        step = _first_year_at_or_below(ratio0[i], g_u[i], g_r[i], target[i], 2024)
        if math.isinf(closed[i]):
            assert step is None, i
            never += 1
        elif closed[i] - 2024 <= 400:
            assert closed[i] == step, i
            reached += 1
    assert never > 20 and reached > 100  # both branches exercised


def test_years_to_target_solves_the_closed_form():
    t = growth.years_to_target(2.34, 0.06, 0.08, 2.0)
    assert 2.34 * (1.06 / 1.08) ** t == pytest.approx(2.0, rel=1e-12)
    assert t == pytest.approx(math.log(2.0 / 2.34) / math.log(1.06 / 1.08), rel=1e-12)


@pytest.mark.parametrize("g_u, g_r, target, expect", [
    (0.06, 0.06, 2.0, math.inf),     # equal growth: the ratio stays
    (0.08, 0.06, 2.0, math.inf),     # urban faster: the ratio rises
    (0.06, 0.08, 2.34, 0.0),         # already at the target
    (0.08, 0.06, 3.0, 0.0),          # already below the target
    (0.08, 0.06, 2.34, 0.0),         # at the target, even if the ratio would then rise
    (0.06, 0.06, 2.34, 0.0),         # at the target with equal growth (no 0/0)
    (-0.2, -0.1, 2.0, None),         # both falling, rural falls less: the ratio falls
])
def test_years_to_target_edge_cases(g_u, g_r, target, expect):
    t = growth.years_to_target(2.34, g_u, g_r, target)
    if expect is None:
        assert 0 < t < math.inf
    else:
        assert t == expect


def test_year_reached_whole_years():
    # target exactly on the path after 3 years: reached in year 3, not 4 (rounding noise)
    target = 2.34 * (1.05 / 1.09) ** 3
    assert growth.year_reached(2.34, 0.05, 0.09, target, 2024) == 2027
    assert growth.year_reached(2.34, 0.05, 0.09, target * 0.999, 2024) == 2028
    assert growth.year_reached(2.34, 0.05, 0.09, 2.34, 2024) == 2024


def test_rural_growth_needed_hits_the_target_in_the_target_year():
    rng = np.random.default_rng(11)
    for ratio0, g_u, target, years in zip(rng.uniform(1.5, 3.5, 25), rng.uniform(-0.05, 0.1, 25),
                                           rng.uniform(1.0, 1.5, 25), rng.integers(1, 60, 25)):
        g_r = growth.rural_growth_needed(ratio0, g_u, target, years)
        steps = growth.project_year_by_year(ratio0, g_u, g_r, 0, int(years))
        assert steps["ratio"].iloc[-1] == pytest.approx(target, rel=1e-9)
        if years > 1:
            assert steps["ratio"].iloc[-2] > target
        assert g_r > g_u  # target below the start needs faster rural growth


def test_rural_growth_needed_closed_form_values():
    assert growth.rural_growth_needed(2.0, 0.05, 2.0, 10) == pytest.approx(0.05)
    assert growth.rural_growth_needed(2.0, 0.0, 1.0, 1) == pytest.approx(1.0)  # halve the ratio in a year
    assert growth.rural_growth_needed(2.0, 0.05, 2.5, 10) < 0.05               # a higher target allows slower


def test_functions_are_vectorised_and_broadcast():
    targets, years = np.array([[2.0], [1.8], [1.5]]), np.array([6, 11, 26])
    needed = growth.rural_growth_needed(2.34, 0.06, targets, years)
    assert needed.shape == (3, 3)
    assert needed[0, 1] == pytest.approx(growth.rural_growth_needed(2.34, 0.06, 2.0, 11))
    assert (np.diff(needed, axis=0) > 0).all() and (np.diff(needed, axis=1) < 0).all()
    rates = np.linspace(0, 0.12, 13)
    t = growth.years_to_target(2.34, 0.06, rates, 2.0)
    assert t.shape == (13,) and np.isinf(t[rates <= 0.06]).all() and np.isfinite(t[rates > 0.06]).all()
    assert (np.diff(t[rates > 0.06]) < 0).all()
    assert np.ndim(growth.years_to_target(2.34, 0.06, 0.08, 2.0)) == 0


@pytest.mark.parametrize("call", [
    lambda: growth.ratio_path(2.0, -1.0, 0.05, 3),
    lambda: growth.years_to_target(2.0, 0.05, -1.5, 1.5),
    lambda: growth.years_to_target(0.0, 0.05, 0.06, 1.5),
    lambda: growth.rural_growth_needed(2.0, 0.05, 1.5, 0),
    lambda: growth.rural_growth_needed(2.0, 0.05, -1.0, 5),
    lambda: growth.project_year_by_year(2.0, 0.05, 0.06, 2030, 2020),
])
def test_impossible_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


# -- calculate: what a user types -----------------------------------------------------------------

def test_calculate_defaults(income, csv):
    year, ratio, ids = _latest_ratio(csv)
    r = growth.calculate(income, "6.33", "8.15", "2", "2035")
    assert (r["base_year"], r["ratio0"], r["source_ids"]) == (year, ratio, ids)
    assert (r["g_urban"], r["g_rural"], r["target"], r["target_year"]) == (0.0633, 0.0815, 2.0, 2035)
    t = math.log(2 / ratio) / math.log(1.0633 / 1.0815)
    assert r["years_to_target"] == pytest.approx(t)
    assert r["year_reached"] == year + math.ceil(t)
    assert r["rural_needed"] == pytest.approx(1.0633 * (ratio / 2) ** (1 / (2035 - year)) - 1)
    assert r["path"]["year"].tolist() == list(range(year, 2036))
    assert r["needed_path"]["value"].iloc[-1] == pytest.approx(2.0)
    assert r["path"]["value"].iloc[0] == ratio


def test_calculate_extends_the_path_to_the_year_reached(income):
    r = growth.calculate(income, "6", "7", "2", "2030")
    assert r["path"]["year"].max() == r["year_reached"] > 2030
    r = growth.calculate(income, "6", "6", "2", "2030")  # never: path to the target year only
    assert r["path"]["year"].max() == 2030 and math.isinf(r["year_reached"])
    r = growth.calculate(income, "6", "6.01", "1", "2030")  # far beyond 2100: path capped
    assert r["path"]["year"].max() == growth.MAX_YEAR


@pytest.mark.parametrize("args, message", [
    (("abc", "8", "2", "2035"), "Urban growth % must be a number from -50 to 50; 'abc' is not."),
    (("6", "", "2", "2035"), "Rural growth % is empty: type a number from -50 to 50."),
    (("6", "50.5", "2", "2035"), "Rural growth % must be from -50 to 50; 50.5 is outside that range."),
    (("-51", "8", "2", "2035"), "Urban growth % must be from -50 to 50; -51 is outside that range."),
    (("6", "8", "0.9", "2035"), "Target ratio must be from 1 to 2.34; 0.9 is outside that range."),
    (("6", "8", "2.5", "2035"), "Target ratio must be from 1 to 2.34; 2.5 is outside that range."),
    (("6", "8", "two", "2035"), "Target ratio must be a number from 1 to 2.34; 'two' is not."),
    (("6", "8", "2", "2020"), "Target year must be after 2024, the latest year with data; 2020 is in the past."),
    (("6", "8", "2", "2024"), "Target year must be after 2024, the latest year with data; 2024 is in the past."),
    (("6", "8", "2", "2101"), "Target year must be from 2025 to 2100; 2101 is outside that range."),
    (("6", "8", "2", "2035.5"), "Target year must be a whole number from 2025 to 2100; '2035.5' is not."),
    (("6", "nan", "2", "2035"), "Rural growth % must be from -50 to 50; nan is outside that range."),
])
def test_calculate_bad_input_gives_one_line_messages(income, args, message):
    with pytest.raises(InputError) as err:
        growth.calculate(income, *args)
    assert str(err.value) == message and "\n" not in message


def test_calculate_accepts_the_range_limits(income):
    r = growth.calculate(income, "-50", "50", "1", "2100")
    assert r["g_urban"] == -0.5 and r["g_rural"] == 0.5 and r["target_year"] == 2100
    r = growth.calculate(income, 6, 8.0, 2.34, 2025)  # numbers work too; target = current ratio
    assert r["years_to_target"] == 0 and r["rural_needed"] == pytest.approx(0.06)


@pytest.mark.parametrize("args, part", [
    (("6.33", "8.15", "2", "2035"), "the ratio falls to 2.00 in 2034; to reach 2.00 by 2035, rural income must grow "
                                    "7.86% a year."),
    (("6", "6", "2", "2035"), "the ratio never falls to 2.00, because rural growth does not exceed urban growth;"),
    (("6", "6.01", "1.5", "2035"), "the ratio does not fall to 1.50 before 2100;"),
    (("6", "8", "2.34", "2030"), "the ratio is already at or below 2.34 in 2024; to reach 2.34 by 2030, rural income "
                                 "must grow 6.00% a year."),
    (("6.0001", "8", "1.995", "2030"), "Urban growth 6.0001% and rural growth 8.00% a year"),
])
def test_sentence_cases(income, args, part):
    assert part in growth.sentence(growth.calculate(income, *args))


def test_sentence_for_the_defaults_is_recomputable_from_the_csv(income, csv):
    year, ratio, ids = _latest_ratio(csv)
    t = math.log(2 / ratio) / math.log(1.0633 / 1.0815)
    needed = 100 * (1.0633 * (ratio / 2) ** (1 / (2035 - year)) - 1)
    expect = (f"Urban growth 6.33% and rural growth 8.15% a year (nominal, held constant) from the {year} "
              f"urban-rural income ratio of {ratio:.2f}: the ratio falls to 2.00 in {year + math.ceil(t)}; "
              f"to reach 2.00 by 2035, rural income must grow {needed:.2f}% a year. Illustrative projection. "
              f"Sources: {', '.join(ids)}.")
    assert growth.sentence(growth.calculate(income, "6.33", "8.15", "2", "2035")) == expect


# -- plot --------------------------------------------------------------------------------------------

def test_plot_draws_each_series_apart_with_its_own_marker_and_line_style(income):
    observed = growth.observed_ratio(income)
    r = growth.calculate(income, "6.33", "8.15", "2", "2035")
    ax = plot_growth_path(observed, {"projected": r["path"], "needed": r["needed_path"]}, target=2.0)
    lines = [ln for ln in ax.get_lines() if ln.get_label() in {*observed, "projected", "needed"}]
    assert len(lines) == 4
    for line, frame in zip(lines, [*observed.values(), r["path"], r["needed_path"]]):
        assert list(line.get_xdata()) == frame["year"].tolist()
        np.testing.assert_allclose(line.get_ydata(), frame["value"])
    assert len({ln.get_marker() for ln in lines}) == 4 and len({ln.get_linestyle() for ln in lines}) == 4
    target = [ln for ln in ax.get_lines() if ln.get_label() == "target ratio 2.00"]
    assert len(target) == 1 and list(target[0].get_ydata()) == [2.0, 2.0]
    assert ax.get_ylabel() == RATIO_LABEL and ax.get_xlabel() == "Year"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [*observed, "projected", "needed", "target ratio 2.00"]
    low, high = ax.get_xlim()
    assert low <= 1978 and high >= 2035
    low, high = ax.get_ylim()
    assert low < 1.94 and high > 3.23  # the whole old-survey peak and the projected end are visible


def test_plot_since_drops_early_observed_years_only(income):
    observed = growth.observed_ratio(income)
    _, ax = plt.subplots()
    out = plot_growth_path(observed, since=2000, ax=ax)
    assert out is ax
    old = ax.get_lines()[0]
    assert min(old.get_xdata()) == 2000 and ax.get_xlim()[0] > 1990
    assert ax.get_title() == "Urban-rural income ratio: observed and projected"
    assert all(isinstance(ln, Line2D) for ln in ax.get_lines()) and len(ax.get_lines()) == 2


# -- explorer ---------------------------------------------------------------------------------------

def test_explorer_defaults_come_from_the_data(csv):
    ex = GrowthExplorer()
    last = int(csv["year"].max())
    for box, indicator in ((ex.urban, "urban_disposable_income"), (ex.rural, "rural_disposable_income")):
        rate = (_value(csv, indicator, last) / _value(csv, indicator, 2015)) ** (1 / (last - 2015)) - 1
        assert box.value == f"{100 * rate:.2f}"
    assert (ex.target.value, ex.year.value) == ("2", "2035")
    assert ex.error == "" and ex.summary.value.startswith('<p class="ruralrev-summary">Urban growth ')
    assert ex.figure.value.startswith('<img alt="Urban growth') and "base64," in ex.figure.value
    assert ex.result["year_reached"] == 2034


def test_explorer_each_control_changes_result_summary_and_figure():
    ex = GrowthExplorer()
    seen = {ex.figure.value}

    def changed():
        assert ex.error == "" and ex.figure.value not in seen
        seen.add(ex.figure.value)

    ex.rural.value = "6"
    assert math.isinf(ex.result["year_reached"]) and "never falls to 2.00" in ex.summary.value
    assert list(ex.ax.get_lines()[2].get_ydata())[-1] > 2.34  # projected path rises
    changed()
    ex.urban.value = "5"
    assert ex.result["year_reached"] > 2035 and ex.result["g_urban"] == 0.05
    changed()
    ex.target.value = "1.5"
    assert "to reach 1.50 by 2035" in ex.summary.value and ex.result["target"] == 1.5
    changed()
    ex.year.value = "2050"
    needed = ex.result["rural_needed"]
    assert ex.result["needed_path"]["year"].max() == 2050
    assert needed == pytest.approx(1.05 * (ex.result["ratio0"] / 1.5) ** (1 / 26) - 1)
    assert f"must grow {100 * needed:.2f}% a year" in ex.summary.value
    changed()


@pytest.mark.parametrize("control, value, fragment", [
    ("urban", "abc", "Urban growth % must be a number"),
    ("rural", "-60", "Rural growth % must be from -50 to 50"),
    ("rural", "51", "Rural growth % must be from -50 to 50"),
    ("target", "0.5", "Target ratio must be from 1 to 2.34"),
    ("target", "3", "Target ratio must be from 1 to 2.34"),
    ("year", "2010", "is in the past"),
    ("year", "2200", "Target year must be from 2025 to 2100"),
    ("year", "soon", "Target year must be a whole number"),
])
def test_explorer_bad_input_keeps_the_previous_output(control, value, fragment):
    ex = GrowthExplorer()
    assert_rejected(ex, control, value, fragment)
    getattr(ex, control).value = {"urban": "6.33", "rural": "8.15", "target": "2", "year": "2035"}[control]
    assert ex.error == "" and ex.message.value == ""


def test_explorer_reuses_its_figure_and_redraws_cleanly():
    ex = GrowthExplorer()
    fig, n = ex.fig, len(ex.ax.get_lines())
    ex.year.value = "2040"
    ex.year.value = "2045"
    assert ex.fig is fig and len(ex.ax.get_lines()) == n == 5


def test_explorer_controls_are_labelled_text_boxes():
    ex = GrowthExplorer()
    labels = [c.description for c in ex.controls.values()]
    assert labels == ["Urban growth %", "Rural growth %", "Target ratio", "Target year"]
    assert all(not c.continuous_update for c in ex.controls.values())


# -- self-check questions ---------------------------------------------------------------------------

def test_questions_file_is_well_formed():
    qs = json.loads((ROOT / "ruralrev" / "questions" / "07.json").read_text(encoding="utf-8"))
    assert list(qs) == [f"07.{k}" for k in range(1, len(qs) + 1)] and len(qs) >= 3
    for qid, q in qs.items():
        assert 0 <= q["answer"] < len(q["options"]) and q["explanation"]
        wrong = {str(i) for i in range(len(q["options"])) if i != q["answer"]}
        assert set(q["hints"]) == wrong, qid  # a hint for every wrong option
        assert quiz.check(qid, q["answer"]).startswith("Correct.")
        assert quiz.check(qid, (q["answer"] + 1) % len(q["options"])).startswith("Not quite.")


def test_question_on_section_6_names_the_people_centred_perspective():
    q = quiz.questions()["07.1"]
    assert "people-centred" in q["options"][q["answer"]]


# -- data the notebook joins across tables --------------------------------------------------------

def test_2020_income_figures_agree_across_the_tables_the_notebook_joins():
    income = pd.read_csv(DATA / "income.csv")
    monitoring = pd.read_csv(DATA / "post2020_monitoring.csv")
    facts = pd.read_csv(DATA / "white_paper_facts.csv")
    areas = income[(income["indicator"] == "poor_area_rural_income") & (income["year"] == 2020)]["value"]
    lifted_areas = monitoring[monitoring["indicator"].str.startswith("rural per capita disposable income in "
                                                                     "poverty-lifted (former poor)")
                              & (monitoring["period"] == "2020")]["value"]
    assert areas.tolist() == lifted_areas.tolist() and len(areas) == 1
    registered = facts[(facts["fact_id"] == "registered_poor_net_income") & (facts["period"] == "2020")]["value"]
    lifted = monitoring[monitoring["indicator"].str.startswith("per capita net income of people lifted")
                        & (monitoring["period"] == "2020")]["value"]
    assert registered.tolist() == lifted.tolist() and len(lifted) == 1


def test_plot_cuts_the_view_of_a_runaway_projection(income):
    observed = growth.observed_ratio(income)
    r = growth.calculate(income, "50", "-50", "2", "2100")  # the ratio triples every year
    ax = plot_growth_path(observed, {"projected": r["path"]}, target=2.0)
    peak = max(df["value"].max() for df in observed.values())
    assert ax.get_ylim()[1] == pytest.approx(2 * peak)
    assert max(ax.get_lines()[2].get_ydata()) > 1e30  # the data is all there, only the view is cut
    r = growth.calculate(income, "6.33", "8.15", "2", "2035")
    ax = plot_growth_path(observed, {"projected": r["path"]}, target=2.0, ax=plt.subplots()[1])
    assert ax.get_ylim()[1] < 2 * peak
    r = growth.calculate(income, "20", "-10", "2", "2060")
    ax = plot_growth_path(observed, {"projected": r["path"]}, target=2.0, ax=plt.subplots()[1])
    low, high = ax.get_ylim()
    assert high == pytest.approx(2 * peak) and 0 <= low < min(df["value"].min() for df in observed.values())
