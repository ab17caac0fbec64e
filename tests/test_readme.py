"""The README's command transcripts cannot drift: every section that shows `$ command` lines belongs to a story
here, whose commands run in order in a scratch home folder and must print what the README shows (ids, hashes,
keys and the folder masked). How it works, and how to write the real output back: tests/readme_transcripts.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BWB, ROOT, SHARED
from readme_transcripts import Hook, Story, compare, rewrite, sections

README = ROOT / "README.md"
TODAY = "2026-12-03"
SERVER_URL = "https://git.example.org/maak020/akkoord.git"
WRITE = bool(os.environ.get("AKKOORD_README_WRITE"))
REWRITE = "(if the change is meant: AKKOORD_README_WRITE=1 pytest tests/test_readme.py writes the real output)"


def environment(home: Path) -> dict[str, str]:
    """A newcomer's shell: `akkoord` on PATH, no git identity, no language chosen, today fixed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "LC_", "AKKOORD_"))}
    for name in ("LANG", "LANGUAGE", "EMAIL"):
        env.pop(name, None)
    env.update(
        HOME=str(home),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(home / ".gitconfig"),
        AKKOORD_TODAY=TODAY,
    )
    return env


def sh(*args: str | Path, cwd: Path, env: dict[str, str]) -> None:
    subprocess.run([*map(str, args)], cwd=cwd, env=env, check=True, capture_output=True)


def edit(path: Path, *changes: tuple[str, str]) -> None:
    """What the reader does in an editor: each change replaces text that must be there."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, (path, old)
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


LID_1 = "van kracht tot en met 2025."
LID_2 = "ten minste eenmaal per bestuursperiode"


def maak020(home: Path) -> Story:
    """The sample text's story: the secretariat, the drafters, the readers and one signatory on one computer."""
    env = environment(home)
    shutil.copytree(ROOT / "texts", home / "texts")
    (home / "keys").mkdir()
    for name in ("huurders", "energie"):  # the organisations of "Als organisatie"
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", home / "keys" / name, cwd=home, env=env)
    server = home / "server.git"
    sh("git", "config", "--global", f"url.{server}.insteadOf", SERVER_URL, cwd=home, env=env)
    amendments = home / "texts" / "maak020" / "amendments"

    def drafts_article_13(repo: Path) -> None:
        shutil.copyfile(amendments / "meer-routes.xml", repo.parent / "voorstel.xml")

    def drafts_article_46(repo: Path) -> None:
        edit(repo.parent / "looptijd.xml", (LID_1, "van kracht tot en met 2030."))
        shutil.copyfile(repo / "akkoord.xml", repo.parent / "actualisering.xml")
        edit(repo.parent / "actualisering.xml", (LID_2, "ten minste elke twee jaar"))
        shutil.copyfile(repo / "akkoord.xml", repo.parent / "korter.xml")
        edit(repo.parent / "korter.xml", (LID_1, "van kracht tot en met 2028."))

    def edits_in_word(repo: Path) -> None:
        sh(sys.executable, ROOT / "demo" / "docx_edit.py", repo.parent / "ma-ak020-2023.docx",
           repo.parent / "voorstel.docx", ROOT / "demo" / "zichtbaarheid-resultaten.word-edits.json", cwd=repo, env=env)  # fmt: skip

    def edits_the_work_tree(repo: Path) -> None:
        edit(
            repo / "akkoord.xml",
            ("een gedeelde richting,", "een gedeelde richting die de partijen samen verder uitwerken,"),
            ("<heading>Looptijd en vernieuwing", "<heading>Looptijd, evaluatie en vernieuwing"),
            ("het akkoord met enige regelmaat bij", "het akkoord elk jaar bij"),
        )

    def undoes_the_edit(repo: Path) -> None:
        sh("git", "checkout", "--", "akkoord.xml", cwd=repo, env=env)

    def drafts_article_47(repo: Path) -> None:
        edit(repo.parent / "nieuw-college.xml", ("binnen zes maanden na", "binnen drie maanden na"))

    def makes_a_key_with_a_passphrase(here: Path) -> None:
        (home / ".ssh").mkdir(mode=0o700)
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "buurtkracht-oost", "-f", home / ".ssh" / "akkoord",
           cwd=home, env=env)  # fmt: skip

    def makes_the_server(here: Path) -> None:
        sh("git", "init", "-q", "--bare", "--initial-branch=main", server, cwd=home, env=env)

    def rewrites_a_statement_on_the_server(here: Path) -> None:
        forger = home / "forger"
        sh("git", "clone", "-q", "--branch", "main", server, forger, cwd=home, env=env)
        statement = next(forger.glob("endorsements/huurders-zuidoost/*.json"))
        edit(statement, ("Ledenvergadering 1 december", "Ledenvergadering 2 december"))
        sh("git", "-c", "user.name=Iemand", "-c", "user.email=iemand@example.org", "commit", "-q", "-am", "Datum",
           cwd=forger, env=env)  # fmt: skip
        sh("git", "push", "-q", "origin", "HEAD:main", cwd=forger, env=env)

    return Story(
        home,
        env,
        hooks=[
            Hook("# ... wijzig artikel 13 en voeg artikel 13a toe", drafts_article_13),
            Hook("# ... en wijzig lid 1 van artikel 46", drafts_article_46),
            Hook("# ... in Word", edits_in_word),
            Hook("redline 2023 working", edits_the_work_tree, "before"),
            Hook("redline 2023 working", undoes_the_edit),
            Hook("# ... en wijzig lid 3 van artikel 47", drafts_article_47),
            Hook('ssh-keygen -t ed25519 -C "buurtkracht-oost"', makes_a_key_with_a_passphrase, "instead"),
            Hook(f"remote add origin {SERVER_URL}", makes_the_server, "before"),
            Hook("# after someone rewrote a statement", rewrites_a_statement_on_the_server, "before"),
        ],
        shown=[(str(server), SERVER_URL)],
    )


