"""The redline benchmark: `make bench` (not part of `make test`). Prints a table, writes BENCHMARKS.md.

One run on one machine times, side by side:

* `akkoord redline` in-process (from file paths: parse, convert a BWB file when given one, align
  and word-diff; and separately align only, on parsed documents) and as a whole command (a
  subprocess, wall time; median of several runs; its peak RSS and CPU time from wait4);
* xmldiff with ``fast_match`` on the same XML files (run once, in a subprocess with a time limit);
* difflib at word level: ``SequenceMatcher`` (autojunk on, the default) over the words of the
  flattened text of both files;
* ``git diff --no-index --word-diff`` on the same files;

on (a) BWBR0002458 2012-01-01_0 -> 2013-01-01_0, (b) BWBR0002629 2013-10-10_1 -> 2014-01-01_0 (the
published BWB files, and our redline also on the agreements imported from them), and (c) synthetic
agreements of 100, 1,000 and 10,000 clauses with 20% of the clauses edited and 1% moved
(`synth.py`). It also times importing all corpus files, one `akkoord import bwb FILE -o OUT`
process per file, and checks that a redline of two files neither imports nor starts git.

The corpus is read from ../shared/corpus/bwb (or $AKKOORD_SHARED/corpus/bwb) at run time and never
copied into the repository; everything written goes to a temporary directory, except BENCHMARKS.md.

Usage: python bench/run.py [--quick] [--runs N] [--out PATH] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

from akkoordvc.cli.redline_cmds import load_text  # noqa: E402  (what the command runs)
from akkoordvc.model.document import Document  # noqa: E402
from akkoordvc.ops.align import compute  # noqa: E402

SHARED = Path(os.environ.get("AKKOORD_SHARED", ROOT.parent / "shared"))
BWB = SHARED / "corpus" / "bwb"
BIN = Path(sys.executable).parent
AKKOORD = str(BIN / "akkoord")

CASES_BWB = {
    "a": ("BWBR0002458", "BWBR0002458_2012-01-01_0.xml", "BWBR0002458_2013-01-01_0.xml"),
    "b": ("BWBR0002629", "BWBR0002629_2013-10-10_1.xml", "BWBR0002629_2014-01-01_0.xml"),
}
SYNTHETIC_SIZES = (100, 1000, 10000)

# The targets of the issue.
TARGET_B_INPROCESS = 0.08
TARGET_B_COMMAND = 0.2
TARGET_B_RSS_MB = 64
TARGET_A_RATIO = 150
TARGET_10K = 1.5
TARGET_IMPORT_ALL = 20.0
LINEAR_SLACK = 1.25  # "linear growth": 1k -> 10k at most 10 x 1.25

# Child programs for the peers (each prints one JSON line; the parent enforces the time limit).
XMLDIFF_CHILD = """
import json, sys, time
from xmldiff import main
start = time.perf_counter()
actions = main.diff_files(sys.argv[1], sys.argv[2], diff_options={"fast_match": True})
print(json.dumps({"time": time.perf_counter() - start, "actions": len(actions)}))
"""
DIFFLIB_CHILD = """
import difflib, json, sys, time
from lxml import etree
start = time.perf_counter()
def words(path):
    return " ".join(etree.parse(path).getroot().itertext()).split()
