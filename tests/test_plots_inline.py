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


def _figure(legend_outside=False):
    fig, ax = plt.subplots()
    years = pd.DataFrame({"year": [2012, 2016, 2020], "value": [98.99, 43.35, 0.0]})
    plots.plot_series({"2010 standard": years, "another series": years.assign(value=years["value"] / 2)},
                      ylabel="million people", title="Rural poor", ax=ax)
    if legend_outside:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
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


@pytest.mark.parametrize("legend_outside", [False, True], ids=["fits-the-canvas", "legend-outside"])
def test_same_picture_as_the_standard_tight_image(legend_outside):
    fig = _figure(legend_outside)
    ours, standard = _image(inline.png(fig)), _image(_standard(fig))
    assert abs(ours.shape[0] - standard.shape[0]) <= 3 and abs(ours.shape[1] - standard.shape[1]) <= 3
    if legend_outside:  # reaches past the canvas: saved wider than the canvas, not cut off
        assert ours.shape[1] > fig.canvas.get_width_height()[0]
    pad = round(plt.rcParams["savefig.pad_inches"] * fig.dpi)
    top, bottom, left, right = _ink_box(ours)
    assert min(top, left, ours.shape[0] - 1 - bottom, ours.shape[1] - 1 - right) >= pad - 3
    h, w = min(ours.shape[0], standard.shape[0]), min(ours.shape[1], standard.shape[1])
    assert np.abs(ours[:h, :w] - standard[:h, :w]).mean() < 12  # the same drawing, up to sub-pixel shifts


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
