"""The review site (`akkoord site`) on real laws: a cold build, a rebuild with nothing changed, and a
rebuild after one new signed statement.

Part of `make bench`. For each law of the corpus (../shared/corpus/bwb) it makes a repository whose
versions are the law's consecutive BWB versions (`akkoord import bwb`, then `commit` and `version
create` with the version's date), a registry with one signatory, and one endorsement of the current
version; then it times `akkoord site` as a whole process (wall clock, peak RSS from wait4): the first
build, a second one with nothing changed, and one after a further statement. It counts the files
written and the site's size. Up to 24 versions every pair of versions is compared in the site; beyond
that consecutive pairs and every version against the current one (see present/site/collect.py).

Writes its section of BENCHMARKS.md (between the site markers). Usage:
python bench/site_bench.py [--law BWBR…] [--versions N] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sections import write_section

ROOT = Path(__file__).resolve().parents[1]
BWB = Path(os.environ.get("AKKOORD_SHARED", ROOT.parent / "shared")) / "corpus" / "bwb"
OUT = ROOT / "BENCHMARKS.md"
START, END = "<!-- site-bench:start -->", "<!-- site-bench:end -->"
AKKOORD = str(Path(sys.executable).with_name("akkoord"))
BY = "Bench <bench@example.org>"
TODAY = "2026-11-27"
LAWS = {"BWBR0002458": "Drank- en Horecawet", "BWBR0002629": "Wet op de omzetbelasting 1968"}


def run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AKKOORD_TODAY": TODAY}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, check=True, capture_output=True, text=True)


def timed(*args: object, cwd: Path) -> tuple[float, int, str]:
    """Wall-clock seconds, peak RSS in bytes and the output of one process."""
    env = {**os.environ, "AKKOORD_TODAY": TODAY}
    start = time.perf_counter()
    with subprocess.Popen([str(a) for a in args], cwd=cwd, env=env, stdout=subprocess.PIPE, text=True) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out = proc.stdout.read() if proc.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed")
    return seconds, usage.ru_maxrss * 1024, out


def repository(law: str, limit: int | None, folder: Path) -> tuple[Path, Path, int]:
    """A repository of `law`'s versions (the first `limit`), with a registry and one endorsement."""
    files = sorted((BWB / law).glob(f"{law}_*.xml"))[:limit]
    keys = folder / "keys"
    keys.mkdir()
    for name in ("admin", "signatory"):
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys / name, cwd=folder)
    repo = folder / "repo"
    for n, source in enumerate(files):
        imported = folder / f"{n}.xml"
        run(AKKOORD, "import", "bwb", source, "-o", imported, cwd=folder)
        label = re.sub(r"^BWBR\d+_", "", source.stem)
        date = label[:10]
        if n == 0:
            run(AKKOORD, "init", repo, "--from", imported, "--by", BY, "--admin-key", f"{keys / 'admin'}.pub", "--date", date, cwd=folder)  # fmt: skip
        else:
            (repo / "akkoord.xml").write_bytes(imported.read_bytes())
            run(AKKOORD, "commit", "-m", f"Toestand {label}", "--by", BY, cwd=repo)
        run(AKKOORD, "version", "create", label, "--date", date, "--by", BY, "--key", keys / "admin", cwd=repo)
    run(AKKOORD, "signatory", "add", "partij", "--name", "Partij", "--kind", "organisation", "--pubkey", f"{keys / 'signatory'}.pub", "--key", keys / "admin", "--by", BY, "--valid-from", "2026-01-01", cwd=repo)  # fmt: skip
    current = re.sub(r"^BWBR\d+_", "", files[-1].stem)
    run(AKKOORD, "endorse", current, "--as", "partij", "--key", keys / "signatory", cwd=repo)
    return repo, keys, len(files)


def measure(law: str, limit: int | None, folder: Path) -> dict[str, object]:
    started = time.perf_counter()
    repo, keys, count = repository(law, limit, folder)
    setup = time.perf_counter() - started
    site = folder / "site"
    cold = timed(AKKOORD, "site", site, cwd=repo)
    warm = timed(AKKOORD, "site", site, cwd=repo)
    current = run(AKKOORD, "log", "--json", cwd=repo).stdout
    label = re.findall(r'"label": "([^"]+)"', current)[-1]
    run(AKKOORD, "endorse", label, "--as", "partij", "--key", keys / "signatory", "--decision", "withdraw", cwd=repo)
    statement = timed(AKKOORD, "site", site, cwd=repo)
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "law": law,
        "versions": count,
        "pairs": count * (count - 1) // 2 if count <= 24 else 2 * (count - 1) - 1,
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "cold": cold,
        "warm": warm,
        "statement": statement,
        "setup": setup,
    }


def written(out: str) -> str:
    found = re.search(r"(\d+) file\(s\) written", out)
    return found.group(1) if found else "?"


def report(results: list[dict[str, object]]) -> str:
    load = os.getloadavg()[0]
    lines = [
        START,
        "## The review site (`akkoord site`)",
        "",
        f"Written by `bench/site_bench.py` (`make bench`) on {dt.datetime.now():%Y-%m-%d %H:%M}: one run per case, "
        f"whole `akkoord site` processes; CPython {platform.python_version()}, {os.cpu_count()} cores, load average "
        f"{load:.2f}. Each repository holds a law's consecutive BWB versions as versions, a registry with one "
        'signatory and its endorsement of the current version. "one more statement" is the rebuild after that '
        "signatory's next statement: only the pages whose bytes changed are written.",
        "",
        "| law | versions | comparisons | files | size | first build | RSS | nothing changed | one more statement (files written) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        cold, warm, statement = r["cold"], r["warm"], r["statement"]
        assert isinstance(cold, tuple) and isinstance(warm, tuple) and isinstance(statement, tuple)
        lines.append(
            f"| {r['law']} ({LAWS.get(str(r['law']), '')}) | {r['versions']} | {r['pairs']} | {r['files']:,} | "
            f"{int(str(r['bytes'])) / 1e6:.1f} MB | {cold[0]:.1f} s | {cold[1] / 1e6:.0f} MB | {warm[0]:.1f} s | "
            f"{statement[0]:.1f} s ({written(statement[2])}) |"
        )
    lines += ["", END, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--law", action="append", help="BWB id (repeatable; default: every law of the corpus)")
    parser.add_argument("--versions", type=int, help="only the first N versions of each law")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if not BWB.is_dir():
        print(f"site bench skipped: the corpus is not at {BWB}")
        return 0
    results = []
    for law in args.law or sorted(LAWS):
        with tempfile.TemporaryDirectory(prefix="akkoord-site-bench-") as tmp:
            results.append(measure(law, args.versions, Path(tmp)))
            print(results[-1], flush=True)
    section = report(results)
    print(section)
    if not args.no_write:
        write_section(section, OUT, START, END)
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
