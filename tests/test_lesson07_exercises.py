"""Lesson 07 exercise checks: right answers pass, typical wrong answers get their own feedback, and
the feedback never gives the expected value away. Expected values are computed here with plain
pandas and the math module from data/income.csv."""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

from conftest import DATA  # noqa: E402
from ruralrev.exercises import check  # noqa: E402

URBAN, RURAL, RATIO = "urban_disposable_income", "rural_disposable_income", "urban_rural_ratio"


def wide():
    inc = pd.read_csv(DATA / "income.csv")
    return inc[inc["survey_basis"] == "integrated"].pivot(index="year", columns="indicator", values="value")


def cagr(w, col, a, b, years=None):
    return (w.loc[b, col] / w.loc[a, col]) ** (1 / (years or b - a)) - 1


def start():
    w = wide()
    last = int(w.index.max())
    return w, last, w.loc[last, RATIO]


def years_to_2(ratio0, g_u, g_r):
    return math.log(2 / ratio0) / math.log((1 + g_u) / (1 + g_r))


# -- 07.1 the year with the growth of 2019-2024 --------------------------------------------------------

def right_year():
    w, last, ratio0 = start()
    return last + math.ceil(years_to_2(ratio0, cagr(w, URBAN, 2019, 2024), cagr(w, RURAL, 2019, 2024)))


def test_07_1_right_answer_passes():
    out = check("07.1", right_year())
    assert out.ok and "at or below 2" in out
    assert check("07.1", float(right_year())).ok and check("07.1", pd.Series([right_year()])).ok


def wrong_answers():
    w, last, ratio0 = start()
    u, r = cagr(w, URBAN, 2019, 2024), cagr(w, RURAL, 2019, 2024)
    t = years_to_2(ratio0, u, r)
    return [
        (last + math.ceil(years_to_2(ratio0, cagr(w, URBAN, 2015, 2019), cagr(w, RURAL, 2015, 2019))), "2015-2019"),
        (last + math.ceil(years_to_2(ratio0, cagr(w, URBAN, 2015, last), cagr(w, RURAL, 2015, last))), "since 2015"),
        (last + t, "Give a whole year"),
        (last + math.floor(t), "rounded down"),
        (t, "number of years"),
        (math.ceil(t), "number of years"),
        (last + math.ceil(years_to_2(ratio0, cagr(w, URBAN, 2019, 2024, 6), cagr(w, RURAL, 2019, 2024, 6))),
         "5 years of growth"),
        ("2031", "Give a number"),
    ]


@pytest.mark.parametrize("index", range(8))
def test_07_1_typical_mistakes_get_their_feedback_without_the_answer(index):
    wrong, fragment = wrong_answers()[index]
    out = check("07.1", wrong)
    assert not out.ok and fragment in out, (wrong, out)
    assert str(right_year()) not in out.replace(",", "")


def test_07_1_a_far_off_year_says_higher_or_lower():
    assert "higher than the right value" in check("07.1", 2100)
    assert "lower than the right value" in check("07.1", 2025)


# -- 07.2 the heatmap of required growth -------------------------------------------------------------

def needed_long():
    w, last, ratio0 = start()
    g_u = cagr(w, URBAN, 2015, last)
    return pd.DataFrame([{"target ratio": tgt, "by year": year,
                          "rural growth needed (% a year)": round(100 * ((1 + g_u) * (ratio0 / tgt) ** (1 / (year - last)) - 1), 2)}
                         for tgt in (2.0, 1.8, 1.5) for year in (2030, 2035, 2050)])


def needed_wide():
    return needed_long().pivot_table(index="target ratio", columns="by year", values="rural growth needed (% a year)")


def heatmap(table, annot=True, label="rural growth needed (% a year)"):
    fig, ax = plt.subplots()
    sns.heatmap(table, annot=annot, fmt=".2f", cbar_kws={"label": label} if label else None, ax=ax)
    return ax


def test_07_2_the_solution_figure_passes():
    out = check("07.2", heatmap(needed_wide()))
    assert out.ok, out
    assert check("07.2", heatmap(needed_wide(), label="percent a year")).ok


@pytest.mark.parametrize("make, fragment", [
    (lambda: heatmap(needed_wide().T), "target ratios on the rows"),
    (lambda: heatmap(needed_long()), "3 x 3 cells"),
    (lambda: heatmap(needed_wide() / 100), "fractions"),
    (lambda: heatmap(needed_wide() + 1), "differ"),
    (lambda: heatmap(needed_wide(), annot=False), "Write each value"),
    (lambda: heatmap(needed_wide(), label=None), "colour bar"),
    (lambda: heatmap(needed_wide(), label="rural growth"), "colour bar"),
    (lambda: sns.lineplot(data=needed_long(), x="by year", y="rural growth needed (% a year)", hue="target ratio"),
     "heatmap"),
    (lambda: heatmap(needed_wide().rename_axis(index=None, columns=None)), "Name the axes"),
    (lambda: plt.subplots()[1], "empty"),
])
def test_07_2_typical_mistakes_get_their_feedback(make, fragment):
    out = check("07.2", make())
    assert not out.ok and fragment in out, out
    for value in needed_long()["rural growth needed (% a year)"]:
        assert f"{value:.2f}" not in out


# -- 07.3 the written interpretation ------------------------------------------------------------------

MODEL = ("Rural income grew faster in percent than urban income, so the ratio fell. But rural income is the "
         "smaller base, so the same percentage adds fewer yuan and the gap in yuan widened. A price rise that "
         "lifts both incomes by the same percentage cancels out of the ratio, which stays unchanged, but it "
         "makes the gap in current yuan larger.")


def test_07_3_model_answer_passes():
    assert check("07.3", MODEL).ok


@pytest.mark.parametrize("answer, fragment", [
    ("The ratio fell and the gap grew.", "at least 30"),
    (MODEL.replace("grew faster in percent than urban income", "rose more strongly than urban income")
          .replace("same percentage", "same share"), "measured in percent"),
    (MODEL.replace("is the smaller base, so the same percentage adds fewer yuan", "started far behind, so")
          .replace("smaller", "lower"), "what is each percentage applied to"),
    (MODEL.replace("A price rise", "A change").replace("current yuan", "yuan"), "common price rise"),
    (MODEL.replace("cancels out of the ratio, which stays unchanged, but it", "also"), "does to the ratio"),
    (" ".join([MODEL] * 3), "keep it under 150"),
    (2.5, "between quotes"),
])
def test_07_3_gaps_are_named(answer, fragment):
    out = check("07.3", answer)
    assert not out.ok and fragment in out, out
