"""Browser spec of lesson 01's explorer: Explorer(draw_milestones, theme=Choice(...), start=Whole(...),
end=Whole(...)). Expected sentences are computed here with plain pandas from data/milestones.csv,
never by ruralrev or the lesson's code."""

from __future__ import annotations

from functools import partial

import pandas as pd

from .helpers import DATA_DIR
from .specs import ExplorerSpec, Step, bad


def milestones(theme="rural revitalization", start=2013, end=2021) -> str:
    ms = pd.read_csv(DATA_DIR / "milestones.csv", dtype={"date": str})
    start, end = int(start), int(end)
    rows = ms[(ms["year"] >= start) & (ms["year"] <= end)]
    if theme != "all themes":
        rows = rows[rows["theme"] == theme]
    rows = rows.assign(when=pd.to_datetime(rows["date"], format="mixed")).sort_values("when", kind="stable")
    items = "; ".join(f"{label} ({date})" for label, date in zip(rows["label"], rows["date"]))
    noun = "milestone" if len(rows) == 1 else "milestones"
    return f"{len(rows)} {noun} of {theme} from {start} to {end}: {items}."


E = milestones
SPECS = [
    ExplorerSpec(
        id="01-milestone-explorer", notebook="01-two-strategies.ipynb", index=0,
        initial=partial(E, "rural revitalization", 2013, 2021),
        steps=(
            Step("Theme", "select", "white paper", partial(E, "white paper", 2013, 2021)),
            Step("From year", "type", "2001", partial(E, "white paper", 2001, 2021)),
            Step("Theme", "select", "all themes", partial(E, "all themes", 2001, 2021)),
            Step("To year", "type", "2011", partial(E, "all themes", 2001, 2011)),
            bad("From year", "abc"),
            bad("To year", "2030"),
            Step("From year", "type", "1986", partial(E, "all themes", 1986, 2011)),
            Step("Theme", "select", "institution", partial(E, "institution", 1986, 2011)),
        ),
    ),
]