old, new = words(sys.argv[1]), words(sys.argv[2])
ops = difflib.SequenceMatcher(None, old, new).get_opcodes()
elapsed = time.perf_counter() - start
changed = sum((i2 - i1) + (j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")
print(json.dumps({"time": elapsed, "changed_words": changed, "words": [len(old), len(new)], "opcodes": len(ops)}))
"""


# --- measuring ------------------------------------------------------------------------------------


class Proc:
    """One finished subprocess: wall time, CPU time, peak RSS, exit code, output."""

    def __init__(self, wall, cpu, rss_kb, code, out=b"", timed_out=False):
        self.wall, self.cpu, self.rss_kb, self.code, self.out, self.timed_out = wall, cpu, rss_kb, code, out, timed_out


# Every measured command is started by this small runner process, not by the benchmark itself:
# on Linux a child's peak RSS (ru_maxrss) includes the memory of the process that forked it, as
# it was at exec, and the benchmark holds large documents. The runner is a bare Python (about
# 10 MB), so RSS figures below that are the runner's, not the command's.
RUNNER = r"""
import json, os, subprocess, sys, tempfile, threading, time
for line in sys.stdin:
    req = json.loads(line)
    out_file = tempfile.TemporaryFile() if req["capture"] else None
    start = time.perf_counter()
    proc = subprocess.Popen(req["cmd"], stdout=out_file or subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=req["env"])
    killed = []
    timer = None
    if req["timeout"]:
        def kill():
            killed.append(True)
            proc.kill()
        timer = threading.Timer(req["timeout"], kill)
        timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if timer:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = ""
    if out_file:
        out_file.seek(0)
        out = out_file.read().decode("utf-8", "replace")
        out_file.close()
    sys.stdout.write(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": usage.ru_maxrss,
                                 "code": proc.returncode, "out": out, "timed_out": bool(killed)}) + "\n")
    sys.stdout.flush()
