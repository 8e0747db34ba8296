"""Load the course's data tables, checked against data/datapackage.json.

    from ruralrev import data
    df = data.load("headcount")       # a pandas DataFrame
    print(df.attrs["citation"])        # where the table's figures come from
    data.cite("zylgz_202001")          # one source, as a citation line
    data.cite(df[df["year"] == 2012])  # the sources of these rows, with the columns each supports
    data.source_ids(df["source_id"])   # the distinct ids of a column of 'a;b' cells

Every load checks the file's sha256 hash, its columns and the type and
constraints of every value, and that each `source_id` resolves in
data/sources.csv. Any problem raises `DataError`, whose one-line message names
the file and says how to restore it.

The tables are read from the data/ folder beside this package. To read a copy
elsewhere, pass its folder to `load`, or set the environment variable
RURALREV_DATA to that folder.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import CourseError

__all__ = ["DataError", "load", "tables", "describe", "cite", "source_ids", "data_dir"]

RESTORE = "Restore it with `git checkout -- data/` (or download the course again)"
FIELD_TYPES = ("string", "integer", "number")
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"


class DataError(CourseError):
    """A data file is missing, edited or malformed; the message says which and how to fix it."""


def data_dir() -> Path:
    """The folder holding datapackage.json: $RURALREV_DATA if set, else the data/ beside this package."""
    env = os.environ.get("RURALREV_DATA")
    return Path(env) if env else PACKAGE_DATA


def _descriptor(folder: Path) -> dict:
    path = folder / "datapackage.json"
    try:
        return _read_descriptor(path, path.stat().st_mtime_ns)
    except FileNotFoundError:
        raise DataError(f"{_shown(path)} is missing. {_restore(path)}.") from None


@lru_cache(maxsize=4)
def _read_descriptor(path: Path, _mtime: int) -> dict:
    try:
        descriptor = json.loads(_read_bytes(path).decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{_shown(path)} is not valid JSON ({exc.__class__.__name__}). {_restore(path)}.") from None
    problem = _descriptor_problem(descriptor)
    if problem:
        raise DataError(f"{_shown(path)} is damaged: {problem}. {_restore(path)}.")
    return descriptor


def _descriptor_problem(descriptor) -> str:
    """What is wrong with the shape of a parsed datapackage.json, or '' when `load` can use it."""
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return "it has no list of resources"
    names = [res.get("name") for res in descriptor["resources"] if isinstance(res, dict)]
    repeated = sorted({n for n in names if isinstance(n, str) and names.count(n) > 1})
    if repeated:
        return f"the table name {repeated[0]!r} is used by more than one resource"
    for i, res in enumerate(descriptor["resources"]):
        if not isinstance(res, dict):
            return f"resource {i + 1} is not an object"
        lacking = [k for k in ("name", "path", "hash") if not isinstance(res.get(k), str)]
        if lacking:
            return f"resource {i + 1} ({res.get('name', 'unnamed')}) has no {' or '.join(lacking)}"
        if Path(res["path"]).name != res["path"] or not res["path"].endswith(".csv"):
            return f"table {res['name']!r} has the path {res['path']!r}, not a .csv file name inside data/"
        fields = res.get("schema", {}).get("fields") if isinstance(res.get("schema"), dict) else None
        if not isinstance(fields, list) or not fields or not all(
                isinstance(f, dict) and isinstance(f.get("name"), str) and f.get("type") in FIELD_TYPES
                for f in fields):
            return f"table {res['name']!r} has no valid list of fields (each needs a name and a type)"
        sources = res.get("sources", [])
        if not isinstance(sources, list) or not all(isinstance(x, dict) and isinstance(x.get("title"), str)
                                                    for x in sources):
            return f"table {res['name']!r} has sources that are not a list of entries with a title"
        for field in fields:
            problem = _constraints_problem(field.get("constraints", {}))
            if problem:
                return f"table {res['name']!r}, field {field['name']!r}: {problem}"
    return ""


def _constraints_problem(rules) -> str:
    """What is wrong with a field's constraints, or '' when `_cast` can apply them."""
    if not isinstance(rules, dict):
        return "constraints are not an object"
    if "enum" in rules and not isinstance(rules["enum"], list):
        return "enum is not a list"
    for key in ("minimum", "maximum"):
        if key in rules and (isinstance(rules[key], bool) or not isinstance(rules[key], (int, float))):
            return f"{key} is not a number"
    for key in ("required", "unique"):
        if key in rules and not isinstance(rules[key], bool):
            return f"{key} is not true or false"
    if "pattern" in rules:
        try:
            re.compile(rules["pattern"])
        except (re.error, TypeError):
            return f"pattern {rules['pattern']!r} is not a valid regular expression"
    return ""


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; a folder or an unreadable file in its place is a DataError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{_shown(path)} is missing. {_restore(path)}.") from None
    except OSError as exc:
        raise DataError(f"{_shown(path)} cannot be read ({exc.strerror or exc.__class__.__name__}). {_restore(path)}.") from None


