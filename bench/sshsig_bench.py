"""Signature checks: in-process (`cryptography`) against one `ssh-keygen -Y verify` process per signature.

Part of `make bench`. For each key type it makes keys with ssh-keygen, signs N different messages
with `ssh-keygen -Y sign` (the sk- types: signatures constructed from software keys following
PROTOCOL.u2f, with the helpers of tests/test_sshsig_verify.py), and times, over the same signatures:

* `sshsig.Verifier(..., ssh_keygen=True)`: one ssh-keygen process per signature (what trust/ did);
* `sshsig.Verifier(...)`: in-process, as trust/ now checks (parse, key and window, signature);
* `sshsig_verify.parse` + `check` alone (the cryptography part).

Every verdict must be "good"; the run stops otherwise. Timings are wall-clock per signature, the
median of `--runs` passes (the in-process passes ask about a different day each time, so the
verifier's memo of verdicts never answers). It also times `akkoord verify` on the demo repository
(demo/run.sh, built in a temporary folder) with each verifier.

Writes its section of BENCHMARKS.md (between the sshsig markers; run after bench/run.py, which
rewrites the file). Usage: python bench/sshsig_bench.py [-n N] [--runs R] [--no-demo] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cryptography
from cryptography.hazmat.backends.openssl import backend

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from test_sshsig_verify import KINDS, SoftwareSecurityKey, keygen, ssh_keygen_sign  # noqa: E402  (one construction)

from akkoordvc.trust import sshsig, sshsig_verify  # noqa: E402
from bench.sections import write_section  # noqa: E402

OUT = ROOT / "BENCHMARKS.md"
START, END = "<!-- sshsig-bench:start -->", "<!-- sshsig-bench:end -->"
NS = sshsig.NS_ENDORSEMENT
DAY = dt.date(2026, 11, 27)


def messages(n: int) -> list[bytes]:
    return [f'{{"seq":{i},"statement":"endorse version 2026"}}\n'.encode() for i in range(n)]


def signatures(folder: Path, name: str, n: int) -> tuple[sshsig.PublicKey, list[tuple[bytes, bytes]]]:
    """N signatures by a new key of type `name`: `ssh-keygen -Y sign`, or constructed for sk- keys (no hardware)."""
    if name.startswith("sk-"):
        token = SoftwareSecurityKey(name[3:])
        return token.public, [(data, token.sign(data).armoured()) for data in messages(n)]
    key = keygen(folder, name, KINDS[name])
    return key.public, [(data, ssh_keygen_sign(key, data)) for data in messages(n)]


def per_signature(fn, signed, runs: int) -> float:
    """Median over `runs` passes of the seconds per signature; `fn(data, signature, run)` must return True."""
    times = []
    for run in range(runs):
        start = time.perf_counter()
        for data, signature in signed:
            if not fn(data, signature, run):
                raise SystemExit(f"bench: a good signature did not verify ({fn.__name__})")
        times.append((time.perf_counter() - start) / len(signed))
    return statistics.median(times)


def time_types(n: int, runs: int, folder: Path) -> dict[str, dict[str, float]]:
    results = {}
    for name in [*KINDS, "sk-ed25519", "sk-ecdsa"]:
        print(f"bench: {name}: signing {n} messages ...", file=sys.stderr, flush=True)
        public, signed = signatures(folder, name, n)
        entries = [sshsig.AllowedSigner("org", public, NS)]
        reference = sshsig.Verifier(entries, ssh_keygen=True)
        ours = sshsig.Verifier(entries)

        def ssh_keygen(data, signature, run, v=reference):
            return v.verify(data, signature, "org", NS, DAY + dt.timedelta(days=run))[0]

        def in_process(data, signature, run, v=ours):
            return v.verify(data, signature, "org", NS, DAY + dt.timedelta(days=run))[0]

        def crypto_only(data, signature, run):
            return sshsig_verify.check(sshsig_verify.parse(signature), data, NS) is None

        print(f"bench: {name}: verifying ...", file=sys.stderr, flush=True)
        results[name] = {
            "ssh-keygen": per_signature(ssh_keygen, signed, max(1, runs // 2)),
            "in-process": per_signature(in_process, signed, runs),
            "crypto": per_signature(crypto_only, signed, runs),
        }
        reference.close()
    return results


def time_demo(runs: int, folder: Path) -> dict[str, float] | None:
    """`akkoord verify` on the demo repository, with each verifier (median wall time of a whole command)."""
    for part in ("demo", "texts"):
        shutil.copytree(ROOT / part, folder / part)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop(sshsig.VERIFY_WITH_ENV, None)
    print("bench: building the demo repository ...", file=sys.stderr, flush=True)
    proc = subprocess.run(["bash", str(folder / "demo" / "run.sh")], env=env, capture_output=True)
    if proc.returncode != 0:
        print("bench: the demo failed; skipping the command timings", file=sys.stderr)
        return None
    repo = folder / "demo-out" / "maak020"
    signatures = sum(1 for p in repo.rglob("*.sig") if ".git" not in p.parts)
    akkoord = str(Path(sys.executable).with_name("akkoord"))
    out: dict[str, float] = {"signatures": signatures}
    for label, value in (("ssh-keygen", "ssh-keygen"), ("in-process", "")):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run(
                [akkoord, "-C", str(repo), "verify"],
                env=dict(env, **{sshsig.VERIFY_WITH_ENV: value}),
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
            if result.returncode != 0:
                raise SystemExit(f"bench: akkoord verify failed on the demo ({label})")
        out[label] = statistics.median(times)
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds >= 0.001 else f"{seconds * 1e6:.0f} µs"


def report(results, demo, n: int, runs: int) -> str:
    openssh = subprocess.run(["ssh", "-V"], capture_output=True, text=True).stderr.strip()
    lines = [
        START,
        "## SSH signature checks",
        "",
        f"Written by `bench/sshsig_bench.py` (`make bench`) on {dt.datetime.now():%Y-%m-%d %H:%M}: {n} signatures "
        f"per key type, each made with `ssh-keygen -Y sign` (sk- types: constructed from software keys after "
        f"PROTOCOL.u2f; no hardware key was used), sha512; median of {runs} passes in-process, "
        f"{max(1, runs // 2)} with ssh-keygen. {platform.python_implementation()} {platform.python_version()}, "
        f"cryptography {cryptography.__version__} ({backend.openssl_version_text()}), {openssh}; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}.",
        "",
        '"ssh-keygen" is one `ssh-keygen -Y verify` process per signature (how trust/ checked signatures '
        'before); "in-process" is `sshsig.Verifier` as trust/ now uses it (parse, allowed key and validity '
        'window, then the signature); "cryptography only" is `sshsig_verify.parse` + `check`.',
        "",
        "| key type | ssh-keygen | in-process | cryptography only | in-process speed-up |",
        "|---|---|---|---|---|",
    ]
    for name, r in results.items():
        speedup = r["ssh-keygen"] / r["in-process"]
        lines.append(f"| {name} | {ms(r['ssh-keygen'])} | {ms(r['in-process'])} | {ms(r['crypto'])} | {speedup:.0f}× |")
    if demo:
        lines += [
            "",
            f"`akkoord verify` on the demo repository ({demo['signatures']:.0f} signature files, the registry "
            f"replayed from its first version), whole command: {demo['ssh-keygen']:.2f} s with ssh-keygen, "
            f"{demo['in-process']:.2f} s in-process (median of {runs}).",
        ]
    lines.append(END)
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100, help="signatures per key type (default 100)")
    parser.add_argument("--runs", type=int, default=5, help="passes per median (default 5)")
    parser.add_argument("--no-demo", action="store_true", help="skip `akkoord verify` on the demo repository")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--out", default=str(OUT), help="the file whose sshsig section is written")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="akkoord-sshsig-bench-") as tmp:
        results = time_types(args.n, args.runs, Path(tmp))
        demo = None if args.no_demo else time_demo(args.runs, Path(tmp) / "demo")
    section = report(results, demo, args.n, args.runs)
    print(section)
    if not args.no_write:
        write_section(section, Path(args.out), START, END)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