"""
_runner: subprocess.Popen | None = None


def run_proc(cmd, timeout=None, capture=False, env=None) -> Proc:
    """Run `cmd` (through the runner), kill it after `timeout` seconds."""
    global _runner
    if _runner is None:
        _runner = subprocess.Popen(
            [sys.executable, "-c", RUNNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
    request = {"cmd": [str(c) for c in cmd], "timeout": timeout, "capture": capture, "env": env or dict(os.environ)}
    _runner.stdin.write(json.dumps(request) + "\n")
    _runner.stdin.flush()
    reply = json.loads(_runner.stdout.readline())
    return Proc(reply["wall"], reply["cpu"], reply["rss_kb"], reply["code"], reply["out"].encode(), reply["timed_out"])


def median_proc(cmd, runs, ok=(0,)) -> dict:
    results = []
    for _ in range(runs):
        p = run_proc(cmd)
        if p.code not in ok:
            raise SystemExit(f"bench: {' '.join(cmd)} exited with {p.code}")
        results.append(p)
    return {
        "wall": statistics.median(p.wall for p in results),
        "wall_min": min(p.wall for p in results),
        "cpu": statistics.median(p.cpu for p in results),
        "rss_mb": max(p.rss_kb for p in results) / 1024,
        "runs": runs,
    }


def median_call(fn, runs) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def redline_in_process(old: str, new: str):
    """What `akkoord redline OLD NEW` computes before rendering (terminal format): read, parse,
    convert a BWB file (without the provenance only the xml format shows), align, word-diff."""
    old_resolved, old_doc = load_text(old, False)
    new_resolved, new_doc = load_text(new, False)
    return compute(old_doc, new_doc, old_resolved.side(old_doc), new_resolved.side(new_doc))


def breakdown(old: str, new: str, runs: int) -> dict:
    """Parsing and converting the two BWB files, as the command does (no provenance)."""
    from akkoordvc.model.bwb import from_bwb
    from akkoordvc.model.xmlparse import parse_file

    parse, _ = median_call(lambda: (parse_file(old), parse_file(new)), runs)
    roots = (parse_file(old), parse_file(new))
    convert, _ = median_call(
        lambda: (from_bwb(roots[0], old, origin=False), from_bwb(roots[1], new, origin=False)), runs
    )
    return {"parse": parse, "convert": convert}


def ours(old: str, new: str, runs: int) -> dict:
    redline = redline_in_process(old, new)  # warm up (regular expressions, imports)
    stats = redline.stats()
    full, full_min = median_call(lambda: redline_in_process(old, new), runs)
    old_resolved, old_doc = load_text(old, False)
    new_resolved, new_doc = load_text(new, False)
    sides = (old_resolved.side(old_doc), new_resolved.side(new_doc))
    align, _ = median_call(lambda: compute(Document(old_doc.root), Document(new_doc.root), *sides), runs)
    tracemalloc.start()
    redline_in_process(old, new)
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    command = median_proc([AKKOORD, "redline", old, new], runs)
    return {
        "in_process": full,
        "in_process_min": full_min,
        "align_only": align,
        "traced_mb": traced_peak,
        "command": command,
        "changed": sum(1 for c in redline.clauses if c.changed),
        "words_changed": stats["words_inserted"] + stats["words_deleted"],
        "stats": {k: v for k, v in stats.items() if v},
    }


def peer_json(code: str, old: str, new: str, timeout: float) -> dict:
    p = run_proc([sys.executable, "-c", code, old, new], timeout=timeout, capture=True)
    if p.timed_out:
        return {"timed_out": True, "timeout": timeout}
    if p.code != 0:
        return {"error": f"exit {p.code}"}
    data = json.loads(p.out.decode().strip().splitlines()[-1])
    data.update(wall=p.wall, rss_mb=p.rss_kb / 1024)
    return data


def git_word_diff(old: str, new: str, runs: int, timeout: float = 120) -> dict:
    cmd = ["git", "diff", "--no-index", "--word-diff", "--no-color", old, new]
    first = run_proc(cmd, timeout=timeout)
    if first.timed_out:
        return {"timed_out": True, "timeout": timeout}
    result = median_proc(cmd, runs, ok=(0, 1))
    return result


# --- the cases ------------------------------------------------------------------------------------


def import_agreement(src: Path, out: Path) -> None:
    p = run_proc([AKKOORD, "import", "bwb", str(src), "-o", str(out)])
    if p.code != 0:
        raise SystemExit(f"bench: import of {src} failed ({p.code})")


def check_no_git(old: str, new: str, tmp: Path) -> dict:
    """A redline of two files must neither import a git module nor start git."""
    fake = tmp / "fakebin"
    fake.mkdir(exist_ok=True)
    marker = tmp / "git-was-started"
    script = fake / "git"
    script.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    script.chmod(0o755)
    env = dict(os.environ, PATH=f"{fake}{os.pathsep}{os.environ.get('PATH', '')}")
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from akkoordvc.cli.main import run; run()", "redline", old, new],
        env=env,
        capture_output=True,
        text=True,
    )
    modules = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")]
    git_modules = sorted({m for m in modules if m.split(".")[0] in ("git", "gitdb", "smmap") or m.endswith(".gitrepo")})
    return {"exit": proc.returncode, "git_modules": git_modules, "git_started": marker.exists()}


def import_all(tmp: Path) -> dict:
    files = sorted(BWB.glob("*/BWBR*_*.xml"))
    out = tmp / "imported-all"
    out.mkdir()
    cpu = 0.0
    rss = 0
    start = time.perf_counter()
    for path in files:
        p = run_proc([AKKOORD, "import", "bwb", str(path), "-o", str(out / path.name)])
        if p.code != 0:
            raise SystemExit(f"bench: import of {path} failed ({p.code})")
        cpu += p.cpu
        rss = max(rss, p.rss_kb)
    wall = time.perf_counter() - start
    size = sum(p.stat().st_size for p in files)
    return {"files": len(files), "bytes": size, "wall": wall, "cpu": cpu, "rss_mb": rss / 1024}


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from lxml import etree

    git = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count()
    try:
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        mem_gb = int(mem.split()[1]) / 2**20
    except (OSError, StopIteration):
        mem_gb = 0
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": affinity,
        "memory_gb": mem_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "lxml": ".".join(map(str, etree.LXML_VERSION[:3])),
        "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
        "git": git.replace("git version ", ""),
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "load_start": os.getloadavg(),
    }


def startup(runs: int) -> dict:
    base = median_proc([sys.executable, "-c", "import lxml.etree, click, diff_match_patch"], runs)
    version = median_proc([AKKOORD, "--version"], runs)
    return {"python_lxml_click_dmp": base["wall"], "akkoord_version": version["wall"]}


# --- report ---------------------------------------------------------------------------------------


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def peer_time(result: dict, key: str = "wall") -> str:
    if result.get("timed_out"):
        return f"> {result['timeout']:.0f} s (timed out)"
    if result.get("skipped"):
        return result["skipped"]
    if "error" in result:
        return result["error"]
    return fmt_s(result[key])


def ratio(peer: dict, ours_s: float, key: str = "wall") -> str:
    if peer.get("timed_out"):
        return f"> {peer['timeout'] / ours_s:,.0f}×"
    if peer.get("skipped") or "error" in peer:
        return "–"
    return f"{peer[key] / ours_s:,.0f}×" if peer[key] / ours_s >= 10 else f"{peer[key] / ours_s:.1f}×"


def build_report(info: dict, results: dict, targets: list, imports: dict, nogit: dict, start: dict) -> tuple[str, str]:
    rows = []
    for name, r in results.items():
        o = r["ours"]
        rows.append(
            [
                name,
                fmt_s(o["in_process"]),
                fmt_s(o["align_only"]),
                fmt_s(o["command"]["wall"]),
                f"{o['command']['rss_mb']:.0f} MB",
                peer_time(r["xmldiff"]),
                peer_time(r["difflib"]),
                peer_time(r["git"]),
            ]
        )
    head = [
        "case",
        "ours in-process",
        "ours align only",
        "ours command",
        "command RSS",
        "xmldiff fast_match",
        "difflib words",
        "git --word-diff",
    ]
    ratio_rows = []
    for name, r in results.items():
        o = r["ours"]
        cmd = o["command"]["wall"]
        inproc = o["in_process"]
        ratio_rows.append(
            [
                name,
                f"{ratio(r['xmldiff'], cmd)} / {ratio(r['xmldiff'], inproc, 'time')}",
                f"{ratio(r['difflib'], cmd)} / {ratio(r['difflib'], inproc, 'time')}",
                ratio(r["git"], cmd),
            ]
        )
    ratio_head = [
        "case",
        "xmldiff ÷ ours (command / in-process)",
        "difflib ÷ ours (command / in-process)",
        "git ÷ ours command",
    ]

    def table(head, rows):
        widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
        line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"  # noqa: E731
        return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])

    timing = table(head, rows)
    ratios = table(ratio_head, ratio_rows)
    target_table = table(["target", "required", "measured", "status"], targets)
    console = "\n\n".join([timing, ratios, target_table])

    quality = []
    for name, r in results.items():
        d = r["difflib"]
        if "changed_words" in d:
            quality.append(
                f"| {name} | {r['ours']['changed']:,} clauses, {r['ours']['words_changed']:,} words | "
                f"{d['changed_words']:,} words in {d['opcodes']:,} opcodes |"
            )
    parts = []
    for name, r in results.items():
        b = r["ours"].get("breakdown")
        if b:
            o = r["ours"]
            parts.append(
                f"- {name}: in-process {fmt_s(o['in_process'])} = parsing both files {fmt_s(b['parse'])} + converting "
                f"them {fmt_s(b['convert'])} + aligning and word-diffing {fmt_s(o['align_only'])} (+ reading, hashing); "
                f"the whole command adds the start of Python with lxml, click and diff-match-patch "
                f"({fmt_s(start['python_lxml_click_dmp'])}) and akkoordvc's own imports."
            )
    breakdown_text = (
        (
            "Where the time of a redline of two published BWB files goes (the command converts them on the fly):\n\n"
            + "\n".join(parts)
        )
        if parts
        else ""
    )
    m = info
    md = f"""# Benchmarks

