"""The README's section "Als ondertekenaar" cannot drift: each `akkoord` command it shows is run in a repository
made the way the section's was, and its output compared with the README's, hashes, keys and the folder masked."""

from __future__ import annotations

import json
import os
import pty
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

README = ROOT / "README.md"
SECRETARIAAT = "Secretariaat Ma.ak020 <secretariaat@maak020.example>"
TODAY = "2026-12-03"
MASKS = [
    (re.compile(r"AAAA[0-9A-Za-z+/]{20,}=*"), "<key>"),
    (re.compile(r"SHA256:[0-9A-Za-z+/]{43}"), "<fingerprint>"),
    (re.compile(r"\b[0-9a-f]{7,64}\b"), "<hex>"),
    (re.compile(r"^repository   .*$", re.MULTILINE), "repository   <folder>"),
]


def mask(text: str) -> str:
    for pattern, shown in MASKS:
        text = pattern.sub(shown, text)
    return text


def transcripts() -> list[tuple[str, list[str]]]:
    """Each `$ akkoord ...` command of the section with the output lines the README shows for it."""
    section = README.read_text(encoding="utf-8").split("## Als ondertekenaar", 1)[1].split("\n## ", 1)[0]
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"^```\n(.*?)^```$", section, re.MULTILINE | re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, *output = part.rstrip("\n").split("\n")
            if command.startswith("akkoord "):
                while output and not output[-1]:
                    output.pop()
                found.append((command, output))
    return found


def run(*args, cwd, env, check=True) -> str:
    proc = subprocess.run([*map(str, args)], cwd=cwd, env=env, capture_output=True, text=True)
    if check:
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
    return proc.stdout + proc.stderr


def on_a_terminal(args: list[str], answer: str, cwd: Path, env: dict[str, str]) -> str:
    """Run `args` with a pseudo-terminal for input and output, typing `answer`; what the terminal shows."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, cwd=cwd, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    os.write(leader, answer.encode())
    said = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        said += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 0, said
    shown = said.decode("utf-8").replace("\r\n", "\n").removeprefix(answer)  # the terminal echoes what was typed
    return shown.replace("[j/N] ", "[j/N] " + answer, 1)


@pytest.fixture
def world(tmp_path, no_git_identity, monkeypatch):
    """The section's setting: a repository with versions 2019 and 2023 and signatory buurtkracht-oost, cloned."""
    monkeypatch.delenv("AKKOORD_LANG")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AKKOORD_TODAY", TODAY)
    env = dict(os.environ)
    exe = str(Path(sys.executable).with_name("akkoord"))
    keys = tmp_path / "keys"
    keys.mkdir()
    for name, comment in (("secretariaat", "secretariaat"), ("akkoord", "buurtkracht-oost")):
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", keys / name, cwd=tmp_path, env=env)
    admin = keys / "secretariaat"
    repo = tmp_path / "akkoord"
    run(exe, "init", repo, "--from", SAMPLE, "--by", SECRETARIAAT, "--admin-key", f"{admin}.pub",
        "--date", "2019-11-09", cwd=tmp_path, env=env)  # fmt: skip
    steps = [
        ("version", "create", "2019", "--key", admin, "--date", "2019-11-09", "--by", SECRETARIAAT),
        ("amend", "propose", "--from-file", SAMPLE.parent / "amendments" / "meer-routes.xml", "--title",
         "Meer routes", "--by", "Noor Haddou <noor@netwerk.example>", "--date", "2022-07-01"),
    ]  # fmt: skip
    for step in steps:
        run(exe, *step, cwd=repo, env=env)
    ident = json.loads(run(exe, "amend", "list", "--json", cwd=repo, env=env))[0]["id"]
    later = [
        ("amend", "accept", ident, "--by", SECRETARIAAT, "--date", "2022-09-27", "--key", admin),
        ("version", "create", "2023", "--key", admin, "--date", "2023-01-15", "--by", SECRETARIAAT, "-m", "Nieuw"),
        ("signatory", "add", "buurtkracht-oost", "--name", "Stichting Buurtkracht Oost", "--kind", "organisation",
         "--pubkey", keys / "akkoord.pub", "--key", admin, "--by", SECRETARIAAT),
    ]  # fmt: skip
    for step in later:
        run(exe, *step, cwd=repo, env=env)
    run("git", "clone", "-q", "--bare", repo, tmp_path / "akkoord.git", cwd=tmp_path, env=env)
    clone = tmp_path / "fenna" / "akkoord"
    run("git", "clone", "-q", tmp_path / "akkoord.git", clone, cwd=tmp_path, env=env)
    anchor = json.loads(run(exe, "verify", "--json", cwd=repo, env=env))["trust_anchor"]
    return {"exe": exe, "clone": clone, "env": env, "key": keys / "akkoord", "anchor": anchor}


def test_the_readme_section_for_signatories_shows_what_the_commands_print(world):
    shown = transcripts()
    assert [command.split()[1] for command, _ in shown] == [
        "signatory",
        "verify",
        "status",
        "show",
        "redline",
        "endorse",
    ]
    for command, expected in shown:
        args = shlex.split(command.replace("~/.ssh/akkoord", str(world["key"])))
        args = [world["anchor"] if a.startswith("sha256:") else a for a in args]
        if args[1] == "endorse":
            said = on_a_terminal([world["exe"], *args[1:]], "j\n", world["clone"], world["env"])
        else:
            said = run(world["exe"], *args[1:], cwd=world["clone"], env=world["env"])
        if os.environ.get("AKKOORD_README_SHOW"):  # to write the README's transcripts: print what ran
            print(f"$ {command}\n{said}")
            continue
        lines = mask(said).rstrip("\n").split("\n")
        wanted = mask("\n".join(expected)).split("\n")
        if "…" in wanted:  # the README shows the start of a long output
            wanted = wanted[: wanted.index("…")]
            lines = lines[: len(wanted)]
        assert lines == wanted, command
