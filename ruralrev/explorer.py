"""An explorer: a lesson's own figure with controls.

The lesson defines the drawing, `draw(ax, **values) -> str`, which draws on `ax` and returns one
sentence describing what it drew. `Explorer(draw, title=..., name=Control(...), ...)` builds the
controls, checks every value (constructor arguments too), calls `draw` on a fresh axes after each
change and shows the figure with the sentence under it (also the image's alt text). Bad input
shows a one-line message and keeps the last figure and sentence.
"""

from __future__ import annotations

import base64
import inspect
import io
import threading
import traceback
from html import escape

import ipywidgets as w
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .errors import debugging
from .inputs import InputError, number, one_of, whole_number

#: how a failure that is not the user's input starts its message (tests check it never shows)
UNEXPECTED = "Could not update; the previous figure is kept"


class Choice:
    """A dropdown: `options` is a list of values, or of (label, value) pairs."""

    def __init__(self, options, value, *, label: str):
        self.pairs = [o if isinstance(o, tuple) else (str(o), o) for o in options]
        self.label = label
        self.value = self.parse(value)

    def parse(self, value):
        return one_of(value, [v for _, v in self.pairs], name=self.label)

    def widget(self):
        return w.Dropdown(options=self.pairs, value=self.value, description=self.label,
                          style={"description_width": "initial"})


class Whole:
    """A whole number from `low` to `high`: a slider, or a text box (`typed=True`, read on Enter)."""

    def __init__(self, low: int, high: int, value, *, label: str, typed: bool = False):
        self.low, self.high, self.label, self.typed = low, high, label, typed
        self.value = self.parse(value)

    def parse(self, value):
        return whole_number(value, name=self.label, low=self.low, high=self.high)

    def widget(self):
        if self.typed:
            return w.Text(value=str(self.value), description=self.label, continuous_update=False,
                          style={"description_width": "initial"}, layout=w.Layout(width="14em"))
        return w.IntSlider(value=self.value, min=self.low, max=self.high, description=self.label,
                           continuous_update=False, style={"description_width": "initial"})


class Number:
    """A number from `low` to `high` in steps of `step`: a slider, or a text box (`typed=True`)."""

    def __init__(self, low: float, high: float, value, *, step: float, label: str, typed: bool = False):
        self.low, self.high, self.step, self.label, self.typed = low, high, step, label, typed
        self.value = self.parse(value)

    def parse(self, value):
        return number(value, name=self.label, low=self.low, high=self.high)

    def widget(self):
        if self.typed:
            return w.Text(value=f"{self.value:g}", description=self.label, continuous_update=False,
                          style={"description_width": "initial"}, layout=w.Layout(width="14em"))
        return w.FloatSlider(value=self.value, min=self.low, max=self.high, step=self.step,
                             description=self.label, continuous_update=False,
                             style={"description_width": "initial"})


class Explorer:
    """Controls that redraw `draw(ax, **values)`; see the module docstring."""

    #: figure size in inches (the lesson's figures use the same)
    figsize = (7.5, 4.2)
    dpi = 90

    def __init__(self, draw, *, title: str, **controls):
        params = list(inspect.signature(draw).parameters)[1:]
        unknown = [n for n in controls if n not in params]
        missing = [n for n in params if n not in controls]
        if unknown or missing:
            what = (f"has no parameter {', '.join(map(repr, unknown))}" if unknown
                    else f"needs a control for {', '.join(map(repr, missing))}")
            raise InputError(f"{draw.__name__} {what}; its parameters after ax are: {', '.join(params)}.")
        self.draw, self.specs = draw, controls
        self.controls = {name: spec.widget() for name, spec in controls.items()}
        for name, control in self.controls.items():
            setattr(self, name, control)
            control.observe(self._on_change, names="value")
        self.message = w.HTML(layout=w.Layout(min_height="1.5em"))
        self.figure = w.HTML()
        self.summary = w.HTML()
        self.text = ""
        self.values: dict = {}
        self.error = ""
        self.last_traceback = ""
        self._lock = threading.RLock()
        self._setting = False
        self.fig = Figure(figsize=self.figsize, dpi=self.dpi)
        FigureCanvasAgg(self.fig)
        self.widget = w.VBox([w.HTML(f"<b>{escape(title)}</b>"),
                              w.HBox(list(self.controls.values()), layout=w.Layout(flex_flow="row wrap")),
                              self.message, self.figure, self.summary])
        self.widget.add_class("ruralrev-explorer")
        self.update()
        if self.error:  # the constructor's values are the lesson's: fail loudly, in one line
            raise InputError(self.error)

    def set(self, **values) -> None:
        """Set controls from code, each value checked first; one redraw at the end."""
        for name, value in values.items():
            one_of(name, self.controls, name="Control")
            self.specs[name].parse(value)
        with self._lock:
            self._setting = True
            try:
                for name, value in values.items():
                    control = self.controls[name]
                    control.value = str(value) if isinstance(control, w.Text) else value
            finally:
                self._setting = False
            self.update()

    def _on_change(self, change=None):
        if not self._setting:
            self.update()

    def update(self) -> None:
        """Read the controls and redraw; on bad input show the message and keep the last output."""
        with self._lock:
            try:
                values = {name: self.specs[name].parse(c.value) for name, c in self.controls.items()}
                self.fig.clear()
                text = self.draw(self.fig.add_subplot(), **values)
                if not isinstance(text, str) or not text.strip():
                    raise TypeError(f"{self.draw.__name__} must return the sentence that describes its figure")
                image = png(self.fig)
            except InputError as exc:
                self._show_error(str(exc))
                return
            except Exception as exc:  # a bug, not the user's input: still one line, output kept
                self.last_traceback = traceback.format_exc()
                if debugging():
                    print(self.last_traceback)
                self._show_error(f"{UNEXPECTED} ({exc.__class__.__name__}: {' '.join(str(exc).split())[:120]}).")
                return
            self.error, self.message.value = "", ""
            self.values, self.text = values, text
            self.summary.value = f'<p class="ruralrev-summary">{escape(text)}</p>'
            # an <img> in HTML rather than widgets.Image, so the sentence is the figure's alt text
            self.figure.value = f'<img alt="{escape(text)}" src="data:image/png;base64,{image}"/>'

    def _show_error(self, text: str) -> None:
        self.error = text
        self.message.value = f'<span class="ruralrev-message" role="alert">{escape(text)}</span>'

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def png(fig: Figure) -> str:
    """`fig` as base64 PNG, cropped to what is drawn as the inline backend does (nothing cut off)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")
