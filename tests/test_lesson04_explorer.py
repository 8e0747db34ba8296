"""Lesson 04 explorer (the lesson's own `draw_headcount` in `Explorer`) and its figures, driven as a
student would.

Expected sentences come from the browser spec's oracle (tests/browser/lesson_04.py), recomputed with
plain pandas from data/*.csv, not with the lesson's function or with ruralrev."""

import matplotlib

matplotlib.use("Agg")

import json  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from browser.lesson_04 import ALL, LINE_LABELS  # noqa: E402
from browser.lesson_04 import headcount_sentence as expected  # noqa: E402
from conftest import DATA, NOTEBOOKS  # noqa: E402
from lessons import namespace  # noqa: E402
from ruralrev.inputs import InputError  # noqa: E402

COUNTRIES = ["China", "India", "Indonesia", "Vietnam", "Brazil", "Nigeria"]
PIP = pd.read_csv(DATA / "pip_headcount.csv")


@pytest.fixture()
def ns():
    return namespace("04")


def rebuild(ns, country="China", level="rural", line="international", ppp=2017, start=1977, end=2021):
    """The lesson's explorer cell, with other starting values."""
    return ns["Explorer"](ns["draw_headcount"], title="Share below a World Bank line, by country and level",
                          country=ns["Choice"](COUNTRIES, country, label="Country"),
                          level=ns["Choice"](["rural", "urban", "national", (ALL, "all")], level, label="Level"),
                          line=ns["Choice"]([(LINE_LABELS[n], n) for n in ns["LINES"]], line, label="Line"),
                          ppp=ns["Choice"]([("2011 PPP", 2011), ("2017 PPP", 2017)], ppp, label="PPP base"),
                          start=ns["Whole"](1977, 2021, start, label="From year", typed=True),
                          end=ns["Whole"](1977, 2021, end, label="To year", typed=True))


@pytest.fixture()
def ex(ns):
    return rebuild(ns)


def cell_source(fragment: str) -> str:
    nb = json.loads((NOTEBOOKS / "04-measuring-poverty.ipynb").read_text(encoding="utf-8"))
    (source,) = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code" and fragment in "".join(c["source"])]
    return source


def run_cell(ns, fragment: str) -> dict:
    """Run one figure cell of the lesson again in a copy of its namespace; the figure stays open."""
    local = dict(ns)
    show, plt.show = plt.show, lambda *a, **k: None
    try:
        exec(compile(cell_source(fragment), "04-measuring-poverty.ipynb", "exec"), local)
    finally:
        plt.show = show
    return local


def groups_of(country, level, line, ppp):
    rows = PIP[(PIP["country"] == country) & (PIP["reporting_level"] == level) & (PIP["line"] == line)
               & (PIP["ppp_version"] == ppp)]
    return dict(zip(zip(rows["year"], rows["headcount_ratio_pct"].round(6)), rows["survey_comparability"]))


def assert_no_line_crosses_a_break(ax, country, levels, line, ppp):
    owner = {}
    for level in levels:
        owner.update({k: (level, g) for k, g in groups_of(country, level, line, ppp).items()})
    joined = 0
    for ln in ax.get_lines():
        xy = [(int(x), round(float(y), 6)) for x, y in zip(ln.get_xdata(), ln.get_ydata())]
        keys = {owner[p] for p in xy if p in owner}
        if len(xy) > 1 and ln.get_linestyle() not in ("None", ""):
            assert len(keys) <= 1, (country, keys)
            joined += len(keys)
    assert joined, "some line was drawn"


# -- the explorer ----------------------------------------------------------------------------------

def test_the_lesson_explorer_starts_on_rural_china(ns):
    explorer = namespace("04")["explorer"]
    explorer.set(country="China", level="rural", line="international", ppp=2017, start=1977, end=2021)
    assert explorer.error == ""
    assert explorer.text == expected("China", "rural", "international", 2017, 1977, 2021)
    assert explorer.text == ("China, below $2.15 a day (international line, 2017 PPP): rural 96.87% (1981) to 0.26% "
                             "(2019), 20 survey years, survey breaks: 2. Welfare measured by income, then consumption.")
    assert explorer.text in explorer.summary.value and "<img alt=" in explorer.figure.value


