"""Nothing a user types or loads is evaluated as code or unpickled."""

import re

import pytest

from conftest import ROOT

SOURCES = sorted([*ROOT.glob("ruralrev/**/*.py"), *ROOT.glob("scripts/*.py")])
UNSAFE = re.compile(r"\b(eval|exec)\s*\(|\bpickle\b|read_pickle|yaml\.load\(|\.query\(|\.eval\(|__import__")


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(ROOT)) for p in SOURCES])
def test_no_eval_exec_pickle_or_query_strings(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("#", 1)[0]
        assert not UNSAFE.search(code), f"{path.name}:{number}: {line.strip()}"


def test_the_scan_finds_what_it_should():
    assert UNSAFE.search("df.query(text)") and UNSAFE.search("eval (x)") and UNSAFE.search("import pickle")
    assert not UNSAFE.search("evaluate(x)") and not UNSAFE.search("executor(x)")
