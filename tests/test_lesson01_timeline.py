"""Lesson 01 figures: the milestone timeline and the strategy spans, checked by the data on the axes."""

import re

import matplotlib.pyplot as plt
import pytest

from ruralrev import data
from ruralrev.measures import terms as tm
from ruralrev.plots import timeline as tl

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def ms():
    return data.load("milestones")


def _texts(ax):
    return ([t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_yticklabels()]
            + [ax.get_title(), ax.get_xlabel()]
            + ([t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else []))


def test_every_theme_has_its_own_colour_marker_and_line_style():
    styles = [tl.theme_style(t) for t in tl.THEME_ORDER]
    for k in range(3):
        assert len({str(s[k]) for s in styles}) == len(tl.THEME_ORDER), k
    fields = {f["name"]: f for f in data.describe("milestones")["schema"]["fields"]}
    assert set(tl.THEME_ORDER) == set(fields["theme"]["constraints"]["enum"])


def test_plot_timeline_draws_each_theme_at_its_dates(ms):
    sel = tm.select_milestones(ms, start=2011, end=2021)
    ax = tl.plot_timeline(sel["rows"], start=2011, end=2021)
    rows = sel["rows"].assign(x=tm.decimal_year(sel["rows"]["date"])).sort_values(["x", "label"]).reset_index(drop=True)
    assert [t.get_text() for t in ax.texts] == rows["label"].tolist()
    assert [t.get_position()[1] for t in ax.texts] == list(range(len(rows))) and ax.get_yticks().size == 0
    marker_lines = [ln for ln in ax.get_lines() if ln.get_linestyle() == "None"]
    themes = [t for t in tl.THEME_ORDER if t in set(rows["theme"])]
    assert [ln.get_label() for ln in marker_lines] == themes
    for ln in marker_lines:
        part = rows[rows["theme"] == ln.get_label()]
        assert list(ln.get_xdata()) == part["x"].tolist() and list(ln.get_ydata()) == part.index.tolist()
        assert ln.get_marker() == tl.theme_style(ln.get_label())[1]
    assert ax.get_xlim() == (2010.5, 2022.5)
    assert ax.get_ylim() == (len(rows) - 0.5, -0.5)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == themes
    assert ax.get_title() == "Milestones dated 2011-2021" and ax.get_xlabel() == "Date"
    assert not any(CJK.search(t) for t in _texts(ax))


def test_plot_timeline_stems_start_at_the_left_edge_in_the_theme_line_style(ms):
    sel = tm.select_milestones(ms, theme="rural revitalization", start=2013, end=2021)
    ax = tl.plot_timeline(sel["rows"], start=2013, end=2021, title="RR")
    (stems,) = ax.collections
    segments = stems.get_segments()
    assert [seg[0][0] for seg in segments] == [2012.5] * 4
    assert [round(seg[1][0], 3) for seg in segments] == tm.decimal_year(sel["rows"]["date"]).tolist()
    assert ax.get_title() == "RR"


def test_plot_timeline_uses_the_given_axes_and_default_range(ms):
    fig, ax = plt.subplots()
    sel = tm.select_milestones(ms, theme="white paper")
    assert tl.plot_timeline(sel["rows"], ax=ax) is ax
    assert ax.get_xlim() == (2000.5, 2022.5)


def test_plot_strategy_spans_draws_the_stages_and_the_overlap(ms):
    spans = tm.strategy_spans(ms)
    ax = tl.plot_strategy_spans(spans, highlight=(2017, 2020))
    lines = ax.get_lines()
    assert [list(ln.get_xdata()) for ln in lines] == [[2013, 2020], [2017, 2020, 2035, 2050], [2021, 2025]]
    assert [ln.get_label() for ln in lines] == ["targeted poverty alleviation", "rural revitalization",
                                                "transition period"]
    assert len({ln.get_marker() for ln in lines}) == len({str(ln.get_linestyle()) for ln in lines}) == 3
    bars = [p for p in ax.patches if p.get_width() != 0 and p.get_height() == pytest.approx(0.4)]
    assert sorted((round(b.get_x()), round(b.get_x() + b.get_width())) for b in bars) == sorted(
        zip(spans["start"], spans["end"]))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["targeted poverty alleviation", "rural revitalization",
                                                            "transition period"]
    assert ax.get_xlim() == (2011, 2052)
    shaded = [p for p in ax.patches if p.get_height() != pytest.approx(0.4)]
    assert len(shaded) == 1 and shaded[0].get_x() == 2017 and shaded[0].get_width() == 3
    assert "both\nrun" in [t.get_text() for t in ax.texts]
    assert not any(CJK.search(t) for t in _texts(ax))


def test_plot_strategy_spans_without_highlight_has_no_shading(ms):
    ax = tl.plot_strategy_spans(tm.strategy_spans(ms))
    assert all(p.get_height() == pytest.approx(0.4) for p in ax.patches)
