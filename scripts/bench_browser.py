"""Benchmark what a student feels in the browser: JupyterLab in headless Chromium, on this machine.

Usage: python scripts/bench_browser.py [--part explorers runall floor class] [--lessons 05 06]
                                      [--moves 20] [--class-sizes 1 5 10 20] [--json F]

- explorers: every explorer, every control moved `--moves` times (dropdowns cycle their options,
  sliders step with the arrow keys, text boxes get values across their range). Latency is from the
  event in the page (the key press or the dropdown's change) to the new figure decoded and painted
  (two animation frames after the new <img> has loaded). Beside it, the kernel-side share of the
  same moves, run in this process: the lesson's `draw` (pandas + seaborn), the PNG (Agg render +
  encode), and the image size sent to the page.
- runall: every lesson, "Run All Cells" in the browser (kernel already started, from the click to
  the last prompt and an idle kernel) against the same notebook executed headless with nbclient in
  this run (kernel start included, and without it).
- floor: what the page, the kernel and the widgets cost with almost no drawing: two explorers of
  a notebook written for the run (notebooks/99-floor.ipynb, removed afterwards), one drawing a
  line on a plain axes, one a line with the axes hidden, measured as the explorers are.
- class: N simulated students on one JupyterLab server (loopback only): each starts a kernel through
  the server's REST API and runs every code cell of a lesson, all at once; then each moves its
  explorer's first control `--moves` times at once. Reports time until every student has finished,
  peak and per-kernel memory, and the time from sending each change to its new figure arriving,
  under that load.

A measurement script, not a test: the README records the figures it printed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))           # tests.browser: the JupyterLab server and page steps
sys.path.insert(0, str(ROOT / "tests"))  # explorers.py (every explorer) and lessons.py
sys.path.insert(0, str(ROOT / "scripts"))  # bench.py: the table printer

from bench import table  # noqa: E402

TARGET = {"median_ms": 100, "p95_ms": 200, "runall_ratio": 1.3}

# Page side: the time of the triggering event, then the new figure painted (or the message shown).
ARM_JS = """() => {
  if (!window.__bench) {
    window.__bench = {t0: null};
    const mark = () => { window.__bench.t0 = performance.now(); };
    document.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key.startsWith('Arrow')) mark(); }, true);
    document.addEventListener('change', e => { if (e.target.tagName === 'SELECT') mark(); }, true);
  }
}"""
WATCH_JS = """(root) => {
  const before = (root.querySelector('img') || {}).src, said = (root.querySelector('.ruralrev-message') || {}).textContent || '';
  window.__bench.done = null; window.__bench.t0 = null;
  const finish = what => requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__bench.done = {what, ms: performance.now() - window.__bench.t0}; }));
  const obs = new MutationObserver(() => {
    const img = root.querySelector('img'), msg = root.querySelector('.ruralrev-message');
    if (img && img.src !== before) {
      obs.disconnect();
      (img.complete ? Promise.resolve() : new Promise(r => img.addEventListener('load', r, {once: true})))
        .then(() => img.decode()).then(() => finish('figure'), () => finish('figure'));
    } else if (msg && msg.textContent && msg.textContent !== said) { obs.disconnect(); finish('message'); }
  });
  obs.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
}"""


def _pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


# -- what to move, and its kernel-side share ----------------------------------------------------

def _candidates(spec, name: str, typed: dict, moves: int) -> tuple[str, list]:
    """The kind of control and up to 5 × `moves` values to try (dropdowns cycle their options, text
    boxes take values across their range nearest the start value first, sliders step towards the farther end, bouncing back at an end)."""
    from ruralrev.explorer import Choice

    if isinstance(spec, Choice):
        labels = [label for label, _ in spec.pairs]
        start = [v for _, v in spec.pairs].index(spec.value)
        return "select", [labels[(start + i) % len(labels)] for i in range(1, 5 * moves + 1)]
    if spec.typed:  # nearest the start value first, alternating above and below it, then again
        values = sorted(typed[name], key=lambda v: (abs(float(v) - spec.value), float(v)))
        return "type", (values * (5 * moves // len(values) + 1))[:5 * moves]
    steps = int(round((spec.high - spec.low) / spec.step))
    pos, keys = int(round((spec.value - spec.low) / spec.step)), []
    direction = -1 if 2 * pos > steps else 1  # towards the farther end first
    for _ in range(moves):
        if not 0 <= pos + direction <= steps:
            direction = -direction
        pos += direction
        keys.append("ArrowRight" if direction > 0 else "ArrowLeft")
    return "slider", keys


def walk(factory, moves: int) -> tuple[list[tuple[str, str]], list[dict]]:
    """Move every control of a fresh explorer `moves` times in this process, keeping only moves that
    draw a new figure: a value that gives a message or the same figure is put back and dropped, so
    the browser can replay exactly the kept moves, in the same order. Controls take turns, one kept
    move each per round, so that no control runs to the end of its range before the others (a
    dropdown option may only draw once another control has widened the years). Returns the kept (control, value) moves and per
    control its label, kind, and the median ms in the lesson's draw (pandas + seaborn) and in the
    PNG (Agg render + encode), and the image's kB."""
    from explorers import typed_values

    import ruralrev.explorer as E

    ex = factory()
    typed, timed = typed_values(ex), {"draw": [], "png": [], "kb": []}
    draw, png = ex.draw, E.png

    def timed_draw(*a, **k):
        t = time.perf_counter()
        try:
            return draw(*a, **k)
        finally:
            timed["draw"].append((time.perf_counter() - t) * 1000)

    def timed_png(fig):
        t = time.perf_counter()
        out = png(fig)
        timed["png"].append((time.perf_counter() - t) * 1000)
        timed["kb"].append(len(out) * 3 / 4 / 1024)
        return out

    ex.draw, E.png = timed_draw, timed_png
    plans = {name: _candidates(spec, name, typed, moves) for name, spec in ex.specs.items()}
    tried = {name: 0 for name in plans}
    kept = {name: {"draw": [], "png": [], "kb": [], "n": 0} for name in plans}
    sequence = []
    try:
        for _ in range(moves * 5):  # round robin, one kept move per control per round, at most
            for name, (kind, candidates) in plans.items():
                spec, control = ex.specs[name], ex.controls[name]
                for _ in range(5):
                    if kept[name]["n"] >= moves or tried[name] >= len(candidates):
                        break
                    value = candidates[tried[name]]
                    tried[name] += 1
                    previous = control.value
                    new = (dict(spec.pairs)[value] if kind == "select" else value if kind == "type"
                           else round(previous + (spec.step if value == "ArrowRight" else -spec.step), 10))
                    if new == previous:
                        continue
                    for key in timed:
                        timed[key].clear()
                    shown = ex.figure.value
                    control.value = new
                    if kind != "slider" and (ex.error or ex.figure.value == shown):
                        ex.error = ""
                        control.value = previous  # put back; the browser never sees this move
                        continue
                    sequence.append((name, value))
                    kept[name]["n"] += 1
                    for key in timed:
                        kept[name][key] += timed[key]
                    break
    finally:
        E.png = png
    shares = [{"control": name, "label": ex.specs[name].label, "kind": plans[name][0], "kept": k["n"],
               **{key: round(statistics.median(k[key]), 1) if k[key] else None for key in ("draw", "png", "kb")}}
              for name, k in kept.items()]
    return sequence, shares


