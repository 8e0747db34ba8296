"""Check the paper's numeric claims against the course's data, one claim at a time.

A claim is one row of data/paper_claims.csv: what the paper says (value, unit, scope, qualifier,
precision) and a *structured* reference to the data that can check it (table, filter, column,
method, years, the unit the data column is expected to carry, the scope of the source figure).
`check_claim` returns a verdict with its reason; it never evaluates text as code: filters are
parsed as 'column=value;column=value' pairs and compared as text.

A verdict is the course's *reading* of a claim, kept as bookkeeping: the table records which
source figure the paper's digits trace to, and how the paper's wording differs from it (the
`mismatch` column, with the reasoning in `note`). The code checks the numbers, checks that the
recorded reading fits the data (a unit or scope difference must be read, a reading must name a
real difference), and applies the reading. Verdicts, decided in this order:

1. **ambiguous**: the reading is 'unclear': the official metric, or what the paper counts,
   cannot be pinned down (the source figure is still reported where there is one).
2. **not checkable**: no source figure (no check_table) and no reading.
3. The source figure is computed. With no mismatch recorded, the values are compared, in the
   paper's unit, by the paper's qualifier: **consistent** or **inconsistent** (value differs).

   - ``exact``: consistent if the source value, rounded to the paper's precision, gives the
     paper's figure, i.e. ``|source - paper| <= precision / 2`` (a value exactly half a step
     away counts as consistent, whichever way it was rounded);
   - ``about``: consistent within one rounding step, ``|source - paper| <= precision``;
   - ``more than``: consistent if ``source > paper``; ``less than``: if ``source < paper``.

   A tiny allowance (1e-9 of the value) absorbs floating-point noise such as 98.99 - 5.51.
4. With a mismatch recorded, the digits must still trace to the source figure (else
   **inconsistent**, value differs). Then 'scope', 'unit', 'metric' or 'date' give
   **misstated** (traceable, but the paper misstates that aspect), and 'quantity' gives
   **inconsistent** (the digits belong to another quantity; the source's own figures, named in
   the note, show the paper's quantity is wrong).

Units of the same kind at another scale (km and million km) are converted, never a mismatch.

Methods that turn the referenced rows into one source figure:

- ``value``: the filter selects exactly one row; its value.
- ``difference``: the reduction from check_from to check_to, value(from) - value(to).
- ``average_annual_reduction``: that reduction divided by the years between them; the unit
  gains "per year".
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import pandas as pd

from ..errors import CourseError
from ..data import source_ids
from ..text import number as _num

__all__ = ["ClaimError", "VERDICTS", "MISMATCHES", "METHODS", "QUALIFIERS", "parse_filter", "split_unit", "select_rows",
           "source_figure", "compare", "check_claim", "check_claims"]

VERDICTS = ("consistent", "misstated", "inconsistent", "ambiguous", "not checkable")
#: the recorded readings of a mismatch (column `mismatch`); "" = none
MISMATCHES = ("", "scope", "unit", "metric", "date", "quantity", "unclear")
#: the keys every claim needs, and those a claim with a source reference needs too
PAPER_KEYS = ("paper_value", "paper_unit", "paper_precision", "qualifier", "paper_scope")
CHECK_KEYS = ("check_column", "check_method", "check_unit", "check_scope")
METHODS = ("value", "difference", "average_annual_reduction")
QUALIFIERS = ("exact", "about", "more than", "less than")
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_NAME = re.compile(r"[a-z_][a-z0-9_]*")


class ClaimError(CourseError, ValueError):
    """A claim's reference to the data is malformed or no longer matches the data (one line)."""


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
        or (isinstance(value, str) and not value.strip())


def parse_filter(text) -> dict[str, str]:
    """'standard=2010;year=2013' -> {'standard': '2010', 'year': '2013'}; '' -> {}.

    Column names are lower-case identifiers; values are kept as text. Anything else raises
    ClaimError (nothing is evaluated)."""
    if _blank(text):
        return {}
    out: dict[str, str] = {}
    for part in str(text).split(";"):
        column, sep, value = part.partition("=")
        column, value = column.strip(), value.strip()
        if not sep or "=" in value or not _NAME.fullmatch(column) or not value:
            raise ClaimError(f"filter part {part!r} is not 'column=value'")
        if column in out:
            raise ClaimError(f"filter names column {column!r} twice")
        out[column] = value
    return out


def split_unit(unit: str) -> tuple[float, str]:
    """'million people per year' -> (1e6, 'people per year'); 'km' -> (1.0, 'km')."""
    words = str(unit).strip().split(" ", 1)
    if words[0] in SCALES and len(words) == 2:
        return SCALES[words[0]], words[1].strip()
    return 1.0, str(unit).strip()


def select_rows(df: pd.DataFrame, filters: Mapping[str, str]) -> pd.DataFrame:
    """Rows of `df` whose columns, read as text, equal every value in `filters`."""
    keep = pd.Series(True, index=df.index)
    for column, value in filters.items():
        if column not in df.columns:
            raise ClaimError(f"table {df.attrs.get('name', '?')!r} has no column {column!r}")
        keep &= df[column].astype(str) == value
    return df[keep]


