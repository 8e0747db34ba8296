"""Show notebook figures after one draw instead of two.

JupyterLab's inline backend saves each figure with `bbox_inches="tight"`, which draws
the figure twice: once with drawing switched off, to measure every label, and once to
render it. Measuring is most of a draw's cost (tick and text layout). Here the figure is
drawn once at its own size and the image is cropped to the pixels that differ from the
background, plus the usual 0.1-inch padding: the same picture, measured from pixels.
When ink touches the canvas edge, something may reach outside it; that figure is
measured and saved the standard way, so nothing is ever cut off.
"""

from __future__ import annotations

import base64
import io
import math

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba_array
from matplotlib.figure import Figure
from PIL import Image


def png(fig: Figure) -> bytes:
    """PNG bytes of `fig`, cropped to what it draws plus the usual padding."""
    canvas = fig.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        return _standard_png(fig)
    canvas.draw()
    rgba = np.asarray(canvas.get_renderer().buffer_rgba())
    face = np.round(255 * to_rgba_array(fig.get_facecolor())[0]).astype(np.uint8)
    ink = (rgba != face).any(axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    height, width = ink.shape
    if not rows.size or rows[0] == 0 or cols[0] == 0 or rows[-1] == height - 1 or cols[-1] == width - 1:
        # ink touches the canvas edge, so something may reach outside: measure, save with that box
        box = fig.get_tightbbox(canvas.get_renderer())
        return _standard_png(fig, box.padded(matplotlib.rcParams["savefig.pad_inches"]))
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