def _resource(name: str, folder: Path) -> dict:
    resources = {r["name"]: r for r in _descriptor(folder)["resources"]}
    if not isinstance(name, str):
        raise DataError(f"load() takes one table name as text, such as 'headcount', not {name!r}; "
                        f"choose one of: {', '.join(sorted(resources))}")
    if name not in resources:
        raise DataError(f"there is no table named {name!r} in {_shown(folder / 'datapackage.json')}; "
                        f"choose one of: {', '.join(sorted(resources))}")
    return resources[name]


def tables(folder: Path | None = None) -> list[str]:
    """Names of the tables `load` accepts."""
    return [r["name"] for r in _descriptor(folder or data_dir())["resources"]]


def describe(name: str, folder: Path | None = None) -> dict:
    """The table's entry in datapackage.json: title, description, fields with units, sources."""
    return _resource(name, folder or data_dir())


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Return table `name` as a DataFrame, after checking its hash, schema and source ids.

    `df.attrs` holds the table's `name`, `title`, `citation` and `units` (column -> unit).
    """
    folder = Path(folder or data_dir())
    res = _resource(name, folder)
    path = folder / res["path"]
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataError(f"{_shown(path)} is missing. {_restore(path)}.") from None
    df = _load_checked(str(path), stat.st_mtime_ns, stat.st_size, json.dumps(res, sort_keys=True), str(folder))
    out = df.copy()
    out.attrs = {
        "name": name,
        "title": res.get("title", name),
        "citation": citation(name, folder),
        "units": {f["name"]: f["unit"] for f in res["schema"]["fields"] if "unit" in f},
    }
    return out


@lru_cache(maxsize=32)
def _load_checked(path_str: str, _mtime: int, _size: int, res_json: str, folder_str: str) -> pd.DataFrame:
    path, res = Path(path_str), json.loads(res_json)
    content = _read_bytes(path)
    expected = res["hash"].removeprefix("sha256:")
    if hashlib.sha256(content).hexdigest() != expected:
        # a Windows checkout may turn line endings into CRLF: the same table, so accept it
        content = content.replace(b"\r\n", b"\n")
        if hashlib.sha256(content).hexdigest() != expected:
            raise DataError(f"{_shown(path)} has been changed: its sha256 hash no longer matches "
                            f"datapackage.json. {_restore(path)}.")
    raw = _read_csv(content, path)
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    if list(raw.columns) != names:
        extra = [c for c in raw.columns if c not in names]
        missing = [c for c in names if c not in raw.columns]
        raise DataError(f"{_shown(path)} has columns that do not match its schema (unexpected: {extra or 'none'}; "
                        f"missing: {missing or 'none'}). {_restore(path)}.")
    df = pd.DataFrame({f["name"]: _cast(raw[f["name"]], f, path) for f in fields})
    if "source_id" in df and res["name"] != "sources":
        _check_source_ids(df["source_id"], path, Path(folder_str))
    return df


def _read_csv(content: bytes, path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise DataError(f"{_shown(path)} cannot be read as CSV ({exc.__class__.__name__}). {_restore(path)}.") from None


def _restore(path: Path) -> str:
    """How to get a damaged or missing file back: from git for the course's own data/, else a fresh copy."""
    if path.parent.resolve() == PACKAGE_DATA:
        return RESTORE
    return "Copy the course's data/ folder there again (or unset RURALREV_DATA to use the course's own)"


def _shown(path: Path) -> str:
    """How a file is named in messages: data/<file> for the course's own folder, else the path as given."""
    if path.parent.resolve() == PACKAGE_DATA:
        return f"data/{path.name}"
    return str(path)


def _cast(col: pd.Series, field: dict, path: Path) -> pd.Series:
    """Convert one text column to the field's type and check its constraints."""
    name, kind, rules = field["name"], field["type"], field.get("constraints", {})
    empty = col.str.strip() == ""
    if rules.get("required") and empty.any():
        raise DataError(f"{_shown(path)}: column {name!r} is empty in row {int(empty.idxmax()) + 2}. {_restore(path)}.")
    if kind in ("integer", "number"):
        values = pd.to_numeric(col.where(~empty), errors="coerce")
        bad = values.isna() & ~empty
        if kind == "integer":
            bad |= values.notna() & (values % 1 != 0)
        if bad.any():
            row = int(bad.idxmax())
            raise DataError(f"{_shown(path)}: column {name!r} row {row + 2} holds {col[row]!r}, not a {kind}. {_restore(path)}.")
        if kind == "number":
            values = values.astype("float64")
        else:
            values = values.astype("int64" if values.notna().all() else "Int64")
    else:
        values = col
    checks = []
    if "enum" in rules:
        allowed = {str(v) for v in rules["enum"]}
        checks.append((~empty & ~col.isin(allowed), f"not one of {sorted(allowed)}"))
    if "minimum" in rules:
        checks.append((values.notna() & (values < rules["minimum"]), f"below the minimum {rules['minimum']}"))
    if "maximum" in rules:
        checks.append((values.notna() & (values > rules["maximum"]), f"above the maximum {rules['maximum']}"))
    if "pattern" in rules:
        checks.append((~empty & ~col.str.fullmatch(rules["pattern"]), "not in the expected format"))
    if rules.get("unique"):
        checks.append((col.duplicated(), "a duplicate"))
    for bad, why in checks:
        if bad.any():
            row = int(bad.idxmax())
            raise DataError(f"{_shown(path)}: column {name!r} row {row + 2} holds {col[row]!r}, {why}. {_restore(path)}.")
    return values


