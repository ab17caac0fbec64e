"""The shared world of the trust tests: an agreement repository with versions 2019 and 2023, a registry with
three colleges and three organisations, and a few statements — built once per session with real ssh-keygen
keys and copied per test. Also the attacker's tools every threat test uses (plain git, planted files).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from akkoordvc.storage.gitrepo import Identity
from akkoordvc.storage.workspace import TEXT_PATH, Workspace, initialise
from akkoordvc.trust import changes as C
from akkoordvc.trust import endorsements as E
from akkoordvc.trust import model as M
from akkoordvc.trust import registry as R
from akkoordvc.trust import registry_ops as O
from akkoordvc.trust import versions as V
from akkoordvc.trust.verify import verify

TODAY = dt.date(2026, 11, 27)
GENESIS = dt.date(2022, 6, 1)
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "texts" / "maak020" / "akkoord.xml"
BY = Identity("Secretariaat Ma.ak020", "secretariaat@example.org")


# the shared world ------------------------------------------------------------------------------------
def keygen(folder: Path, name: str, kind: str = "ed25519", passphrase: str = "") -> Path:
    path = folder / name
    subprocess.run(
        ["ssh-keygen", "-t", kind, "-N", passphrase, "-f", str(path), "-q", "-C", name],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return path


@dataclasses.dataclass
class World:
    root: Path
    keys: dict[str, Path]

    def ws(self) -> Workspace:
        return Workspace.open(self.root)

    def state(self, anchor=None):
        return R.load_state(self.ws(), anchor)

    def endorse(self, ref, who, key, decision="endorse", today=TODAY, **kw):
        ws = self.ws()
        return E.endorse(
            ws,
            R.load_state(ws),
            ref=ref,
            signatory_id=who,
            key_path=str(self.keys[key]),
            decision=decision,
            today=today,
            by=BY,
            **kw,
        )

    def attest(self, ref, who, date, decision="endorse", key="admin", today=TODAY, evidence="signed on paper"):
        ws = self.ws()
        keys = [key] if isinstance(key, str) else list(key)
        return E.attest(
            ws,
            R.load_state(ws),
            ref=ref,
            signatory_id=who,
            key_paths=[str(self.keys[k]) for k in keys],
            date=date,
            evidence=evidence,
            decision=decision,
            today=today,
            by=BY,
        )

    def change(self, ops_for, keys=("admin",), day=TODAY):
        """Commit a registry change: `ops_for(registry in force)` gives its operations (see registry_ops)."""
        with self.on_current_branch():
            ws = self.ws()
            return C.change(ws, R.load_state(ws), ops_for, [str(self.keys[k]) for k in keys], "test change", BY, day)

    @contextlib.contextmanager
    def on_current_branch(self):
        """Let akkoord write on the branch checked out now (a side branch stands for a second clone's main:
        akkoord refuses to write on another branch than the agreement's)."""
        branch = self.git("branch", "--show-current").strip()
        self.git("config", "akkoord.branch", branch)
        try:
            yield
        finally:
            self.git("config", "--unset", "akkoord.branch")

    def version(self, label, day, keys=("admin",), signed_on=TODAY, **kw):
        """Freeze the current text as version `label` (dated `day`) with a version record signed on `signed_on`."""
        ws = self.ws()
        state = R.load_state(ws)
        keys = [str(self.keys[k]) for k in keys]
        return V.create(ws, state, label, by=BY, key_paths=keys, today=signed_on, date=day, **kw)

    def verify(self, anchor=None, today=TODAY):
        return verify(self.ws(), anchor, today)

    def commit(self, changes, message="tamper"):
        return self.ws().commit(changes, message, "editorial", BY)

    def git(self, *args, check: bool = True) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=self.root,
            check=check,
            capture_output=True,
            text=True,
        ).stdout

    def git_commit(self, files: dict[str, bytes], message: str = "update") -> None:
        """Commit `files` the way an attacker with push access would: write them, `git add`, `git commit`."""
        for path, data in files.items():
            full = self.root / path
            full.parent.mkdir(parents=True, exist_ok=True)
            full.write_bytes(data)
        self.git("add", "--", *files)
        self.git("commit", "-q", "-m", message)

    def read(self, path) -> bytes:
        return (self.root / path).read_bytes()

    def statements(self, folder="endorsements", who="org-a") -> list[str]:
        return sorted(f"{folder}/{who}/{p.name}" for p in (self.root / folder / who).glob("*.json"))