# -- explorers in the browser -------------------------------------------------------------------

def _control(explorer, label: str, kind: str):
    import re

    cls = {"select": ".widget-dropdown", "type": ".widget-text", "slider": ".widget-slider"}[kind]
    tag = explorer.page.locator(".widget-label", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    return explorer.locator(cls).filter(has=tag)


def _move(page, explorer, box, kind: str, value: str) -> dict:
    page.evaluate(WATCH_JS, explorer.element_handle())
    if kind == "select":
        box.locator("select").select_option(label=value)
    elif kind == "type":
        field = box.locator("input").first
        field.fill(value)
        field.press("Enter")
    else:
        box.locator(".noUi-handle").press(value)
    try:
        # polled every 50 ms, not at every animation frame: polling by frame makes the page draw
        # frames all the time, which takes the processor from the kernel (the time itself is
        # taken in the page, so the interval does not change it)
        page.wait_for_function("() => window.__bench.done", timeout=15_000, polling=50)
    except Exception:  # nothing changed on the page within 15 s: counted, not timed
        return {"what": "nothing", "ms": None}
    return page.evaluate("() => window.__bench.done")


def bench_explorers(lab, browser, lessons, moves: int) -> list[dict]:
    from explorers import lesson_explorers
    from tests.browser import helpers

    rows = []
    for lesson in lessons:
        found = list(lesson_explorers(lesson))
        if not found:
            continue
        name = next(helpers.NOTEBOOK_DIR.glob(f"{lesson}-*.ipynb")).name
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        helpers.open_notebook(page, lab.url, name)
        helpers.wait_for_kernel_idle(page)
        helpers.run_notebook(page)
        page.evaluate(ARM_JS)
        for index, (ex_name, factory) in enumerate(found):
            explorer = page.locator(".ruralrev-explorer").nth(index)
            explorer.scroll_into_view_if_needed()
            sequence, shares = walk(factory, moves)
            seen = {share["control"]: [] for share in shares}
            kinds = {share["control"]: (share["label"], share["kind"]) for share in shares}
            for control, value in sequence:
                label, kind = kinds[control]
                box = _control(explorer, label, kind)
                if kind == "slider":
                    box.locator(".noUi-handle").focus()
                seen[control].append(_move(page, explorer, box, kind, value))
            for share in shares:
                got = seen[share["control"]]
                ms = [s["ms"] for s in got if s["what"] == "figure"]
                rows.append({"explorer": ex_name, "control": share["label"], "moves": len(got),
                             "not_figure": sum(s["what"] != "figure" for s in got),
                             "median_ms": round(statistics.median(ms), 1) if ms else None,
                             "p95_ms": round(_pct(ms, 0.95), 1) if ms else None,
                             "kernel_draw_ms": share["draw"], "kernel_png_ms": share["png"], "png_kb": share["kb"]})
                print(table(rows[-1:]).splitlines()[-1], flush=True)
        helpers.shutdown_notebook_kernel(page, lab.url, name)
        page.context.close()
    return rows


# -- the floor: explorers that draw almost nothing --------------------------------------------

FLOOR_CELLS = [
    ("from ruralrev.explorer import Explorer, Whole", []),
    ('def draw_line(ax, n):\n    """A line on a plain axes."""\n    ax.plot([0, 1], [0, n], marker="o")\n'
     '    ax.set(ylim=(0, 20))\n    return f"A line to {n}."\n\n\n'
     'def draw_bare(ax, n):\n    """A line with the axes hidden."""\n    ax.set_axis_off()\n'
     '    ax.plot([0, 1], [0, n])\n    ax.set(ylim=(0, 20))\n    return f"A line to {n}, no axes."', []),
    ('plain = Explorer(draw_line, title="A line on a plain axes", n=Whole(0, 20, 0, label="End"))\nplain',
     ["explorer"]),
    ('bare = Explorer(draw_bare, title="A line, axes hidden", n=Whole(0, 20, 0, label="End"))\nbare',
     ["explorer"]),
]


def bench_floor(lab, browser, moves: int) -> list[dict]:
    """The explorers of FLOOR_CELLS, in a notebook that exists only for the run."""
    import nbformat
    from tests.browser import helpers

    path = helpers.NOTEBOOK_DIR / "99-floor.ipynb"
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell(code, metadata={"tags": tags}) for code, tags in FLOOR_CELLS]
    nbformat.write(nb, path)
    try:
        return bench_explorers(lab, browser, ["99"], moves)
    finally:
        path.unlink()


