"""Lesson 04 exercises: expected answers computed from data/ when a check runs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import data
from . import _drawn, _has, exercise, figure, number, text

THREE = ["China", "India", "Indonesia"]  # the countries with rural and urban figures
UMI = "upper-middle income"


def _gap(pip: pd.DataFrame, level: str, line: str) -> pd.Series:
    """2017-base minus 2011-base share, by year, for China at `level` and `line`."""
    rows = pip[(pip["country"] == "China") & (pip["reporting_level"] == level) & (pip["line"] == line)]
    wide = rows.pivot(index="year", columns="ppp_version", values="headcount_ratio_pct")
    return wide[2017] - wide[2011]


def _widest(gap: pd.Series) -> float:
    return float(gap.loc[gap.abs().idxmax()])


@exercise("04.2")
def ppp_gap_at_a_higher_line():
    pip = data.load("pip_headcount")
    gap = _gap(pip, "rural", UMI)
    right = _widest(gap)
    mistakes = [
        (-right, "Your difference has the wrong sign: subtract the 2011 base from the 2017 base (2017 minus 2011)."),
        (float(gap.abs().idxmax()), "This is the year of the widest gap; give the difference in that year "
                                    "(read it with .loc)."),
        (_widest(_gap(pip, "rural", "international")),
         "This is the gap at the international line: keep the upper-middle-income line."),
        (_widest(_gap(pip, "rural", "lower-middle income")),
         "This is the gap at the lower-middle-income line: keep the upper-middle-income line."),
        (_widest(_gap(pip, "national", UMI)), "This is the national series: keep the rural rows only."),
        (_widest(_gap(pip, "urban", UMI)), "This is the urban series: keep the rural rows only."),
        (float(gap.mean()), "This is the average gap over all years: find the year where the gap is widest "
                            "(.abs().idxmax()) and read the difference there."),
        (float(gap.abs().max()) if float(gap.abs().max()) != right else np.nan,
         "This is the size of the widest gap without its sign: read the difference itself with .loc."),
    ]
    return number(right, tol=0.01, unit="percentage points (2017 base minus 2011 base)",
                  mistakes=[(v, m) for v, m in mistakes if v == v and abs(v - right) > 0.01])


def _panels(ax) -> dict:
    """The panels of the answer's figure, by the country named in each panel's title."""
    found = {}
    for panel in ax.figure.axes:
        for country in THREE:
            if country in panel.get_title():
                found.setdefault(country, panel)
    return found


def _expected_points(pip: pd.DataFrame, country: str) -> pd.DataFrame:
    rows = pip[(pip["country"] == country) & pip["reporting_level"].isin(["rural", "urban"])
               & (pip["line"] == UMI) & (pip["ppp_version"] == 2017)]
    return rows[["year", "headcount_ratio_pct", "reporting_level", "survey_comparability"]]


def _owners(xy: np.ndarray, expected: pd.DataFrame, tol: float = 0.01) -> list[tuple]:
    """For each drawn point, the (level, group) of the nearest expected row of the same year, if close."""
    years = expected["year"].to_numpy(float)
    values = expected["headcount_ratio_pct"].to_numpy(float)
    keys = list(zip(expected["reporting_level"], expected["survey_comparability"]))
    out = []
    for x, y in xy:
        distance = np.where(np.abs(years - x) < 1e-6, np.abs(values - y), np.inf)  # same year only
        nearest = int(np.argmin(distance))
        if distance[nearest] <= tol * max(1.0, abs(y)):
            out.append(keys[nearest])
    return out


def _all_there(country: str, level: str):
    """Every expected point of one level is drawn in the country's panel."""
    def test(ax):
        panel = _panels(ax).get(country)
        if panel is None:
            return True  # the panels check reports it
        expected = _expected_points(data.load("pip_headcount"), country)
        want = expected.loc[expected["reporting_level"] == level, ["year", "headcount_ratio_pct"]].to_numpy(float)
        drawn = [xy for _, xy in _drawn(panel)]
        points = np.concatenate(drawn) if drawn else np.empty((0, 2))
        return all(_has(points, p, 0.01) for p in want)
    return test


def _lines_keep_apart(country: str, what: str):
    """No drawn line joins rural with urban points (what='level') or two comparability groups ('group')."""
    def test(ax):
        panel = _panels(ax).get(country)
        if panel is None:
            return True
        expected = _expected_points(data.load("pip_headcount"), country)
        for kind, xy in _drawn(panel):
            if kind != "line":
                continue
            owners = _owners(xy, expected)
            levels = {level for level, _ in owners}
            if what == "level" and len(levels) > 1:
                return False
            if what == "group" and len(levels) == 1 and len(set(owners)) > 1:
                return False
        return True
    return test


@exercise("04.3")
def rural_urban_small_multiples():
    extra = [(lambda ax: len(_panels(ax)) == len(THREE),
              "Draw one panel per country, for China, India and Indonesia: sns.relplot(..., col=\"country\"), "
              "and check the grid it returns.")]
    for country in THREE:
        for level in ("rural", "urban"):
            extra.append((_all_there(country, level),
                          f"In the {country} panel the {level} series is not all there: check the filter "
                          "(the upper-middle-income line, 2017 PPP) and the column on the y-axis."))
        extra.append((_lines_keep_apart(country, "level"),
                      f"In the {country} panel one line joins rural and urban points: tell them apart with hue= "
                      "(and style=)."))
        extra.append((_lines_keep_apart(country, "group"),
                      f"In the {country} panel a line crosses a survey break: give seaborn units= (the "
                      "comparability group) and estimator=None."))
    extra.append((_labelled,
                  "Label the axes with g.set_axis_labels(...): the x-axis should mention 'year', and the y-axis "
                  "the unit, '%'."))
    return figure(series={}, legend=True, extra=extra)


def _labelled(ax) -> bool:
    """Some panel's x label mentions the year and some panel's y label the unit (a grid labels only the outer
    panels)."""
    panels = ax.figure.axes
    return (any("year" in p.get_xlabel().lower() for p in panels)
            and any("%" in p.get_ylabel() for p in panels))


@exercise("04.1")
def has_poverty_been_eliminated():
    return text(points=[
        ([r"national", r"2010 standard", r"official (poverty )?(standard|line)", r"china'?s (own )?(line|standard)"],
         "Say under which line the official statistics record zero rural poor: whose standard is it?"),
        ([r"upper.middle", r"lower.middle", r"6\.85", r"3\.65", r"higher (world bank |international )?lines?"],
         "Say what the World Bank's higher lines show: name the line you use."),
        ([r"\d+(\.\d+)?\s*(%|percent|per cent)"],
         "Give one number you computed, as a percentage (for example from the comparison table of 2019)."),
        ([r"consum", r"expenditure", r"not (exactly |strictly |directly |fully )?comparable",
          r"differen\w* (measure|thing|survey|welfare)"],
         "Say why the NBS and PIP figures are not exactly comparable: what does each of them measure?"),
    ], words=(25, 150))
