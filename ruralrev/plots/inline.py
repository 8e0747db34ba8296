"""Show notebook figures after one draw instead of two.

JupyterLab's inline backend saves each figure with `bbox_inches="tight"`, which draws
the figure twice: once with drawing switched off, to measure every label, and once to
render it. Measuring is most of a draw's cost (tick and text layout). Here the figure is
drawn once at its own size and the image is cropped to the pixels that differ from the
background, plus the usual 0.1-inch padding: the same picture, measured from pixels.
When ink touches the canvas edge, or a label, title, text or legend lies past it, the
figure is measured and saved the standard way, so nothing is ever cut off.
"""

from __future__ import annotations

import base64
import io

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba_array
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from PIL import Image


def png(fig: Figure) -> bytes:
    """PNG bytes of `fig`, cropped to what it draws plus the usual padding."""
    canvas = fig.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        return _standard_png(fig)
    canvas.draw()
    rgba = np.asarray(canvas.get_renderer().buffer_rgba())
    face = _background(fig)
    ink = (rgba != face).any(axis=2)
    if reaches_outside(fig, ink):  # measure everything, save with that box
        box = fig.get_tightbbox(canvas.get_renderer())
        return _standard_png(fig, box.padded(matplotlib.rcParams["savefig.pad_inches"]))
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    height, width = ink.shape
    pad = round(matplotlib.rcParams["savefig.pad_inches"] * fig.dpi)
    top, bottom, left, right = rows[0] - pad, rows[-1] + 1 + pad, cols[0] - pad, cols[-1] + 1 + pad
    pixels = np.empty((bottom - top, right - left, 4), np.uint8)
    pixels[:] = face  # the padding may reach past the canvas edge: fill it with the background
    inside_top, inside_bottom = max(top, 0), min(bottom, height)
    inside_left, inside_right = max(left, 0), min(right, width)
    pixels[inside_top - top:inside_bottom - top, inside_left - left:inside_right - left] = \
        rgba[inside_top:inside_bottom, inside_left:inside_right]
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format="png", dpi=(fig.dpi, fig.dpi))
    return out.getvalue()


def _background(fig: Figure) -> np.ndarray:
    return np.round(255 * to_rgba_array(fig.get_facecolor())[0]).astype(np.uint8)


def reaches_outside(fig: Figure, ink: np.ndarray | None = None) -> bool:
    """Whether the figure's last drawing (on an Agg canvas) reaches past its canvas: ink on the
    canvas edge, a drawing of nothing at all (when `ink`, the mask of drawn pixels, is given) or
    a part listed by `outside_parts`."""
    renderer = fig.canvas.get_renderer()
    if ink is None:  # only the edges are needed
        rgba, face = np.asarray(renderer.buffer_rgba()), _background(fig)
        edges = [(rgba[i] != face).any(axis=-1) for i in (0, -1, (slice(None), 0), (slice(None), -1))]
    else:
        if not ink.any():
            return True
        edges = (ink[0], ink[-1], ink[:, 0], ink[:, -1])
    return any(edge.any() for edge in edges) or bool(outside_parts(fig, renderer))


def outside_parts(fig: Figure, renderer) -> list:
    """Labels, titles, texts and legends of `fig` that reach past its canvas (after a draw).

    Tick labels sit against the axes, so when they overflow their ink touches the canvas edge;
    these parts can sit apart from the axes and vanish entirely off the canvas."""
    parts = [*fig.texts, *fig.legends]
    for ax in fig.axes:
        parts += [c for c in ax.get_children() if isinstance(c, (Text, Legend))]
        parts += [ax.xaxis.label, ax.yaxis.label]
    width, height = fig.canvas.get_width_height(physical=True)
    outside = []
    for part in parts:
        if not part.get_visible() or (isinstance(part, Text) and not part.get_text()):
            continue
        if part.get_clip_on() and part.get_clip_box() is not None:
            continue  # drawn only inside its axes
        box = part.get_window_extent(renderer)
        if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
            outside.append(part)
    return outside


def _standard_png(fig: Figure, box=None) -> bytes:
    """Save as the inline backend does; a box already measured (in inches) saves one draw,
    except under a layout engine, which would lay the figure out again anyway."""
    if box is None or fig.get_layout_engine() is not None:
        box = "tight"
    out = io.BytesIO()
    fig.savefig(out, format="png", bbox_inches=box, facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor())
    return out.getvalue()


def register(shell) -> None:
    """Make IPython `shell` show figures through `png` (after the inline backend set its own)."""
    import matplotlib_inline.backend_inline  # noqa: F401 - importing it registers the standard formatter

    shell.display_formatter.formatters["image/png"].for_type(Figure, _formatter)


def _formatter(fig: Figure) -> str | None:
    if not fig.axes and not fig.lines:  # as IPython does: an empty figure shows nothing
        return None
    return base64.b64encode(png(fig)).decode("ascii")


def register_if_inline() -> None:
    """Call `register` when running in IPython with the inline backend (a notebook kernel)."""
    backend = matplotlib.get_backend(auto_select=False) or ""
    if "matplotlib_inline" not in backend:
        return
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        register(shell)
