"""Explorer widgets: controls that call `measures` and redraw a `plots` figure.

Every explorer is an `Explorer`: its controls are attributes (so a test can set
`ex.start.value = "2015"`), `ex.result` holds the latest valid result and
`ex.summary.value` the sentence that describes it. Bad input shows a one-line
message in `ex.message` and keeps the previous figure and summary.
"""

from __future__ import annotations

import threading
from html import escape

import ipywidgets as w
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import data, measures, plots
from ..explorer import UNEXPECTED, png
from ..inputs import InputError


class Explorer:
    """Base class: subclasses set `controls` and implement `compute` and `draw`."""

    #: figure size in inches; the figure is created once and redrawn on every change
    figsize = (7.5, 4.0)
    #: fixed axes margins (figure fractions): a layout engine would re-measure every label on
    #: every redraw, which costs about a third of an update
    margins = {"left": 0.11, "right": 0.97, "bottom": 0.14, "top": 0.9}

    #: controls whose change resets other controls' options (see `driven_by`)
    drivers: tuple[str, ...] = ()

    def __init__(self, controls: dict[str, w.Widget], title: str):
        self._syncing = False
        self.controls = controls
        for name, control in controls.items():
            setattr(self, name, control)
            control.observe(self._on_change, names="value")
        self.message = w.HTML(layout=w.Layout(min_height="1.5em"))
        self.figure = w.HTML()
        self.summary = w.HTML()
        self.result = None
        self.error = ""
        self._lock = threading.RLock()  # widget messages can arrive on two kernel threads at once
        self.fig = Figure(figsize=self.figsize, dpi=90)
        FigureCanvasAgg(self.fig)  # keeps the renderer of the last drawing, which png() measures
        self.fig.subplots_adjust(**self.margins)
        self.ax = self.fig.add_subplot()
        self.widget = w.VBox([w.HTML(f"<b>{escape(title)}</b>"),
                              w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap")),
                              self.message, self.figure, self.summary])
        self.widget.add_class("ruralrev-explorer")
        self.update()

    def _on_change(self, change=None):
        if self._syncing or (change is not None and change["owner"] in [self.controls[n] for n in self.drivers]):
            return
        self.update()

    def driven_by(self, name: str, fill) -> None:
        """When control `name` changes, call `fill(new_value)` to reset the other controls without
        a redraw for each of them, then redraw once. `name` must be listed in `drivers`."""
        def on_driver(change):
            with self._lock:
                self._syncing = True
                try:
                    fill(change["new"])
                finally:
                    self._syncing = False
                self.update()

        self.controls[name].observe(on_driver, names="value")

    def update(self) -> None:
        """Recompute from the controls; on bad input show the message and keep the last output."""
        with self._lock:
            self._update()

    def _update(self) -> None:
        try:
            result = self.compute(**{name: c.value for name, c in self.controls.items()})
            self.ax.clear()
            self.draw(result, self.ax)
            text = self.describe(result)
            image = self.png()
        except InputError as exc:
            self._show_error(str(exc))
            return
        except Exception as exc:  # a bug, not the user's input: still one line, output kept
            self._show_error(f"{UNEXPECTED} ({exc.__class__.__name__}: {' '.join(str(exc).split())[:120]}).")
            return
        self.error = ""
        self.message.value = ""
        self.result = result
        self.summary.value = f'<p class="ruralrev-summary">{escape(text)}</p>'
        self.figure.value = f'<img alt="{escape(text)}" src="data:image/png;base64,{image}"/>'

    def _show_error(self, text: str) -> None:
        self.error = text
        self.message.value = f'<span class="ruralrev-message" role="alert">{escape(text)}</span>'

    def png(self) -> str:
        """The current figure as base64 PNG (what the browser receives)."""
        return png(self.fig)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    # -- to implement -----------------------------------------------------
    def compute(self, **values):  # pragma: no cover - abstract
        raise NotImplementedError

    def draw(self, result, ax) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, result) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


def _fmt(x: float) -> str:
    """Numbers in summaries: below 1 up to 3 decimals (a Gini of 0.479), below 1000 up to 2, else 1,234."""
    if abs(x) < 1000:
        return f"{x:,.{3 if abs(x) < 1 else 2}f}".rstrip("0").rstrip(".")
    return f"{x:,.0f}"


class TableExplorer(Explorer):
    """Pick a table, one of its series and a measure, and a range of years; see the series and its sources."""

    drivers = ("table",)

    def __init__(self, table: str = "headcount", series: str | None = None,
                 measure: str | None = None, start=None, end=None):
        self.frames = {name: data.load(name) for name in measures.SERIES_VIEWS}
        table_dd = w.Dropdown(options=list(self.frames), value=table, description="Table")
        series_dd = w.Dropdown(description="Series", layout=w.Layout(width="28em"))
        measure_dd = w.Dropdown(description="Measure", layout=w.Layout(width="22em"))
        start_box = w.Text(description="From year", layout=w.Layout(width="12em"), continuous_update=False)
        end_box = w.Text(description="To year", layout=w.Layout(width="12em"), continuous_update=False)
        self._fill(table, table_dd, series_dd, measure_dd, start_box, end_box)
        for ctl, val in ((series_dd, series), (measure_dd, measure), (start_box, start), (end_box, end)):
            if val is not None:
                ctl.value = val
        super().__init__({"table": table_dd, "series": series_dd, "measure": measure_dd,
                          "start": start_box, "end": end_box}, title="Data explorer")
        self.driven_by("table", lambda new: self._fill(new, table_dd, series_dd, measure_dd, start_box, end_box))

    def _fill(self, table, table_dd, series_dd, measure_dd, start_box, end_box):
        """Set the other controls' options and defaults for `table`."""
        df = self.frames[table]
        keys, values = measures.SERIES_VIEWS[table]
        labels = list(dict.fromkeys(measures.series_labels(df, keys)))
        units = df.attrs["units"]
        series_dd.options = labels
        series_dd.value = labels[0]
        measure_dd.options = [(f"{m} ({units[m]})" if m in units else m, m) for m in values]
        measure_dd.value = values[0]
        start_box.value, end_box.value = str(df["year"].min()), str(df["year"].max())

    def compute(self, table, series, measure, start, end):
        df = self.frames[measures.one_of(table, self.frames, name="Table")]
        keys, _ = measures.SERIES_VIEWS[table]
        rows = measures.select_series(df, keys, series, measure, start, end)
        unit = rows["unit"].iloc[0] if "unit" in rows else df.attrs["units"].get(measure, measure)
        return {"table": table, "series": series, "measure": measure, "unit": unit, "rows": rows,
                "summary": measures.change_summary(rows["year"], rows["value"])}

    def draw(self, result, ax):
        plots.plot_series({result["series"]: result["rows"]}, ylabel=result["unit"],
                          title=f"{result['table']}: {result['series']}", ax=ax)

    def describe(self, result) -> str:
        s = result["summary"]
        ids = sorted({i for cell in result["rows"]["source_id"] for i in cell.split(";")})
        return (f"{result['measure']} ({result['unit']}), {result['series']}: {_fmt(s['first'])} in "
                f"{s['first_year']} and {_fmt(s['last'])} in {s['last_year']} ({s['n']} values). "
                f"Sources: {', '.join(ids)}.")
