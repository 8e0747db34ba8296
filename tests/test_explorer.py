"""The explorer base: controls -> the lesson's drawing -> figure and sentence; bad input -> one line."""

from html import unescape

import ipywidgets as w
import pytest

from ruralrev import explorer as E
from ruralrev.inputs import InputError

from conftest import assert_rejected


def draw_line(ax, kind, start, end, scale):
    """A toy drawing: a line from start to end; 'none' draws nothing and says so with InputError."""
    if kind == "none":
        raise InputError("Nothing to draw for kind 'none'.")
    ax.plot([start, end], [0, scale], marker="o")
    ax.set(xlabel="Year", ylabel="value")
    return f"A {kind} line from {start} to {end}, scale {scale:g}."


def make(**changes):
    controls = dict(kind=E.Choice(["solid", "none", ("Dashed line", "dashed")], "solid", label="Kind"),
                    start=E.Whole(1978, 2020, 1990, label="From year", typed=True),
                    end=E.Whole(1978, 2020, 2000, label="To year"),
                    scale=E.Number(0.5, 3.0, 1.0, step=0.5, label="Scale"))
    return E.Explorer(draw_line, title="Toy", **(controls | changes))


def test_initial_figure_sentence_and_alt_text():
    ex = make()
    assert ex.text == "A solid line from 1990 to 2000, scale 1."
    assert unescape(ex.summary.value) == '<p class="ruralrev-summary">A solid line from 1990 to 2000, scale 1.</p>'
    assert ex.figure.value.startswith('<img alt="A solid line from 1990 to 2000, scale 1." src="data:image/png;base64,')
    assert ex.values == {"kind": "solid", "start": 1990, "end": 2000, "scale": 1.0}
    assert isinstance(ex.start, w.Text) and isinstance(ex.end, w.IntSlider) and isinstance(ex.scale, w.FloatSlider)
    assert ex.kind.options == (("solid", "solid"), ("none", "none"), ("Dashed line", "dashed"))


def test_each_control_redraws_with_its_value():
    ex = make()
    ex.kind.value = "dashed"
    ex.start.value = "1985"
    ex.end.value = 2010
    ex.scale.value = 2.5
    assert ex.text == "A dashed line from 1985 to 2010, scale 2.5."
    (line,) = ex.fig.axes[0].get_lines()
    assert list(line.get_xdata()) == [1985, 2010] and list(line.get_ydata()) == [0, 2.5]


def test_set_checks_values_and_redraws_once(monkeypatch):
    ex = make()
    calls = []
    monkeypatch.setattr(ex, "draw", lambda ax, **v: calls.append(v) or draw_line(ax, **v))
    ex.set(start=2001, end=2020)
    assert len(calls) == 1 and ex.text == "A solid line from 2001 to 2020, scale 1."
    for bad, message in [({"end": 2030}, "To year must be from 1978 to 2020; 2030 is outside that range."),
                         ({"kind": "wavy"}, "Kind must be one of: solid, none, dashed."),
                         ({"colour": "red"}, "Control must be one of: kind, start, end, scale.")]:
        with pytest.raises(InputError) as err:
            ex.set(**bad)
        assert str(err.value) == message
    assert ex.text == "A solid line from 2001 to 2020, scale 1."


@pytest.mark.parametrize("value, fragment", [("abc", "From year must be a whole number from 1978 to 2020; 'abc' is not."),
                                             ("", "From year is empty"), ("1900", "1900 is outside that range"),
                                             ("１９９０" + "9" * 300, "is outside that range")])
def test_bad_typed_input_is_one_line_and_keeps_the_output(value, fragment):
    assert_rejected(make(), "start", value, fragment)


def test_an_input_error_from_the_drawing_keeps_the_output():
    ex = make()
    assert_rejected(ex, "kind", "none", "Nothing to draw for kind 'none'.")
    ex.kind.value = "solid"
    assert ex.error == "" and ex.message.value == "" and ex.text.startswith("A solid line")


@pytest.mark.parametrize("changes, message", [
    (lambda: {"kind": E.Choice(["solid"], "wavy", label="Kind")}, "Kind must be one of: solid."),
    (lambda: {"end": E.Whole(1978, 2020, 2050, label="To year")},
     "To year must be from 1978 to 2020; 2050 is outside that range."),
    (lambda: {"scale": E.Number(0.5, 3.0, 9, step=0.5, label="Scale")}, "Scale must be from 0.5 to 3; 9 is outside that range."),
    (lambda: {"shock": E.Whole(0, 1, 0, label="Shock")},
     "draw_line has no parameter 'shock'; its parameters after ax are: kind, start, end, scale."),
    (lambda: {"kind": E.Choice(["none"], "none", label="Kind")}, "Nothing to draw for kind 'none'."),
])
def test_bad_constructor_arguments_are_one_line_errors(changes, message):
    with pytest.raises(InputError) as err:
        make(**changes())
    assert str(err.value) == message and "\n" not in str(err.value)


def test_a_missing_control_is_named():
    with pytest.raises(InputError, match="needs a control for 'scale'"):
        E.Explorer(draw_line, title="t", kind=E.Choice(["solid"], "solid", label="Kind"),
                   start=E.Whole(1978, 2020, 1990, label="From"), end=E.Whole(1978, 2020, 1990, label="To"))


def test_a_bug_in_the_drawing_is_one_line_keeps_the_output_and_its_traceback(monkeypatch):
    ex = make()
    before = (ex.summary.value, ex.figure.value)
    monkeypatch.setattr(ex, "draw", lambda ax, **v: 1 / 0)
    ex.end.value = 2015
    assert ex.error.startswith(E.UNEXPECTED) and "ZeroDivisionError" in ex.error and "\n" not in ex.error
    assert (ex.summary.value, ex.figure.value) == before
    assert "ZeroDivisionError" in ex.last_traceback and "Traceback" in ex.last_traceback


def test_a_drawing_must_return_its_sentence(monkeypatch):
    ex = make()
    monkeypatch.setattr(ex, "draw", lambda ax, **v: None)
    ex.end.value = 2015
    assert "must return the sentence" in ex.error


def test_nothing_is_cut_off_the_saved_figure():
    """A label that would reach past the canvas makes the margins grow until it fits, and they stay
    grown for the next update (so the axes do not jump)."""
    def draw_long_label(ax, kind, start, end, scale):
        draw_line(ax, kind, start, end, scale)
        ax.set_ylabel("value", fontsize=60)
        return "A line with a long label."

    ex = make()
    left = ex.fig.subplotpars.left
    ex.draw = draw_long_label
    ex.update()
    renderer = ex.fig.canvas.get_renderer()
    label = ex.fig.axes[0].yaxis.label.get_window_extent(renderer)
    width, height = ex.fig.canvas.get_width_height()
    assert ex.fig.subplotpars.left > left
    assert label.x0 >= 0 and label.x1 <= width and label.y0 >= 0 and label.y1 <= height
    grown = ex.fig.subplotpars.left
    ex.end.value = 2012
    assert ex.fig.subplotpars.left == grown and ex.text == "A line with a long label."


def test_a_figure_that_fits_is_drawn_once(monkeypatch):
    ex = make()
    saves = []
    save = E._save
    monkeypatch.setattr(E, "_save", lambda fig: saves.append(fig) or save(fig))
    ex.end.value = 2012
    assert len(saves) == 1