def _unit_of(df: pd.DataFrame, rows: pd.DataFrame, column: str) -> str:
    """The unit of `column`: the rows' own unit column when the table has one, else the schema's."""
    if "unit" in rows.columns and column != "unit":
        units = rows["unit"].unique()
        if len(units) != 1:
            raise ClaimError(f"the selected rows of {df.attrs.get('name', '?')!r} carry several units")
        return str(units[0])
    unit = df.attrs.get("units", {}).get(column)
    if not unit:
        raise ClaimError(f"column {column!r} of {df.attrs.get('name', '?')!r} has no unit")
    return unit


def _year_value(rows: pd.DataFrame, column: str, year: int, table: str) -> float:
    at = rows[rows["year"] == year]
    if len(at) != 1:
        raise ClaimError(f"{table}: the filter selects {len(at)} rows for {year}, not one")
    return float(at[column].iloc[0])


def _supporting(rows: pd.DataFrame, column: str) -> list[str]:
    """The rows' sources that support `column` (data/row_sources.csv); all of them for a table that
    is not one of the course's (a test's own table)."""
    try:
        return source_ids(rows, column=column)
    except CourseError:
        return source_ids(rows["source_id"])


def source_figure(claim: Mapping, tables: Mapping[str, pd.DataFrame]) -> dict:
    """The source's figure for a claim: value, unit (of the figure), the rows used and their source ids.

    Raises ClaimError when the reference is malformed or the data no longer has the expected unit."""
    table = str(claim["check_table"]).strip()
    if table not in tables:
        raise ClaimError(f"claim {claim.get('claim_id', '?')}: no table named {table!r}")
    df = tables[table]
    column, method = str(claim["check_column"]).strip(), str(claim["check_method"]).strip()
    if column not in df.columns or not pd.api.types.is_numeric_dtype(df[column]):
        raise ClaimError(f"{table}: {column!r} is not a numeric column")
    if method not in METHODS:
        raise ClaimError(f"method {method!r} is not one of {', '.join(METHODS)}")
    rows = select_rows(df, parse_filter(claim.get("check_filter")))
    if method == "value":
        if len(rows) != 1:
            raise ClaimError(f"{table}: the filter selects {len(rows)} rows, not one")
        value, used = float(rows[column].iloc[0]), rows
    else:
        if "year" not in df.columns or _blank(claim.get("check_from")) or _blank(claim.get("check_to")):
            raise ClaimError(f"method {method!r} needs a table with years and both check_from and check_to")
        first, last = int(claim["check_from"]), int(claim["check_to"])
        if first >= last:
            raise ClaimError(f"check_from ({first}) must be before check_to ({last})")
        value = _year_value(rows, column, first, table) - _year_value(rows, column, last, table)
        if method == "average_annual_reduction":
            value /= last - first
        used = rows[rows["year"].isin([first, last])]
    unit = _unit_of(df, used, column)
    expected = str(claim["check_unit"]).strip()
    if unit != expected:
        raise ClaimError(f"{table}.{column} is in {unit!r}, but the claim expects {expected!r}")
    if method == "average_annual_reduction":
        unit += " per year"
    ids = sorted(_supporting(used, column)) if "source_id" in used else []
    qualifier = str(used["qualifier"].iloc[0]) if "qualifier" in used and len(used) == 1 else "exact"
    return {"value": value, "unit": unit, "rows": used, "source_ids": ids, "qualifier": qualifier}


def compare(paper_value: float, source_value: float, qualifier: str, precision: float) -> tuple[bool, str]:
    """Does the source value support the paper's figure under its qualifier? Returns (ok, rule)."""
    if qualifier not in QUALIFIERS:
        raise ClaimError(f"qualifier {qualifier!r} is not one of {', '.join(QUALIFIERS)}")
    if not precision > 0:
        raise ClaimError(f"precision must be positive, not {precision!r}")
    noise = 1e-9 * max(1.0, abs(paper_value), abs(source_value))
    gap = abs(source_value - paper_value)
    if qualifier == "exact":
        return gap <= precision / 2 + noise, f"equal when rounded to {_num(precision)} (±{_num(precision / 2)})"
    if qualifier == "about":
        return gap <= precision + noise, f"within one rounding step (±{_num(precision)})"
    if qualifier == "more than":
        return source_value > paper_value, f"more than {_num(paper_value)}"
    return source_value < paper_value, f"less than {_num(paper_value)}"


def _shown(value: float, precision: float) -> str:
    """A source value shown to one decimal more than the paper's precision (93.48 -> '93.48',
    12.37375 at precision 1 -> '12.4')."""
    return _num(value, max(0, -math.floor(math.log10(precision))) + 1)


def _number(claim: Mapping, key: str) -> float:
    try:
        return float(claim.get(key))
    except (TypeError, ValueError):
        raise ClaimError(f"claim {claim.get('claim_id', '?')}: {key} must be a number, not {claim.get(key)!r}") from None