@pytest.mark.parametrize("values", [
    dict(ppp=2011), dict(line="upper-middle income"), dict(level="urban"), dict(level="all"),
    dict(country="India", level="all", start=2011, end=2019), dict(country="Nigeria", level="national"),
    dict(country="Brazil", level="national", line="ten dollars", ppp=2011),
    dict(country="Indonesia", level="rural", line="lower-middle income", start=1990, end=2000),
    dict(country="Nigeria", level="national", start=2016, end=2021),  # one survey year
    dict(country="Vietnam", level="all", start=1977, end=2021),  # national only
])
def test_steps_give_the_independently_computed_sentence(ex, values):
    ex.set(**values)
    assert ex.error == ""
    settings = dict(country="China", level="rural", line="international", ppp=2017, start=1977, end=2021) | values
    assert ex.text == expected(**settings)


def test_every_control_changes_the_figure_and_the_sentence(ex):
    for name, value in [("ppp", 2011), ("line", "upper-middle income"), ("level", "all"), ("country", "India"),
                        ("start", 2011), ("end", 2015)]:
        before = (ex.text, ex.figure.value)
        ex.set(**{name: value})
        assert ex.error == "", (name, ex.error)
        assert ex.text != before[0] and ex.figure.value != before[1], name


def test_one_survey_year_and_the_level_all_read_right(ex):
    ex.set(country="Nigeria", level="national", start=2016, end=2021)
    assert "national 30.86% (2018), one survey year" in ex.text
    ex.set(country="China", level="all", start=1977, end=2021)
    assert [p.split()[0] for p in ex.text.split(": ", 1)[1].split("; ")] == ["rural", "urban", "national"]


@pytest.mark.parametrize("country, levels, line, ppp", [
    ("China", ["rural", "urban", "national"], "international", 2017),
    ("India", ["rural", "urban", "national"], "upper-middle income", 2011),
    ("Nigeria", ["national"], "lower-middle income", 2017),
])
def test_no_line_crosses_a_survey_break(ex, country, levels, line, ppp):
    ex.set(country=country, level="all", line=line, ppp=ppp)
    assert ex.error == ""
    assert_no_line_crosses_a_break(ex.fig.axes[0], country, levels, line, ppp)


def test_breaks_are_marked_between_the_groups(ns):
    fig, ax = plt.subplots()
    ns["draw_headcount"](ax, "China", "rural", "international", 2017, 1977, 2021)
    marks = sorted(ln.get_xdata()[0] for ln in ax.get_lines() if list(ln.get_ydata()) == [0, 1])  # axvlines
    assert marks == [(1987 + 1990) / 2, (2012 + 2013) / 2]


@pytest.mark.parametrize("values, message", [
    (dict(country="Nigeria", level="rural"), "Level: the data have no rural series for Nigeria (only national)."),
    (dict(country="Vietnam", level="urban"), "Level: the data have no urban series for Vietnam (only national)."),
    (dict(country="Nigeria", level="national", start=2019, end=2021),
     "From year / To year: Nigeria has no survey year from 2019 to 2021 (only 1985-2018)."),
])
def test_impossible_choices_get_one_line_and_keep_the_last_output(ex, values, message):
    before = (ex.summary.value, ex.figure.value)
    ex.set(**values)
    assert ex.error == message
    assert (ex.summary.value, ex.figure.value) == before


def test_bad_typed_input_keeps_the_last_output_and_says_one_line(ex):
    before = (ex.summary.value, ex.figure.value)
    for value, fragment in [("abc", "To year must be a whole number"), ("1800", "To year must be from 1977 to 2021"),
                            ("", "To year is empty")]:
        ex.controls["end"].value = value
        assert fragment in ex.error and "\n" not in ex.error
        assert (ex.summary.value, ex.figure.value) == before
    ex.controls["end"].value = "2021"
    assert ex.error == "" and ex.summary.value == before[0]
    ex.controls["start"].value = "2019"
    ex.controls["end"].value = "2015"
    assert ex.error == "From year (2019) is after To year (2015): swap them."
    assert ex.text == expected("China", "rural", "international", 2017, 2019, 2021)  # the last good output


