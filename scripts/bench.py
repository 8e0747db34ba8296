"""Benchmark what users feel: notebook execution against its floor, explorer latency, install size.

Usage: python scripts/bench.py [--json bench-results.json] [--repeat 3] [--skip-notebooks]
                              [--without-figures] [--footprint]

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


# -- notebooks -------------------------------------------------------------------------------

def _run(cells, cwd: Path) -> float:
    """Seconds to start a fresh kernel, run `cells` and shut it down (as nbval does per notebook)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    start = time.perf_counter()
    NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


#: run after the setup cell by `--without-figures`: figures are still built but never drawn
NO_DRAWING = ("from matplotlib.figure import Figure\n"
              "get_ipython().display_formatter.formatters['image/png'].for_type(Figure, lambda fig: None)")


def bench_notebooks(repeat: int = 3, without_figures: bool = False) -> list[dict]:
    """Each notebook in full against its floor (a fresh kernel running only its setup cell):
    the median of `repeat` runs of each, full and floor alternating so drift hits both alike.
    `without_figures` also times each notebook with figure drawing switched off, to show how
    much of the time over the floor the figures take."""
    import nbformat

    rows = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        undrawn = [code[0], nbformat.v4.new_code_cell(NO_DRAWING), *code[1:]]
        times = {"seconds": [], "floor_seconds": []} | ({"undrawn_seconds": []} if without_figures else {})
        for _ in range(repeat):
            times["seconds"].append(_run(nb.cells, path.parent))
            times["floor_seconds"].append(_run(code[:1], path.parent))
            if without_figures:
                times["undrawn_seconds"].append(_run(undrawn, path.parent))
        row = {"notebook": path.name} | {k: round(statistics.median(v), 2) for k, v in times.items()}
        rows.append(row | {"ratio": round(row["seconds"] / row["floor_seconds"], 2)})
    return rows


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
    """Median and p95 of change -> recomputed result and PNG bytes of the redrawn figure."""
    import matplotlib

    matplotlib.use("Agg")
    from explorers import explorers, typed_values

    rows = []
    for name, factory in explorers():
        ex = factory()
        sweeps = typed_values(ex)
        times = []
        for control_name, control in ex.controls.items():
            initial = control.value
            for value in _sweep_values(control, sweeps.get(control_name)):
                start = time.perf_counter()
                control.value = value  # observers recompute, redraw and render the PNG synchronously
                times.append((time.perf_counter() - start) * 1000)
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


def _table(rows: list[dict]) -> str:
    if not rows:
        return "(none)"
    cols = list(rows[0])
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in cols]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths))]
    lines += ["  ".join(str(r[c]).ljust(w) for c, w in zip(cols, widths)) for r in rows]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, default=ROOT / "bench-results.json", help="where to write the figures")
    ap.add_argument("--skip-notebooks", action="store_true", help="skip the notebook timing (slowest part)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each notebook and floor; medians are reported")
    ap.add_argument("--without-figures", action="store_true",
                    help="also time every notebook with figure drawing switched off")
    ap.add_argument("--footprint", action="store_true", help="also measure a fresh install (about a minute)")
    args = ap.parse_args(argv)
    results = {"python": sys.version.split()[0]}
    if not args.skip_notebooks:
        rows = bench_notebooks(args.repeat, args.without_figures)
        totals = {k: round(sum(r[k] for r in rows), 2) for k in rows[0] if k.endswith("seconds")}
        totals["ratio"] = round(totals["seconds"] / totals["floor_seconds"], 2)
        if args.without_figures:
            totals["undrawn_ratio"] = round(totals["undrawn_seconds"] / totals["floor_seconds"], 2)
        results["notebooks"] = rows
        results["collection"] = totals | {"target_ratio": 1.3}
        print(f"Notebooks (fresh kernel each) against the floor (setup cell only), median of {args.repeat} runs:")
        print(_table(rows + [{"notebook": "TOTAL"} | {k: totals[k] for k in rows[0] if k != "notebook"}]))
        if args.without_figures:
            print(f"Without drawing any figure the collection/floor ratio would be {totals['undrawn_ratio']}.")
    results["explorers"] = bench_explorers()
    print("\nExplorer latency, change -> redrawn figure bytes (target: median <= 150 ms, p95 <= 300 ms):")
    print(_table(results["explorers"]))
    results["simulation"] = bench_simulation()
    print("\nReturn-to-poverty simulation (default assumptions, 10 years), best of 3:")
    print(_table(results["simulation"]))
    if args.footprint:
        results["footprint"] = bench_footprint()
        print(f"\nFresh install from requirements.txt: {results['footprint']}")
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.json.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
