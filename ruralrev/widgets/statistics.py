"""Explorer of lesson 03: pick an indicator, a region where it applies, and a range of years."""

from __future__ import annotations

import ipywidgets as w

from .. import data
from ..measures import statistics as st
from ..plots.statistics import plot_indicator
from . import Explorer


class StatisticsExplorer(Explorer):
    """Indicator x region x years, 2012-2020. Changing the indicator offers only the regions
    where it has data (keeping the region if it still applies); the years are kept."""

    drivers = ("indicator",)

    def __init__(self, indicator: str = "rural_poor", region: str = "national", start=None, end=None):
        self.frames = st.load_frames(data.load)
        indicator_dd = w.Dropdown(options=[(v["label"], k) for k, v in st.INDICATORS.items()], value=indicator,
                                  description="Indicator", layout=w.Layout(width="30em"),
                                  style={"description_width": "initial"})
        region_dd = w.Dropdown(description="Region", layout=w.Layout(width="16em"))
        self._fill_regions(indicator, region_dd, region)
        start_box = w.Text(value=str(st.YEARS[0] if start is None else start), description="From year",
                           layout=w.Layout(width="12em"), continuous_update=False)
        end_box = w.Text(value=str(st.YEARS[1] if end is None else end), description="To year",
                         layout=w.Layout(width="12em"), continuous_update=False)
        super().__init__({"indicator": indicator_dd, "region": region_dd, "start": start_box, "end": end_box},
                         title="Statistics explorer, 2012-2020")
        self.driven_by("indicator", lambda new: self._fill_regions(new, region_dd, region_dd.value))

    @staticmethod
    def _fill_regions(indicator, region_dd, keep=None):
        regions = st.regions_for(indicator)
        region_dd.options = [(st.REGIONS[r], r) for r in regions]
        region_dd.value = keep if keep in regions else regions[0]

    def compute(self, indicator, region, start, end):
        rows = st.indicator_series(self.frames, indicator, region, start, end)
        return {"indicator": indicator, "region": region, "rows": rows,
                "sentence": st.summary_sentence(indicator, region, rows)}

    def draw(self, result, ax):
        ind = st.INDICATORS[result["indicator"]]
        plot_indicator({st.REGIONS[result["region"]]: result["rows"]}, ylabel=ind["unit"],
                       title=f"{ind['label']}: {st.REGIONS[result['region']]}", ax=ax)

    def describe(self, result) -> str:
        return result["sentence"]
