"""The redline's own targets (issue 8 item 9), quickly: pair (b) and 10,000 clauses. Not a test.

`bench/run.py` sets our redline beside xmldiff, difflib and git (minutes); this script measures only
what the issue requires, in about a minute:

* pair (b), BWBR0002629 (Wet op de omzetbelasting 1968) 2013-10-10_1 -> 2014-01-01_0, from the files
  `akkoord import bwb` makes of them ("imported") and from the published BWB files (which the command
  converts on the fly): the whole command `akkoord redline OLD NEW` (terminal format, output to
  /dev/null, Python's start included; median wall time of several runs and the largest peak RSS,
  from wait4), and in-process what the command does before it prints (read, parse, align, word-diff;
  median) and with the terminal text rendered too; the peak of Python's allocations (tracemalloc);
* synthetic agreements (`bench/synth.py`) of 1,000 and 10,000 clauses: in-process CPU time, and the growth
  from one to the other (linear: at most 12.5 times for ten times the clauses).

    python bench/redline_bench.py [--runs N] [--write BENCHMARKS.md]

With --write, the table replaces the section between the redline-bench markers of that file (added at
its end when absent). The corpus is read from ../shared/corpus/bwb (or $AKKOORD_SHARED/corpus/bwb).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from sections import write_section  # noqa: E402

from akkoordvc.cli.redline_cmds import load_text  # noqa: E402  (what the command runs)
from akkoordvc.model import canonical  # noqa: E402
from akkoordvc.model.bwb import import_bwb_bytes  # noqa: E402
from akkoordvc.ops.align import compute  # noqa: E402
from akkoordvc.present.term import render  # noqa: E402

BEGIN = "<!-- redline-bench:begin -->"
END = "<!-- redline-bench:end -->"
SHARED = Path(os.environ.get("AKKOORD_SHARED", ROOT.parent / "shared"))
LAW = SHARED / "corpus" / "bwb" / "BWBR0002629"
PAIR = ("BWBR0002629_2013-10-10_1.xml", "BWBR0002629_2014-01-01_0.xml")
AKKOORD = str(Path(sys.executable).with_name("akkoord"))
SIZES = (1_000, 10_000)

# the targets of issue 8 item 9
COMMAND_S = 0.200
IN_PROCESS_S = 0.080
PEAK_MB = 64
GROWTH = 12.5


def redline(old: str, new: str):
    """What `akkoord redline OLD NEW` computes before it prints (the terminal format: no provenance)."""
    old_resolved, old_doc = load_text(old, False)
    new_resolved, new_doc = load_text(new, False)
    return compute(old_doc, new_doc, old_resolved.side(old_doc), new_resolved.side(new_doc))


def median(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds of this process) of `fn`."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def command(old: str, new: str, runs: int) -> tuple[float, float, float]:
    """(median wall seconds, median CPU seconds, largest peak RSS in MB) of the whole command, output to
    /dev/null."""
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        with open(os.devnull, "wb") as sink:
            start = time.perf_counter()
            proc = subprocess.Popen([AKKOORD, "redline", old, new], stdout=sink, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"bench: akkoord redline {old} {new} failed: {proc.stderr.read().decode()[:300]}")
        proc.stderr.close()
        rss.append(usage.ru_maxrss / 1024)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(walls), statistics.median(cpus), max(rss)


def command_start(runs: int) -> float:
    """Median CPU seconds of starting Python and importing the command line (what every command pays)."""
    cpus = []
    for _ in range(runs):
        proc = subprocess.Popen([sys.executable, "-c", "import akkoordvc.cli.main"])
        _, _, usage = os.wait4(proc.pid, 0)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(cpus)


def measure_pair(old: str, new: str, runs: int) -> dict[str, float]:
    result = redline(old, new)  # warm up: imports, regular expressions
    render(result)
    in_process, in_process_cpu = median(lambda: redline(old, new), runs)
    with_term, _ = median(lambda: render(redline(old, new)), runs)
    tracemalloc.start()
    redline(old, new)
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    wall, cpu, rss = command(old, new, runs)
    sides = [load_text(path, False) for path in (old, new)]
    _, load_cpu = median(lambda: (load_text(old, False), load_text(new, False)), runs)
    _, align_cpu = median(lambda: compute(sides[0][1], sides[1][1], *(r.side(d) for r, d in sides)), runs)
    _, term_cpu = median(lambda: render(result), runs)
    stats = result.stats()
    return {
        "in_process": in_process,
        "in_process_cpu": in_process_cpu,
        "command_cpu": cpu,
        "load_cpu": load_cpu,
        "align_cpu": align_cpu,
        "term_cpu": term_cpu,
        "with_term": with_term,
        "traced_mb": traced,
        "command": wall,
        "rss_mb": rss,
        "clauses": sum(1 for c in result.clauses if c.changed),
        "parts": stats["parts_changed"],
    }


def measure(runs: int) -> dict:
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="redline-bench-") as tmp:
        bwb = [str(LAW / name) for name in PAIR]
        imported = []
        for path in bwb:
            out = Path(tmp) / Path(path).name.replace(".xml", ".akkoord.xml")
            out.write_bytes(canonical.to_bytes(import_bwb_bytes(Path(path).read_bytes(), Path(path).name)))
            imported.append(str(out))
        results["(b) imported"] = measure_pair(*imported, runs)
        results["(b) BWB files"] = measure_pair(*bwb, runs)
        results["start"] = command_start(runs)
        for n in SIZES:
            old_bytes, new_bytes, _ = synth.pair(n)
            old, new = Path(tmp) / f"synth-{n}-old.xml", Path(tmp) / f"synth-{n}-new.xml"
            old.write_bytes(old_bytes)
            new.write_bytes(new_bytes)
            redline(str(old), str(new))
            results[n] = median(lambda o=str(old), w=str(new): redline(o, w), max(3, runs // 3))[1]
    return results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(results: dict, runs: int) -> str:
    load = os.getloadavg()[0]
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        BEGIN,
        "## Redline targets: pair (b) and 10,000 clauses",
        "",
        f"Written by `python bench/redline_bench.py --write BENCHMARKS.md` (part of `make bench`) on {when}; "
        f"load average {load:.2f} at the end (2 cores, shared). Median of {runs} runs; the command's peak is the "
        "largest maximum RSS of its runs (wait4). Pair (b): BWBR0002629 2013-10-10_1 → 2014-01-01_0.",
        "",
        "| case | in-process (compute): wall / CPU | in-process + terminal text | whole command: wall / CPU "
        "| command peak RSS | tracemalloc peak | changed |",
        "|---|---|---|---|---|---|---|",
    ]
    for case in ("(b) imported", "(b) BWB files"):
        r = results[case]
        lines.append(
            f"| {case} | {ms(r['in_process'])} / {ms(r['in_process_cpu'])} | {ms(r['with_term'])} "
            f"| {ms(r['command'])} / {ms(r['command_cpu'])} | {r['rss_mb']:.0f} MB "
            f"| {r['traced_mb']:.1f} MB | {r['clauses']} clauses, {r['parts']} other parts |"
        )
    small, large = (results[n] for n in SIZES)
    growth = large / small
    imported, files = results["(b) imported"], results["(b) BWB files"]
    lines += [
        "",
        f"Where the CPU time of the (b) imported command goes: starting Python and importing the command line "
        f"{ms(results['start'])}; reading and parsing both files {ms(imported['load_cpu'])}; aligning and "
        f"word-diffing {ms(imported['align_cpu'])}; the terminal text {ms(imported['term_cpu'])}; the rest is "
        "the redline's own imports (lazy, on first use) and writing.",
        "",
        "The targets are judged on wall time; CPU time (user + system) is what the machine's load changes "
        "least: on this shared machine the wall time of a run can be several times its CPU time.",
        "",
        f"Synthetic agreements, in-process CPU time: 1,000 clauses {ms(small)}, 10,000 clauses {ms(large)} "
        f"({growth:.1f}× for ten times the clauses).",
        "",
        "| target (issue 8 item 9) | required | measured | status |",
        "|---|---|---|---|",
        f"| (b) whole command, imported files | ≤ {ms(COMMAND_S)} | {ms(imported['command'])} "
        f"| {verdict(imported['command'] <= COMMAND_S)} |",
        f"| (b) in-process, imported files | ≤ {ms(IN_PROCESS_S)} | {ms(imported['in_process'])} "
        f"| {verdict(imported['in_process'] <= IN_PROCESS_S)} |",
        f"| (b) peak memory (command RSS), imported files | ≤ {PEAK_MB} MB | {imported['rss_mb']:.0f} MB "
        f"| {verdict(imported['rss_mb'] <= PEAK_MB)} |",
        f"| (b) whole command, BWB files (converted on the fly) | ≤ {ms(COMMAND_S)} | {ms(files['command'])} "
        f"| {verdict(files['command'] <= COMMAND_S)} |",
        f"| (b) peak memory (command RSS), BWB files | ≤ {PEAK_MB} MB | {files['rss_mb']:.0f} MB "
        f"| {verdict(files['rss_mb'] <= PEAK_MB)} |",
        f"| 1,000 → 10,000 clauses | linear (≤ {GROWTH}×) | {growth:.1f}× | {verdict(growth <= GROWTH)} |",
        END,
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--write", metavar="FILE")
    args = parser.parse_args(argv)
    if not LAW.is_dir():
        print(f"bench: corpus not found at {LAW} (needs ../shared beside the repository)", file=sys.stderr)
        return 1
    text = report(measure(args.runs), args.runs)
    print(text)
    if args.write:
        write_section(text, Path(args.write), BEGIN, END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