def _thing(unit_thing: str) -> str:
    return unit_thing.removesuffix(" per year")


def _missing(claim: Mapping, keys) -> list[str]:
    return [k for k in keys if k not in claim]


def check_claim(claim: Mapping, tables: Mapping[str, pd.DataFrame]) -> dict:
    """Verdict on one claim: a dict with claim_id, verdict, reason, source_value (in the paper's
    unit where the units are of one kind, else in the source's), source_unit, source_qualifier
    (how the source states its figure: 'exact', 'more than', 'about') and source_ids."""
    cid = claim.get("claim_id", "?")
    missing = _missing(claim, PAPER_KEYS)
    if not _blank(claim.get("check_table")):
        missing += _missing(claim, CHECK_KEYS)
    if missing:
        raise ClaimError(f"claim {cid} has no {', '.join(missing)}: give every column of a paper_claims row")
    out = {"claim_id": claim.get("claim_id", ""), "verdict": "", "reason": "", "source_value": float("nan"),
           "source_unit": "", "source_qualifier": "", "source_ids": ""}
    precision, qualifier = _number(claim, "paper_precision"), str(claim.get("qualifier", "")).strip()
    compare(1.0, 1.0, qualifier, precision)  # validates the qualifier and the precision
    mismatch = "" if _blank(claim.get("mismatch")) else str(claim.get("mismatch")).strip()
    if mismatch not in MISMATCHES:
        raise ClaimError(f"claim {cid}: mismatch {mismatch!r} is not one of {', '.join(m for m in MISMATCHES if m)} (or empty)")
    if _blank(claim.get("check_table")):
        if mismatch == "unclear":
            return {**out, "verdict": "ambiguous", "reason": "no source figure, and the reading is unclear (see the note)"}
        return {**out, "verdict": "not checkable", "reason": "no source figure found"}
    fig = source_figure(claim, tables)
    paper_value, paper_unit = _number(claim, "paper_value"), str(claim["paper_unit"]).strip()
    out.update(source_value=fig["value"], source_unit=fig["unit"], source_qualifier=fig["qualifier"],
               source_ids=";".join(fig["source_ids"]))
    paper_scope, source_scope = str(claim["paper_scope"]).strip(), str(claim["check_scope"]).strip()
    (p_scale, p_thing), (s_scale, s_thing) = split_unit(paper_unit), split_unit(fig["unit"])
    differs = []
    if paper_scope.lower() != source_scope.lower():
        differs.append(f"source {source_scope}, paper {paper_scope}")
    if p_thing != s_thing:
        differs.append(f"source {_thing(s_thing)}, paper {_thing(p_thing)}")
    value = fig["value"] * s_scale / p_scale  # the source value at the paper's scale
    ok, rule = compare(paper_value, value, qualifier, precision)
    shown = f"source {_shown(value, precision)}, paper {_num(paper_value)}"
    if p_thing == s_thing:
        out.update(source_value=value, source_unit=paper_unit)
    if mismatch == "unclear":
        traced = "the digits match" if ok else "the digits do not match"
        return {**out, "verdict": "ambiguous",
                "reason": f"{shown} ({traced}), but what the figure measures is unclear (see the note)"}
    if not mismatch:
        if differs:
            raise ClaimError(f"claim {cid}: the paper and the source differ ({'; '.join(differs)}), "
                             "but no reading is recorded: give mismatch one of scope, unit, metric, date, quantity, unclear")
        if ok:
            return {**out, "verdict": "consistent", "reason": f"{shown}: {rule}"}
        return {**out, "verdict": "inconsistent", "reason": f"value differs: {shown} (needs {rule})"}
    if not differs:
        raise ClaimError(f"claim {cid}: mismatch {mismatch!r} is recorded, but the paper and the source "
                         "agree in unit and scope: leave mismatch empty")
    if not ok:
        return {**out, "verdict": "inconsistent",
                "reason": f"value differs: {shown} (needs {rule}), and the {mismatch} differs too"}
    if mismatch == "quantity":
        return {**out, "verdict": "inconsistent",
                "reason": (f"the digits trace to the source's count of {_thing(s_thing)} ({shown}), "
                           f"but as {_thing(p_thing)} the figure is wrong (see the note)")}
    return {**out, "verdict": "misstated",
            "reason": f"traceable ({shown}), but the paper misstates the {mismatch} ({'; '.join(differs)})"}


def check_claims(claims: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One verdict row per claim, in the claims' order, with the claim's section and quote."""
    rows = [check_claim(claim, tables) for claim in claims.to_dict("records")]
    out = pd.DataFrame(rows, columns=["claim_id", "verdict", "reason", "source_value", "source_unit",
                                     "source_qualifier", "source_ids"])
    keep = [c for c in ("section", "statement", "claim", "paper_value", "paper_unit", "mismatch") if c in claims]
    return claims[["claim_id", *keep]].merge(out, on="claim_id", how="left", validate="one_to_one")
