"""Generate docs/glossary.md (from the lessons' Glossary sections) and data/README.md (from
data/datapackage.json).

Usage: python scripts/build_docs.py [--check]

With --check it writes nothing and exits 1 if either file is out of date.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TERM_RE = re.compile(r"^- \*\*(?P<term>[^*]+)\*\* \((?P<zh>[^,()]+), (?P<pinyin>[^()]+)\): (?P<definition>.+)$")


def glossary_terms() -> list[dict]:
    """Every term listed in a lesson's '## Glossary' section, with the lesson that introduces it."""
    terms = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            text = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and text.startswith("## Glossary"):
                for line in text.splitlines():
                    m = TERM_RE.match(line.strip())
                    if m:
                        terms.append({**m.groupdict(), "lesson": path.name[:2], "notebook": path.name})
    return terms


def glossary_md(terms: list[dict]) -> str:
    """One row per term, with the first lesson's definition and every lesson that lists it."""
    first, lessons = {}, {}
    for t in terms:
        first.setdefault(t["term"].lower(), t)
        lessons.setdefault(t["term"].lower(), {}).setdefault(t["lesson"], t["notebook"])
    lines = ["# Glossary", "",
             "Every term the lessons introduce, with its Chinese name, pinyin, a one-sentence definition "
             "and the lessons that list it. Generated from the lessons by `scripts/build_docs.py`; "
             "edit the lesson's Glossary section, not this file.", "",
             "| term | 中文 | pinyin | definition | lessons |", "|---|---|---|---|---|"]
    for key in sorted(first):
        t = first[key]
        links = ", ".join(f"[{n}](../notebooks/{nb})" for n, nb in sorted(lessons[key].items()))
        lines.append(f"| **{t['term']}** | {t['zh']} | {t['pinyin']} | {t['definition']} | {links} |")
    return "\n".join(lines) + "\n"


def _read(name: str) -> list[dict]:
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def document_years() -> dict[str, str]:
    """Table -> the years of the documents its rows cite ('2001-2022'), from row_sources.csv and sources.csv."""
    dated = {r["source_id"]: r["date"][:4] for r in _read("sources.csv") if r["date"][:4].isdigit()}
    years: dict[str, set[str]] = {}
    for link in _read("row_sources.csv"):
        if link["source_id"] in dated:
            years.setdefault(link["table"], set()).add(dated[link["source_id"]])
    return {t: min(y) if min(y) == max(y) else f"{min(y)}-{max(y)}" for t, y in years.items()}


def data_readme() -> str:
    meta = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    lic = "; ".join(f"{x['title']} ({x['name']})" for x in meta["licenses"])
    years = document_years()
    lines = ["# Data", "", meta["description"], "",
             f"**Licence of the compilation:** {lic}.", "",
             "Generated from `datapackage.json` by `scripts/build_docs.py`; do not edit by hand.", "",
             "| table | file | rows described | licence | sources | documents dated |", "|---|---|---|---|---|---|"]
    for res in meta["resources"]:
        licences = ", ".join(x["name"] for x in res.get("licenses", meta["licenses"]))
        sources = "; ".join(s["title"] for s in res.get("sources", []))
        lines.append(f"| {res['title']} | `{res['path']}` | {res['description']} | {licences} | {sources} | "
                     f"{years.get(res['name'], '')} |")
    lines += ["", "## Vintage of the external data", "",
              "Which release of each external dataset the tables hold, and when it was read. The access dates "
              "of the web pages were not recorded in the source pack; each page's publication date, where "
              "stated, is in `sources.csv`.", "",
              "| table | vintage |", "|---|---|"]
    lines += [f"| `{res['path']}` | {res['vintage']} |" for res in meta["resources"] if "vintage" in res]
    lines += ["", "## Sources and provenance", "",
              "Each row's `source_id` resolves in `sources.csv`: the original publisher and document, the page "
              "where the figure was read (`url`, `host`) and whether that page is a copy. `row_sources.csv` "
              "says which columns of each row each source supports; `ruralrev.data.cite(rows)` prints both. "
              "`ruralrev.data.load(name)` checks every file against its schema and sha256 hash before use.", "",
              "The raw figures are in `raw/` with the compilers' notes (`raw/SOURCES.md`). "
              "`python scripts/build_data.py --check` rebuilds every table from them and exits 0 when `data/` "
              "is exactly what they give. Attributions are kept in `scripts/source_attribution.csv`."]
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    return {ROOT / "docs" / "glossary.md": glossary_md(glossary_terms()), ROOT / "data" / "README.md": data_readme()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    stale = [p for p, text in outputs().items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run python scripts/build_docs.py")
        return 1 if stale else 0
    for p, text in outputs().items():
        p.write_text(text, encoding="utf-8")
    print(f"wrote {len(outputs())} files ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
