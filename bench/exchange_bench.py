"""Benchmark of working through a shared remote: `akkoord clone`, `pull` and `push`, verified, against plain git.

The shared remote is a bare repository on disk holding the world of the exchange tests (tests/exchange_world.py:
the sample agreement, a signed registry, version 2019) plus N organisations, each added by the secretariat and
endorsing version 2019 (N statements, N + 2 admin records). Each command runs as the installed console script,
a real process; reported is the median wall time and the CPU time of the command and its git processes
(user + system), over several runs, next to what plain git does for the same transfer (`git clone`,
`git pull --ff-only`, `git push`), which verifies nothing: the difference is the price of verifying before
taking anything in (and of the views, the staging refs and the recorded state).

    python bench/exchange_bench.py [--organisations 20] [--runs 5] [--write BENCHMARKS.md]

With --write, the table replaces the section between the exchange markers of that file (added at its end).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from exchange_world import TODAY, build  # noqa: E402  (the tests' world, one construction)
from trust_world import keygen  # noqa: E402

from bench.sections import write_section  # noqa: E402

BEGIN, END = "<!-- exchange-bench:begin -->", "<!-- exchange-bench:end -->"
AKKOORD = str(Path(sys.executable).with_name("akkoord"))


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Run `args` in `cwd`: (wall seconds, CPU seconds of its processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def world(base: Path, organisations: int) -> Path:
    """The shared remote with `organisations` more signatories, each endorsing version 2019."""
    made = build(base)
    seed = made.clone("seed")
    for n in range(organisations):
        key = keygen(made.base / "keys", f"org{n}")
        seed.ak(
            "signatory",
            "add",
            f"org-{n}",
            "--name",
            f"Organisatie {n}",
            "--kind",
            "organisation",
            "--pubkey",
            f"{key}.pub",
            "--key",
            seed.admin(),
            "--by",
            "Secretariaat",
        )
        seed.ak("endorse", "2019", "--as", f"org-{n}", "--key", key, "--mandate", f"Besluit {n}")
    seed.ak("push")
    return made.origin


def measure(origin: Path, runs: int) -> list[tuple[str, list[tuple[float, float]], list[tuple[float, float]]]]:
    rows: dict[str, tuple[list, list]] = {}

    def add(name: str, ours: tuple[float, float], plain: tuple[float, float]) -> None:
        rows.setdefault(name, ([], []))
        rows[name][0].append(ours)
        rows[name][1].append(plain)

    def commit(repo: Path, message: str) -> None:
        subprocess.run(
            [
                "git",
                "-C",
                str(repo),
                "-c",
                "user.name=B",
                "-c",
                "user.email=b@x",
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                message,
            ],
            check=True,
        )

    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="akkoord-exchange-") as tmp:
            base = Path(tmp)
            shutil.copytree(origin, base / "origin.git")
            remote = str(base / "origin.git")
            add(
                "clone",
                timed([AKKOORD, "clone", remote, "a"], base),
                timed(["git", "clone", "-q", remote, "a-git"], base),
            )
            timed([AKKOORD, "clone", remote, "b"], base)
            timed(["git", "clone", "-q", remote, "b-git"], base)
            add(
                "pull, nothing new",
                timed([AKKOORD, "pull"], base / "a"),
                timed(["git", "pull", "-q", "--ff-only"], base / "a-git"),
            )
            commit(base / "b", "x")
            ours = timed([AKKOORD, "push"], base / "b")
            timed(["git", "pull", "-q", "--ff-only"], base / "b-git")
            commit(base / "b-git", "y")
            add("push, one commit", ours, timed(["git", "push", "-q"], base / "b-git"))
            add(
                "pull, fast-forward",
                timed([AKKOORD, "pull"], base / "a"),
                timed(["git", "pull", "-q", "--ff-only"], base / "a-git"),
            )
            timed([AKKOORD, "pull"], base / "b")
            commit(base / "b", "w")
            timed([AKKOORD, "push"], base / "b")
            commit(base / "a", "z")
            commit(base / "a-git", "z")
            plain = ["git", "-c", "user.name=B", "-c", "user.email=b@x", "pull", "-q", "--no-rebase", "--no-edit"]
            add(
                "pull, merge",
                timed([AKKOORD, "pull", "--by", "Bench <b@example.org>"], base / "a"),
                timed(plain, base / "a-git"),
            )
            add(
                "reference: `status` (no exchange)",
                timed([AKKOORD, "status"], base / "a"),
                timed(["git", "status", "-s"], base / "a-git"),
            )
    return [(name, ours, plain) for name, (ours, plain) in rows.items()]


def table(rows, organisations: int, records: int, runs: int) -> str:
    def fmt(values):
        return f"{statistics.median(v[0] for v in values):.2f} s ({statistics.median(v[1] for v in values):.2f} s)"

    lines = [
        "## Exchanging through a shared remote: `clone`, `pull`, `push`",
        "",
        f"A bare repository on disk holding the sample agreement with a signed registry, version 2019 and "
        f"{organisations} organisations that each endorsed it ({organisations} statements, {records} admin records; "
        f"bench/exchange_bench.py). Median wall time (CPU time of the command and its git processes) "
        f"of {runs} runs of the console script, load average {os.getloadavg()[0]:.2f} on "
        f"{os.cpu_count()} cores; plain git, which verifies nothing, for the same transfer.",
        "",
        "| command | akkoord wall (CPU) | plain git wall (CPU) |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {fmt(ours)} | {fmt(plain)} |" for name, ours, plain in rows]
    lines += [
        "",
        "A pull that takes something in verifies up to three states (this clone, the received state, the merge "
        "result) with `trust.verify`, each in a scratch view of the repository; one that receives nothing new "
        "verifies nothing and only records the remote's state. The reference row is the fixed cost of starting "
        "the console script and opening the repository, paid by every command.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", metavar="FILE")
    args = parser.parse_args()
    os.environ["AKKOORD_TODAY"] = TODAY
    with tempfile.TemporaryDirectory(prefix="akkoord-exchange-world-") as tmp:
        origin = world(Path(tmp), args.organisations)
        listing = subprocess.run(
            ["git", "-C", str(origin), "ls-tree", "-r", "--name-only", "main", "records/"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        records = sum(1 for name in listing if name.endswith(".json"))
        rows = measure(origin, args.runs)
    text = table(rows, args.organisations, records, args.runs)
    print(text)
    if args.write:
        write_section(f"{BEGIN}\n{text}{END}\n", Path(args.write), BEGIN, END)


if __name__ == "__main__":
    main()
