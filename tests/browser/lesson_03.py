"""Lesson 03's explorer in the browser: `Explorer(draw_indicator, ...)` in
notebooks/03-statistics-2012-2020.ipynb (Indicator, From year, To year).

The expected sentences are recomputed here with plain pandas from data/*.csv, never by ruralrev or
by the lesson's code."""

from __future__ import annotations

from functools import partial

import pandas as pd

from .helpers import DATA_DIR
from .specs import ExplorerSpec, Step, bad

#: the lesson's design, copied: indicator -> label (also the dropdown's option label)
LABELS = {"rural_poor": "Rural poor (million people)",
          "incidence": "Poverty incidence (% of rural population)",
          "rural_income": "Rural income per person (yuan a year, current prices)"}
AREAS = ["national", "west", "central", "east", "poor areas", "all rural"]


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / f"{name}.csv", dtype={"standard": str})


def _series(indicator: str) -> dict[str, pd.DataFrame]:
    hc = _csv("headcount")
    hc = hc[(hc["standard"] == "2010") & (hc["estimate"] == "official")]
    rg, inc = _csv("regions"), _csv("income")
    if indicator == "rural_poor":
        out = {"national": hc.rename(columns={"poor_million": "value"})}
        out |= {r: rg[rg["region"] == r].rename(columns={"rural_poor_million": "value"})
                for r in ("east", "central", "west")}
    elif indicator == "incidence":
        out = {"national": hc.rename(columns={"incidence_pct": "value"}),
               "west": rg[rg["region"] == "west"].rename(columns={"incidence_pct": "value"})}
    else:
        out = {"poor areas": inc[inc["indicator"] == "poor_area_rural_income"],
               "all rural": inc[(inc["indicator"] == "rural_disposable_income")
                                & (inc["survey_basis"] == "integrated")]}
    return {a: d[["year", "value", "status"]].dropna(subset=["value"]) for a, d in out.items()}


def indicator_sentence(indicator="rural_poor", start=2012, end=2020) -> str:
    start, end = int(start), int(end)
    parts, derived = [], []
    series = _series(indicator)
    for area in AREAS:
        if area not in series:
            continue
        d = series[area]
        d = d[(d["year"] >= start) & (d["year"] <= end)].sort_values("year")
        if d.empty:
            continue
        a, b = d.iloc[0], d.iloc[-1]
        if len(d) == 1:
            parts.append(f"{area} {a['value']:,g} ({a['year']})")
        else:
            parts.append(f"{area} {a['value']:,g} ({a['year']}) to {b['value']:,g} ({b['year']}), {len(d)} years")
        derived += [(area, y) for y, s in zip(d["year"], d["status"]) if str(s).startswith("derived")]
    text = f"{LABELS[indicator]}, {start}-{end}: " + "; ".join(parts) + "."
    if derived:
        text += " Derived values: " + ", ".join(f"{a} {y}" for a, y in sorted(derived)) + "."
    return text


E = indicator_sentence
SPECS = [
    # notebooks/03-statistics-2012-2020.ipynb: Explorer(draw_indicator, indicator="rural_poor", 2012, 2020)
    ExplorerSpec(
        id="03-indicator-explorer", notebook="03-statistics-2012-2020.ipynb", index=0,
        initial=partial(E, "rural_poor", 2012, 2020),
        steps=(
            Step("Indicator", "select", LABELS["incidence"], partial(E, "incidence", 2012, 2020)),
            Step("From year", "type", "2017", partial(E, "incidence", 2017, 2020)),
            Step("To year", "type", "2019", partial(E, "incidence", 2017, 2019)),
            Step("Indicator", "select", LABELS["rural_poor"], partial(E, "rural_poor", 2017, 2019)),
            Step("Indicator", "select", LABELS["rural_income"], partial(E, "rural_income", 2017, 2019)),
            bad("From year", "abc"),
            bad("To year", "2030"),
            bad("From year", "2020"),  # after To year (2019)
        ),
    ),
]
