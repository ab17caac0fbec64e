"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent (a user's clone)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# In CI every property test draws the same examples on every run (derandomize): whether a landing passes must not
# depend on the luck of the draw. Elsewhere each run draws new examples, so a run by hand keeps finding new cases;
# a case it finds is kept in its test as an explicit example (fixed, or marked xfail while it is not).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

#: the trust tests' shared world (fixtures `world`, `world_template`); `dutch` (tests/dutch.py)
pytest_plugins = ["trust_world", "exchange_world", "dutch"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKKOORD_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
BWB = CORPUS / "bwb"
SAMPLE = ROOT / "texts" / "maak020" / "akkoord.xml"


def bwb_files(law: str | None = None) -> list[Path]:
    """Every BWB toestand file of the corpus (or of one law), in version order."""
    if not BWB.is_dir():
        return []
    folders = [BWB / law] if law else sorted(p for p in BWB.iterdir() if p.is_dir())
    return sorted(f for folder in folders for f in folder.glob("BWBR*_*.xml"))


needs_corpus = pytest.mark.skipif(
    not BWB.is_dir(), reason=f"test corpus not found at {BWB} (needs ../shared beside the repository)"
)


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Messages in English unless a test chooses otherwise: the suite was written against the English texts,
    and the catalogue test (tests/test_messages.py) checks the Dutch ones and the choice of language."""
    monkeypatch.setenv("AKKOORD_LANG", "en")


@pytest.fixture
def corpus() -> Path:
    if not BWB.is_dir():
        pytest.skip(f"test corpus not found at {BWB} (needs ../shared beside the repository)")
    return CORPUS


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def run_cli():
    """Run the CLI in-process: returns (exit_code, stdout, stderr)."""
    from helpers import akkoord

    return akkoord


@pytest.fixture
def akkoord_exe():
    """Run the installed `akkoord` console script as a real subprocess."""
    exe = Path(sys.executable).with_name("akkoord")

    def run(*args, cwd=None, input=None, env=None):
        full_env = dict(os.environ)
        full_env.update(env or {})
        proc = subprocess.run(
            [str(exe), *map(str, args)],
            cwd=cwd,
            input=input,
            capture_output=True,
            env=full_env,
        )
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")

    return run


@pytest.fixture
def no_git_identity(monkeypatch, tmp_path):
    """A git environment like CI's: no user.name or user.email anywhere."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(var, raising=False)
    return home


#: who creates the sample repository's versions
SECRETARIAAT = "Secretariaat Ma.ak020 <secretariaat@maak020.example>"


@pytest.fixture
def sample_repo(tmp_path, run_cli, no_git_identity) -> Path:
    """A repository of the sample text with version 2019, made through the CLI with no git identity."""
    path = tmp_path / "maak020"
    code, _, err = run_cli("init", path, "--from", SAMPLE, "--by", SECRETARIAAT, "--date", "2019-11-09")
    assert code == 0, err
    code, _, err = run_cli("-C", path, "version", "create", "2019", "--date", "2019-11-09", "--by", SECRETARIAAT)
    assert code == 0, err
    return path
