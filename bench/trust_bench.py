"""Years of history (issue 10 item 7): every trust and history command at 500, 2,500 and 5,000 statements.

    python bench/trust_bench.py [--runs 3] [--sizes 500,2500,5000] [--no-loop] [--write BENCHMARKS.md]

The repositories come from bench/trust_repo.py (100 signatories, 200 amendments, 50 versions; built once and
kept under build/bench). Each command runs as the installed console script, a real process:

* cold: the verdict cache (.git/akkoord-cache/) deleted before every run;
* warm: after one run that filled it.

`endorse` signs a new statement of org-050 about the current version; the repository is reset to where it was
after every run (the reset is not timed). Side by side, in the same run, a loop of one `ssh-keygen -Y verify`
process per statement checks the same signatures (how trust/ checked them before), against an allowed-signers
file made from the registry. Wall time is the median of the runs; CPU time (user + system of the command and
the git and ssh-keygen processes it starts) is given too, as the machine is shared: the load average is
reported at the start and the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from akkoordvc.storage.workspace import Workspace  # noqa: E402
from akkoordvc.trust import cache, sshsig  # noqa: E402
from akkoordvc.trust.reader import list_folders  # noqa: E402
from akkoordvc.trust.registry import load_state  # noqa: E402
from akkoordvc.trust.statements import parse_statement  # noqa: E402
from bench.sections import write_section  # noqa: E402
from bench.trust_repo import BEHIND, ENDORSER, TODAY, Built, repositories  # noqa: E402

BEGIN = "<!-- trust-benchmark:begin -->"
END = "<!-- trust-benchmark:end -->"
#: (command, cold or warm, at most seconds) at 5,000 statements (issue 10 item 7)
TARGETS = [
    ("endorse", "cold", 0.5),
    ("endorse", "warm", 0.5),
    ("endorsements", "warm", 0.5),
    ("since", "warm", 0.5),
    ("verify", "cold", 3.0),
    ("verify", "warm", 0.5),
    ("amend list", "warm", 0.5),
    ("blame", "warm", 0.5),
    ("history", "warm", 0.5),
]


@dataclass
class Timing:
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    def cell(self) -> str:
        return f"{_seconds(self.wall)} ({_seconds(self.cpu)})"


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str], cwd: Path, timing: Timing, ok_codes: tuple[int, ...] = (0,)) -> None:
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(args, cwd=cwd, capture_output=True)
    timing.walls.append(time.perf_counter() - start)
    timing.cpus.append(_children_cpu() - cpu)
    if proc.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


def _forget(repo: Path) -> None:
    shutil.rmtree(repo / ".git" / cache.FOLDER, ignore_errors=True)


def commands(built: Built) -> dict[str, list[str]]:
    akkoord = str(Path(sys.executable).with_name("akkoord"))
    return {
        "endorse": [akkoord, "endorse", built.current, "--as", ENDORSER, "--key", str(built.keys / ENDORSER)],
        "verify": [akkoord, "verify"],
        "endorsements": [akkoord, "endorsements"],
        "since": [akkoord, "since", BEHIND, "--no-color"],
        "status": [akkoord, "status"],
        "amend list": [akkoord, "amend", "list"],
        "blame": [akkoord, "blame"],
        "history": [akkoord, "history", "--clause", built.hot_clause, "--no-color"],
    }


def time_commands(built: Built, runs: int) -> dict[tuple[str, str], Timing]:
    """(command, "cold" or "warm") -> its timing on `built`."""
    repo = built.repo
    head = _git(repo, "rev-parse", "HEAD")
    found: dict[tuple[str, str], Timing] = {}
    for name, args in commands(built).items():
        for mode in ("cold", "warm"):
            timing = found[(name, mode)] = Timing()
            if mode == "warm":
                _forget(repo)
                subprocess.run(args, cwd=repo, capture_output=True)
                if name == "endorse":
                    _git(repo, "reset", "-q", "--hard", head)
            for _ in range(runs):
                if mode == "cold":
                    _forget(repo)
                _run(args, repo, timing)
                if name == "endorse":
                    _git(repo, "reset", "-q", "--hard", head)
    return found


def ssh_keygen_loop(built: Built) -> tuple[Timing, int]:
    """One `ssh-keygen -Y verify` process per statement of the repository (one pass), and how many."""
    workspace = Workspace.open(str(built.repo))
    registry = load_state(workspace, today=TODAY).require_current()
    listing = list_folders(workspace.repo, workspace.head(), ["endorsements"])
    data = listing.read(listing.blobs)
    timing = Timing()
    with tempfile.TemporaryDirectory(prefix="akkoord-bench-loop-") as tmp:
        folder = Path(tmp)
        signers = folder / "allowed_signers"
        signers.write_text(sshsig.allowed_signers_text(registry.signatory_signers(sshsig.NS_ENDORSEMENT)))
        jobs = []
        for n, path in enumerate(sorted(p for p in data if p.endswith(".json"))):
            fields = parse_statement(data[path])
            (folder / f"{n}.json").write_bytes(data[path])
            (folder / f"{n}.json.sig").write_bytes(data[path + ".sig"])
            day = dt.date.fromisoformat(fields["date"])
            jobs.append((n, fields["signatory"], sshsig.signing_time(day)))
        start, cpu = time.perf_counter(), _children_cpu()
        for n, principal, when in jobs:
            with open(folder / f"{n}.json", "rb") as stdin:
                proc = subprocess.run(
                    ["ssh-keygen", "-Y", "verify", "-f", str(signers), "-I", principal, "-n", sshsig.NS_ENDORSEMENT]
                    + ["-s", str(folder / f"{n}.json.sig"), "-O", f"verify-time={when}"],
                    stdin=stdin,
                    capture_output=True,
                )
            if proc.returncode != 0:
                raise SystemExit(f"ssh-keygen does not verify statement {n}: {proc.stderr.decode()}")
        timing.walls.append(time.perf_counter() - start)
        timing.cpus.append(_children_cpu() - cpu)
    return timing, len(jobs)


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown",
    )
    memory = next(
        (
            int(line.split()[1]) // 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if "MemTotal" in line
        ),
        0,
    )
    import cryptography

    ssh = subprocess.run(["ssh", "-V"], capture_output=True, text=True).stderr.strip()
    git = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
    return [
        f"| CPU | {cpu} ({os.cpu_count()} cores), {memory} GB |",
        f"| OS | {platform.system()} {platform.release()} |",
        f"| Python | {platform.python_version()}, cryptography {cryptography.__version__} |",
        f"| git, OpenSSH | {git.removeprefix('git version ')}, {ssh.split(',')[0]} |",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="500,2500,5000")
    parser.add_argument("--build", default=str(ROOT / "build" / "bench"))
    parser.add_argument("--no-loop", action="store_true", help="skip the ssh-keygen loop")
    parser.add_argument("--write", metavar="FILE", help="replace the trust section of FILE (BENCHMARKS.md)")
    args = parser.parse_args(argv)
    os.environ["AKKOORD_TODAY"] = TODAY.isoformat()
    os.environ.pop(sshsig.VERIFY_WITH_ENV, None)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    built = repositories(Path(args.build), sizes, log=lambda line: print(line, file=sys.stderr))
    load_start = os.getloadavg()
    started = dt.datetime.now()
    results: dict[int, dict[tuple[str, str], Timing]] = {}
    loops: dict[int, tuple[Timing, int]] = {}
    for one in built:
        print(f"timing {one.statements:,} statements...", file=sys.stderr)
        results[one.statements] = time_commands(one, args.runs)
        if not args.no_loop:
            loops[one.statements] = ssh_keygen_loop(one)
    load_end = os.getloadavg()
    lines = report(results, loops, sizes, args.runs, started, load_start, load_end)
    section = "\n".join([BEGIN, *lines, END]) + "\n"
    print(section)
    if args.write:
        write_section(section, Path(args.write), BEGIN, END)
    return 0


def report(results, loops, sizes, runs, started, load_start, load_end) -> list[str]:
    names = list(next(iter(results.values())))
    commands_ = list(dict.fromkeys(name for name, _ in names))
    head = "| command | " + " | ".join(f"{size:,} cold | {size:,} warm" for size in sizes) + " |"
    lines = [
        "## Years of history: trust and history commands at 500 to 5,000 statements",
        "",
        f"Written by `bench/trust_bench.py` (`make bench`) on {started:%Y-%m-%d %H:%M}. Repositories of bench/trust_repo.py:",
        "100 signatories, 50 signed versions consolidating 200 amendments, and 500, 2,500 or 5,000 signed statements",
        "(each signatory's chain signed by one `ssh-keygen -Y sign` process given all its files, committed one",
        "commit each with `git fast-import`). Each command is the console script, a real process; wall time, median",
        f"of {runs} runs, with its CPU time (user + system, its git and ssh-keygen processes included) in brackets.",
        "Cold: the verdict cache (.git/akkoord-cache/) deleted before each run; warm: after one run that filled it.",
        "",
        "| machine | |",
        "|---|---|",
        *machine(),
        f"| load average (1 min) | {load_start[0]:.2f} at the start, {load_end[0]:.2f} at the end |",
        "",
        head,
        "|---|" + "---|---|" * len(sizes),
    ]
    for name in commands_:
        cells = [f"{results[s][(name, 'cold')].cell()} | {results[s][(name, 'warm')].cell()}" for s in sizes]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    if loops:
        cells = []
        for size in sizes:
            timing, count = loops[size]
            cells.append(f"{timing.cell()} | {count:,} processes")
        lines.append("| `ssh-keygen -Y verify` loop | " + " | ".join(cells) + " |")
    largest, smallest = max(sizes), min(sizes)
    at = results[largest]
    lines += ["", "| target at 5,000 statements | required | measured wall (CPU) | status |", "|---|---|---|---|"]

    def row(what: str, limit: float, timing: Timing) -> None:
        status = "met" if timing.wall <= limit else ("met in CPU time" if timing.cpu <= limit else "not met")
        lines.append(f"| {what} | ≤ {_seconds(limit)} | {timing.cell()} | {status} |")

    for name, mode, limit in TARGETS:
        row(f"`{name}` {mode}", limit, at[(name, mode)])
    if loops:
        loop = loops[largest][0]
        ratio, cpu_ratio = loop.wall / at[("verify", "cold")].wall, loop.cpu / at[("verify", "cold")].cpu
        status = "met" if ratio >= 10 else "not met"
        lines.append(
            f"| `verify` cold against the ssh-keygen loop | ≥ 10× faster | {ratio:.0f}× ({cpu_ratio:.0f}× in CPU) | {status} |"
        )
    if smallest != largest:
        factor = largest / smallest
        worst = max(
            (results[largest][key].cpu / max(results[smallest][key].cpu, 1e-9), key) for key in results[largest]
        )
        status = "met" if worst[0] <= factor else "not met"
        lines.append(
            f"| growth {smallest:,} → {largest:,} statements | at most linear (≤ {factor:.0f}×) | "
            f"at most {worst[0]:.1f}× in CPU (`{worst[1][0]}` {worst[1][1]}) | {status} |"
        )
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