Written by `make bench` (`bench/run.py`) on {m["date"]}; one run on one machine. Rerun it rather than
editing this file. Timings are wall-clock: the median of {start["runs"]} runs for our redline (in-process and
as a command) and for git; one run for xmldiff and difflib (the slow peers, each in a subprocess with a
time limit). Our peak memory is the whole command's maximum RSS (from wait4); the in-process tracemalloc
peak (Python objects only, not libxml2's trees) is listed per case below.

## Machine

| | |
|---|---|
| CPU | {m["cpu"]} ({m["cores"]} cores, {m["usable_cores"]} usable), {m["memory_gb"]:.0f} GB |
| OS | {m["os"]} |
| Python | {m["python"]} (lxml {m["lxml"]}, libxml2 {m["libxml2"]}) |
| git | {m["git"]} |
| load average | {m["load_start"][0]:.2f} at the start, {m["load_end"][0]:.2f} at the end (1 minute) |
| Python + lxml + click + diff-match-patch start | {fmt_s(start["python_lxml_click_dmp"])} |
| `akkoord --version` | {fmt_s(start["akkoord_version"])} |

## Cases

- (a) BWBR0002458 (Drank- en Horecawet) 2012-01-01_0 → 2013-01-01_0: the published BWB files, 250 KB and
  280 KB, and (a, imported) the agreements `akkoord import bwb` makes of them.
- (b) BWBR0002629 (Wet op de omzetbelasting 1968) 2013-10-10_1 → 2014-01-01_0: 880 KB and 870 KB; and
  (b, imported).
- (c) synthetic agreements (`bench/synth.py`) of 100, 1,000 and 10,000 clauses in chapters of 20; one to four
  leden each; 20% of the clauses get one to three small word edits, 1% move to another chapter.

"ours in-process" is what `akkoord redline OLD NEW` computes before rendering, from the file paths: read,
parse, convert (BWB files), align and word-diff. "align only" is the alignment and word diff of already
parsed documents. "ours command" is the whole `akkoord redline OLD NEW` process (terminal format, output
to /dev/null), Python start included. xmldiff, difflib and git get the same files: for the "imported" and
synthetic cases the agreement XML, otherwise the published BWB XML.

## Results

{timing}

Ratios (how many times longer the peer takes than our redline; "command" compares whole processes,
"in-process" compares the peer's own time for its diff with our in-process time):

{ratios}

## Targets

{target_table}

{breakdown_text}

## Importing the corpus

`akkoord import bwb FILE -o OUT` for each of the {imports["files"]} corpus files ({imports["bytes"] / 2**20:.0f} MB), one process
per file, one after the other: **{imports["wall"]:.1f} s** in total ({imports["wall"] / imports["files"] * 1000:.0f} ms per file,
{imports["cpu"]:.1f} s CPU; largest RSS {imports["rss_mb"]:.0f} MB).

## Notes

- No git: `akkoord redline` of two files imported {", ".join(nogit["git_modules"]) or "no git module"} and
  {"started git" if nogit["git_started"] else "did not start git"} (checked with `python -X importtime` and a `git`
  on PATH that leaves a mark when run).
- difflib works on the words of the flattened text with `autojunk` on (the default): it knows no clauses,
  moves or numbering, and autojunk makes every word that is more than 1% of a long text ("de", "van", "het",
  "artikel") unusable as an anchor, so long changed stretches come out as one replaced block. Words it
  reports changed (deleted + inserted), next to our redline:

| case | ours | difflib |
|---|---|---|
{chr(10).join(quality)}

- git's word diff knows no structure: it compares the lines of the XML files, attribute and metadata
  noise included.
- Peak memory per case: the whole command's maximum RSS, and the peak of Python allocations during one
  in-process redline (tracemalloc; libxml2's own memory for the trees is not traced):

| case | command RSS | tracemalloc peak |
|---|---|---|
{chr(10).join(f"| {name} | {r['ours']['command']['rss_mb']:.0f} MB | {r['ours']['traced_mb']:.1f} MB |" for name, r in results.items())}
"""
    return console, md


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; xmldiff only on (a) and 100 clauses")
    parser.add_argument("--runs", type=int, default=None, help="runs per median (default 7; --quick 3)")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="where to write the report")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--xmldiff-timeout", type=float, default=120.0, help="time limit for xmldiff on (a) and (b)")
    parser.add_argument("--synthetic-timeout", type=float, default=60.0, help="time limit for the peers on (c)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    if not BWB.is_dir():
        print(f"bench: corpus not found at {BWB}; set AKKOORD_SHARED", file=sys.stderr)
        return 1

    run_proc([sys.executable, "-c", "pass"])  # start the runner while this process is still small
    info = machine()
    start = startup(runs)
    start["runs"] = runs
    tmp = Path(tempfile.mkdtemp(prefix="akkoord-bench-"))
    results: dict[str, dict] = {}
    try:
        cases: list[tuple[str, str, str, float, bool]] = []  # name, old, new, peer timeout, run xmldiff
        for key, (law, old_name, new_name) in CASES_BWB.items():
            old, new = BWB / law / old_name, BWB / law / new_name
            cases.append(
                (f"({key}) BWB files", str(old), str(new), args.xmldiff_timeout, not (args.quick and key == "b"))
            )
            imp_old, imp_new = tmp / f"{key}-old.xml", tmp / f"{key}-new.xml"
            import_agreement(old, imp_old)
            import_agreement(new, imp_new)
            cases.append((f"({key}) imported", str(imp_old), str(imp_new), args.xmldiff_timeout, not args.quick))
        for n in SYNTHETIC_SIZES:
            old_bytes, new_bytes, facts = synth.pair(n)
            old, new = tmp / f"synth-{n}-old.xml", tmp / f"synth-{n}-new.xml"
            old.write_bytes(old_bytes)
            new.write_bytes(new_bytes)
            cases.append((f"(c) {n:,} clauses", str(old), str(new), args.synthetic_timeout, n == 100 or not args.quick))

        xmldiff_gave_up = False
        for name, old, new, timeout, run_xmldiff in cases:
            print(f"bench: {name} ...", file=sys.stderr, flush=True)
            r: dict = {}
            r["ours"] = ours(old, new, runs if "10,000" not in name else max(3, runs // 2))
            if "BWB files" in name:
                r["ours"]["breakdown"] = breakdown(old, new, runs)
            if not run_xmldiff:
                r["xmldiff"] = {"skipped": "not run" + (" (--quick)" if args.quick else "")}
            elif xmldiff_gave_up and name.startswith("(c)"):
                r["xmldiff"] = {"skipped": "not run (timed out on a smaller size)"}
            else:
                r["xmldiff"] = peer_json(XMLDIFF_CHILD, old, new, timeout)
                if r["xmldiff"].get("timed_out") and name.startswith("(c)"):
                    xmldiff_gave_up = True
            r["difflib"] = peer_json(DIFFLIB_CHILD, old, new, 20 if args.quick else max(timeout, 120))
            r["git"] = git_word_diff(old, new, runs)
            results[name] = r
        print("bench: no-git check ...", file=sys.stderr, flush=True)
        nogit = check_no_git(str(tmp / "b-old.xml"), str(tmp / "b-new.xml"), tmp)
        print("bench: importing the corpus, one process per file ...", file=sys.stderr, flush=True)
        imports = import_all(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    info["load_end"] = os.getloadavg()

    targets = evaluate(results, imports, nogit)
    console, md = build_report(info, results, targets, imports, nogit, start)
    print(console)
    print(
        f"\nimport of {imports['files']} corpus files, one process each: {imports['wall']:.1f} s "
        f"(target < {TARGET_IMPORT_ALL:.0f} s); load average {info['load_start'][0]:.2f} -> {info['load_end'][0]:.2f}"
    )
    if not args.no_write:
        Path(args.out).write_text(md, encoding="utf-8")
        print(f"\nwrote {args.out}")
    return 0


def evaluate(results: dict, imports: dict, nogit: dict) -> list[list[str]]:
    def status(ok: bool) -> str:
        return "met" if ok else "not met"

    rows = []
    b_raw, b_imp = results["(b) BWB files"]["ours"], results["(b) imported"]["ours"]
    for label, o in (("BWB files", b_raw), ("imported", b_imp)):
        rows.append(
            [
                f"(b) in-process, {label}",
                f"≤ {fmt_s(TARGET_B_INPROCESS)}",
                fmt_s(o["in_process"]),
                status(o["in_process"] <= TARGET_B_INPROCESS),
            ]
        )
    for label, o in (("BWB files", b_raw), ("imported", b_imp)):
        rows.append(
            [
                f"(b) whole command, {label}",
                f"≤ {fmt_s(TARGET_B_COMMAND)}",
                fmt_s(o["command"]["wall"]),
                status(o["command"]["wall"] <= TARGET_B_COMMAND),
            ]
        )
    for label, o in (("BWB files", b_raw), ("imported", b_imp)):
        rows.append(
            [
                f"(b) peak memory (command RSS), {label}",
                f"≤ {TARGET_B_RSS_MB} MB",
                f"{o['command']['rss_mb']:.0f} MB",
                status(o["command"]["rss_mb"] <= TARGET_B_RSS_MB),
            ]
        )
    a = results["(a) BWB files"]
    x = a["xmldiff"]
    if x.get("timed_out") or "wall" in x:
        peer = x["timeout"] if x.get("timed_out") else x["wall"]
        peer_own = x["timeout"] if x.get("timed_out") else x["time"]
        for label, ours_s, peer_s in (
            ("whole command vs xmldiff process", a["ours"]["command"]["wall"], peer),
            ("in-process vs xmldiff's diff_files", a["ours"]["in_process"], peer_own),
        ):
            r = peer_s / ours_s
            rows.append(
                [
                    f"(a) {label}",
                    f"≥ {TARGET_A_RATIO}×",
                    f"{'> ' if x.get('timed_out') else ''}{r:,.0f}× ({fmt_s(peer_s)} / {fmt_s(ours_s)})",
                    status(r >= TARGET_A_RATIO),
                ]
            )
    else:
        rows.append(["(a) vs xmldiff", f"≥ {TARGET_A_RATIO}×", "xmldiff not run", "–"])
    k1 = results["(c) 1,000 clauses"]["ours"]["in_process"]
    k10 = results["(c) 10,000 clauses"]["ours"]["in_process"]
    rows.append(["(c) 10,000 clauses in-process", f"≤ {fmt_s(TARGET_10K)}", fmt_s(k10), status(k10 <= TARGET_10K)])
    growth = k10 / k1
    rows.append(
        [
            "(c) growth 1,000 → 10,000 clauses",
            f"linear (≤ {10 * LINEAR_SLACK:.1f}×)",
            f"{growth:.1f}×",
            status(growth <= 10 * LINEAR_SLACK),
        ]
    )
    rows.append(
        [
            "import of all corpus files, one process each",
            f"< {TARGET_IMPORT_ALL:.0f} s",
            f"{imports['wall']:.1f} s",
            status(imports["wall"] < TARGET_IMPORT_ALL),
        ]
    )
    rows.append(
        [
            "redline of two files without git",
            "no git import, no git process",
            f"modules: {', '.join(nogit['git_modules']) or 'none'}; started: {'yes' if nogit['git_started'] else 'no'}",
            status(not nogit["git_modules"] and not nogit["git_started"] and nogit["exit"] == 0),
        ]
    )
    return rows


if __name__ == "__main__":
    sys.exit(main())
