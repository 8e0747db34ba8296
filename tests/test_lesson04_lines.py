"""Lesson 04 (poverty lines): measures, plots and the explorer, checked against data/ read directly."""

import math

import numpy as np
import pandas as pd
import pytest

from conftest import DATA
from ruralrev import data, quiz
from ruralrev.inputs import InputError
from ruralrev.measures import lines as m
from ruralrev.plots.lines import BREAK_GID, plot_national_line, plot_segments
from ruralrev.widgets.lines import LinesExplorer, usd
from conftest import assert_rejected


@pytest.fixture(scope="module")
def pip():
    return data.load("pip_headcount")


@pytest.fixture(scope="module")
def raw():
    """The CSV read with plain pandas, independently of ruralrev."""
    return pd.read_csv(DATA / "pip_headcount.csv")


def direct(raw, country, level, line, ppp, start=None, end=None):
    rows = raw[(raw["country"] == country) & (raw["reporting_level"] == level) & (raw["line"] == line)
               & (raw["ppp_version"] == ppp)]
    if start is not None:
        rows = rows[rows["year"].between(start, end)]
    return rows.sort_values("year").reset_index(drop=True)


def expected_summary(raw, country, level, line, ppp, start=None, end=None):
    """The explorer's sentence, rebuilt from the CSV with pandas."""
    s = direct(raw, country, level, line, ppp, start, end)
    pct = lambda v: f"{v:.1f}%" if v >= 1 else f"{v:.2f}%"  # noqa: E731
    key = s["survey_comparability"].astype(str) + s["welfare_type"]
    k = int((key != key.shift()).sum() - 1)
    dollars = s["line_usd_per_day"].iloc[0]
    dollars = f"${dollars:.0f}" if dollars == int(dollars) else f"${dollars:.2f}"
    name = {"international": "international poverty line", "lower-middle income": "lower-middle-income line",
            "upper-middle income": "upper-middle-income line", "ten dollars": "ten-dollar line"}[line]
    if len(s) == 1:
        values = f"{pct(s['headcount_ratio_pct'].iloc[0])} in {s['year'].iloc[0]} (one survey year)"
    else:
        values = (f"{pct(s['headcount_ratio_pct'].iloc[0])} in {s['year'].iloc[0]} → "
                  f"{pct(s['headcount_ratio_pct'].iloc[-1])} in {s['year'].iloc[-1]}")
    breaks = "no survey break" if k == 0 else f"{k} survey break" + ("s" if k > 1 else "")
    welfare = ", then ".join(dict.fromkeys(s["welfare_type"]))
    ids = ", ".join(sorted(set(";".join(s["source_id"]).split(";"))))
    return (f"{country}, {level}, {ppp} PPP, {dollars} a day ({name}): {values}; {breaks} in range; "
            f"welfare measured by {welfare}. Sources: {ids}.")


# -- measures: China's national line ------------------------------------------------------------

def test_national_line_years_values_and_support():
    table = m.national_line(data.load("headcount"))
    assert table["year"].tolist() == list(range(2010, 2021))
    support = dict(zip(table["year"], table["support"]))
    assert support[2010] == "base"
    assert [y for y, s in support.items() if s == "verified"] == list(range(2011, 2017))
    assert [y for y, s in support.items() if s == "missing"] == [2017, 2018]
    assert [y for y, s in support.items() if s == "weak"] == [2019, 2020]
    raw = pd.read_csv(DATA / "headcount.csv")
    official = raw[(raw["standard"] == 2010) & (raw["estimate"] == "official")].set_index("year")
    for row in table.dropna(subset=["line_yuan"]).itertuples():
        assert row.line_yuan == official.loc[row.year, "poverty_line_yuan"]
        assert row.source_id == official.loc[row.year, "source_id"]
    at_2016 = table.set_index("year").loc[2016]
    assert at_2016["growth_pct_since_base"] == pytest.approx(100 * (2952 / 2300 - 1))
    assert table.loc[table["support"] == "missing", "source_id"].eq("").all()


def test_national_line_reads_weakness_from_status():
    headcount = data.load("headcount").copy()
    headcount.loc[(headcount["year"] == 2016) & (headcount["standard"] == "2010"), "status"] = "Verified (LINE WEAK)"
    table = m.national_line(headcount).set_index("year")
    assert table.loc[2016, "support"] == "weak" and table.loc[2015, "support"] == "verified"


def test_annual_growth_pct():
    assert m.annual_growth_pct(100, 121, 2) == pytest.approx(10)
    assert m.annual_growth_pct(2536, 2952, 5) == pytest.approx(100 * ((2952 / 2536) ** 0.2 - 1))
    with pytest.raises(ValueError):
        m.annual_growth_pct(100, 121, 0)


