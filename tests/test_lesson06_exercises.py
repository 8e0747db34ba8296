"""Lesson 06 exercise checks: right answers pass, typical wrong answers get their own feedback,
and the feedback never gives the expected value away. Expected values are computed here with
plain pandas from data/*.csv, and the simulated shares with plain numpy from the model's documented
recipe (as in tests/browser/lesson_06.py)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

from conftest import DATA  # noqa: E402
from ruralrev.exercises import check  # noqa: E402


def counties():
    return pd.read_csv(DATA / "poor_counties_by_province.csv", keep_default_na=False)


def on_832():
    c = counties()
    return c[c["list"].str.startswith("832 list") & (c["province"] != "TOTAL")]


def right_table(rows=None):
    rows = on_832() if rows is None else rows
    out = rows.groupby("nbs_region")["counties"].sum().reset_index()
    out["share_of_832_pct"] = 100 * out["counties"] / 832
    return out


# -- 06.1 the verified counties by region -------------------------------------------------------

def test_06_1_the_expected_table_is_what_the_data_say():
    t = right_table().set_index("nbs_region")
    assert t["counties"].to_dict() == {"east": 50, "northeast": 20, "west": 347}  # Hebei 45 + Hainan 5
    facts = pd.read_csv(DATA / "county_facts.csv").set_index("fact_id")
    assert facts.loc["designated_poor_counties", "value"] == 832


def test_06_1_right_answer_passes_in_any_order_and_rounded():
    assert check("06.1", right_table()).ok
    assert check("06.1", right_table().sort_values("counties")).ok
    assert check("06.1", right_table().round(1)).ok
    assert check("06.1", right_table().set_index("nbs_region")).ok  # a named index counts as a column


@pytest.mark.parametrize("make, fragment", [
    (lambda: right_table(counties()[counties()["list"].str.startswith("832 list")]), "TOTAL rows"),
    (lambda: right_table(counties()[(counties()["list"] == "832 list") & (counties()["province"] != "TOTAL")]),
     "part of a province"),
    (lambda: right_table(counties()[counties()["province"] != "TOTAL"]), "too large"),
    (lambda: right_table().assign(share_of_832_pct=lambda t: 100 * t["counties"] / t["counties"].sum()),
     "shares of the verified rows"),
    (lambda: right_table().assign(share_of_832_pct=lambda t: t["counties"] / 832), "multiply by 100"),
    (lambda: right_table().drop(columns="share_of_832_pct"), "no column 'share_of_832_pct'"),
    (lambda: [50, 20, 347], "Give a table"),
])
def test_06_1_typical_mistakes_get_their_feedback_without_the_answer(make, fragment):
    out = check("06.1", make())
    assert not out.ok and fragment in out, out
    for value in ["347", "41.7", "6.0", "2.4"]:
        assert value not in out


# -- 06.2 the east claim, in words ----------------------------------------------------------------

MODEL = ("The data support 'few': the east held the smallest share of the rural poor in 2017-2019, under a tenth, "
         "but never none. Two eastern provinces, Hebei and Hainan, had counties on the 832 list. Eastern provinces "
         "also funded and staffed projects in the west through east-west collaboration. No table counts projects, "
         "so the claim itself cannot be checked.")


def test_06_2_model_answer_passes():
    assert check("06.2", MODEL).ok


@pytest.mark.parametrize("answer, fragment", [
    ("The east had almost no projects.", "at least 30"),
    (MODEL.replace("share of the rural poor in 2017-2019, under a tenth, but never none",
                   "poor people too").replace("the smallest ", "").replace("few", "some"), "what share"),
    (MODEL.replace("Two eastern provinces, Hebei and Hainan, had", "Some eastern provinces had"), "832 list"),
    (MODEL.replace("also funded and staffed projects in the west through east-west collaboration",
                   "were rich"), "east-west collaboration"),
    (MODEL.replace("No table counts projects, so the claim itself cannot be checked.",
                   "So the claim is partly right.").replace("funded and staffed projects", "helped"), "projects"),
    (42, "between quotes"),
])
def test_06_2_gaps_are_named(answer, fragment):
    out = check("06.2", answer)
    assert not out.ok and fragment in out, out


# -- 06.3 the monitored share by threshold ------------------------------------------------------

def monitored_shares(threshold, n=20_000, years=10, seed=2021):
    """Share monitored in years 1..years, from the documented recipe with the default assumptions."""
    rng = np.random.default_rng(seed)
    market = 2.0 * np.exp(0.4 * rng.standard_normal(n))
    out = []
    for _ in range(years):
        out.append(100 * (market < threshold).mean())
        shocked = rng.random(n) < 0.10
        market = market * 1.05 * np.where(shocked, 0.7, 1.0)
    return out


def frame(thresholds=(1.0, 1.5, 2.0), column="monitored_pct"):
    return pd.DataFrame([{"year": y, "threshold": t, column: v} for t in thresholds
                         for y, v in enumerate(monitored_shares(t), start=1)])


def test_06_3_a_seaborn_figure_of_the_independent_shares_passes():
    ax = sns.lineplot(data=frame(), x="year", y="monitored_pct", hue="threshold", style="threshold", markers=True)
    ax.set(xlabel="Years after the start", ylabel="Households monitored (%)")
    assert check("06.3", ax).ok


def test_06_3_typical_mistakes_are_caught():
    _, ax = plt.subplots()
    f = frame()
    ax.plot(f["year"], f["monitored_pct"])  # one line through all three thresholds
    ax.set(xlabel="Year", ylabel="monitored (%)")
    assert "One line joins points" in check("06.3", ax)
    _, ax = plt.subplots()
    sns.lineplot(data=f, x="year", y="monitored_pct", hue="threshold", ax=ax)
    ax.set(xlabel="Year", ylabel="percent")
    assert "should mention 'monitored'" in check("06.3", ax)
    _, ax = plt.subplots()
    sns.lineplot(data=frame((1.0, 1.5)), x="year", y="monitored_pct", hue="threshold", ax=ax)
    ax.set(xlabel="Year", ylabel="monitored (%)")
    assert "'threshold 2' is not all there" in check("06.3", ax)
    _, ax = plt.subplots()
    for t, g in f.groupby("threshold"):
        ax.plot(g["year"], g["monitored_pct"], marker="o")
    ax.set(xlabel="Year", ylabel="monitored (%)")
    assert "Add a legend" in check("06.3", ax)


# -- 06.4 the bound, from the assumptions -------------------------------------------------------

def test_06_4_right_answer_passes():
    right = 1 / (1.03 * 0.6)
    out = check("06.4", right)
    assert out.ok and "times the line" in out
    assert check("06.4", round(right, 3)).ok


@pytest.mark.parametrize("wrong, fragment", [
    (1.03 * 0.6, "lowest income a household can have"),
    (1 / (1.05 * 0.7), "default growth and shock size"),
    (1 / 0.6, "left out growth"),
    (1 / (1.03 * 0.4), "leaves 60%"),
    (1 / 1.03, "left out the shock"),
    ("1.62", "Give a number"),
    (2.0, "higher than the right value"),
])
def test_06_4_typical_mistakes_get_their_feedback_without_the_answer(wrong, fragment):
    out = check("06.4", wrong)
    assert not out.ok and fragment in out, out
    assert "1.62" not in out and "1.618" not in out
