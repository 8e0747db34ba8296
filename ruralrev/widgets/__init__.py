"""Explorers of lessons 04-07: controls that call `measures` and redraw a `plots` figure.

Lessons 00-03 use `ruralrev.explorer` with a drawing function written in the lesson; these
lessons follow when they are rewritten in the same pattern.

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
