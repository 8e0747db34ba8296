"""Reliability sweep: a seeded random walk over every explorer's controls, typed boxes fed
boundary, out-of-range, malformed and empty text. After every change either the output is
new and consistent (summary, alt text, every label and legend on the canvas), or a one-line
message is shown and the previous output is kept. Also: axes made ahead of a change draw the
same figures as axes made at the time."""

import random
from html import unescape

import ipywidgets as w
import pytest

from ruralrev.explorer import UNEXPECTED

from explorers import explorers, typed_values

#: what people type: boundaries of every explorer's ranges, out-of-range, malformed, empty
TYPED = ["", "  ", "abc", "None", "-1", "0", "1", "3", "10", "12", "50", "99.99", "100", "5000", "200000",
         "1000000", "1977", "1978", "1981", "1990", "2000", "2003", "2012", "2015", "2019", "2020", "2021",
         "2023", "2030", "2035", "2050", "2070", "2100", "9999", "1e309", "nan", "inf", "-inf", "1e-9",
         "0.5", "1990.5", "1,990", "+2000", " 2000 ", "2e3", "-0", "5%", "0x10", "１９９０", "9" * 400]
STEPS = 60

EXPLORERS = list(explorers())


def _options(control):
    return [o[1] if isinstance(o, tuple) else o for o in control.options]


def _random_value(control, valid, rng):
    """A slider's end or current value, a dropdown option, or text: valid for this explorer
    (from the sweep's list) a little more often than not, else anything from TYPED."""
    if isinstance(control, w.Text):
        return rng.choice(valid) if valid and rng.random() < 0.6 else rng.choice(TYPED)
    if isinstance(control, (w.IntSlider, w.FloatSlider)):
        return rng.choice([control.min, control.max, control.value])
    return rng.choice(_options(control))


@pytest.mark.parametrize("name, factory", EXPLORERS, ids=[n for n, _ in EXPLORERS])
def test_random_walk_keeps_output_consistent_or_explains_in_one_line(name, factory):
    rng = random.Random(name)
    ex = factory()
    sweeps = typed_values(ex)
    errors = updates = 0
    for _ in range(STEPS):
        control_name = rng.choice(list(ex.controls))
        value = _random_value(ex.controls[control_name], sweeps.get(control_name), rng)
        before = (ex.summary.value, ex.figure.value)
        ex.controls[control_name].value = value  # an exception here fails the test
        if ex.error:
            errors += 1
            assert "\n" not in ex.error and len(ex.error) < 200, (control_name, value, ex.error)
            assert not ex.error.startswith(UNEXPECTED), (control_name, value, ex.error)
            assert 'role="alert"' in ex.message.value
            assert (ex.summary.value, ex.figure.value) == before
        else:
            updates += 1
            assert ex.message.value == ""
            summary = unescape(ex.summary.value.removeprefix('<p class="ruralrev-summary">').removesuffix("</p>"))
            assert summary and f'alt="{ex.summary.value.split(">", 1)[1].rsplit("<", 1)[0]}"' in ex.figure.value
            assert summary.endswith(".")
    assert errors and updates, "the walk met both bad and good input"


def _one_move_each(ex) -> list[tuple[str, object]]:
    """A new value for each control: a slider step, the valid text nearest the current value, then
    the next option of each dropdown (last, as another option may have no data in these years)."""
    typed, moves = typed_values(ex), []
    for name, control in sorted(ex.controls.items(), key=lambda item: isinstance(item[1], w.Dropdown)):
        if isinstance(control, w.Text):
            near = sorted((v for v in typed[name] if v != control.value), key=lambda v: abs(float(v) - float(control.value)))
            moves.append((name, near[0]))
        elif isinstance(control, (w.IntSlider, w.FloatSlider)):
            step = control.step if control.value + control.step <= control.max else -control.step
            moves.append((name, round(control.value + step, 10)))
        else:
            options = _options(control)
            moves.append((name, options[(options.index(control.value) + 1) % len(options)]))
    return moves


@pytest.mark.parametrize("name, factory", EXPLORERS, ids=[n for n, _ in EXPLORERS])
def test_axes_made_ahead_draw_the_same_figures(name, factory):
    """An explorer draws on axes it made after sending the last figure, with as many ticks as that
    figure had. Every figure must be byte for byte the one drawn on axes made at the time, with
    matplotlib making each tick when it is drawn."""
    ahead, plain = factory(), factory()
    drawn = 0
    for control, value in _one_move_each(ahead):
        plain._next, plain._ticks = None, ((0, 0), (0, 0))  # axes made now, no tick made ahead
        before = ahead.figure.value
        for ex in (ahead, plain):
            ex.controls[control].value = value
        assert ahead.error == plain.error
        assert ahead.figure.value == plain.figure.value, f"{control}={value!r} drew another figure"
        drawn += ahead.figure.value != before
    assert drawn, "no move drew a new figure to compare"
