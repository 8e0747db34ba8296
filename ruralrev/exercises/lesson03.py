"""Lesson 03 exercises: expected answers computed from data/ when a check runs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import data
from . import exercise, figure, number, table, text

REGIONS = ["east", "central", "west"]


def _poor_2010() -> pd.Series:
    hc = data.load("headcount")
    rows = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")]
    return rows.set_index("year")["poor_million"]


@exercise("03.1")
def average_yearly_fall():
    poor = _poor_2010()
    total = poor[2012] - poor[2020]
    years = 2020 - 2012
    return number(total / years, tol=0.01, unit="million people a year", mistakes=[
        (total / (years + 1), "You divided by 9: from the end of 2012 to the end of 2020 there are 8 years "
                              "(2020 - 2012), one fall per year 2013 to 2020."),
        ((poor[2013] - poor[2020]) / (2020 - 2013),
         "You started from the end of 2013, so the fall during 2013 is left out: start from the end of 2012."),
        (total, "This is the total fall: divide it by the number of years between the two counts."),
        (poor.loc[2012:2020].mean(), "This is the average *number* of poor people, not the average yearly fall: "
                                     "subtract the last count from the first, then divide."),
        (-total / years, "Your fall is negative: subtract the 2020 count from the 2012 count, not the other way round."),
    ])


def _fall_by_region() -> pd.DataFrame:
    rg = data.load("regions")
    wide = rg[rg["region"].isin(REGIONS)].pivot(index="year", columns="region", values="rural_poor_million")
    fall = wide.loc[2017, REGIONS] - wide.loc[2019, REGIONS]
    return fall.rename_axis("region").reset_index(name="fall_million")


@exercise("03.2")
def fall_by_region():
    expected = _fall_by_region()
    falls = expected.set_index("region")["fall_million"]

    def negative(a):
        return np.allclose(sorted(-a["fall_million"].to_numpy(float)), sorted(falls.to_numpy(float)), atol=0.005)

    def one_year(a):
        rg = data.load("regions")
        wide = rg[rg["region"].isin(REGIONS)].pivot(index="year", columns="region", values="rural_poor_million")
        shorter = [sorted((wide.loc[a0, REGIONS] - wide.loc[b0, REGIONS]).abs().to_numpy(float))
                   for a0, b0 in ((2017, 2018), (2018, 2019))]
        got = sorted(a["fall_million"].abs().to_numpy(float))
        return any(np.allclose(got, s, atol=0.005) for s in shorter)

    return table(expected, mistakes=[
        (lambda a: "fall_million" not in a.columns and 0 in a.columns,
         "The values column is called 0: name it with .reset_index(name=\"fall_million\")."),
        (lambda a: "fall_million" in a.columns and len(a) == 3 and negative(a),
         "Your falls are negative: subtract the 2019 row from the 2017 row (2017 minus 2019)."),
        (lambda a: "fall_million" in a.columns and len(a) == 3 and one_year(a),
         "These are the falls over one year only: compare 2017 with 2019."),
        (lambda a: "region" in a.columns and len(a) > 3,
         "Keep only the three regions east, central and west (not the sum or the national column)."),
    ])


@exercise("03.3")
def regions_figure():
    rg = data.load("regions")
    rows = rg[rg["region"].isin(REGIONS) & rg["year"].between(2017, 2019)].sort_values("year")
    series = {r: (g["year"].to_numpy(float), g["rural_poor_million"].to_numpy(float))
              for r, g in rows.groupby("region")}
    return figure(series, xlabel=["year"], ylabel=["million"], legend=True)


@exercise("03.4")
def misstated_not_inconsistent():
    return text(points=[
        ([r"village"], "Say what the source's 98% counts: a share of what?"),
        ([r"area", r"land", r"territor"], "Say what the paper's wording turns it into: 98% of what?"),
        ([r"no source", r"nothing", r"not contradict", r"doesn't contradict", r"does not contradict", r"no figure",
          r"not measured", r"no data", r"none of the sources", r"contradict"],
         "Say whether any source contradicts the paper's version: is there a figure for coverage by land area?"),
    ], words=(25, 130))
