"""The world of the exchange tests: a shared bare remote holding an agreement with a signed registry, the
organisations' keys, and clones that run `akkoord` (in-process) and plain git (for the attacker).

Built once per session (keys made with real ssh-keygen) and copied per test.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import akkoord, files_of
from trust_world import keygen

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "texts" / "maak020" / "akkoord.xml"
TODAY = "2026-11-27"
SECRETARIAT = "Secretariaat Ma.ak020 <secretariaat@maak020.example>"
ORGS = {
    "buurt": ("buurtkracht-oost", "Stichting Buurtkracht Oost"),
    "energie": ("energie-noord", "Energiecoöperatie Noord"),
    "huurders": ("huurders-zuidoost", "Huurdersvereniging Zuidoost"),
}


def git(repo: Path, *args: object, check: bool = True, env: dict[str, str] | None = None) -> str:
    """Plain git, as an attacker with push access (or anyone) runs it."""
    full = {**os.environ, **(env or {})}
    proc = subprocess.run(
        ["git", "-c", "user.name=Mallory", "-c", "user.email=mallory@example.org", *map(str, args)],
        cwd=repo,
        capture_output=True,
        text=True,
        env=full,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(map(str, args))} failed: {proc.stderr}")
    return proc.stdout


@dataclasses.dataclass
class Clone:
    """One organisation's clone."""

    name: str
    root: Path
    world: World

    def ak(self, *args: object) -> str:
        """Run akkoord here; it must succeed."""
        code, out, err = akkoord(*args, cwd=self.root)
        assert code == 0, f"{self.name}: akkoord {' '.join(map(str, args))} exited {code}: {err}{out}"
        return out

    def ak_fail(self, *args: object) -> tuple[int, str, str]:
        return akkoord(*args, cwd=self.root)

    def git(self, *args: object, check: bool = True) -> str:
        return git(self.root, *args, check=check)

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def refs(self) -> dict[str, str]:
        """The branch and version tags: what clones must agree on."""
        out = self.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags")
        return dict(line.split(" ", 1) for line in out.splitlines())

    def snapshot(self) -> tuple:
        """Refs, HEAD, index and every file of the work tree: what a refused command must leave as it was."""
        return (
            self.refs(),
            self.git("symbolic-ref", "HEAD"),
            self.git("ls-files", "-s"),
            files_of(self.root),
            self.git("config", "--get", "akkoord.trustAnchor", check=False),
        )

    def key(self, name: str) -> str:
        return str(self.world.keys[name])

    def admin(self) -> str:
        return self.key("secretariaat")

    def propose(self, clause: str, sentence: str, title: str, by: str) -> str:
        """Propose an amendment appending `sentence` to the first paragraph of `clause`; its id."""
        text = (self.root / "akkoord.xml").read_text("utf-8")
        start = text.index(f'id="{clause}"')
        end = text.index("</p>", start)
        edited = self.world.base / f"{self.name}-{clause}.xml"
        edited.write_text(text[:end] + " " + sentence + text[end:], "utf-8")
        out = self.ak("amend", "propose", "--from-file", edited, "--title", title, "--by", by, "--date", TODAY)
        return out.splitlines()[0].strip()

    def accept(self, amendment: str) -> str:
        return self.ak("amend", "accept", amendment, "--by", SECRETARIAT, "--date", TODAY, "--key", self.admin())

    def reject(self, amendment: str, by: str, *more: str) -> str:
        return self.ak("amend", "reject", amendment, "--by", by, "--reason", "Te vroeg", *more, "--key", self.admin())

    def endorse(self, org: str, label: str) -> str:
        ident = ORGS[org][0]
        return self.ak("endorse", label, "--as", ident, "--key", self.key(org), "--mandate", f"Besluit van {ident}")

    def add_signatory(self, org: str) -> str:
        ident, name = ORGS[org]
        return self.ak(
            "signatory",
            "add",
            ident,
            "--name",
            name,
            "--kind",
            "organisation",
            "--pubkey",
            self.key(org) + ".pub",
            "--key",
            self.admin(),
            "--by",
            SECRETARIAT,
        )

    def version(self, label: str, message: str) -> str:
        return self.ak(
            "version", "create", label, "--date", TODAY, "-m", message, "--key", self.admin(), "--by", SECRETARIAT
        )


@dataclasses.dataclass
class World:
    base: Path
    origin: Path
    keys: dict[str, Path]

    def clone(self, name: str, url: str | None = None) -> Clone:
        code, out, err = akkoord("clone", url or self.origin, self.base / name, cwd=self.base)
        assert code == 0, err
        return Clone(name, self.base / name, self)

    def attacker(self, url: str | None = None) -> Clone:
        """A plain `git clone` with push access: Mallory uses nothing but git."""
        git(self.base, "clone", "-q", str(url or self.origin), "mallory")
        return Clone("mallory", self.base / "mallory", self)


def build(base: Path) -> World:
    keys_dir = base / "keys"
    keys_dir.mkdir(parents=True)
    keys = {name: keygen(keys_dir, name) for name in ("secretariaat", *ORGS, "mallory")}
    seed = base / "seed"
    code, _, err = akkoord(
        "init", seed, "--from", SAMPLE, "--by", SECRETARIAT, "--admin-key", str(keys["secretariaat"]) + ".pub", cwd=base
    )
    assert code == 0, err
    world = World(base, base / "origin.git", keys)
    secretariat = Clone("seed", seed, world)
    secretariat.version("2019", "Op hoofdlijnen ondertekend")
    secretariat.add_signatory("buurt")
    secretariat.add_signatory("energie")
    git(base, "init", "-q", "--bare", "-b", "main", "origin.git")
    secretariat.ak("remote", "add", "origin", world.origin)
    secretariat.ak("push")
    shutil.rmtree(seed)
    return world


@pytest.fixture(scope="session")
def exchange_template(tmp_path_factory) -> World:
    old = os.environ.get("AKKOORD_TODAY")
    os.environ["AKKOORD_TODAY"] = TODAY
    try:
        return build(tmp_path_factory.mktemp("exchange-world"))
    finally:
        if old is None:
            os.environ.pop("AKKOORD_TODAY")
        else:
            os.environ["AKKOORD_TODAY"] = old


@pytest.fixture
def exchange(exchange_template, tmp_path, monkeypatch) -> World:
    """A fresh copy of the shared remote and the keys; clones are made by the test."""
    monkeypatch.setenv("AKKOORD_TODAY", TODAY)
    shutil.copytree(exchange_template.origin, tmp_path / "origin.git")
    shutil.copytree(exchange_template.keys["secretariaat"].parent, tmp_path / "keys")
    keys = {name: tmp_path / "keys" / name for name in exchange_template.keys}
    return World(tmp_path, tmp_path / "origin.git", keys)


def statement_name(data: bytes) -> str:
    """The file name a statement's content gives it (`<seq>-<sha256 prefix>.json`)."""
    seq = int(re.search(rb'"seq":(\d+)', data).group(1))
    return f"{seq:06d}-{hashlib.sha256(data).hexdigest()[:16]}.json"
