"""Benchmark the kernel side: explorer latency, the simulation's scale, install size.

Usage: python scripts/bench.py [--json bench-results.json] [--footprint]

What a student feels in the browser (explorers, Run All, a class on one server) is measured by
scripts/bench_browser.py.

Prints a table and writes the figures as JSON. A measurement script, not a test: run it on
the machine you care about and record the numbers (README, "Performance").
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # for tests/explorers.py, the registry of every explorer
NOTEBOOKS = ROOT / "notebooks"


# -- explorers -------------------------------------------------------------------------------

def _sweep_values(control, given):
    if given is not None:
        return list(given)
    if hasattr(control, "options") and control.options:
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return (values * (20 // len(values) + 1))[:max(20, len(values))]
    if hasattr(control, "min") and hasattr(control, "max"):
        step = getattr(control, "step", 1) or 1
        n = int(round((control.max - control.min) / step)) + 1
        idx = [round(i * (n - 1) / 19) for i in range(20)] if n > 20 else range(n)
        return [type(control.value)(control.min + i * step) for i in idx]
    return []


def bench_explorers() -> list[dict]:
    """Median and p95 of change -> the new figure set on its widget (what a student waits for; the
    explorer then makes the next axes), or -> the message, for a change that gives one."""
    import matplotlib

    matplotlib.use("Agg")
    from explorers import explorers, typed_values

    rows = []
    for name, factory in explorers():
        ex = factory()
        sweeps = typed_values(ex)
        times, shown = [], []
        ex.figure.observe(lambda change: shown.append(time.perf_counter()), names="value")
        for control_name, control in ex.controls.items():
            initial = control.value
            for value in _sweep_values(control, sweeps.get(control_name)):
                shown.clear()
                start = time.perf_counter()
                control.value = value  # observers recompute, redraw and render the PNG synchronously
                times.append(((shown[0] if shown else time.perf_counter()) - start) * 1000)
            control.value = initial
        times.sort()
        rows.append({"explorer": name, "changes": len(times), "median_ms": round(statistics.median(times), 1),
                     "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)})
    return rows


# -- simulation scale -------------------------------------------------------------------------

def bench_simulation() -> list[dict]:
    """Seconds for the return-to-poverty simulation (lesson 06) at 10k, 100k and 1M households."""
    from ruralrev.measures.simulation import simulate

    rows = []
    for n in (10_000, 100_000, 1_000_000):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            simulate(households=n)
            runs.append(time.perf_counter() - start)
        rows.append({"households": n, "best_seconds": round(min(runs), 3)})
    return rows


# -- install footprint -----------------------------------------------------------------------

def bench_footprint() -> dict:
    """Size of a fresh virtual environment with requirements.txt installed."""
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-r", "requirements.txt"],
                       cwd=ROOT, check=True)
        seconds = time.perf_counter() - start
        size = sum(f.stat().st_size for f in venv.rglob("*") if f.is_file() and not f.is_symlink())
    return {"megabytes": round(size / 1e6), "install_seconds": round(seconds)}


def table(rows: list[dict]) -> str:
    """Rows of dicts as aligned text columns (a key missing from a row prints blank)."""
    if not rows:
        return "(none)"
    cols = list(dict.fromkeys(k for r in rows for k in r))
    widths = [max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths))]
    lines += ["  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(cols, widths)) for r in rows]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, default=ROOT / "bench-results.json", help="where to write the figures")
    ap.add_argument("--footprint", action="store_true", help="also measure a fresh install (about a minute)")
    args = ap.parse_args(argv)
    results = {"python": sys.version.split()[0]}
    results["explorers"] = bench_explorers()
    print("Explorer latency in the kernel, change -> new figure on its widget:")
    print(table(results["explorers"]))
    results["simulation"] = bench_simulation()
    print("\nReturn-to-poverty simulation (default assumptions, 10 years), best of 3:")
    print(table(results["simulation"]))
    if args.footprint:
        results["footprint"] = bench_footprint()
        print(f"\nFresh install from requirements.txt: {results['footprint']}")
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.json.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
