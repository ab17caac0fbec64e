"""A repository with years of history for the trust benchmark (issue 10 item 7), built through the library.

    python bench/trust_repo.py [--statements 500,2500,5000] [--build build/bench-trust]

What it holds: a synthetic agreement of 120 clauses (bench/synth.py) with an admin-signed registry
of 100 signatories (5 colleges with four-year terms, 95 organisations; 90 ed25519 and 10 ecdsa
keys), 50 signed versions that consolidate 200 amendments (4 each, proposed and accepted), and N
signed statements: every signatory keeps one chain of N/100 statements about the versions of its
time (mostly endorse, some decline and withdraw), so N = 500, 2,500 and 5,000 are three
repositories sharing one history up to the last version.

How it is built fast, and still the way the commands build it:

* the registry changes and the versions go through `trust.changes.change` and `trust.versions.create`
  (each record signed by `ssh-keygen -Y sign` with the admin key); the amendments of a version are
  written with the amendment store's paths and serialisers, in one commit per version;
* a statement's bytes are made by the same functions `akkoord endorse` uses (`canonical_json`,
  `statement_path`, `clause_hashes`, checked with `parse_statement`); each signatory's whole chain is
  then signed by ONE `ssh-keygen -Y sign` process given all its files (100 processes for 5,000
  signatures, instead of one per statement);
* the statements are committed one commit each, as `akkoord endorse` commits them, but with
  `git fast-import` (one process for all 5,000 commits).

The result is kept under the build folder, named by a hash of this file, bench/synth.py and the
parameters; a later run reuses it when `verify` still passes on it (the format may have changed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from akkoordvc.model import canonical, names  # noqa: E402
from akkoordvc.model import registry_names as rn  # noqa: E402
from akkoordvc.model.dates import moment_text, noon  # noqa: E402
from akkoordvc.model.document import Document  # noqa: E402
from akkoordvc.ops import amendments as ops  # noqa: E402
from akkoordvc.ops.amendments import Amendment, Base, Event, Person  # noqa: E402
from akkoordvc.storage import amendment_store as store  # noqa: E402
from akkoordvc.storage.gitrepo import Identity  # noqa: E402
from akkoordvc.storage.workspace import Workspace, initialise  # noqa: E402
from akkoordvc.trust import changes as C  # noqa: E402
from akkoordvc.trust import model as M  # noqa: E402
from akkoordvc.trust import registry_ops as O  # noqa: E402
from akkoordvc.trust import sshsig  # noqa: E402
from akkoordvc.trust import versions as V  # noqa: E402
from akkoordvc.trust.jsonfile import canonical_json  # noqa: E402
from akkoordvc.trust.registry import load_state  # noqa: E402
from akkoordvc.trust.statements import FORMAT, clause_hashes, parse_statement, statement_path  # noqa: E402
from bench.history import edit_clause  # noqa: E402
from bench.synth import pair  # noqa: E402

TODAY = dt.date(2026, 11, 27)
GENESIS = dt.date(2010, 1, 4)
FIRST_VERSION = dt.date(2010, 2, 1)
VERSION_EVERY = 120  # days
COLLEGE_TERMS = [(dt.date(y, 6, 1), dt.date(y + 4, 5, 31)) for y in (2010, 2014, 2018, 2022, 2026)]
ACTOR = Identity("Secretariaat", "secretariaat@example.org")
PERSON = Person(ACTOR.name, ACTOR.email)
SIZES = (500, 2500, 5000)
SIGNATORIES = 100
VERSIONS = 50
AMENDMENTS = 200
#: the signatory whose chain stops early, so that `since` shows a real redline
BEHIND = "org-001"
#: the signatory `endorse` is timed for (a long chain, a current version to endorse)
ENDORSER = "org-050"


@dataclass
class Built:
    """A benchmark repository: where it is, its keys, and what the timing needs to know."""

    repo: Path
    keys: Path
    statements: int
    hot_clause: str
    current: str


def _key_name(ident: str) -> str:
    return ident


def _signatories() -> list[tuple[str, str, str, tuple[dt.date, dt.date] | None]]:
    """(id, name, kind, term) of the 100 signatories: 5 colleges, then organisations."""
    found = []
    for start, end in COLLEGE_TERMS:
        found.append(
            (f"college-{start.year}-{end.year}", f"College van B&W {start.year}–{end.year}", "college", (start, end))
        )
    for n in range(1, SIGNATORIES - len(COLLEGE_TERMS) + 1):
        found.append((f"org-{n:03d}", f"Organisatie {n}", "organisation", None))
    return found


def _keygen(folder: Path, idents: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, ident in enumerate(idents):
        kind = ["-t", "ecdsa", "-b", "256"] if n % 10 == 9 else ["-t", "ed25519"]
        subprocess.run(
            ["ssh-keygen", *kind, "-N", "", "-q", "-C", ident, "-f", str(folder / _key_name(ident))],
            check=True,
            stdin=subprocess.DEVNULL,
        )


def _version_day(v: int) -> dt.date:
    return FIRST_VERSION + dt.timedelta(days=VERSION_EVERY * v)


def build_base(folder: Path) -> tuple[Path, str]:
    """The shared history (registry, amendments, versions) in `folder`/repo, keys in `folder`/keys."""
    keys = folder / "keys"
    people = _signatories()
    _keygen(keys, ["admin", *(p[0] for p in people)])
    old, _, _ = pair(120, seed=7)
    os.environ["AKKOORD_TODAY"] = GENESIS.isoformat()
    extra, _anchor = C.genesis_files([str(keys / "admin.pub")], 1)
    initialise(str(folder / "repo"), old, "synthetic", ACTOR, extra, timestamp=noon(GENESIS))
    workspace = Workspace.open(str(folder / "repo"))
    admin = [str(keys / "admin")]
    for batch in range(0, len(people), 10):
        day = GENESIS + dt.timedelta(days=1 + batch // 10)
        os.environ["AKKOORD_TODAY"] = day.isoformat()
        members = []
        for ident, name, kind, term in people[batch : batch + 10]:
            key = O.new_key(str(keys / f"{_key_name(ident)}.pub"), day)
            start, end = term if term else (None, None)
            succeeds = f"college-{start.year - 4}-{start.year}" if term and start.year > 2010 else None
            members.append(
                M.Signatory(ident, name, kind, term_start=start, term_end=end, succeeds=succeeds, keys=(key,))
            )
        C.change(
            workspace,
            load_state(workspace),
            lambda reg, members=members: [op for s in members for op in O.add_signatory(s)],
            admin,
            f"Add signatories {members[0].id} to {members[-1].id}",
            ACTOR,
            day,
        )
    root = Document.from_bytes(old, "synthetic").root
    hot = list(root.iter(names.CLAUSE))[3].get(names.ID)
    per_version = AMENDMENTS // VERSIONS
    serial = 0
    label = None
    for v in range(VERSIONS):
        day = _version_day(v)
        os.environ["AKKOORD_TODAY"] = day.isoformat()
        ids, changes, events = [], {}, {}
        text = root
        for k in range(per_version):
            serial += 1
            edited = edit_clause(text, serial * 7 if k else 3, serial)
            base = Base(text_sha256=canonical.text_sha256(root), label=label, on=tuple(ids))
            ts = noon(day) - 3600 * 24 + k
            ident = f"{moment_text(ts)[:10]}-wijziging-{serial}-{serial:06x}"
            amendment = Amendment(
                f"Wijziging {serial}", (PERSON,), moment_text(ts)[:10], base, tuple(ops.derive(text, edited)), id=ident
            )
            proposed = Event("proposed", PERSON, moment_text(ts), 1)
            accepted = Event("accepted", PERSON, moment_text(ts + 1), 1)
            consolidated = Event("consolidated", PERSON, moment_text(noon(day)), 1, f"version v{v + 1}")
            changes[store.record_path(ident)] = ops.to_bytes(amendment, history=False)
            changes[store.event_path(ident, proposed)] = canonical.to_bytes(ops.event_to_xml(proposed))
            changes[store.event_path(ident, accepted)] = canonical.to_bytes(ops.event_to_xml(accepted))
            events[store.event_path(ident, consolidated)] = canonical.to_bytes(ops.event_to_xml(consolidated))
            ids.append(ident)
            text = edited
        if v == 0:
            changes[store.README] = b"# Amendments\n"
        changes.update(_decisions(workspace, changes, ids, day - dt.timedelta(days=1), admin))
        workspace.commit(
            changes, f"Propose and accept {len(ids)} amendments", store.CHANGE, ACTOR, timestamp=noon(day) - 3600
        )
        root = text
        label = f"v{v + 1}"
        V.create(
            workspace,
            load_state(workspace),
            label,
            by=ACTOR,
            key_paths=admin,
            today=day,
            date=day.isoformat(),
            text=canonical.to_bytes(root),
            extra_changes=events,
            amendments=tuple(ids),
        )
    os.environ["AKKOORD_TODAY"] = TODAY.isoformat()
    return folder / "repo", hot


def _decisions(
    workspace: Workspace, changes: dict[str, bytes], ids: list[str], day: dt.date, admin: list[str]
) -> dict[str, bytes]:
    """The admin-signed decision records of the acceptances among `changes` (as `akkoord amend accept --key`
    makes them, `trust.decisions`), chained one on the other, to commit with them."""
    state = load_state(workspace)
    files: dict[str, bytes] = {}
    parents = None
    for ident in ids:
        (path,) = [p for p in changes if p.startswith(f"{store.FOLDER}/{ident}/{store.EVENTS}/") and "accepted" in p]
        body = {
            rn.AMENDMENT: ident,
            rn.OUTCOME: rn.ACCEPT,
            rn.EVENT: path,
            rn.EVENT_SHA256: canonical.sha256(changes[path]),
            rn.REVISION: 1,
            rn.AMENDMENT_SHA256: canonical.sha256(changes[store.record_path(ident)]),
        }
        made, made_files, _ = C.signed_record(state, rn.DECISION, body, day, admin, parents)
        files.update({name: data for name, data in made_files.items() if data is not None})
        parents = [made.record]
    return files


# statements -------------------------------------------------------------------------------------------------
@dataclass
class _Version:
    label: str
    day: dt.date
    record: str
    commit: str
    text_sha256: str
    clauses: list[list[str]]


def _versions(workspace: Workspace) -> list[_Version]:
    state = load_state(workspace, today=TODAY)
    records, _ = V.chain(state)
    found = []
    for record in records:
        version = V.version_of(record)
        doc = Document.from_bytes(workspace.text_at(version.commit), version.label)
        found.append(
            _Version(
                version.label,
                dt.date.fromisoformat(version.date),
                record.sha,
                version.commit,
                version.text_sha256,
                clause_hashes(doc),
            )
        )
    return found


def _chain(
    ident: str, term: tuple[dt.date, dt.date] | None, count: int, versions: list[_Version], agreement: str
) -> list[tuple[str, bytes]]:
    """The `count` statements of one signatory's chain, as (path, bytes), oldest first."""
    if term is not None:
        start, end = term
        mine = [v for v in versions if start - dt.timedelta(days=365) <= v.day <= end] or versions[-1:]
        first, last = start, min(end, TODAY)
    else:
        mine = versions[: len(versions) * 3 // 5] if ident == BEHIND else versions
        first, last = GENESIS + dt.timedelta(days=20), TODAY
    out: list[tuple[str, bytes]] = []
    previous: list[str] = []
    day = first
    prior_decision, prior_version = None, None
    for k in range(count):
        version = mine[k * len(mine) // count]
        day = min(max(day, version.day, first) + dt.timedelta(days=1), last)
        decision = "decline" if k % 9 == 4 else "endorse"
        if k % 13 == 7 and prior_decision == "endorse" and prior_version == version.label:
            decision = "withdraw"
        fields = {
            "format": FORMAT,
            "kind": "endorsement",
            "agreement": agreement,
            "version": version.label,
            "version_record": version.record,
            "commit": version.commit,
            "text_sha256": version.text_sha256,
            "clauses": version.clauses,
            "signatory": ident,
            "decision": decision,
            "mandate": f"besluit {day.year}/{k + 1}" if k % 4 == 0 else None,
            "comment": "na overleg met de achterban" if k % 7 == 3 else None,
            "date": day.isoformat(),
            "seq": k + 1,
            "previous": previous,
            "registry": [version.record],
        }
        data = canonical_json(fields)
        parse_statement(data)
        sha = canonical.sha256(data)
        out.append((statement_path("endorsements", ident, k + 1, sha), data))
        previous = [sha]
        prior_decision, prior_version = decision, version.label
    return out


def _sign_chain(key: Path, chain: list[tuple[str, bytes]], tmp: Path) -> list[bytes]:
    """The signatures of a whole chain, made by one `ssh-keygen -Y sign` process given every file."""
    files = []
    for n, (_, data) in enumerate(chain):
        path = tmp / f"s{n:05d}"
        path.write_bytes(data)
        files.append(path)
    subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-f", str(key), "-n", sshsig.NS_ENDORSEMENT, *map(str, files)],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    signatures = [Path(f"{f}.sig").read_bytes() for f in files]
    for f in files:
        f.unlink()
        Path(f"{f}.sig").unlink()
    return signatures


def add_statements(repo: Path, keys: Path, count: int) -> None:
    """Sign `count` statements (count / 100 per signatory) and commit them one commit each."""
    workspace = Workspace.open(str(repo))
    versions = _versions(workspace)
    agreement = Document.from_bytes(workspace.head_text(), "akkoord.xml").id
    made = []
    with tempfile.TemporaryDirectory(prefix="akkoord-bench-sign-") as tmp:
        for ident, name, _kind, term in _signatories():
            chain = _chain(ident, term, count // SIGNATORIES, versions, agreement)
            signatures = _sign_chain(keys / _key_name(ident), chain, Path(tmp))
            for (path, data), signature in zip(chain, signatures, strict=True):
                made.append((parse_statement(data)["date"], ident, name, path, data, signature))
    made.sort(key=lambda m: (m[0], m[1], m[3]))
    head = workspace.head()
    stamp = int(
        subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        ).stdout
    )
    stream = bytearray()
    for n, (day, ident, name, path, data, signature) in enumerate(made):
        fields = parse_statement(data)
        message = (
            f"{fields['decision'].capitalize()} version {fields['version']}: {name}\n\n"
            f"Akkoord-Statement: {path}\nAkkoord-Text-Sha256: {fields['text_sha256']}\nAkkoord-Change: endorsement\n"
        ).encode()
        when = noon(dt.date.fromisoformat(day))
        stream += b"commit refs/heads/main\n"
        stream += f"author {name} <{ident}@example.org> {when} +0000\n".encode()
        stream += f"committer {name} <{ident}@example.org> {stamp + n + 1} +0000\n".encode()
        stream += b"data %d\n%s\n" % (len(message), message)
        if n == 0:
            stream += f"from {head}\n".encode()
        for file_path, blob in ((path, data), (path + ".sig", signature)):
            stream += b"M 100644 inline %s\ndata %d\n%s\n" % (file_path.encode(), len(blob), blob)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=bytes(stream), check=True)
    subprocess.run(["git", "-C", str(repo), "reset", "-q", "--hard", "refs/heads/main"], check=True)
    subprocess.run(["git", "-C", str(repo), "gc", "-q"], check=True)


# the build folder -------------------------------------------------------------------------------------------
def fingerprint() -> str:
    """What the cached repositories depend on: this generator, the synthetic text, the amendment edits."""
    digest = hashlib.sha256()
    for path in (Path(__file__), ROOT / "bench" / "synth.py", ROOT / "bench" / "history.py"):
        digest.update(path.read_bytes())
    digest.update(repr((SIGNATORIES, VERSIONS, AMENDMENTS, TODAY)).encode())
    return digest.hexdigest()[:16]


def _verifies(repo: Path) -> bool:
    from akkoordvc.trust.verify import verify

    try:
        return verify(Workspace.open(str(repo)), today=TODAY).ok
    except Exception:  # a repository of an older format, or half-built: make it again
        return False


def repositories(build: Path, sizes: tuple[int, ...] = SIZES, log=print) -> list[Built]:
    """The benchmark repositories of `sizes` statements, made when missing (or when they no longer verify)."""
    folder = build / f"trust-{fingerprint()}"
    base = folder / "base"
    hot_file = folder / "hot-clause"
    if not (base / "repo").is_dir() or not hot_file.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        log("building the shared history (100 signatories, 200 amendments, 50 versions)...")
        _, hot = build_base(base)
        hot_file.write_text(hot)
        log(f"  {time.perf_counter() - start:.1f} s")
    hot = hot_file.read_text()
    built = []
    for size in sizes:
        repo = folder / f"statements-{size}"
        if not (repo / "repo").is_dir() or not _verifies(repo / "repo"):
            shutil.rmtree(repo, ignore_errors=True)
            start = time.perf_counter()
            log(f"adding {size:,} signed statements...")
            shutil.copytree(base / "repo", repo / "repo", symlinks=True)
            add_statements(repo / "repo", base / "keys", size)
            log(f"  {time.perf_counter() - start:.1f} s")
            if not _verifies(repo / "repo"):
                raise SystemExit(f"the benchmark repository of {size} statements does not verify")
        built.append(Built(repo / "repo", base / "keys", size, hot, f"v{VERSIONS}"))
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", default=",".join(map(str, SIZES)))
    parser.add_argument("--build", default=str(ROOT / "build" / "bench"))
    args = parser.parse_args(argv)
    os.environ["AKKOORD_TODAY"] = TODAY.isoformat()
    for built in repositories(Path(args.build), tuple(int(s) for s in args.statements.split(","))):
        print(built.repo)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
