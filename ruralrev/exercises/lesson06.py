"""Lesson 06 exercises: expected answers computed from data/ (and from the ILLUSTRATIVE simulation)
when a check runs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import data
from ..measures import simulation
from . import exercise, figure, number, table, text

#: the thresholds of Exercise 3 (multiples of the line)
THRESHOLDS = (1.0, 1.5, 2.0)
#: the assumptions of Exercise 4: growth and shock size, in percent
GROWTH_PCT, SHOCK_PCT = 3.0, 40.0


def _on_832() -> pd.DataFrame:
    counties = data.load("poor_counties_by_province")
    return counties[counties["list"].str.startswith("832 list") & (counties["province"] != "TOTAL")]


def _counties_by_region() -> pd.DataFrame:
    total = int(data.load("county_facts").set_index("fact_id").loc["designated_poor_counties", "value"])
    out = _on_832().groupby("nbs_region")["counties"].sum().reset_index()
    out["share_of_832_pct"] = 100 * out["counties"] / total
    return out


@exercise("06.1")
def counties_by_region():
    expected = _counties_by_region()
    counties = data.load("poor_counties_by_province")
    exact = counties[(counties["list"] == "832 list") & (counties["province"] != "TOTAL")]
    exact_sums = exact.groupby("nbs_region")["counties"].sum()
    verified = expected["counties"].sum()

    def same_counts(a, sums):
        got = a.set_index("nbs_region")["counties"].reindex(sums.index)
        return np.allclose(got.to_numpy(float), sums.to_numpy(float))

    return table(expected, tol=0.05, mistakes=[
        (lambda a: "nbs_region" in a.columns and a["nbs_region"].isin(["", "TOTAL"]).any()
         or (a.get("counties", pd.Series(dtype=float)) >= 832).any(),
         "Your table includes the TOTAL rows: leave out the province called TOTAL."),
        (lambda a: "counties" in a.columns and "nbs_region" in a.columns and len(a) == len(exact_sums)
         and same_counts(a, exact_sums) and not same_counts(a, expected.set_index("nbs_region")["counties"]),
         "You kept only the rows whose list is exactly '832 list': the Sichuan row ('832 list (part of a "
         "province)') is on the 832 list too. Match the start of the text (.str.startswith)."),
        (lambda a: "counties" in a.columns and a["counties"].sum() > verified,
         "Your sums are too large: keep only rows on the 832 list, not the 592 key counties or the provincial "
         "announcements, which count other lists."),
        (lambda a: "share_of_832_pct" in a.columns and np.isclose(a["share_of_832_pct"].sum(), 100, atol=0.5),
         "Your shares add up to 100%: they are shares of the verified rows. Divide by all 832 counties instead."),
        (lambda a: "share_of_832_pct" in a.columns and a["share_of_832_pct"].max() <= 1,
         "Your shares are fractions: multiply by 100 to give percentages."),
    ])


@exercise("06.2")
def east_claim():
    return text(points=[
        ([r"share", r"\bfew", r"percent", r"%", r"small", r"tenth", r"million"],
         "Say what the regional table shows about the east's rural poor: how many, or what share?"),
        ([r"hebei", r"hainan"], "Name the eastern provinces that had counties on the 832 list."),
        ([r"east.{0,3}west", r"collaborat", r"pair", r"fund", r"financ", r"aid\b", r"assist", r"partner"],
         "Say how eastern provinces took part in poverty alleviation elsewhere (east-west collaboration)."),
        ([r"project"], "Say whether the data can count what the claim is about: projects."),
    ], words=(30, 160))


def _monitored_runs() -> dict[float, pd.DataFrame]:
    return {t: simulation.simulate(threshold=t) for t in THRESHOLDS}


@exercise("06.3")
def monitored_figure():
    series = {}
    for t, run in _monitored_runs().items():
        rows = run[run["year"] >= 1]
        series[f"threshold {t:g}"] = (rows["year"].to_numpy(float), rows["monitored_pct"].to_numpy(float))
    return figure(series, xlabel=["year"], ylabel=["monitored"], legend=True)


@exercise("06.4")
def lowest_useless_threshold():
    grow, keep = 1 + GROWTH_PCT / 100, 1 - SHOCK_PCT / 100
    d = simulation.DEFAULTS
    return number(1 / (grow * keep), tol=0.005, unit="times the line", mistakes=[
        (grow * keep, "This is the lowest income a household can have this year per unit of last year's. "
                      "The threshold is the income last year at which even that lowest income is still on the line."),
        (1 / ((1 + d["growth_pct"] / 100) * (1 - d["shock_size_pct"] / 100)),
         "This uses the default growth and shock size: use 3% growth and a 40% shock."),
        (1 / keep, "You left out growth: the income grows by 3% in the same year as the shock."),
        (1 / (grow * SHOCK_PCT / 100), "A 40% shock leaves 60% of the income, not 40%: use 1 - 40/100."),
        (1 / grow, "You left out the shock: the worst case is a household hit by a shock this year."),
    ])