def make_keys(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    keys = {name: keygen(folder, name) for name in ("admin", "admin2", "org-a", "org-b", "col22", "col26", "stranger")}
    keys["org-c"] = keygen(folder, "org-c", "ecdsa")
    return keys


def signatory(ident, name, kind, keys=(), start=TODAY, **kw):
    return M.Signatory(id=ident, name=name, kind=kind, keys=tuple(O.new_key(str(k), start) for k in keys), **kw)


def build_world(base: Path, keys: dict[str, Path] | None = None) -> World:
    keys = keys or make_keys(base / "keys")
    old = os.environ.get("AKKOORD_TODAY")
    os.environ["AKKOORD_TODAY"] = GENESIS.isoformat()  # the registry starts when the first college took office
    try:
        extra, _anchor = C.genesis_files([str(keys["admin"]) + ".pub"], 1)
    finally:
        if old is None:
            os.environ.pop("AKKOORD_TODAY")
        else:
            os.environ["AKKOORD_TODAY"] = old
    ws, _ = initialise(base / "repo", SAMPLE.read_bytes(), str(SAMPLE), BY, extra)
    world = World(base / "repo", keys)
    d = dt.date.fromisoformat
    colleges = [
        signatory(
            "college-2018-2022",
            "College van B&W 2018–2022",
            "college",
            term_start=d("2018-06-01"),
            term_end=d("2022-05-31"),
        ),
        signatory(
            "college-2022-2026",
            "College van B&W 2022–2026",
            "college",
            [str(keys["col22"]) + ".pub"],
            start=d("2022-06-01"),
            term_start=d("2022-06-01"),
            term_end=d("2026-05-31"),
            succeeds="college-2018-2022",
        ),
        signatory(
            "college-2026-2030",
            "College van B&W 2026–2030",
            "college",
            [str(keys["col26"]) + ".pub"],
            term_start=d("2026-06-01"),
            term_end=d("2030-05-31"),
            succeeds="college-2022-2026",
        ),
    ]
    world.change(lambda reg: [op for c in colleges for op in O.add_signatory(c)], day=GENESIS)
    world.version("2019", "2019-11-09", signed_on=GENESIS)  # the 2019 version, recorded when the registry began
    text = ws.head_text().replace(b"ongeveer 40 bijeenkomsten", b"ruim 40 bijeenkomsten")
    assert text != ws.head_text()
    ws.commit({TEXT_PATH: text}, "Amend clause 2", "editorial", BY)
    world.version("2023", "2023-03-01", signed_on=d("2023-03-01"))
    orgs = [
        signatory("org-a", "Stichting A", "organisation", [str(keys["org-a"]) + ".pub"]),
        signatory("org-b", "Vereniging B", "organisation", [str(keys["org-b"]) + ".pub"]),
        signatory("org-c", "Coöperatie C", "organisation", [str(keys["org-c"]) + ".pub"]),
    ]
    # the college of 2022 signed version 2023 with its own key, within its term
    world.endorse("2023", "college-2022-2026", "col22", today=d("2023-03-15"), mandate="Collegebesluit 14 maart 2023")
    world.change(lambda reg: [op for o in orgs for op in O.add_signatory(o)])
    world.attest("2019", "college-2018-2022", d("2019-11-09"), evidence="Ondertekend op papier, 9 november 2019")
    world.endorse("2019", "org-a", "org-a")
    world.endorse("2023", "org-a", "org-a", "decline", comment="clause 2 changed")
    world.endorse("2023", "org-a", "org-a", "endorse", mandate="bestuursbesluit 2026-11")
    world.endorse("2023", "org-b", "org-b", "decline")
    return world


@pytest.fixture(scope="session")
def world_template(tmp_path_factory) -> World:
    return build_world(tmp_path_factory.mktemp("trust-world"))


@pytest.fixture
def world(world_template, tmp_path, monkeypatch) -> World:
    monkeypatch.setenv("AKKOORD_TODAY", TODAY.isoformat())
    target = tmp_path / "repo"
    shutil.copytree(world_template.root, target, symlinks=True)
    return World(target, world_template.keys)