def wetten(home: Path) -> Story:
    """Two laws of the test corpus, beside an empty folder."""
    if not BWB.is_dir():
        pytest.skip(f"test corpus not found at {BWB} (needs ../shared beside the repository)")
    (home / "wetten").mkdir()
    (home / "shared").symlink_to(SHARED.resolve())
    return Story(home, environment(home))


def damaged(home: Path) -> Story:
    """A repository whose accepted amendment's record was cut short in a commit."""
    env = environment(home)
    secretariaat = "Secretariaat Ma.ak020 <secretariaat@maak020.example>"
    repo = home / "maak020"
    sh("akkoord", "init", repo, "--from", ROOT / "texts" / "maak020" / "akkoord.xml", "--by", secretariaat,
       "--date", "2019-11-09", cwd=home, env=env)  # fmt: skip
    sh("akkoord", "version", "create", "2019", "--date", "2019-11-09", "--by", secretariaat, cwd=repo, env=env)
    text = (repo / "akkoord.xml").read_text(encoding="utf-8")
    for date, title, new in (
        ("2026-10-05", "Looptijd tot en met 2030", text.replace(LID_1, "van kracht tot en met 2030.")),
        ("2026-10-06", "Elke twee jaar bezien", text.replace(LID_2, "ten minste elke twee jaar")),
    ):
        (home / f"{date}.xml").write_text(new, encoding="utf-8")
        sh("akkoord", "amend", "propose", "--from-file", home / f"{date}.xml", "--title", title, "--by",
           "Noor Haddou <noor@netwerk.example>", "--date", date, cwd=repo, env=env)  # fmt: skip
    sh("akkoord", "amend", "accept", "2026-10-05", "--by", secretariaat, "--date", "2026-11-02", cwd=repo, env=env)
    record = next(repo.glob("amendments/2026-10-05-*/amendment.xml"))
    record.write_bytes(record.read_bytes()[: len(record.read_bytes()) // 2])
    sh("git", "-c", "user.name=Iemand", "-c", "user.email=iemand@example.org", "commit", "-q", "-am", "Oeps",
       cwd=repo, env=env)  # fmt: skip
    story = Story(home, env)
    story.cwd = repo
    return story


@dataclass
class Plan:
    """A story: the sections of the README it runs, in order, and the setting they start from."""

    name: str
    headings: list[str]
    setting: Callable[[Path], Story]


PLANS = [
    Plan(
        "maak020",
        [
            "Installeren",
            "Het secretariaat begint een repository",
            "Als opsteller: een amendement voorstellen",
            "Twee voorstellen voor hetzelfde artikel",
            "In Word, LibreOffice of een gewone editor",
            "Als lezer: zien wat er veranderde",
            "Als ondertekenaar",
            "Het secretariaat: het register en de ondertekeningen",
            "Als organisatie: een eigen kopie, één gedeelde remote",
            "Voor iedereen: de leesomgeving",
            "Met alleen git",
        ],
        maak020,
    ),
    Plan("wetten", ["Wetten uit wetten.overheid.nl"], wetten),
    Plan("damaged", ["When a command is interrupted, or git is in the middle of something"], damaged),
]


def test_every_transcript_of_the_readme_belongs_to_a_story():
    found = [section.heading for section in sections(README.read_text(encoding="utf-8").split("\n"))]
    planned = [heading for plan in PLANS for heading in plan.headings]
    assert sorted(found) == sorted(planned)


@pytest.mark.parametrize("plan", PLANS, ids=[plan.name for plan in PLANS])
def test_the_readme_shows_what_its_commands_print(plan, tmp_path):
    lines = README.read_text(encoding="utf-8").split("\n")
    mine = {section.heading: section for section in sections(lines)}
    assert set(plan.headings) <= set(mine), "a heading of this story is not in the README"
    home = tmp_path / "home"
    home.mkdir()
    story = plan.setting(home)
    written = []
    for heading in plan.headings:
        for step in mine[heading].steps:
            said = story.run(step)
            story.learn(step.output, said)
            shown, real = compare(step, said)
            if WRITE:
                if real != shown:
                    written.append((step, step.command, story.in_readme_terms(said)))
                continue
            assert real == shown, f"{heading}: $ {step.command}\n{REWRITE}"
    if WRITE:
        README.write_text("\n".join(rewrite(lines, written)), encoding="utf-8")
