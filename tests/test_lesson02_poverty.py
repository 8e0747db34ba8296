"""Lesson 02: poverty measures (within one standard), their figures, and cross-checks of the
headcount table against the published totals quoted in its notes."""

import math

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import pytest

from ruralrev import data
from ruralrev.inputs import InputError
from ruralrev.measures import poverty
from ruralrev.measures.milestones import milestones_in
from ruralrev.plots.poverty import (LOW_INCOME_LABEL, milestone_marks, plot_implied_denominator,
                                    plot_milestone_marks, plot_standards)


@pytest.fixture(scope="module")
def hc():
    return data.load("headcount")


# -- measures: standard_series ---------------------------------------------------------------

def test_standard_series_keeps_one_standard_sorted_and_drops_missing(hc):
    rows = poverty.standard_series(hc, ["2010"])
    assert rows.columns.tolist() == ["standard", "year", "estimate", "value", "source_id"]
    assert set(rows["standard"]) == {"2010"}
    assert rows["year"].tolist() == [1978] + list(range(2011, 2021))  # 2010 has a line but no count
    assert rows["value"].iloc[0] == 770 and rows["estimate"].iloc[0] == "back-cast"


def test_standard_series_orders_standards_and_filters_years(hc):
    rows = poverty.standard_series(hc, None, start="2005", end=2009)
    assert rows["standard"].tolist() == ["1978"] * 3 + ["2008"] * 3
    assert rows["year"].tolist() == [2005, 2006, 2007, 2005, 2007, 2009]
    inc = poverty.standard_series(hc, "1978", measure="incidence_pct")
    assert 1985 not in inc["year"].tolist() and inc["value"].iloc[0] == 30.7


@pytest.mark.parametrize("kwargs, fragment", [
    ({"standards": ["1990"]}, "Standard must be one of"),
    ({"standards": []}, "choose at least one"),
    ({"measure": "poverty_line_yuan"}, "Measure must be one of"),
    ({"start": "abc"}, "From year must be a whole number"),
    ({"end": 2030}, "To year must be from 1978 to 2020"),
    ({"start": 2015, "end": 2012}, "must not be after"),
    ({"end": 2021, "years": (1978, 2020)}, "To year must be from 1978 to 2020"),
])
def test_standard_series_rejects_bad_input(hc, kwargs, fragment):
    standards = kwargs.pop("standards", None)
    with pytest.raises(InputError, match=fragment):
        poverty.standard_series(hc, standards, **kwargs)


def test_standard_series_accepts_a_wider_year_range(hc):
    rows = poverty.standard_series(hc, ["2010"], start=2019, end=2021, years=(1978, 2021))
    assert rows["year"].tolist() == [2019, 2020]


# -- measures: average_annual_change -------------------------------------------------------------

def test_average_annual_change_matches_hand_computation(hc):
    r = poverty.average_annual_change(hc, 2012, 2019, standards=["2010"]).iloc[0]
    assert (r["first_year"], r["last_year"], r["first"], r["last"], r["n"]) == (2012, 2019, 98.99, 5.51, 8)
    assert r["change"] == pytest.approx(-93.48)           # the paper's §4.3 figure
    assert r["reduction_per_year"] == pytest.approx(93.48 / 7)
    assert r["change_per_year"] == pytest.approx(-93.48 / 7)
    reform = poverty.average_annual_change(hc, 1978, 1985, standards="1978").iloc[0]
    assert reform["reduction_per_year"] == pytest.approx(125 / 7)
    inc = poverty.average_annual_change(hc, 2012, 2019, measure="incidence_pct", standards=["2010"]).iloc[0]
    assert inc["reduction_per_year"] == pytest.approx((10.2 - 0.6) / 7)


