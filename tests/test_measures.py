"""Pure computations and input validation."""

import math

import pytest

from ruralrev import measures
from ruralrev.inputs import InputError, one_of, whole_number


@pytest.mark.parametrize("text, expected", [("2015", 2015), (" 2012 ", 2012), (2020, 2020)])
def test_whole_number_accepts_valid_years(text, expected):
    assert whole_number(text, name="Year", low=2010, high=2020) == expected


@pytest.mark.parametrize("text, fragment", [("abc", "'abc' is not"), ("", "is empty"), ("2009", "outside"),
                                            ("2021", "outside"), ("20.5", "is not"), (True, "whole number")])
def test_whole_number_rejects_with_one_line(text, fragment):
    with pytest.raises(InputError) as exc:
        whole_number(text, name="Year", low=2010, high=2020)
    assert fragment in str(exc.value) and "\n" not in str(exc.value)


def test_input_error_in_a_notebook_cell_is_one_line_not_a_traceback():
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    with capture_output() as shown:
        InteractiveShell.instance().run_cell("from ruralrev.inputs import whole_number\n"
                                             "whole_number('twenty', name='Year', low=1978, high=2021)")
    assert shown.stdout.strip() == "InputError: Year must be a whole number from 1978 to 2021; 'twenty' is not."


def test_one_of():
    assert one_of("a", ["a", "b"], name="X") == "a"
    with pytest.raises(InputError, match="X must be one of: a, b"):
        one_of("c", ["a", "b"], name="X")


def test_change_summary():
    s = measures.change_summary([2012, 2016, 2020], [98.99, 43.35, 0.0])
    assert s["first"] == 98.99 and s["last"] == 0.0 and s["n"] == 3
    assert s["change"] == pytest.approx(-98.99)
    assert s["change_per_year"] == pytest.approx(-98.99 / 8)
    assert math.isnan(measures.change_summary([2020], [1.0])["change_per_year"])
    with pytest.raises(ValueError):
        measures.change_summary([], [])


@pytest.mark.parametrize("text, expected", [("2.5", 2.5), (" 7 ", 7.0), (3, 3.0), ("-1", -1.0)])
def test_number_accepts(text, expected):
    from ruralrev.inputs import number

    assert number(text, name="Rate", low=-5, high=10) == expected


@pytest.mark.parametrize("text, fragment", [("abc", "'abc' is not"), ("", "is empty"), ("11", "outside"),
                                            ("nan", "outside"), ("1,5", "is not"), (False, "must be a number")])
def test_number_rejects(text, fragment):
    from ruralrev.inputs import number

    with pytest.raises(InputError, match=fragment):
        number(text, name="Rate", low=-5, high=10)


@pytest.mark.parametrize("x, decimals, shown", [(12.37, 4, "12.37"), (98990000, 4, "98,990,000"), (-0.0, 4, "0"),
                                                (12.37375, 2, "12.37"), (1234.5, 1, "1,234.5"), (3.0, 4, "3")])
def test_numbers_in_sentences(x, decimals, shown):
    from ruralrev.text import number

    assert number(x, decimals) == shown
