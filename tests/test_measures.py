"""Pure computations and input validation."""

import math

import pandas as pd
import pytest

from ruralrev import data, measures
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


def test_select_series_filters_one_series_and_years():
    hc = data.load("headcount")
    keys, _ = measures.SERIES_VIEWS["headcount"]
    rows = measures.select_series(hc, keys, "2010 · official", "poor_million", "2012", "2015")
    assert rows["year"].tolist() == [2012, 2013, 2014, 2015]
    assert rows["value"].tolist() == [98.99, 82.49, 70.17, 55.75]


def test_select_series_carries_the_unit_of_long_tables():
    inc = data.load("income")
    keys, _ = measures.SERIES_VIEWS["income"]
    rows = measures.select_series(inc, keys, "urban_rural_ratio · integrated", "value", 2014, 2024)
    assert set(rows["unit"]) == {"ratio (rural = 1)"}


@pytest.mark.parametrize("series, measure, start, end, fragment", [
    ("2010 · official", "poor_million", "2016", "2012", "must not be after"),
    ("1978 · official", "poor_million", "2012", "2020", "No values"),
    ("nope", "poor_million", "2012", "2020", "Series must be one of"),
    ("2010 · official", "status", "2012", "2020", "Measure must be one of"),
    ("2010 · official", "poor_million", "x", "2020", "From year must be a whole number"),
])
def test_select_series_bad_input(series, measure, start, end, fragment):
    hc = data.load("headcount")
    with pytest.raises(InputError, match=fragment):
        measures.select_series(hc, ["standard", "estimate"], series, measure, start, end)


def test_change_summary():
    s = measures.change_summary([2012, 2016, 2020], [98.99, 43.35, 0.0])
    assert s["first"] == 98.99 and s["last"] == 0.0 and s["n"] == 3
    assert s["change"] == pytest.approx(-98.99)
    assert s["change_per_year"] == pytest.approx(-98.99 / 8)
    assert math.isnan(measures.change_summary([2020], [1.0])["change_per_year"])
    with pytest.raises(ValueError):
        measures.change_summary([], [])


def test_years_covered():
    frames = {"a": pd.DataFrame({"year": [2001, 2003, 2003]}), "b": pd.DataFrame({"year": [1999]}),
              "c": pd.DataFrame({"x": [1]})}
    cov = measures.years_covered(frames)
    assert cov["table"].tolist() == ["b", "a"]
    assert cov.loc[1, ["first_year", "last_year", "years", "rows"]].tolist() == [2001, 2003, 2, 3]
    assert cov.loc[1, "year_list"] == [2001, 2003]


def test_series_labels():
    df = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    assert measures.series_labels(df, ["a", "b"]).tolist() == ["x · 1", "y · 2"]
    assert measures.series_labels(df, []).tolist() == ["all rows", "all rows"]


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
