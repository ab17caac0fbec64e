"""Benchmark of the amendment history commands: `amend list`, `blame` and `history` on years of work.

A generator builds a repository through the library (no CLI process per step): a synthetic agreement
of 120 clauses (bench/synth.py), then 50 versions; before each version, 4 amendments, each editing one
clause of the previous version, are recorded with their proposal and acceptance in one commit, and the
version consolidates them (its text, the `consolidated` events and the tag in one commit). That is
200 amendments, 50 versions and about 250 commits, built in about a minute (each version validates and
commits its text). Then each command runs as the installed console script, a real process, and the
median wall time and CPU time (user + system) of several runs are reported: on a machine shared with
other work the CPU time is the steadier figure.

    python bench/history.py [--runs N] [--amendments 200] [--versions 50] [--write BENCHMARKS.md]

With --write, the table replaces the section between the history markers of that file (added at its
end when absent), so `make bench` keeps it beside the redline benchmark.
"""

from __future__ import annotations

import argparse
import copy
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from akkoordvc.model import canonical, names  # noqa: E402
from akkoordvc.model.dates import moment_text, noon  # noqa: E402
from akkoordvc.model.document import Document  # noqa: E402
from akkoordvc.ops import amendments as ops  # noqa: E402
from akkoordvc.ops.amendments import Amendment, Base, Event, Person  # noqa: E402
from akkoordvc.storage.gitrepo import Identity  # noqa: E402
from akkoordvc.storage.versions import create_version  # noqa: E402
from akkoordvc.storage.workspace import Workspace, initialise  # noqa: E402
from bench.sections import write_section  # noqa: E402
from bench.synth import pair  # noqa: E402

BEGIN = "<!-- history-benchmark:begin -->"
END = "<!-- history-benchmark:end -->"
ACTOR = Identity("Secretariaat", "secretariaat@example.org")
PERSON = Person(ACTOR.name, ACTOR.email)


def edit_clause(root: etree._Element, index: int, serial: int) -> etree._Element:
    """A copy of `root` with one word added to the first paragraph of clause number `index`."""
    edited = copy.deepcopy(root)
    clauses = list(edited.iter(names.CLAUSE))
    clause = clauses[index % len(clauses)]
    paragraph = next(clause.iter(names.P))
    paragraph.text = (paragraph.text or "") + f" wijziging{serial}"
    return edited


