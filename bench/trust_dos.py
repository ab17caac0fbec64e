"""Issue 9 item 6: how much slower do 1,000 planted statements make `verify`? (not part of `make test`)

Builds the trust tests' world (real ssh-keygen keys), times `trust.verify.verify` on it, then
commits 1,000 planted statements — distinct, well-formed, correctly chained statements for one
signatory, each carrying a signature by a key that is not registered for it — with plain git, and
times `verify` again. Prints both medians and the ratio.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_trust_threats import statement_for  # noqa: E402
from trust_world import TODAY, build_world  # noqa: E402

from akkoordvc.model import canonical  # noqa: E402
from akkoordvc.trust import sshsig  # noqa: E402
from akkoordvc.trust.jsonfile import canonical_json  # noqa: E402
from akkoordvc.trust.statements import statement_path  # noqa: E402


def timed(world, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        world.verify()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    os.environ["AKKOORD_TODAY"] = TODAY.isoformat()
    world = build_world(Path(tempfile.mkdtemp(prefix="akkoord-dos-")))
    honest = timed(world)
    base = statement_for(world, "2023", "org-c")
    signature = sshsig.sign(canonical_json(base), str(world.keys["stranger"]), sshsig.NS_ENDORSEMENT)
    files = {}
    previous: list[str] = []
    for seq in range(1, 1001):
        fields = {**base, "seq": seq, "previous": previous, "comment": f"planted {seq}"}
        data = canonical_json(fields)
        path = statement_path("endorsements", "org-c", seq, canonical.sha256(data))
        files[path], files[path + ".sig"] = data, signature
        previous = [canonical.sha256(data)]
    world.git_commit(files, "1,000 planted statements")
    report = world.verify()
    assert sum(1 for c in report.statements if not c.verified) == 1000
    planted = timed(world)
    print(f"verify, honest world ({len(report.statements) - 1000} statements): {honest * 1000:.0f} ms")
    print(f"verify, with 1,000 planted statements: {planted * 1000:.0f} ms")
    print(f"ratio: {planted / honest:.1f}x")


if __name__ == "__main__":
    main()