# -- measures: PIP series -----------------------------------------------------------------------

@pytest.mark.parametrize("line, ppp, value", [("international", 2011, 1.9), ("international", "2017", 2.15),
                                              ("lower-middle income", 2017, 3.65), ("upper-middle income", 2011, 5.5)])
def test_line_usd(pip, raw, line, ppp, value):
    assert m.line_usd(pip, line, ppp) == value
    assert raw.loc[(raw["line"] == line) & (raw["ppp_version"] == int(ppp)), "line_usd_per_day"].unique() == [value]


def test_pip_series_matches_the_csv(pip, raw):
    s = m.pip_series(pip, country="China", level="rural", line="international", ppp=2017)
    d = direct(raw, "China", "rural", "international", 2017)
    assert s["year"].tolist() == d["year"].tolist() and s["year"].iloc[0] == 1981
    assert np.allclose(s["value"], d["headcount_ratio_pct"])
    assert s["welfare_type"].tolist() == d["welfare_type"].tolist()
    typed = m.pip_series(pip, country="India", level="urban", line="ten dollars", ppp="2011", start=" 2009", end="2017")
    assert typed["year"].tolist() == [2009, 2011, 2015, 2016, 2017]
    expected = direct(raw, "India", "urban", "ten dollars", 2011, 2009, 2017)
    assert np.allclose(typed["value"], expected["headcount_ratio_pct"])


@pytest.mark.parametrize("kwargs, fragment", [
    ({"country": "Japan"}, "Country must be one of"),
    ({"level": "suburban"}, "Level must be one of"),
    ({"line": "half of median"}, "Line must be one of"),
    ({"ppp": 2005}, "PPP base must be one of"),
    ({"ppp": True}, "PPP base must be one of"),
    ({"country": "Nigeria", "level": "rural"}, "Level: the data have no rural series for Nigeria (only national)"),
    ({"start": "abc"}, "From year must be a whole number"),
    ({"start": "2015.5"}, "From year must be a whole number"),
    ({"end": 1800}, "To year must be from 1977 to 2021"),
    ({"start": 2015, "end": 2012}, "must not be after"),
    ({"country": "China", "start": 2020, "end": 2021}, "From year / To year: China (rural) has no survey year"),
])
def test_pip_series_rejects_bad_choices_with_one_line(pip, kwargs, fragment):
    args = {"country": "China", "level": "rural", "line": "international", "ppp": 2017, **kwargs}
    with pytest.raises(InputError) as info:
        m.pip_series(pip, **args)
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_segments_split_at_every_break(pip):
    s = m.pip_series(pip, country="China", level="rural", line="international", ppp=2017)
    parts = m.segments(s)
    assert [p["year"].tolist()[0] for p in parts] == [1981, 1990, 2013]
    assert [p["year"].tolist()[-1] for p in parts] == [1987, 2012, 2019]
    assert sum(len(p) for p in parts) == len(s)
    for p in parts:
        assert p["survey_comparability"].nunique() == 1 and p["welfare_type"].nunique() == 1
    # a change of welfare type alone is a break too
    toy = pd.DataFrame({"year": [1, 2, 3], "value": [1.0, 2.0, 3.0], "survey_comparability": [0, 0, 0],
                        "welfare_type": ["income", "consumption", "consumption"]})
    assert [p["year"].tolist() for p in m.segments(toy)] == [[1], [2, 3]]
    assert m.segments(toy.iloc[:0]) == []


def test_survey_breaks(pip):
    china = m.pip_series(pip, country="China", level="urban", line="international", ppp=2011)
    b = m.survey_breaks(china)
    assert list(zip(b["year_before"], b["year_after"])) == [(1987, 1990), (2012, 2013)]
    assert b["welfare_before"].tolist() == ["income", "consumption"]
    india = m.pip_series(pip, country="India", level="national", line="international", ppp=2017)
    assert len(m.survey_breaks(india)) == 4
    brazil = m.pip_series(pip, country="Brazil", level="national", line="international", ppp=2017, start=2013, end=2020)
    assert m.survey_breaks(brazil).empty


def test_ratio_at(pip, raw):
    s = m.pip_series(pip, country="China", level="national", line="international", ppp=2017)
    d = direct(raw, "China", "national", "international", 2017).set_index("year")
    assert m.ratio_at(s, 2019) == d.loc[2019, "headcount_ratio_pct"]
    assert m.ratio_at(s, "2012") == d.loc[2012, "headcount_ratio_pct"]
    with pytest.raises(InputError, match="Year: no survey value in 2000"):
        m.ratio_at(s, 2000)
    with pytest.raises(InputError, match="Year must be from 1981 to 2019"):
        m.ratio_at(s, 2030)


