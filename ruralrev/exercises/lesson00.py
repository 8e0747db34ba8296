"""Lesson 00 exercises: expected answers computed from data/ when a check runs.

The feedback names what to look at (the region, the year, the column, the sort order) and never
states the expected value.
"""

from __future__ import annotations

from matplotlib.collections import PathCollection

from .. import data
from . import exercise, figure, number, table, text

REGION, YEAR = "west", 2019


@exercise("00.1")
def west_rural_poor_2019():
    regions = data.load("regions")
    count = regions.set_index(["region", "year"])["rural_poor_million"]
    change = regions.set_index(["region", "year"])["change_million"]
    expected = float(count[(REGION, YEAR)])
    mistakes = []
    for (region, year), value in count.items():
        if (region, year) == (REGION, YEAR) or value != value:
            continue
        if region != REGION and year == YEAR:
            why = (f"That is the {region.replace('_', ' ')} figure for {YEAR}: keep the rows where "
                   f"region == \"{REGION}\".")
        elif region == REGION:
            why = (f"That is the {REGION} figure for {year}: keep the rows where year == {YEAR} "
                   "(a number, without quotes).")
        else:
            continue
        mistakes.append((float(value), why))
    if change.get((REGION, YEAR)) == change.get((REGION, YEAR)):  # not NaN
        mistakes.append((float(change[(REGION, YEAR)]),
                         "That is the change from the year before (change_million); take the number of "
                         "rural poor, rural_poor_million."))
    national = data.load("headcount")
    national = national[(national["standard"] == "2010") & (national["year"] == YEAR)]["poor_million"]
    if len(national) == 1:
        mistakes.append((float(national.item()),
                         "That is the national count from headcount.csv; the regional table is regions.csv."))
    return number(expected, tol=0.005, unit="million people",
                  mistakes=[(v, m) for v, m in mistakes if abs(v - expected) > 0.005])


@exercise("00.2")
def pages_by_publisher():
    sources = data.load("sources")
    grouped = (sources.assign(is_copy=sources["copy"] == "yes")
               .groupby("original_publisher")
               .agg(pages=("source_id", "size"), copies=("is_copy", "sum"))
               .reset_index())
    grouped["copies"] = grouped["copies"].astype(int)

    def unsorted(a):  # the right counts, in another order
        pages = a["pages"].tolist()
        same = (a.sort_values("original_publisher")[["original_publisher", "pages", "copies"]]
                .astype(str).values.tolist()
                == grouped.sort_values("original_publisher").astype(str).values.tolist())
        return same and pages != sorted(pages, reverse=True)

    def copies_are_pages(a):
        return (a["copies"].to_numpy() == a["pages"].to_numpy()).all() and \
            not (grouped["copies"] == grouped["pages"]).all()

    def copies_not_counted(a):  # True/False kept, or the text "yes"/"no" summed/first
        return a["copies"].dtype == bool or a["copies"].dtype == object or str(a["copies"].dtype) == "str"

    return table(grouped[["original_publisher", "pages", "copies"]], mistakes=[
        (lambda a: "count" in a.columns and "pages" not in a.columns,
         "Your count column is called 'count': name it pages, e.g. .agg(pages=(\"source_id\", \"size\"), ...)."),
        (lambda a: "pages" in a.columns and "copies" not in a.columns,
         "Your table has no column 'copies': add copies=(\"is_copy\", \"sum\") to .agg(...)."),
        (lambda a: "original_publisher" not in a.columns,
         "Group by the publisher: .groupby(\"original_publisher\")."),
        (lambda a: len(a) != len(grouped),
         "Your table should have one row per publisher: group the whole sources table, without a filter."),
        (copies_not_counted,
         "The copies column should count pages: make is_copy = (copy == \"yes\") first, then sum it."),
        (copies_are_pages,
         "Your copies column equals pages: \"size\" counts every row; use \"sum\" on is_copy to count "
         "only the True values."),
        (unsorted, "The counts are right but not in the asked order: sort_values(\"pages\", ascending=False)."),
    ])


@exercise("00.3")
def urban_rural_population():
    population = data.load("population")
    recent = population[population["year"] >= 2020]
    series = {}
    for column, name in (("urban_million", "urban"), ("rural_million", "rural")):
        rows = recent.dropna(subset=[column])
        series[name] = (rows["year"].to_numpy(float), rows[column].to_numpy(float))

    def not_total(ax):
        total = recent.dropna(subset=["total_million"])
        points = {(float(x), round(float(y), 2)) for line in ax.get_lines()
                  for x, y in zip(line.get_xdata(), line.get_ydata())}
        return not any((float(x), round(float(y), 2)) in points
                       for x, y in zip(total["year"], total["total_million"]))

    def only_one_basis(ax):
        xs = [x for line in ax.get_lines() for x in line.get_xdata()]
        xs += [x for coll in ax.collections if isinstance(coll, PathCollection)  # scatter points
               for x, _ in coll.get_offsets()]
        return all(float(x) >= 2020 for x in xs)

    return figure(series, xlabel=["year"], ylabel=["million"], legend=True,
                  extra=[(not_total, "Your figure also draws the total population: melt only urban_million "
                                     "and rural_million (value_vars=[...])."),
                         (only_one_basis, "Your figure includes years before 2020, published before the census "
                                          "revision: keep only the rows with year >= 2020.")])


@exercise("00.4")
def why_the_jump():
    return text(points=[
        (["line", "standard", "threshold", "definition"],
         "Say what differs between the two counts: against what are people counted as poor?"),
        (["higher", "raised", "above", "larger", "bigger", "more generous", "more than", "times"],
         "Say how the two lines compare, and what a higher line does to the number counted as poor."),
        ([r"\bnot\b", r"n't\b", "definition", "comparab", "cannot be compared", "apples"],
         "Say whether the jump shows that rural poverty rose between 2007 and 2011."),
    ], words=(20, 120))