def test_average_annual_change_never_pairs_two_standards(hc):
    out = poverty.average_annual_change(hc, 2006, 2012)
    assert out["standard"].tolist() == ["1978", "2008", "2010"]
    by = out.set_index("standard")
    assert (by.loc["1978", "first_year"], by.loc["1978", "last_year"]) == (2006, 2007)
    assert by.loc["1978", "reduction_per_year"] == pytest.approx(21.48 - 14.79)
    assert (by.loc["2008", "first"], by.loc["2008", "last"]) == (43.2, 35.97)
    assert by.loc["2008", "reduction_per_year"] == pytest.approx((43.2 - 35.97) / 2)
    assert by.loc["2008", "first_estimate"] == "low-income line" and by.loc["2008", "last_estimate"] == "official"
    assert by.loc["2010", "reduction_per_year"] == pytest.approx(122.38 - 98.99)


def test_average_annual_change_single_value_and_missing_standard(hc):
    out = poverty.average_annual_change(hc, 1978, 1980).set_index("standard")
    assert list(out.index) == ["1978", "2010"]            # the 2008 standard has no count here
    assert out["n"].tolist() == [1, 1] and out["change_per_year"].isna().all()
    assert out.loc["2010", "first_estimate"] == "back-cast"


def test_average_annual_change_lists_the_sources_of_the_rows_used(hc):
    r = poverty.average_annual_change(hc, 2018, 2019, standards=["2010"]).iloc[0]
    expected = {"theorychina_201902", "chinabankingnews_201902", "zylgz_202001", "zgdzm_202002", "wzkpw"}
    assert set(r["source_ids"].split(";")) == expected


def test_nbs_decade_average_uses_end_2012_as_start(hc):
    facts = data.load("white_paper_facts").set_index("fact_id")
    nbs = facts.loc["average_annual_reduction_2013_2020", "value"]
    from_2012 = poverty.average_annual_change(hc, 2012, 2020, standards=["2010"])["reduction_per_year"].iloc[0]
    from_2013 = poverty.average_annual_change(hc, 2013, 2020, standards=["2010"])["reduction_per_year"].iloc[0]
    assert round(from_2012, 1) == nbs and round(from_2013, 1) != nbs


# -- measures: annual_reductions ---------------------------------------------------------------

def test_annual_reductions_match_the_published_yearly_falls(hc):
    red = poverty.annual_reductions(hc, standards=["2010"]).set_index("year")
    # yearly falls quoted in the sources (notes of data/headcount.csv)
    published = {2012: 23.39, 2013: 16.50, 2015: 14.42, 2017: 12.89, 2018: 13.86, 2019: 11.09}
    for year, fall in published.items():
        assert red.loc[year, "reduction"] == pytest.approx(fall), year
    assert red.loc[2011, "previous_year"] == 1978 and red.loc[2011, "years_between"] == 33
    assert red.loc[2011, "reduction_per_year"] == pytest.approx((770 - 122.38) / 33)


def test_annual_reductions_stay_within_a_standard(hc):
    red = poverty.annual_reductions(hc)
    assert red.columns.tolist() == ["standard", "year", "previous_year", "previous", "value", "reduction",
                                    "years_between", "reduction_per_year"]
    first = {"1978": 1978, "2008": 2005, "2010": 1978}
    for standard, part in red.groupby("standard"):
        assert first[standard] not in part["year"].tolist()   # the first figure has nothing before it
    row_2009 = red[(red["standard"] == "2008") & (red["year"] == 2009)].iloc[0]
    assert row_2009["previous_year"] == 2007 and row_2009["previous"] == 43.2   # not the 1978 standard's 14.79
    gap = red[(red["standard"] == "1978") & (red["year"] == 1985)].iloc[0]
    assert gap["years_between"] == 7 and gap["reduction_per_year"] == pytest.approx(125 / 7)


def test_cumulative_reductions_match_published_totals(hc):
    red = poverty.annual_reductions(hc, standards=["2010"]).set_index("year")["reduction"]
    assert red.loc[2013:2016].sum() == pytest.approx(55.64)   # NBS 2017: 98.99m (2012) -> 43.35m (2016)
    assert red.loc[2013:2018].sum() == pytest.approx(82.39)   # NBS 2019: cumulative since end-2012
    assert red.loc[2013:2019].sum() == pytest.approx(93.48)   # NBS 2020 and the paper §4.3
    assert red.loc[2013:2020].sum() == pytest.approx(98.99)   # all out by end-2020


# -- measures: implied denominator --------------------------------------------------------------

