"""Lesson 07: the growth-path formulas (ruralrev.measures.growth) and the lesson's own computations.

Expected values are computed here with plain pandas, a plain year-by-year loop and the math module,
not with ruralrev; the hand-checked numbers of the expert review (§6, data 2015-2024) are asserted too."""

import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from conftest import DATA  # noqa: E402
from lessons import namespace  # noqa: E402
from ruralrev.inputs import InputError  # noqa: E402
from ruralrev.measures import growth  # noqa: E402

URBAN, RURAL, RATIO = "urban_disposable_income", "rural_disposable_income", "urban_rural_ratio"


def wide():
    inc = pd.read_csv(DATA / "income.csv")
    return inc[inc["survey_basis"] == "integrated"].pivot(index="year", columns="indicator", values="value")


def cagr(w, col, a, b):
    return (w.loc[b, col] / w.loc[a, col]) ** (1 / (b - a)) - 1


def loop_first_year(ratio0, g_u, g_r, target, base, until=2300):
    """First year with the ratio at or below `target`, by stepping one year at a time (None: never)."""
    urban, rural = ratio0, 1.0
    for year in range(base, until + 1):
        if urban / rural <= target + 1e-12:
            return year
        urban, rural = urban * (1 + g_u), rural * (1 + g_r)
    return None


@pytest.fixture(scope="module")
def ns():
    return namespace("07")


# -- the module ---------------------------------------------------------------------------------

@pytest.mark.parametrize("ratio0, g_u, g_r, target", [
    (2.34, 0.0633, 0.0815, 2.0), (2.34, 0.05, 0.0761, 2.0), (2.34, 0.0633, 0.0815, 1.5), (3.0, 0.02, 0.09, 1.1),
    (2.34, -0.05, 0.01, 1.0), (2.5, 0.10, 0.2, 2.0),
])
def test_the_year_reached_matches_a_year_by_year_loop(ratio0, g_u, g_r, target):
    assert growth.year_reached(ratio0, g_u, g_r, target, 2024) == loop_first_year(ratio0, g_u, g_r, target, 2024)


def test_the_closed_forms_are_the_textbook_formulas():
    t = math.log(2 / 2.34) / math.log(1.0633 / 1.0815)
    assert growth.years_to_target(2.34, 0.0633, 0.0815, 2) == pytest.approx(t)
    assert growth.ratio_path(2.34, 0.0633, 0.0815, 7) == pytest.approx(2.34 * (1.0633 / 1.0815) ** 7)
    assert growth.rural_growth_needed(2.34, 0.0633, 2, 11) == pytest.approx(1.0633 * (2.34 / 2) ** (1 / 11) - 1)
    assert growth.average_growth(100, 121, 2) == pytest.approx(0.1)
    # the rural growth needed brings the ratio exactly to the target in the target year
    g = growth.rural_growth_needed(2.34, 0.0633, 1.8, 11)
    assert growth.ratio_path(2.34, 0.0633, g, 11) == pytest.approx(1.8)


def test_edge_cases_never_already_and_whole_years():
    assert growth.year_reached(2.34, 0.06, 0.06, 2, 2024) == math.inf  # equal growth: the ratio stays
    assert growth.year_reached(2.34, 0.07, 0.05, 2, 2024) == math.inf  # urban faster: the ratio rises
    assert growth.years_to_target(1.9, 0.07, 0.05, 2) == 0 and growth.year_reached(1.9, 0.07, 0.05, 2, 2024) == 2024
    # exactly 3 years, up to rounding noise: reached in year 3, not 4
    g_r = (1.05 * (2.0 / 1.5) ** (1 / 3)) - 1
    assert growth.year_reached(2.0, 0.05, g_r, 1.5, 2024) == 2027


def test_the_functions_broadcast_over_arrays():
    targets, years = np.array([[2.0], [1.8], [1.5]]), np.array([2030, 2035, 2050])
    table = growth.rural_growth_needed(2.34, 0.0633, targets, years - 2024)
    assert table.shape == (3, 3)
    assert table[2, 0] == pytest.approx(growth.rural_growth_needed(2.34, 0.0633, 1.5, 6))
    reached = growth.year_reached(2.34, 0.0633, np.array([0.05, 0.0815, 0.12]), 2.0, 2024)
    assert reached[0] == math.inf and reached[1] == 2034 and reached[2] < 2034


@pytest.mark.parametrize("call, fragment", [
    (lambda: growth.ratio_path(2.34, -1.0, 0.05, 3), "above -1"),
    (lambda: growth.years_to_target(-2.34, 0.05, 0.06, 2), "ratio0 must be positive"),
    (lambda: growth.rural_growth_needed(2.34, 0.05, 2, 0), "years must be positive"),
    (lambda: growth.average_growth(0, 10, 2), "first must be positive"),
])
def test_bad_arguments_are_refused_in_one_line(call, fragment):
    """An InputError, which a notebook shows as one line, not a traceback."""
    with pytest.raises(InputError, match=fragment) as err:
        call()
    assert "\n" not in str(err.value)
    assert err.value._render_traceback_() == [f"InputError: {err.value}"]


