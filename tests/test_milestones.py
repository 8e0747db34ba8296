"""Milestone selection and marking (shared by lessons 01 and 02)."""

import pandas as pd
import pytest

from ruralrev import data
from ruralrev.inputs import InputError
from ruralrev.measures.milestones import milestones_in
from ruralrev.plots import plot_series
from ruralrev.plots.milestones import plot_milestones


def test_milestones_in_years_themes_and_periods():
    ms = data.load("milestones")
    sel = milestones_in(ms, "2013", 2017)
    assert sel["year"].between(2013, 2017).all() and len(sel) == 4
    assert sel["date"].is_monotonic_increasing
    rr = milestones_in(ms, 1978, 2021, themes=["rural revitalization"])
    assert set(rr["theme"]) == {"rural revitalization"} and rr["year"].min() == 2017
    early = milestones_in(ms, 1978, 2021, periods=["1978-1985 rural reform"])
    assert early["year"].max() < 1986


@pytest.mark.parametrize("start, end, fragment", [("x", 2000, "whole number"), (1970, 2000, "from 1978"),
                                                  (2010, 2000, "must not be after")])
def test_milestones_in_rejects_bad_years(start, end, fragment):
    with pytest.raises(InputError, match=fragment):
        milestones_in(data.load("milestones"), start, end)


def test_plot_milestones_marks_each_year_with_its_label():
    ms = milestones_in(data.load("milestones"), 2011, 2015)
    ax = plot_series({"a": pd.DataFrame({"year": [2011, 2015], "value": [1.0, 2.0]})}, ylabel="y")
    plot_milestones(ms, ax=ax)
    assert [line.get_xdata()[0] for line in ax.get_lines()[1:]] == ms["year"].tolist()
    assert [t.get_text().strip() for t in ax.texts] == ms["label"].tolist()
