"""Authoring check against the paper's full text, which the course does not redistribute.

Usage: python scripts/check_paper.py PATH/TO/paper.txt

Checks that every claim quoted in data/paper_claims.csv is the paper's words in the section it
names; that every quotation in docs/paper.md's summary is the paper's words (25 words at most);
and that no quantity written in the checked sections (§3.1, §3.2, §4.3, §5.3, §5.4) is missing
from the claims table. The course's own tests check the claims against docs/paper.md, which the
repository holds; this script is for the authors, who have the full text (CI runs it where the
authors' copy lies beside the repository). Exits 1 and lists the problems if any.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("§3.1", "§3.2", "§4.3", "§5.3", "§5.4")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'"))


def sections(paper: str) -> dict[str, str]:
    """Section number ('§4.3') -> its text, from the paper's numbered headings."""
    heads = list(re.finditer(r"(?<![\w.,]) ?(\d(?:\.\d)?)\.? (?=[A-Z])", paper))
    out: dict[str, str] = {}
    for head, nxt in zip(heads, heads[1:] + [None]):
        out.setdefault("§" + head.group(1), paper[head.end(): nxt.start() if nxt else len(paper)])
    return out


def problems(paper: str, claims, summary: str) -> list[str]:
    """Every disagreement between the full text and the claims table or docs/paper.md."""
    found = []
    parts = sections(paper)
    if len(parts.get("§4.3", "")) < 500:
        return ["the paper's numbered sections were not found"]
    for c in claims.to_dict("records"):
        if c["claim"] not in parts.get(c["section"], ""):
            found.append(f"{c['claim_id']}: the quote is not the paper's words in {c['section']}")
    quotes = re.findall(r'"([^"]+)"', flat(summary))
    for quote in quotes:
        if quote.rstrip(".") not in paper:
            found.append(f"docs/paper.md quotes words the paper does not have: {quote!r}")
        if len(quote.split()) > 25:
            found.append(f"docs/paper.md quotes more than 25 words at once: {quote[:40]!r}...")
    quoted = " | ".join(claims["claim"])
    for sec in CHECKED:
        text = re.sub(r"\[\d+\]", "", parts.get(sec, ""))
        for number in re.findall(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])", text):
            number = number.rstrip(",")
            if not re.fullmatch(r"(19|20)\d\d", number) and \
                    not re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", quoted):
                found.append(f"{sec}: the number {number} is in no claim of data/paper_claims.csv")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    from ruralrev import data

    summary = (ROOT / "docs" / "paper.md").read_text(encoding="utf-8").split("## Summary", 1)[1]
    found = problems(flat(Path(argv[0]).read_text(encoding="utf-8")), data.load("paper_claims"), summary)
    print("\n".join(found) or "The claims and docs/paper.md agree with the paper's full text.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