# -- Run All --------------------------------------------------------------------------------

def headless(path: Path) -> tuple[float, float]:
    """(seconds with kernel start, seconds for the cells only) for `path` executed with nbclient.
    The kernel's own stderr (a transport warning at every start) is dropped; a failing cell still
    raises, since errors arrive as outputs."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        cells = time.perf_counter()
        for i, cell in enumerate(nb.cells):
            client.execute_cell(cell, i)
        end = time.perf_counter()
    return end - start, end - cells


def bench_runall(lab, browser, lessons) -> list[dict]:
    from tests.browser import helpers

    rows = []
    for lesson in lessons:
        path = next(helpers.NOTEBOOK_DIR.glob(f"{lesson}-*.ipynb"))
        with_start, cells_only = headless(path)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        helpers.open_notebook(page, lab.url, path.name)
        helpers.wait_for_kernel_idle(page)
        helpers.expand_all_code(page)
        helpers.clear_all_outputs(page)
        start = time.perf_counter()
        helpers.run_all_cells(page)
        helpers.check_all_executed(path.name, helpers.wait_until_all_executed(page))
        seconds = time.perf_counter() - start
        helpers.shutdown_notebook_kernel(page, lab.url, path.name)
        page.context.close()
        rows.append({"notebook": path.name, "browser_s": round(seconds, 2), "headless_s": round(with_start, 2),
                     "headless_cells_s": round(cells_only, 2), "ratio": round(seconds / with_start, 2),
                     "ratio_cells_only": round(seconds / cells_only, 2)})
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    return rows


# -- a class on one server ------------------------------------------------------------------

class Student:
    """One simulated student: a kernel started by the server, driven over its connection file."""

    def __init__(self, lab, runtime: Path, cwd: str):
        from jupyter_client import BlockingKernelClient

        self.lab = lab
        self.kernel = lab.api("POST", "/api/kernels", body={"name": "python3", "path": cwd})
        self.client = BlockingKernelClient(connection_file=str(runtime / f"kernel-{self.kernel['id']}.json"))
        self.client.load_connection_file()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)

    def run(self, code: str) -> float | None:
        """Run `code`; the perf_counter time the first new figure arrived (an explorer's <img> in a
        widget update), or None."""
        figure = []

        def hook(msg):
            state = msg["content"].get("data", {}).get("state", {}) if msg["msg_type"] == "comm_msg" else {}
            if not figure and "<img" in str(state.get("value", "")):
                figure.append(time.perf_counter())

        reply = self.client.execute_interactive(code, timeout=300, output_hook=hook)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"student's cell failed: {reply['content'].get('ename')}")
        return figure[0] if figure else None

    def stop(self) -> None:
        self.client.stop_channels()
        self.lab.api("DELETE", f"/api/kernels/{self.kernel['id']}")


def _kernel_rss(lab) -> list[float]:
    import psutil

    server = psutil.Process(lab.proc.pid)
    return [c.memory_info().rss / 2**20 for c in server.children(recursive=True) if "ipykernel" in " ".join(c.cmdline())]


def bench_class(lab, lesson: str, sizes, moves: int) -> list[dict]:
    """N students run `lesson` at once, then each moves its explorer's first control `moves` times."""
    import nbformat

    from explorers import lesson_explorers

    path = next((ROOT / "notebooks").glob(f"{lesson}-*.ipynb"))
    code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    _, factory = next(iter(lesson_explorers(lesson)))
    sequence, shares = walk(factory, moves)
    specs, kinds = factory().specs, {share["control"]: share["kind"] for share in shares}
    ex_var = next(c for c in code if "Explorer(" in c).split("=", 1)[0].strip()
    values, set_code = {name: spec.value for name, spec in specs.items()}, []
    for name, move in sequence:  # the kept moves, set from code
        spec = specs[name]
        values[name] = (dict(spec.pairs)[move] if kinds[name] == "select" else spec.parse(move) if kinds[name] == "type"
                        else round(values[name] + (spec.step if move == "ArrowRight" else -spec.step), 10))
        set_code.append(f"{ex_var}.set({name}={values[name]!r})")
    runtime = Path(lab.runtime_dir)
    rows = []
    for n in sizes:
        students = [Student(lab, runtime, "notebooks") for _ in range(n)]
        peak, stop = [0.0], threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], sum(_kernel_rss(lab)))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample)
        sampler.start()
        start, done = time.perf_counter(), []

        def run_all(s):
            for cell in code:
                s.run(cell)
            done.append(time.perf_counter() - start)

        threads = [threading.Thread(target=run_all, args=(s,)) for s in students]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        after = _kernel_rss(lab)
        latencies = []

        def explore(s):
            for line in set_code:  # until the new figure arrives (the kernel then makes the next axes)
                t = time.perf_counter()
                arrived = s.run(line)
                if arrived is None:
                    raise RuntimeError(f"no new figure after {line}")
                latencies.append((arrived - t) * 1000)

        threads = [threading.Thread(target=explore, args=(s,)) for s in students]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stop.set()
        sampler.join()
        for s in students:
            s.stop()
        rows.append({"students": n, "all_done_s": round(max(done), 1), "median_done_s": round(statistics.median(done), 1),
                     "peak_kernels_mib": round(peak[0]), "kernel_mib_after_run_all": round(statistics.median(after)),
                     "explorer_median_ms": round(statistics.median(latencies), 1),
                     "explorer_p95_ms": round(_pct(latencies, 0.95), 1)})
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", nargs="+", default=["explorers", "runall", "floor", "class"], choices=["explorers", "runall", "floor", "class"])
    ap.add_argument("--lessons", nargs="+", default=[f"{i:02d}" for i in range(9)])
    ap.add_argument("--moves", type=int, default=20, help="changes per control (at least 20 for the README figures)")
    ap.add_argument("--class-lesson", default="05", help="the lesson the simulated class runs")
    ap.add_argument("--class-sizes", nargs="+", type=int, default=[1, 5, 10, 20])
    ap.add_argument("--json", type=Path, default=ROOT / "bench-browser.json")
    args = ap.parse_args(argv)
    if any(n < 1 or n > 40 for n in args.class_sizes):
        ap.error("--class-sizes: each N from 1 to 40 (every student is a kernel on this machine)")
    warnings.filterwarnings("ignore", module="zmq")  # one transport warning per kernel start, not news
    from tests.browser import conftest

    path = conftest._chromium_path()
    if path is None:
        print("no Chromium or Chrome found: apt-get install chromium, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE")
        return 2
    results = {"python": sys.version.split()[0], "targets": TARGET}
    with tempfile.TemporaryDirectory() as tmp:
        lab = conftest.start_lab(Path(tmp))
        try:
            with conftest.chromium(path) as browser:
                if "explorers" in args.part:
                    print("Explorers: event -> new figure painted (ms), with the kernel-side share:")
                    results["explorers"] = bench_explorers(lab, browser, args.lessons, args.moves)
                if "runall" in args.part:
                    print("\nRun All in the browser against headless (seconds):")
                    results["runall"] = bench_runall(lab, browser, args.lessons)
                if "floor" in args.part:
                    print("\nThe floor: explorers that draw almost nothing (ms):")
                    results["floor"] = bench_floor(lab, browser, args.moves)
            if "class" in args.part:
                print(f"\nA class on one server, lesson {args.class_lesson}:")
                results["class"] = bench_class(lab, args.class_lesson, args.class_sizes, args.moves)
        finally:
            lab.stop()
    for part in ("explorers", "runall", "floor", "class"):
        if part in results:
            print(f"\n{part}:\n{table(results[part])}")
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.json.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
