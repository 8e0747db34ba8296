"""An explorer: a lesson's own figure with controls.

The lesson defines the drawing, `draw(ax, **values) -> str`, which draws on `ax` and returns one
sentence describing what it drew. `Explorer(draw, title=..., name=Control(...), ...)` builds the
controls, checks every value (constructor arguments too), calls `draw` on a fresh axes after each
change and shows the figure with the sentence under it (also the image's alt text). Bad input
shows a one-line message and keeps the last figure and sentence.

Speed: the axes for the next change, with their ticks, are made once the figure has been sent, so
a student waits only for the lesson's drawing, matplotlib's rendering and the PNG.
"""

from __future__ import annotations

import base64
import inspect
import io
import threading
import traceback
from html import escape

import ipywidgets as w
import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

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


class Number:
    """A number from `low` to `high` in steps of `step`: a slider, or a text box (`typed=True`, read
    on Enter)."""

    slider = w.FloatSlider

    def __init__(self, low: float, high: float, value, *, step: float, label: str, typed: bool = False):
        self.low, self.high, self.step, self.label, self.typed = low, high, step, label, typed
        self.value = self.parse(value)

    def parse(self, value):
        return number(value, name=self.label, low=self.low, high=self.high)

    def shown(self) -> str:
        """The value as a text box shows it."""
        return f"{self.value:g}"

    def widget(self):
        common = {"description": self.label, "continuous_update": False, "style": {"description_width": "initial"}}
        if self.typed:
            return w.Text(value=self.shown(), layout=w.Layout(width="14em"), **common)
        return self.slider(value=self.value, min=self.low, max=self.high, step=self.step, **common)


class Whole(Number):
    """A whole number from `low` to `high`: a slider, or a text box (`typed=True`, read on Enter)."""

    slider = w.IntSlider

    def __init__(self, low: int, high: int, value, *, label: str, typed: bool = False):
        super().__init__(low, high, value, step=1, label=label, typed=typed)

    def parse(self, value):
        return whole_number(value, name=self.label, low=self.low, high=self.high)

    def shown(self) -> str:
        return str(self.value)


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
        self.fig, self._spare = _figure(self.figsize, self.dpi), _figure(self.figsize, self.dpi)
        self._margins, self._ticks = _margins(self.fig), ((0, 0), (0, 0))
        self._next = None  # the next drawing's axes, made ahead
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
                ax, self._next = self._next or self._fresh_axes(), None
                text = self.draw(ax, **values)
                if not isinstance(text, str) or not text.strip():
                    raise TypeError(f"{self.draw.__name__} must return the sentence that describes its figure")
                image = png(ax.figure)
            except Exception as exc:
                self._failed(exc)
                return
            self.fig, self._spare = ax.figure, self.fig
            self._margins = _margins(self.fig)
            self._ticks = tuple((len(axis.majorTicks), len(axis.minorTicks)) for axis in (ax.xaxis, ax.yaxis))
            self.error, self.message.value = "", ""
            self.values, self.text = values, text
            self.summary.value = f'<p class="ruralrev-summary">{escape(text)}</p>'
            # an <img> in HTML rather than widgets.Image, so the sentence is the figure's alt text
            self.figure.value = f'<img alt="{escape(text)}" src="data:image/png;base64,{image}"/>'
            _wait_until_sent()
            self._next = self._fresh_axes()  # while the page shows the new figure

    def _fresh_axes(self):
        """A new axes on the spare figure, with the current margins and as many ticks made as the
        last drawing had. Matplotlib otherwise makes each tick (two lines, two labels) when first
        drawn, which is most of a redraw; making them after the figure is sent takes that time out
        of the wait."""
        fig = self._spare
        fig.clear()  # which also resets the margins: keep those grown to fit
        fig.subplots_adjust(**self._margins)
        # a fixed title height: matplotlib would otherwise measure the x-axis at every draw to lift
        # the title over it (the explorer's axes have nothing above them)
        with rc_context({"axes.titley": 1.0}):
            ax = fig.add_subplot()
        for axis, (major, minor) in zip((ax.xaxis, ax.yaxis), self._ticks):
            axis.get_major_ticks(major)
            axis.get_minor_ticks(minor)
        return ax

    def _failed(self, exc: Exception) -> None:
        """Show the one-line message for `exc` (a bug, not the user's input, is still one line);
        the last figure and sentence stay."""
        if isinstance(exc, InputError):
            self._show_error(str(exc))
        else:
            self.last_traceback = traceback.format_exc()
            if debugging():
                print(self.last_traceback)
            self._show_error(f"{UNEXPECTED} ({exc.__class__.__name__}: {' '.join(str(exc).split())[:120]}).")
        if self._next is None:  # the failed drawing's axes are not reused
            self._next = self._fresh_axes()

    def _show_error(self, text: str) -> None:
        self.error = text
        self.message.value = f'<span class="ruralrev-message" role="alert">{escape(text)}</span>'

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def _wait_until_sent(timeout: float = 1.0) -> None:
    """Wait until the kernel's output thread has sent the messages so far, as `sys.stdout.flush()`
    does in a kernel. Work started at once would hold Python's lock and delay those sends by tens
    of milliseconds. Outside a kernel there is nothing to wait for."""
    from IPython import get_ipython

    thread = getattr(getattr(get_ipython(), "kernel", None), "iopub_thread", None)
    if thread is None or not thread.thread.is_alive():
        return
    sent = threading.Event()
    thread.schedule(sent.set)
    sent.wait(timeout)