def test_ppp_gap_same_surveys_two_bases(pip, raw):
    gap = m.ppp_gap(pip, country="Nigeria", level="national", line="international")
    a = direct(raw, "Nigeria", "national", "international", 2011)
    b = direct(raw, "Nigeria", "national", "international", 2017)
    assert gap["year"].tolist() == a["year"].tolist() == b["year"].tolist()
    assert np.allclose(gap["difference"], b["headcount_ratio_pct"] - a["headcount_ratio_pct"])
    assert gap.set_index("year").loc[2018, "difference"] < 0  # lower under the 2017 base
    china = m.ppp_gap(pip, country="China", level="rural", line="international")
    assert (china["difference"] > 0).all()


def test_series_summary_and_format_pct(pip):
    s = m.series_summary(m.pip_series(pip, country="China", level="rural", line="international", ppp=2017))
    assert (s["first_year"], s["last_year"], s["n"], s["breaks"]) == (1981, 2019, 20, 2)
    assert s["welfare"] == ["income", "consumption"] and s["usd"] == 2.15 and s["sources"] == ["pip_owid_copy"]
    assert [m.format_pct(v) for v in (96.87, 12.345, 1.0, 0.256, 0.0)] == ["96.9%", "12.3%", "1.0%", "0.26%", "0.00%"]


# -- plots --------------------------------------------------------------------------------------

def _data_lines(ax):
    return [ln for ln in ax.get_lines() if ln.get_gid() != BREAK_GID]


def test_plot_segments_never_draws_across_a_break(pip):
    rural = m.pip_series(pip, country="China", level="rural", line="international", ppp=2017)
    urban = m.pip_series(pip, country="China", level="urban", line="international", ppp=2017)
    ax = plot_segments({"Rural": rural, "Urban": urban}, ylabel="percent of population", title="T", mark_breaks=True)
    drawn = _data_lines(ax)
    assert len(drawn) == 6
    assert [list(ln.get_xdata()) for ln in drawn[:3]] == [p["year"].tolist() for p in m.segments(rural)]
    assert list(drawn[0].get_ydata()) == rural["value"].iloc[:3].tolist()
    for ln in drawn:  # no piece spans either break
        xs = list(ln.get_xdata())
        assert not (min(xs) <= 1987 and max(xs) >= 1990) and not (min(xs) <= 2012 and max(xs) >= 2013)
    assert drawn[0].get_marker() != drawn[3].get_marker() and drawn[0].get_linestyle() != drawn[3].get_linestyle()
    breaks = [ln for ln in ax.get_lines() if ln.get_gid() == BREAK_GID]
    assert sorted(ln.get_xdata()[0] for ln in breaks) == [1988.5, 2012.5]
    assert [t.get_text().strip() for t in ax.texts] == ["survey break", "survey break"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Rural", "Urban"]
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] >= 1.08 * rural["value"].max()
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("Year", "percent of population", "T")


def test_plot_segments_without_marks_and_on_given_axes(pip):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    s = m.pip_series(pip, country="Vietnam", level="national", line="international", ppp=2017)
    out = plot_segments({"Vietnam": s}, ylabel="y", ax=ax)
    assert out is ax and ax.get_legend() is None and not ax.texts
    assert len(ax.get_lines()) == 3 and all(ln.get_gid() != BREAK_GID for ln in ax.get_lines())


def test_plot_national_line():
    table = m.national_line(data.load("headcount"))
    ax = plot_national_line(table)
    solid, weak, standard = ax.get_lines()
    ys = dict(zip(solid.get_xdata(), solid.get_ydata()))
    assert ys[2010] == 2300 and ys[2016] == 2952 and all(math.isnan(ys[y]) for y in (2017, 2018, 2019, 2020))
    wy = dict(zip(weak.get_xdata(), weak.get_ydata()))
    assert (wy[2019], wy[2020]) == (3218, 4000) and math.isnan(wy[2016])
    assert solid.get_marker() != weak.get_marker() and solid.get_linestyle() != weak.get_linestyle()
    assert list(standard.get_ydata()) == [2300, 2300]
    assert [t.get_text() for t in ax.texts] == [f"{v:,.0f}" for v in table["line_yuan"].dropna()]
    assert ax.get_ylim()[1] > 4000 and ax.get_ylabel() == "yuan per person per year"
    assert "2,300 yuan at 2010 prices" in ax.get_legend().get_texts()[2].get_text()


# -- the explorer -------------------------------------------------------------------------------