def test_implied_denominator_by_hand():
    assert poverty.implied_denominator(98.99, 10.2) == pytest.approx(98.99 / 0.102)
    assert poverty.implied_denominator(250, 30.7) == pytest.approx(814.332, abs=1e-3)
    out = poverty.implied_denominator([1.0, 2.0, 3.0], [0.0, 50.0, np.nan])
    assert isinstance(out, np.ndarray) and math.isnan(out[0]) and out[1] == 4.0 and math.isnan(out[2])


def test_implied_denominator_keeps_a_series_index():
    poor = pd.Series([10.0, 5.0], index=[7, 9])
    out = poverty.implied_denominator(poor, pd.Series([10.0, 2.0], index=[7, 9]))
    assert out.index.tolist() == [7, 9] and out.tolist() == [100.0, 250.0]


def test_implied_denominator_bounds_by_hand():
    low, high = poverty.implied_denominator_bounds(5.51, 0.6)
    assert low == pytest.approx(5.505 / 0.0065) and high == pytest.approx(5.515 / 0.0055)
    low, high = poverty.implied_denominator_bounds(250, 30.7, poor_step=10)
    assert low == pytest.approx(245 / 0.3075) and high == pytest.approx(255 / 0.3065)
    low, high = poverty.implied_denominator_bounds(np.array([1.0, 1.0]), np.array([0.05, 0.0]))
    assert math.isinf(high[0]) and math.isnan(low[1]) and math.isnan(high[1])
    s_low, s_high = poverty.implied_denominator_bounds(pd.Series([98.99]), pd.Series([10.2]))
    assert s_low.iloc[0] < poverty.implied_denominator(98.99, 10.2) < s_high.iloc[0]


# -- data cross-checks ---------------------------------------------------------------------------

def test_counts_fall_within_every_standard(hc):
    for standard, part in poverty.standard_series(hc).groupby("standard"):
        assert part["value"].is_monotonic_decreasing, standard


def test_incidence_and_headcount_imply_a_steady_denominator(hc):
    rows = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official") & (hc["incidence_pct"] > 0)]
    implied = poverty.implied_denominator(rows["poor_million"], rows["incidence_pct"])
    low, high = poverty.implied_denominator_bounds(rows["poor_million"], rows["incidence_pct"])
    # a typo in either column would move one year far from the others
    middle = implied.median()
    assert ((implied / middle - 1).abs() < 0.03).sum() == len(rows) - 1      # all years but 2019
    assert ((low <= middle) & (middle <= high)).iloc[-1]                     # 2019: within its rounding range


def test_implied_denominator_exceeds_the_resident_rural_population(hc):
    rows = hc[(hc["standard"] == "2010") & (hc["incidence_pct"] > 0)]
    merged = rows.merge(data.load("population")[["year", "rural_million"]], on="year").dropna(subset=["rural_million"])
    assert merged["year"].tolist() == [2011, 2014, 2015, 2016, 2017, 2018, 2019]
    ratio = poverty.implied_denominator(merged["poor_million"], merged["incidence_pct"]) / merged["rural_million"]
    assert ratio.between(1.4, 1.8).all()


def test_the_papers_section_4_3_figures_are_1978_standard_counts(hc):
    for figure, year in ((125, 1985), (30, 2000)):
        match = hc[hc["poor_million"] == figure]
        assert match[["year", "standard"]].values.tolist() == [[year, "1978"]]


def test_milestones_named_in_the_lesson_exist():
    labels = set(data.load("milestones")["label"])
    assert {"Reform and opening-up", "Leading Group set up", "8-7 Plan", "Outline 2001-2010", "Outline 2011-2020",
            "New 2010-standard line", "Targeted poverty alleviation proposed", "Central conference 2015",
            "Rural revitalization strategy", "Last poor counties delisted", "Victory declared; NRRA set up",
            "White paper April 2021"} <= labels


# -- plots ---------------------------------------------------------------------------------------

def _lines(ax):
    return {line.get_label(): line for line in ax.get_lines()}


