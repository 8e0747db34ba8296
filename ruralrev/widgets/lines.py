"""Poverty-line explorer (lesson 04): pick a country, a reporting level, a line, a PPP base and
years; see the World Bank headcount ratio, drawn in pieces between survey breaks."""

from __future__ import annotations

import ipywidgets as w

from .. import data
from ..measures import lines as m
from ..plots.lines import plot_segments
from . import Explorer

COUNTRIES = ["China", "India", "Indonesia", "Vietnam", "Brazil", "Nigeria"]


def usd(value: float) -> str:
    """Dollars as the course writes a line: $1.90, $2.15, $10."""
    return f"${value:.0f}" if float(value).is_integer() else f"${value:.2f}"


class LinesExplorer(Explorer):
    """Country x reporting level x poverty line x PPP base, over a range of years."""

    margins = {"left": 0.09, "right": 0.98, "bottom": 0.13, "top": 0.92}

    figsize = (7.5, 3.9)

    def __init__(self, country: str = "China", level: str = "rural", line: str = "international",
                 ppp: int = 2017, start=None, end=None):
        self.pip = data.load("pip_headcount")
        lo, hi = int(self.pip["year"].min()), int(self.pip["year"].max())
        line_options = [(f"{name} ({usd(m.line_usd(self.pip, name, 2011))} / "
                         f"{usd(m.line_usd(self.pip, name, 2017))})", name) for name in m.LINES]
        controls = {
            "country": w.Dropdown(options=COUNTRIES, value=country, description="Country"),
            "level": w.Dropdown(options=m.LEVELS, value=level, description="Level"),
            "line": w.Dropdown(options=line_options, value=line, description="Line",
                               layout=w.Layout(width="24em")),
            "ppp": w.Dropdown(options=[(f"{b} PPP", b) for b in m.PPP_BASES], value=ppp,
                              description="PPP base"),
            "start": w.Text(value=str(lo if start is None else start), description="From year",
                            continuous_update=False, layout=w.Layout(width="12em")),
            "end": w.Text(value=str(hi if end is None else end), description="To year",
                          continuous_update=False, layout=w.Layout(width="12em")),
        }
        super().__init__(controls, title="Poverty lines explorer: World Bank headcount ratios")

    def compute(self, country, level, line, ppp, start, end):
        rows = m.pip_series(self.pip, country=country, level=level, line=line, ppp=ppp,
                            start=start, end=end)
        return {"country": country, "level": level, "line": line, "ppp": int(ppp), "rows": rows,
                "summary": m.series_summary(rows)}

    def draw(self, result, ax):
        s = result["summary"]
        plot_segments({result["country"]: result["rows"]}, ylabel="percent of population",
                      title=f"{result['country']}, {result['level']}: below {usd(s['usd'])} a day "
                            f"({result['ppp']} PPP)", mark_breaks=True, ax=ax)

    def describe(self, result) -> str:
        s = result["summary"]
        if s["n"] == 1:
            values = f"{m.format_pct(s['first'])} in {s['first_year']} (one survey year)"
        else:
            values = (f"{m.format_pct(s['first'])} in {s['first_year']} → "
                      f"{m.format_pct(s['last'])} in {s['last_year']}")
        k = s["breaks"]
        breaks = "no survey break" if k == 0 else f"{k} survey break{'s' if k > 1 else ''}"
        return (f"{result['country']}, {result['level']}, {result['ppp']} PPP, {usd(s['usd'])} a day "
                f"({m.LINES[result['line']]}): {values}; {breaks} in range; welfare measured by "
                f"{', then '.join(s['welfare'])}. Sources: {', '.join(s['sources'])}.")