def test_the_review_s_hand_checked_numbers_on_2015_2024():
    """§6 of the review: urban 31,195 -> 54,188 and rural 11,422 -> 23,119 yuan over 2015-2024."""
    w = wide()
    g_u, g_r = cagr(w, URBAN, 2015, 2024), cagr(w, RURAL, 2015, 2024)
    assert (round(100 * g_u, 3), round(100 * g_r, 3)) == (6.328, 8.150)
    ratio0 = w.loc[2024, RATIO]
    assert round(float(growth.years_to_target(ratio0, g_u, g_r, 2)), 2) == 9.24
    assert growth.year_reached(ratio0, g_u, g_r, 2, 2024) == 2034
    assert round(float(growth.ratio_path(ratio0, g_u, g_r, 10)), 3) == 1.974
    assert round(100 * float(growth.rural_growth_needed(ratio0, g_u, 2, 11)), 3) == 7.856
    table = {(tgt, y): round(100 * float(growth.rural_growth_needed(ratio0, g_u, tgt, y - 2024)), 2)
             for tgt in (2.0, 1.8, 1.5) for y in (2030, 2035, 2050)}
    assert table == {(2.0, 2030): 9.15, (2.0, 2035): 7.86, (2.0, 2050): 6.97,
                     (1.8, 2030): 11.08, (1.8, 2035): 8.89, (1.8, 2050): 7.41,
                     (1.5, 2030): 14.51, (1.5, 2035): 10.71, (1.5, 2050): 8.16}
    early = (cagr(w, URBAN, 2015, 2019), cagr(w, RURAL, 2015, 2019))
    recent = (cagr(w, URBAN, 2019, 2024), cagr(w, RURAL, 2019, 2024))
    assert [round(100 * g, 2) for g in early + recent] == [7.95, 8.83, 5.05, 7.61]
    assert growth.year_reached(ratio0, *early, 2, 2024) == 2044
    assert growth.year_reached(ratio0, *recent, 2, 2024) == 2031


# -- the lesson's computations ----------------------------------------------------------------------

def test_the_hand_built_calculator_matches_plain_pandas(ns):
    w = wide()
    last = int(w.index.max())
    assert ns["last"] == last and ns["ratio0"] == w.loc[last, RATIO]
    assert ns["g_u"] == pytest.approx(cagr(w, URBAN, 2015, last))
    assert ns["g_r"] == pytest.approx(cagr(w, RURAL, 2015, last))
    ratio0, g_u, g_r = w.loc[last, RATIO], cagr(w, URBAN, 2015, last), cagr(w, RURAL, 2015, last)
    assert ns["t"] == pytest.approx(math.log(2 / ratio0) / math.log((1 + g_u) / (1 + g_r)))
    assert ns["path"]["year"].tolist() == list(range(last, 2036))
    first = ns["path"].loc[ns["path"]["ratio"] <= 2, "year"].min()
    assert first == loop_first_year(ratio0, g_u, g_r, 2.0, last) == last + math.ceil(ns["t"])
    assert ns["needed"] == pytest.approx((1 + g_u) * (ratio0 / 2) ** (1 / (2035 - last)) - 1)


def test_the_required_growth_table_is_long_then_wide(ns):
    w = wide()
    last = int(w.index.max())
    ratio0, g_u = w.loc[last, RATIO], cagr(w, URBAN, 2015, last)
    long = ns["needed_long"]
    assert len(long) == 9 and list(long.columns) == ["target ratio", "by year", "rural growth needed (% a year)"]
    table = ns["needed_wide"]
    assert table.index.tolist() == [1.5, 1.8, 2.0] and table.columns.tolist() == [2030, 2035, 2050]
    for tgt in (1.5, 1.8, 2.0):
        for year in (2030, 2035, 2050):
            want = round(100 * ((1 + g_u) * (ratio0 / tgt) ** (1 / (year - last)) - 1), 2)
            assert table.loc[tgt, year] == pytest.approx(want)


def test_the_ratio_falls_and_the_gap_widens_every_year(ns):
    w = wide()
    gap = w[URBAN] - w[RURAL]
    assert (w[RATIO].diff().dropna() < 0).all() and (gap.diff().dropna() > 0).all()
    assert ns["wide"]["gap_yuan"].equals(gap.rename("gap_yuan"))
    assert ns["society_rows"].loc[1, "value"] == f"{gap.iloc[-1]:,g}"


def test_the_old_survey_values_are_the_sparse_years_of_the_table(ns):
    inc = pd.read_csv(DATA / "income.csv")
    old = inc[(inc["indicator"] == RATIO) & (inc["survey_basis"] == "old_survey")]
    assert ns["old"]["year"].tolist() == old["year"].tolist()
    before_2010 = old.loc[old["year"] < 2010, "year"]
    assert before_2010.diff().dropna().max() >= 5  # sparse: the figure draws them as points


def test_the_income_series_never_join_a_missing_year(ns):
    incomes = ns["incomes"]
    for (_, _), rows in incomes.groupby(["series", "run"]):
        assert (rows["year"].diff().dropna() == 1).all()
    assert not incomes.duplicated(["series", "year"]).any()
    assert set(incomes["series"]) == {"national rural (disposable)", "poor / poverty-lifted areas (disposable)",
                                      "registered poor / people lifted out (net)"}


def test_the_perspectives_table_covers_all_five_and_every_row_is_sourced(ns):
    table = ns["perspectives"]
    assert table["perspective"].unique().tolist() == ["people", "society", "organizations", "institutions",
                                                     "development"]
    sources = set(pd.read_csv(DATA / "sources.csv")["source_id"])
    for cell in table.loc[table["source_id"] != "—", "source_id"]:
        assert set(cell.split(";")) <= sources, cell
    # the urbanisation caveat of the review (P10)
    urban = table[table["indicator"] == "urbanisation rate"].iloc[0]
    assert urban["what the data cannot show"] == "census-consistent; the table's 2011-2019 values are pre-revision"
    pop = pd.read_csv(DATA / "population.csv").sort_values("year").iloc[-1]
    assert urban["year"] == str(pop["year"]) and urban["value"] == f"{pop['urbanization_pct']:,g}"
