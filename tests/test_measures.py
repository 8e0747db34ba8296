"""Input validation (ruralrev.inputs)."""

import pytest

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
