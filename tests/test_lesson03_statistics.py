"""Lesson 03 statistics: the indicator measures, the figures (checked by the data on the axes)
and the explorer (every control, bad input keeps the output)."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from conftest import DATA
from ruralrev import data
from ruralrev.inputs import InputError
from ruralrev.measures import statistics as st
from ruralrev.plots import statistics as sp
from ruralrev.widgets.statistics import StatisticsExplorer
from conftest import assert_rejected


@pytest.fixture(scope="module")
def frames():
    return st.load_frames(data.load)


# --------------------------------------------------------------------------- measures


def test_every_indicator_and_region_gives_rows_in_the_years(frames):
    for indicator in st.INDICATORS:
        for region in st.regions_for(indicator):
            rows = st.indicator_series(frames, indicator, region, 2012, 2020)
            assert list(rows.columns) == ["year", "value", "status", "source_id"]
            assert rows["year"].between(2012, 2020).all() and rows["year"].is_monotonic_increasing
            assert rows["value"].notna().all()


def test_west_rural_poor_has_the_gappy_series_with_2017_derived(frames):
    rows = st.indicator_series(frames, "rural_poor", "west", "2012", "2019")
    assert rows["year"].tolist() == [2012, 2016, 2017, 2018, 2019]
    assert rows["value"].tolist() == [50.86, 22.51, 16.34, 9.16, 3.23]
    assert st.summary_sentence("rural_poor", "west", rows) == (
        "Rural poor (million people), West, 2012-2019: 50.86 -> 3.23 (change -47.63, average -6.8 a year; "
        "5 values; derived: 2017). Sources: chinabankingnews_201902, mtoou, theorychina_201902, zgdzm_202002, "
        "zylgz_202001.")


def test_income_uses_the_integrated_survey_not_the_backcast(frames):
    rows = st.indicator_series(frames, "rural_income", "national", 2012, 2020)
    assert rows["year"].tolist() == list(range(2014, 2021))  # 2012 back-cast excluded
    poor = st.indicator_series(frames, "rural_income", "poor_areas", 2012, 2020)
    assert poor["year"].tolist() == [2013, 2016, 2017, 2018, 2019, 2020]


def test_flow_sentence_sums_the_counties(frames):
    rows = st.indicator_series(frames, "counties_exited", "national", 2012, 2020)
    sentence = st.summary_sentence("counties_exited", "national", rows)
    assert sentence.startswith("Poor counties exited (counties a year), National, 2016-2020: total 832 "
                               "(5 values; most in 2019: 344). Sources: ")


def test_one_value_sentence(frames):
    rows = st.indicator_series(frames, "incidence", "west", 2016, 2016)
    assert st.summary_sentence("incidence", "west", rows) == (
        "Poverty incidence (percent of rural population), West, 2016: 7.8 (one value). Sources: mtoou.")


def test_sentences_agree_with_the_csv_read_independently(frames):
    """First and last values in each full-range sentence, recomputed with plain pandas from the CSV."""
    hc = pd.read_csv(DATA / "headcount.csv", dtype={"standard": str})
    hc = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official") & hc["year"].between(2012, 2020)]
    inc = pd.read_csv(DATA / "income.csv")
    poor = inc[inc["indicator"] == "poor_area_rural_income"].sort_values("year")
    cases = [("rural_poor", "national", hc["poor_million"]), ("incidence", "national", hc["incidence_pct"]),
             ("rural_income", "poor_areas", poor["value"])]
    for indicator, region, values in cases:
        rows = st.indicator_series(frames, indicator, region, 2012, 2020)
        first, last = (f"{v:.2f}".rstrip("0").rstrip(".") for v in (values.iloc[0], values.iloc[-1]))
        assert f": {first} -> {last} (" in st.summary_sentence(indicator, region, rows)


@pytest.mark.parametrize("args, fragment", [
    (("gdp", "national", 2012, 2020), "Indicator must be one of"),
    (("incidence", "east", 2012, 2020), "Region: Poverty incidence is available for National, West only."),
    (("rural_poor", "national", "abc", 2020), "From year must be a whole number"),
    (("rural_poor", "national", 2011, 2020), "From year must be from 2012 to 2020"),
    (("rural_poor", "national", 2012, "2030"), "To year must be from 2012 to 2020"),
    (("rural_poor", "national", "", 2020), "From year is empty"),
    (("rural_poor", "national", 2019, 2015), "must not be after"),
    (("rural_poor", "national", 2015.5, 2020), "From year must be a whole number"),
    (("counties_exited", "national", 2012, 2015), "No values of poor counties exited for National from 2012 to 2015"),
])
def test_bad_input_raises_a_one_line_input_error(frames, args, fragment):
    with pytest.raises(InputError) as info:
        st.indicator_series(frames, *args)
    assert fragment in str(info.value) and "\n" not in str(info.value)


# --------------------------------------------------------------------------- plots


def test_plot_indicator_draws_series_and_hollow_derived_markers(frames):
    west = st.indicator_series(frames, "rural_poor", "west", 2012, 2019)
    east = st.indicator_series(frames, "rural_poor", "east", 2012, 2019)
    ax = sp.plot_indicator({"West": west, "East": east}, ylabel="million people", title="T")
    lines = ax.get_lines()
    labels = [ln.get_label() for ln in lines]
    assert labels == ["West", "derived value", "East", "_derived"]
    assert list(lines[0].get_ydata()) == west["value"].tolist()
    assert list(lines[1].get_xdata()) == [2017] and lines[1].get_markerfacecolor() == "white"
    assert lines[0].get_marker() != lines[2].get_marker() and lines[0].get_linestyle() != lines[2].get_linestyle()
    assert ax.get_ylabel() == "million people" and ax.get_xlabel() == "Year" and ax.get_title() == "T"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["West", "derived value", "East"]


def test_plot_indicator_single_series_without_derived_has_no_legend(frames):
    fig, ax = plt.subplots()
    rows = st.indicator_series(frames, "rural_poor", "national", 2012, 2020)
    out = sp.plot_indicator({"National": rows}, ylabel="y", ax=ax)
    assert out is ax and ax.get_legend() is None and len(ax.get_lines()) == 1


def test_plot_reductions_bars_reference_and_limits():
    rows = pd.DataFrame({"year": [2013, 2014], "reduction": [16.5, 12.32]})
    ax = sp.plot_reductions(rows, ylabel="million people", reference=10, reference_label="paper: over 10")
    heights = [p.get_height() for p in ax.patches]
    assert heights == [16.5, 12.32] and all(p.get_hatch() == "//" for p in ax.patches)
    ref = ax.get_lines()[0]
    assert list(ref.get_ydata()) == [10, 10] and ref.get_linestyle() == "--" and ref.get_label() == "paper: over 10"
    assert [t.get_text() for t in ax.texts] == ["16.50", "12.32"]
    assert ax.get_ylim() == pytest.approx((0, 16.5 * 1.15))


def test_plot_county_exits_bars_cumulative_and_total(frames):
    exits = frames["county_exits"].sort_values("year")
    ax = sp.plot_county_exits(exits, total=832)
    assert [p.get_height() for p in ax.patches] == exits["counties_exited"].tolist()
    cumulative, total = ax.get_lines()
    assert list(cumulative.get_ydata()) == [28, 153, 436, 780, 832] and cumulative.get_marker() == "o"
    assert list(total.get_ydata()) == [832, 832] and total.get_linestyle() == "--"
    assert ax.get_ylim()[1] > 832 * 1.3 and ax.get_xlabel() == "Cohort year"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2016\n28 exits", "2017\n125 exits", "2018\n283 exits",
                                                             "2019\n344 exits", "2020\n52 exits"]


def test_plot_verdicts_stacks_counts_by_section_with_hatches():
    v = pd.DataFrame({"section": ["§3.1", "§3.2", "§3.2", "§3.2", "§5.4"],
                      "verdict": ["consistent", "inconsistent", "not checkable", "inconsistent", "not checkable"]})
    ax = sp.plot_verdicts(v)
    widths = [p.get_width() for p in ax.patches]  # consistent bars, then inconsistent, then not checkable
    assert widths == [1, 0, 0, 0, 2, 0, 0, 1, 1]
    lefts = [p.get_x() for p in ax.patches]
    assert lefts[7] == 2  # §3.2 'not checkable' starts after its two 'inconsistent'
    hatches = {ax.patches[i].get_hatch() or "" for i in (0, 3, 6)}
    assert len(hatches) == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == ["§3.1", "§3.2", "§5.4"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["consistent", "inconsistent", "not checkable"]
    colours = {to_hex(ax.patches[i].get_facecolor()) for i in (0, 3, 6)}
    assert len(colours) == 3


# --------------------------------------------------------------------------- explorer


@pytest.fixture
def ex():
    return StatisticsExplorer()


def test_default_shows_the_national_rural_poor(ex):
    assert ex.result["rows"]["year"].tolist() == list(range(2012, 2021))
    assert ex.summary.value.startswith('<p class="ruralrev-summary">Rural poor (million people), National, '
                                       "2012-2020: 98.99 -&gt; 0 (change -98.99, average -12.37 a year; 9 values).")
    assert list(ex.ax.get_lines()[0].get_ydata()) == ex.result["rows"]["value"].tolist()
    assert ex.figure.value.startswith('<img alt="Rural poor') and "base64," in ex.figure.value
    assert ex.ax.get_ylabel() == "million people"


def test_every_control_changes_the_result(ex):
    ex.region.value = "west"
    assert ex.result["rows"]["year"].tolist() == [2012, 2016, 2017, 2018, 2019]
    ex.indicator.value = "incidence"  # west still applies: kept
    assert ex.region.value == "west" and ex.result["rows"]["value"].tolist() == [17.5, 7.8]
    assert [v for _, v in ex.region.options] == ["national", "west"]
    ex.indicator.value = "counties_exited"  # west does not apply: first region
    assert ex.region.value == "national" and ex.result["rows"]["value"].sum() == 832
    assert "total 832" in ex.summary.value
    ex.indicator.value = "rural_income"
    ex.region.value = "poor_areas"
    assert ex.result["rows"]["value"].iloc[-1] == 12588
    ex.start.value = "2016"
    assert ex.result["rows"]["year"].min() == 2016
    ex.end.value = "2018"
    assert ex.result["rows"]["year"].tolist() == [2016, 2017, 2018]
    assert ex.summary.value.startswith('<p class="ruralrev-summary">Rural income per person (yuan a year, current '
                                       "prices), Poor areas, 2016-2018: 8452 -&gt; 10371")


def test_indicator_change_redraws_once(ex, monkeypatch):
    calls = []
    original = ex.update
    monkeypatch.setattr(ex, "update", lambda: (calls.append(1), original()))
    ex.indicator.value = "counties_exited"
    assert len(calls) == 1


@pytest.mark.parametrize("control, value, fragment", [
    ("start", "abc", "From year must be a whole number"),
    ("end", "1800", "To year must be from 2012 to 2020"),
    ("start", "", "From year is empty"),
    ("start", "20l5", "From year must be a whole number"),
    ("end", "2012.5", "To year must be a whole number"),
])
def test_bad_input_shows_one_line_message_and_keeps_output(ex, control, value, fragment):
    assert_rejected(ex, control, value, fragment)


def test_reversed_and_empty_ranges_keep_output(ex):
    ex.start.value = "2019"
    good = (ex.summary.value, ex.result)
    ex.end.value = "2015"
    assert "must not be after" in ex.error and (ex.summary.value, ex.result) == good
    ex.end.value = "2020"
    ex.start.value = "2012"
    ex.end.value = "2014"
    ex.indicator.value = "counties_exited"
    assert ex.error.startswith("No values of poor counties exited") and ex.result["indicator"] == "rural_poor"


def test_region_set_from_code_to_one_without_data_is_refused(ex):
    before = ex.result
    with pytest.raises(InputError, match="available for National, West only"):
        ex.compute(indicator="incidence", region="east", start="2012", end="2020")
    assert ex.result is before


def test_message_clears_after_valid_input(ex):
    ex.start.value = "abc"
    assert ex.message.value
    ex.start.value = "2015"
    assert ex.message.value == "" and ex.error == "" and ex.result["rows"]["year"].min() == 2015


def test_summary_sources_resolve_and_figure_is_reused(ex):
    fig = ex.fig
    ex.region.value = "east"
    ids = ex.summary.value.split("Sources: ")[1].removesuffix(".</p>").split(", ")
    assert set(ids) <= set(data.load("sources")["source_id"])
    assert ex.fig is fig and ex.ax.get_title() == "Rural poor: East"