def test_set_rejects_bad_values_in_one_line(ex):
    with pytest.raises(InputError, match="To year must be from 1977 to 2021"):
        ex.set(end=2030)
    with pytest.raises(InputError, match="Country must be one of"):
        ex.set(country="Mexico")
    with pytest.raises(InputError, match="Line must be one of"):
        ex.set(line="half of median")  # the relative line is lesson 05's, not a control here


def test_bad_constructor_arguments_fail_in_one_line(ns):
    with pytest.raises(InputError, match="PPP base must be one of") as err:
        rebuild(ns, ppp=2021)
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match=r"^Level: the data have no rural series for Brazil"):
        rebuild(ns, country="Brazil")
    with pytest.raises(InputError, match=r"^From year \(2019\) is after To year \(2013\)"):
        rebuild(ns, start=2019, end=2013)


# -- the lesson's static figures and tables ------------------------------------------------------------

def test_figure_4_2_uses_the_explorers_function(ns):
    fig, ax = plt.subplots()
    text = ns["draw_headcount"](ax, "China", "all", "international", 2017, 1977, 2021)
    assert text == expected("China", "all", "international", 2017, 1977, 2021)
    assert "%" in ax.get_ylabel() and ax.get_xlabel() == "Year"
    assert_no_line_crosses_a_break(ax, "China", ["rural", "urban", "national"], "international", 2017)


def test_figure_4_1_joins_only_the_verified_years(ns):
    ax = run_cell(ns, "sns.scatterplot(data=known")["ax"]
    data_lines = [ln for ln in ax.get_lines() if list(ln.get_xdata()) != [0, 1]]  # not the axhline
    joined = [ln for ln in data_lines if len(ln.get_xdata()) > 1 and ln.get_linestyle() not in ("None", "")]
    assert {int(x) for ln in joined for x in ln.get_xdata()} == set(range(2010, 2017))
    points = np.concatenate([c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)])  # scatter
    assert {int(x) for x in points[:, 0]} == set(range(2010, 2017)) | {2019, 2020}


def test_figure_4_4_is_six_small_multiples_with_no_line_across_a_break(ns):
    grid = run_cell(ns, "col_wrap=3")["g"]
    titles = [ax.get_title() for ax in grid.axes.flat]
    assert titles == COUNTRIES
    for ax, country in zip(grid.axes.flat, COUNTRIES):
        assert_no_line_crosses_a_break(ax, country, ["national"], "international", 2017)


def test_the_ppp_gap_and_the_shared_year_are_computed_from_the_data(ns):
    rural = PIP[(PIP["country"] == "China") & (PIP["reporting_level"] == "rural") & (PIP["line"] == "international")]
    a = rural[rural["ppp_version"] == 2011].set_index("year")["headcount_ratio_pct"]
    b = rural[rural["ppp_version"] == 2017].set_index("year")["headcount_ratio_pct"]
    diff = b - a
    assert ns["widest"] == diff.abs().idxmax() == 1996
    assert (diff > 0).all()
    national = PIP[(PIP["reporting_level"] == "national") & (PIP["line"] == "international")]
    years_with_all = [y for y, g in national.groupby("year") if g["country"].nunique() == 6]
    assert ns["shared"] == max(years_with_all) == 2018
    assert np.sign(ns["in_shared"]["difference"]).to_dict() == {
        "Brazil": 1, "China": 1, "India": 1, "Indonesia": 1, "Nigeria": -1, "Vietnam": -1}


def test_the_2019_comparison_and_the_labels_of_the_lines(ns):
    compare = ns["compare"]
    assert list(compare.index) == [LINE_LABELS[n] for n in ["international", "lower-middle income",
                                                            "upper-middle income", "ten dollars"]]
    assert compare.loc["$10 (OWID extra line)", "line_usd_per_day"] == 10
    assert ns["nbs_2019"] == 0.6
    nb = (NOTEBOOKS / "04-measuring-poverty.ipynb").read_text(encoding="utf-8")
    assert "ten dollars (" not in nb and "not a World Bank poverty line" in nb


def test_the_national_line_support_labels(ns):
    support = ns["yuan_line"].set_index("year")["support"]
    assert support[2010] == "base (2010 prices)"
    assert list(support[support == "verified"].index) == list(range(2011, 2017))
    assert list(support[support == "missing"].index) == [2017, 2018]
    assert list(support[support == "weak or approximate"].index) == [2019, 2020]