def _figure(size, dpi) -> Figure:
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def png(fig: Figure) -> str:
    """`fig` as base64 PNG, drawn once with its own margins. If a label, title or legend reaches past
    the canvas, the margins grow to fit it and the figure is drawn again; the margins stay grown, so
    the axes do not jump between updates. (Cropping with bbox_inches="tight", as the inline backend
    does, would measure and draw every update twice.)"""
    image = _save(fig)
    if _grow_to_fit(fig):
        image = _save(fig)
    return base64.b64encode(image).decode("ascii")


def _margins(fig: Figure) -> dict:
    sub = fig.subplotpars
    return {"left": sub.left, "right": sub.right, "bottom": sub.bottom, "top": sub.top}


def _save(fig: Figure) -> bytes:
    """`fig` drawn and encoded as an RGB PNG at the fastest compression: the figure is opaque, and
    level 1 is about twice as fast as the default for files a few kB larger."""
    fig.canvas.draw()
    buf = io.BytesIO()
    Image.fromarray(np.asarray(fig.canvas.buffer_rgba())[:, :, :3]).save(buf, format="png", compress_level=1)
    return buf.getvalue()


def _grow_to_fit(fig: Figure, pad: float = 6.0) -> bool:
    """Move the axes' edges in by as much as the last drawing overflows the canvas, plus `pad`
    pixels; False if everything fits. Overflow is read from the labels, titles, texts and legends
    (which may lie wholly outside) and from ink on the canvas's outer pixels (a tick label cut off)."""
    renderer = fig.canvas.get_renderer()
    parts = [*fig.legends, *fig.texts]
    for ax in fig.axes:
        parts += [ax.xaxis.label, ax.yaxis.label, ax.title, *ax.texts]
        parts += [leg for leg in [ax.get_legend()] if leg is not None]
    boxes = [p.get_window_extent(renderer) for p in parts
             if p.get_visible() and (not isinstance(p, Text) or p.get_text())]
    width, height = fig.canvas.get_width_height()
    box = Bbox.union(boxes) if boxes else Bbox([[0, 0], [width, height]])
    over = {"left": -box.x0, "bottom": -box.y0, "right": box.x1 - width, "top": box.y1 - height}
    ink = np.asarray(renderer.buffer_rgba())[:, :, :3].astype(int)
    paper = (np.array(fig.get_facecolor()[:3]) * 255).astype(int)
    inked = lambda edge: bool((np.abs(edge - paper).sum(axis=-1) > 60).any())  # noqa: E731
    for side, edge in (("top", ink[0]), ("bottom", ink[-1]), ("left", ink[:, 0]), ("right", ink[:, -1])):
        if inked(edge):
            over[side] = max(over[side], 2 * pad)
    if max(over.values()) <= 0:
        return False
    sub = fig.subplotpars
    grow = {k: (v + pad) / (width if k in ("left", "right") else height) if v > 0 else 0.0 for k, v in over.items()}
    fig.subplots_adjust(left=sub.left + grow["left"], bottom=sub.bottom + grow["bottom"],
                        right=sub.right - grow["right"], top=sub.top - grow["top"])
    return True