def build(folder: Path, amendments: int, versions: int) -> tuple[Workspace, str]:
    """The repository described in the module docstring; returns it and a clause id that changed often."""
    old, _, _ = pair(120, seed=7)
    workspace, _ = initialise(str(folder), old, "synthetic", ACTOR, {}, timestamp=noon_of(0))
    workspace = Workspace.open(str(folder))
    from akkoordvc.storage import amendment_store as store

    per_version = max(1, amendments // versions)
    root = Document.from_bytes(old, "synthetic").root
    label = None
    serial = 0
    hot = None
    for v in range(1, versions + 1):
        ids = []
        text = root
        events: dict[str, bytes] = {}
        for k in range(per_version):
            serial += 1
            edited = edit_clause(text, serial * 7 if k else 3, serial)  # clause 3 changes in every version
            if hot is None:
                hot = list(text.iter(names.CLAUSE))[3].get(names.ID)
            base = Base(text_sha256=canonical.text_sha256(root), label=label, on=tuple(ids))
            operations = tuple(ops.derive(text, edited))
            ts = noon_of(v) - 3600 + k
            day = moment_text(ts)[:10]
            ident = f"{day}-wijziging-{serial}-{serial:06x}"
            record = Amendment(f"Wijziging {serial}", (PERSON,), day, base, operations, id=ident)
            proposed = Event("proposed", PERSON, moment_text(ts), 1)
            accepted = Event("accepted", PERSON, moment_text(ts + 1), 1)
            consolidated = Event("consolidated", PERSON, moment_text(noon_of(v)), 1, f"version v{v}")
            changes = {
                store.record_path(ident): ops.to_bytes(record, history=False),
                store.event_path(ident, proposed): canonical.to_bytes(ops.event_to_xml(proposed)),
                store.event_path(ident, accepted): canonical.to_bytes(ops.event_to_xml(accepted)),
            }
            if v == 1 and k == 0:
                changes[store.README] = b"# Amendments\n"
            workspace.commit(changes, f"Propose and accept {ident}", store.CHANGE, ACTOR, timestamp=ts + 1)
            events[store.event_path(ident, consolidated)] = canonical.to_bytes(ops.event_to_xml(consolidated))
            ids.append(ident)
            text = edited
        root = text
        label = f"v{v}"
        create_version(
            workspace,
            label,
            by=ACTOR,
            date=moment_text(noon_of(v))[:10],
            text=canonical.to_bytes(root),
            extra_changes=events,
            amendments=tuple(ids),
        )
    assert hot is not None
    return workspace, hot


def noon_of(day: int) -> int:
    import datetime as dt

    return noon(dt.date(2020, 1, 1) + dt.timedelta(days=day))


def command(code: Path | None) -> list[str]:
    """The console script, or the CLI of the checkout `code` (an earlier revision) run by the same Python."""
    if code is None:
        return [str(Path(sys.executable).with_name("akkoord"))]
    boot = f"import sys; sys.path.insert(0, {str(code)!r}); from akkoordvc.cli.main import run; run()"
    return [sys.executable, "-c", boot]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(programs: list[list[str]], args: list[str], cwd: Path, runs: int) -> list[tuple[float, float]]:
    """Median wall time and CPU time (user + system) of each program running `args`; runs alternate
    between them, so a machine busy with other work slows each alike (CPU time is less affected)."""
    walls: list[list[float]] = [[] for _ in programs]
    cpus: list[list[float]] = [[] for _ in programs]
    outputs: list[bytes] = []
    for _ in range(runs):
        for index, program in enumerate(programs):
            start, cpu = time.perf_counter(), _children_cpu()
            proc = subprocess.run([*program, *args], cwd=cwd, capture_output=True)
            walls[index].append(time.perf_counter() - start)
            cpus[index].append(_children_cpu() - cpu)
            if proc.returncode != 0:
                raise SystemExit(f"akkoord {' '.join(args)} failed: {proc.stderr.decode()}")
            outputs.append(proc.stdout)
    if len(set(outputs)) != 1:
        raise SystemExit(f"akkoord {' '.join(args)}: the programs compared print different output")
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--amendments", type=int, default=200)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--write", metavar="FILE", help="replace the history section of FILE (BENCHMARKS.md)")
    parser.add_argument("--compare", metavar="REV", help="also time the CLI of git revision REV, side by side")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "repo"
        start = time.perf_counter()
        _, hot = build(folder, args.amendments, args.versions)
        built = time.perf_counter() - start
        programs = [command(None)]
        if args.compare:
            earlier = Path(tmp) / "earlier"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(earlier), args.compare])
            programs.insert(0, command(earlier))
        rows = []
        try:
            for name, words in (
                ("amend list", ["amend", "list"]),
                ("blame", ["blame"]),
                (f"history --clause {hot}", ["history", "--clause", hot, "--no-color"]),
                ("log (reference: no amendment work)", ["log"]),
            ):
                rows.append((name, timed(programs, words, folder, args.runs)))
        finally:
            if args.compare:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)])
    head = (
        f"| command | {args.compare} wall (CPU) | now wall (CPU) | ratio (CPU) |"
        if args.compare
        else "| command | wall (CPU) |"
    )
    lines = [
        BEGIN,
        "## Amendment history: `amend list`, `blame`, `history`",
        "",
        f"Repository of {args.amendments} amendments and {args.versions} versions (bench/history.py, built through "
        f"the library in {built:.1f} s); median wall and CPU time of {args.runs} runs "
        "of the console script, alternating between the programs compared (same output checked).",
        "",
        head,
        "|---|---|---|---|" if args.compare else "|---|---|",
        *(
            f"| `akkoord {name}` | "
            + " | ".join(f"{wall:.2f} s ({cpu:.2f} s)" for wall, cpu in seconds)
            + (f" | {seconds[0][1] / seconds[1][1]:.1f}× |" if len(seconds) == 2 else " |")
            for name, seconds in rows
        ),
        "",
        "Issue 10 item 6: `amend list` read every record and event file by its path (a walk of the `amendments/`",
        "trees for each of them) and `blame`/`history` asked git once per version whether it is an ancestor of the",
        "text shown. Now the folder is read in two git processes (`ls-tree -r`, one `cat-file --batch`), the",
        "versions' texts in one more, and the commit graph once. CPU time (user + system, the command and its git",
        "processes) is what a command costs; the wall time here includes waiting for two cores shared with other work.",
        END,
    ]
    table = "\n".join(lines)
    print(table)
    if args.write:
        write_section(table + "\n", Path(args.write), BEGIN, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