def test_explorer_default(raw):
    ex = LinesExplorer()
    text = expected_summary(raw, "China", "rural", "international", 2017)
    assert text.startswith("China, rural, 2017 PPP, $2.15 a day (international poverty line): 96.9% in 1981 → ")
    assert ex.summary.value == f'<p class="ruralrev-summary">{text}</p>'
    assert ex.figure.value.startswith(f'<img alt="{text}"') and "base64," in ex.figure.value
    assert ex.error == ""
    assert ex.result["rows"]["year"].tolist() == direct(raw, "China", "rural", "international", 2017)["year"].tolist()
    assert len(_data_lines(ex.ax)) == 3 and "$2.15" in ex.ax.get_title()


def _summary(ex):
    return ex.summary.value.removeprefix('<p class="ruralrev-summary">').removesuffix("</p>")


def test_every_control_changes_the_summary(raw):
    ex = LinesExplorer()
    ex.ppp.value = 2011
    assert _summary(ex) == expected_summary(raw, "China", "rural", "international", 2011)
    ex.line.value = "upper-middle income"
    assert _summary(ex) == expected_summary(raw, "China", "rural", "upper-middle income", 2011)
    ex.level.value = "urban"
    assert _summary(ex) == expected_summary(raw, "China", "urban", "upper-middle income", 2011)
    ex.country.value = "India"
    assert _summary(ex) == expected_summary(raw, "India", "urban", "upper-middle income", 2011)
    ex.start.value = "2011"
    assert _summary(ex) == expected_summary(raw, "India", "urban", "upper-middle income", 2011, 2011, 2021)
    ex.end.value = "2015"
    assert _summary(ex) == expected_summary(raw, "India", "urban", "upper-middle income", 2011, 2011, 2015)
    assert "1 survey break in range" in _summary(ex)
    ex.line.value = "ten dollars"
    assert "$10 a day (ten-dollar line)" in _summary(ex)


def test_one_survey_year_and_no_break(raw):
    ex = LinesExplorer(country="Nigeria", level="national", start="1985", end="1990")
    assert _summary(ex) == expected_summary(raw, "Nigeria", "national", "international", 2017, 1985, 1990)
    assert "(one survey year); no survey break in range" in _summary(ex)


@pytest.mark.parametrize("control, value, fragment", [
    ("start", "abc", "From year must be a whole number"),
    ("start", "", "From year is empty"),
    ("end", "1800", "To year must be from 1977 to 2021"),
    ("end", "1980", "must not be after"),
    ("start", "2020", "From year / To year: China (rural) has no survey year between 2020 and 2021"),
    ("country", "Nigeria", "Level: the data have no rural series for Nigeria"),
])
def test_bad_input_shows_a_message_and_keeps_the_output(control, value, fragment):
    ex = LinesExplorer(start="1981" if control == "end" else None)
    assert_rejected(ex, control, value, fragment)


def test_message_clears_after_a_valid_choice(raw):
    ex = LinesExplorer()
    ex.country.value = "Brazil"
    assert ex.error.startswith("Level:")
    ex.level.value = "national"
    assert ex.error == "" and ex.message.value == ""
    assert _summary(ex) == expected_summary(raw, "Brazil", "national", "international", 2017)


def test_compute_rejects_wrong_types():
    ex = LinesExplorer()
    with pytest.raises(InputError, match="PPP base"):
        ex.compute(country="China", level="rural", line="international", ppp="2017 PPP", start="1990", end="2000")
    with pytest.raises(InputError, match="From year"):
        ex.compute(country="China", level="rural", line="international", ppp=2017, start=1990.5, end="2000")


def test_figure_is_reused_and_sources_resolve():
    ex = LinesExplorer()
    fig = ex.fig
    ex.country.value = "Indonesia"
    assert ex.fig is fig and len(_data_lines(ex.ax)) == 6  # Indonesia: six comparability groups
    ids = _summary(ex).split("Sources: ")[1].rstrip(".").split(", ")
    assert set(ids) <= set(data.load("sources")["source_id"])


def test_usd_format():
    assert [usd(v) for v in (1.9, 2.15, 10.0)] == ["$1.90", "$2.15", "$10"]


# -- self-check questions -----------------------------------------------------------------------

def test_questions_04():
    ids = [q for q in quiz.questions() if q.startswith("04.")]
    assert ids == ["04.1", "04.2", "04.3", "04.4"]
    for qid in ids:
        q = quiz.questions()[qid]
        assert 0 <= q["answer"] < len(q["options"]) and q["explanation"]
        wrong = {str(i) for i in range(len(q["options"])) if i != q["answer"]}
        assert set(q["hints"]) == wrong, f"{qid}: a hint for every wrong option"
        assert quiz.check(qid, q["answer"]).startswith("Correct.")