def source_ids(cells, column: str | None = None, folder: Path | None = None) -> list[str]:
    """The distinct source ids in a 'a;b' cell, a column of such cells, or rows of a loaded table,
    in order of first appearance. With `column` (rows only), just the sources that support that column.

    >>> source_ids(pd.Series(["chinaorg_201302;zylgz_202001", "zylgz_202001"]))
    ['chinaorg_201302', 'zylgz_202001']
    """
    if isinstance(cells, pd.DataFrame):
        ids = source_ids(cells["source_id"]) if "source_id" in cells else []
        if column is None:
            return ids
        supports = _supports(cells, Path(folder or data_dir()))
        if not supports:
            raise DataError("source_ids(rows, column=...) needs rows of a table returned by data.load(), "
                            "with their index kept")
        return [sid for sid in ids if column in supports.get(sid, [])]
    if column is not None:
        raise DataError("source_ids(..., column=...) needs rows of a table returned by data.load(), not "
                        f"{_brief(cells)}")
    cells = [cells] if isinstance(cells, str) else list(cells)
    return list(dict.fromkeys(i.strip() for cell in cells for i in str(cell).split(";") if i.strip()))


def _check_source_ids(ids: pd.Series, path: Path, folder: Path) -> None:
    known = set(load("sources", folder)["source_id"])
    for row, cell in ids.items():
        unknown = [s for s in source_ids(cell) if s not in known]
        if unknown:
            raise DataError(f"{_shown(path)}: row {row + 2} cites source_id {unknown[0]!r}, which is not in "
                            f"sources.csv. {_restore(path)}.")


def cite(sources, folder: Path | None = None, column: str | None = None) -> str:
    """Citation lines for source ids, or for rows of a loaded table.

    `sources` is one id ('zylgz_202001'), several ('a;b'), a column of such cells, or a DataFrame
    returned by `load` (or filtered from one, keeping its index): then each line also says which
    columns of those rows the source supports, from data/row_sources.csv, and `column` keeps only
    the sources of that column, e.g. `cite(rows, column="poor_million")`.
    """
    folder = Path(folder or data_dir())
    supports: dict[str, list[str]] = {}
    if isinstance(sources, pd.DataFrame) and "source_id" in sources:
        ids = source_ids(sources, column, folder)
        supports = _supports(sources, folder)
    elif column is not None:
        raise DataError("cite(..., column=...) needs rows of a table returned by data.load(), not "
                        f"{_brief(sources)}")
    elif isinstance(sources, (str, list, tuple, pd.Series)) and source_ids(sources):
        ids = source_ids(sources)
    else:
        raise DataError("cite() takes source ids as text, such as 'zylgz_202001' or 'a;b', a column of them, "
                        f"or rows of a loaded table, not {_brief(sources)}")
    src = load("sources", folder).set_index("source_id")
    unknown = [sid for sid in ids if sid not in src.index]
    if unknown:
        close = difflib.get_close_matches(unknown[0], src.index, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else \
            "; data.load('sources') lists them all"
        raise DataError(f"there is no source_id {unknown[0]!r} in data/sources.csv{hint}")
    return "\n".join(_cite_line(sid, src.loc[sid], supports.get(sid)) for sid in ids)


def _brief(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _cite_line(sid: str, r: pd.Series, supports: list[str] | None) -> str:
    date = r["date"] if r["date"] not in r["document"] else ""
    document = ", ".join(x for x in (r["document"], r["document_number"], date) if x)
    page = f"{r['url']} (copy)" if r["copy"] == "yes" else r["url"]
    line = f"[{sid}] {r['original_publisher']}: {document}. Read at {page}."
    if supports:
        line += f" Supports: {', '.join(supports)}."
    return line


def _supports(rows: pd.DataFrame, folder: Path) -> dict[str, list[str]]:
    """Source id -> the columns it supports in these rows of their table (empty if not a loaded table)."""
    name = rows.attrs.get("name")
    if not name or name == "row_sources":
        return {}
    links = load("row_sources", folder)
    links = links[(links["table"] == name) & links["row"].isin(rows.index)]
    out: dict[str, list[str]] = {}
    for sid, cols in zip(links["source_id"], links["supports"]):
        out.setdefault(sid, [])
        out[sid] += [c for c in source_ids(cols) if c not in out[sid]]
    return out


def citation(name: str, folder: Path | None = None) -> str:
    """One paragraph saying what a table is and whom its figures come from."""
    res = _resource(name, Path(folder or data_dir()))
    publishers = "; ".join(s["title"] for s in res.get("sources", []))
    return (f"{res.get('title', name)} (data/{res['path']}). Sources: {publishers}. "
            f"Each row's source_id resolves in data/sources.csv.")