def test_plot_standards_draws_each_standard_apart(hc):
    rows = poverty.standard_series(hc)
    ax = plot_standards(rows, title="t")
    lines = _lines(ax)
    assert set(lines) == {"1978 standard", "2008 standard", "2010 standard", LOW_INCOME_LABEL,
                          "2010 standard, back-cast"}
    for standard in ("1978", "2008", "2010"):
        line = lines[f"{standard} standard"]
        part = rows[(rows["standard"] == standard) & (rows["estimate"] != "back-cast")]
        assert list(line.get_xdata()) == part["year"].tolist()
        assert list(line.get_ydata()) == part["value"].tolist()
    back = lines["2010 standard, back-cast"]
    assert list(back.get_xdata()) == [1978] and list(back.get_ydata()) == [770.0]
    assert back.get_linestyle() == "None" and mcolors.to_hex(back.get_markerfacecolor()) == "#ffffff"
    low = lines[LOW_INCOME_LABEL]
    assert list(low.get_xdata()) == [2005, 2007] and low.get_linestyle() == "None"
    main = [lines[f"{s} standard"] for s in ("1978", "2008", "2010")]
    assert len({m.get_marker() for m in main}) == 3 and len({m.get_linestyle() for m in main}) == 3
    assert ax.get_xlabel() == "Year" and ax.get_ylabel() == "Rural poor (million people)" and ax.get_title() == "t"
    assert ax.get_ylim() == pytest.approx((0, 770 * 1.08))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "1978 standard", "2008 standard", LOW_INCOME_LABEL, "2010 standard", "2010 standard, back-cast"]


def test_plot_standards_incidence_label(hc):
    ax = plot_standards(poverty.standard_series(hc, ["2010"], measure="incidence_pct", start=2012),
                        measure="incidence_pct")
    assert ax.get_ylabel() == "Poverty incidence (% of rural population)"
    assert list(ax.get_lines()[0].get_ydata())[:2] == [10.2, 8.5]


def test_milestone_marks_one_per_year():
    ms = data.load("milestones")
    marks = milestone_marks(milestones_in(ms, 2011, 2014)).set_index("year")
    assert marks.index.tolist() == [2011, 2013, 2014]
    assert marks.loc[2011, "label"] == "Outline 2011-2020 (+2 more)" and marks.loc[2011, "count"] == 3
    assert marks.loc[2013, "label"] == "Targeted poverty alleviation proposed"


def test_plot_milestone_marks_adds_headroom_and_labels(hc):
    ms = milestones_in(data.load("milestones"), 2012, 2019)
    ax = plot_standards(poverty.standard_series(hc, ["2010"], start=2012, end=2019))
    top = ax.get_ylim()[1]
    plot_milestone_marks(ms, ax=ax)
    assert ax.get_ylim()[1] == pytest.approx(2 * top)
    assert max(ax.get_yticks()) <= top
    assert [line.get_xdata()[0] for line in ax.get_lines()[1:]] == [2013, 2014, 2015, 2017, 2018]
    assert [t.get_text().strip() for t in ax.texts] == milestone_marks(ms)["label"].tolist()


def test_plot_milestone_marks_without_milestones_leaves_the_axes(hc):
    ax = plot_standards(poverty.standard_series(hc, ["2008"]))
    limits = ax.get_ylim()
    plot_milestone_marks(milestones_in(data.load("milestones"), 2005, 2010), ax=ax)
    assert ax.get_ylim() == limits and not ax.texts


def test_plot_implied_denominator(hc):
    table = pd.DataFrame({"year": [2011, 2012], "implied": [963.6, 970.5], "low": [959.8, 965.7],
                          "high": [967.5, 975.3], "rural_million": [656.56, np.nan]})
    ax = plot_implied_denominator(table)
    resident = [line for line in ax.get_lines() if line.get_label().startswith("Resident")][0]
    assert list(resident.get_xdata()) == [2011] and list(resident.get_ydata()) == [656.56]
    points = ax.containers[0].lines[0]
    assert list(points.get_ydata()) == [963.6, 970.5]
    assert ax.get_ylabel() == "Million people" and ax.get_ylim() == pytest.approx((0, 975.3 * 1.15))
