"""plots.inline: notebook figures drawn once and cropped give the picture the standard way gives."""

import base64
import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell
from PIL import Image

from ruralrev import plots
from ruralrev.plots import inline


@pytest.fixture(autouse=True)
def _theme():
    plots.theme()


#: legends placed the ways the course's figures place them, two of them wholly off the canvas
LEGENDS = {"fits-the-canvas": None, "legend-right": dict(loc="upper left", bbox_to_anchor=(1.01, 1)),
           "legend-below": dict(loc="upper center", bbox_to_anchor=(0.5, -0.3)),
           "legend-far-right": dict(loc="upper left", bbox_to_anchor=(1.5, 1))}


def _figure(legend=None):
    fig, ax = plt.subplots()
    years = pd.DataFrame({"year": [2012, 2016, 2020], "value": [98.99, 43.35, 0.0]})
    plots.plot_series({"2010 standard": years, "another series": years.assign(value=years["value"] / 2)},
                      ylabel="million people", title="Rural poor", ax=ax)
    if legend:
        ax.legend(**legend)
    return fig


def _image(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def _standard(fig) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", bbox_inches="tight")
    return out.getvalue()


def _ink_box(pixels: np.ndarray):
    """Rows and columns holding non-white pixels: (top, bottom, left, right)."""
    ink = (pixels < 250).any(axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return rows[0], rows[-1], cols[0], cols[-1]


@pytest.mark.parametrize("legend", LEGENDS.values(), ids=LEGENDS)
def test_same_picture_as_the_standard_tight_image(legend):
    fig = _figure(legend)
    ours, standard = _image(inline.png(fig)), _image(_standard(fig))
    assert abs(ours.shape[0] - standard.shape[0]) <= 3 and abs(ours.shape[1] - standard.shape[1]) <= 3
    if legend:  # reaches past the canvas: the image is larger than the canvas, nothing is cut off
        width, height = fig.canvas.get_width_height()
        assert ours.shape[1] > width or ours.shape[0] > height
    pad = round(plt.rcParams["savefig.pad_inches"] * fig.dpi)
    top, bottom, left, right = _ink_box(ours)
    assert min(top, left, ours.shape[0] - 1 - bottom, ours.shape[1] - 1 - right) >= pad - 3
    h, w = min(ours.shape[0], standard.shape[0]), min(ours.shape[1], standard.shape[1])
    assert np.abs(ours[:h, :w] - standard[:h, :w]).mean() < 12  # the same drawing, up to sub-pixel shifts


def test_an_axis_label_wholly_off_the_canvas_is_found():
    fig = _figure()
    fig.subplots_adjust(left=0.02)
    fig.canvas.draw()
    assert fig.axes[0].yaxis.label in inline.outside_parts(fig, fig.canvas.get_renderer())


def test_the_figure_is_drawn_once_when_it_fits(monkeypatch):
    fig = _figure()
    draws = []
    original = fig.draw
    monkeypatch.setattr(fig, "draw", lambda renderer: (draws.append(1), original(renderer)))
    inline.png(fig)
    assert len(draws) == 1


def test_register_sends_figures_through_png_and_skips_empty_ones():
    shell = InteractiveShell.instance()
    inline.register(shell)
    fig = _figure()
    shown = shell.display_formatter.format(fig)[0]
    assert base64.b64decode(shown["image/png"]) == inline.png(fig)
    assert "image/png" not in shell.display_formatter.format(plt.figure())[0]
