"""Figure functions, checked headless by the data on the axes and their labels."""

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import to_hex

from ruralrev import plots


def test_theme_sets_colour_blind_palette_and_sizes():
    plots.theme()
    cycle = [to_hex(c["color"]) for c in plt.rcParams["axes.prop_cycle"]]
    assert cycle[:3] == [to_hex(c) for c in plots.PALETTE[:3]]
    assert tuple(plt.rcParams["figure.figsize"]) == (7.5, 4.2)


def test_plot_series_draws_each_series_with_its_own_marker_and_style():
    a = pd.DataFrame({"year": [2012, 2013], "value": [98.99, 82.49]})
    b = pd.DataFrame({"year": [2012, 2013], "value": [10.2, 8.5]})
    ax = plots.plot_series({"A": a, "B": b}, ylabel="million people", title="T")
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["A", "B"]
    assert list(lines[0].get_ydata()) == [98.99, 82.49]
    assert lines[0].get_marker() != lines[1].get_marker()
    assert lines[0].get_linestyle() != lines[1].get_linestyle()
    assert ax.get_ylabel() == "million people" and ax.get_xlabel() == "Year" and ax.get_title() == "T"
    assert ax.get_legend() is not None


def test_plot_series_uses_given_axes_and_no_legend_for_one_series():
    fig, ax = plt.subplots()
    out = plots.plot_series({"A": pd.DataFrame({"year": [1], "value": [2]})}, ylabel="y", ax=ax)
    assert out is ax and ax.get_legend() is None
