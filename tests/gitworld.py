"""Helpers for tests that run real `akkoord` processes on real git repositories: run commands, kill them at a
step, take snapshots, check a repository's health."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "texts" / "maak020" / "akkoord.xml"
EXE = Path(sys.executable).with_name("akkoord")
BY = "Secretariaat <secretariaat@example.org>"


def git(repo: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def akkoord(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *map(str, args)], cwd=cwd, capture_output=True, text=True)


def start(*args) -> subprocess.Popen:
    return subprocess.Popen([str(EXE), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def killed(tmp_path: Path, point: str, *args) -> subprocess.CompletedProcess:
    """Run akkoord, killed with SIGKILL at the step `point` of storage/gitrepo.py (NAME or NAME#N)."""
    env = dict(os.environ, AKKOORD_TEST_KILL_AT=point)
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, env=env)


def one_clear_line(stderr: str) -> str:
    """The whole of stderr: one line, an akkoord error, no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, stderr
    assert lines[0].startswith("akkoord: error: "), stderr
    assert "internal error" not in lines[0], stderr
    return lines[0]


def snapshot(repo: Path) -> dict:
    """Everything a user can see of a repository: HEAD, every ref, the index, the work tree, git status."""
    files = {}
    for path in sorted(repo.rglob("*")):
        if ".git" in path.relative_to(repo).parts or not path.is_file():
            continue
        files[str(path.relative_to(repo))] = path.read_bytes()
    return {
        "head": git(repo, "symbolic-ref", "HEAD") + git(repo, "rev-parse", "HEAD"),
        "refs": git(repo, "show-ref"),
        "index": git(repo, "ls-files", "-s"),
        "status": git(repo, "status", "--porcelain", "--untracked-files=all"),
        "files": files,
    }


def assert_healthy(repo: Path, settled: bool = True) -> None:
    """fsck clean, linear history, and a work tree and index that match HEAD exactly (and, when `settled`, no
    record of an unfinished commit: a crash before the branch moved leaves one, harmless, that the next
    command removes)."""
    fsck = subprocess.run(["git", "-C", str(repo), "fsck", "--strict", "--no-progress"], capture_output=True, text=True)
    assert fsck.returncode == 0, fsck.stdout + fsck.stderr
    assert not re.search(r"^(error|missing|broken|bad)", fsck.stdout + fsck.stderr, re.M), fsck.stdout + fsck.stderr
    assert git(repo, "rev-list", "--merges", "HEAD") == ""
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(repo, "diff", "--cached", "--name-only", "HEAD") == ""
    committed = {}
    for line in git(repo, "ls-tree", "-r", "HEAD").splitlines():
        meta, path = line.split("\t", 1)
        committed[path] = meta.split()[2]
    paths = sorted(committed)
    on_disk = git(repo, "hash-object", "--no-filters", "--", *paths).split()  # the bytes, as git would store them
    assert dict(zip(paths, on_disk, strict=True)) == committed
    if settled:
        assert not (repo / ".git" / "akkoord-pending").exists()
        assert temporary_files(repo) == []


def temporary_files(repo: Path) -> list[str]:
    """What interrupted writes of akkoord left in the work tree or .git."""
    return sorted(str(p.relative_to(repo)) for p in repo.rglob(".akkoord-*.tmp"))


def edited_copies(folder: Path, count: int) -> list[Path]:
    """`count` copies of the sample, each changing a different paragraph."""
    text = SAMPLE.read_text(encoding="utf-8")
    paragraphs = list(dict.fromkeys(re.findall(r"<p>([^<]{60,})</p>", text)))
    assert len(paragraphs) > count + 10
    out = []
    for i in range(count):
        target = paragraphs[10 + i]
        path = folder / f"edited-{i}.xml"
        path.write_text(text.replace(target, target + f" Aanvulling {i}.", 1), encoding="utf-8")
        out.append(path)
    return out


def amendments_in(repo: Path) -> dict[str, str]:
    proc = akkoord("-C", repo, "amend", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    return {a["id"]: a["status"] for a in json.loads(proc.stdout)}


def new_repo(path: Path) -> Path:
    """`akkoord init` of the sample text at `path`."""
    proc = akkoord("init", path, "--from", SAMPLE, "--by", BY)
    assert proc.returncode == 0, proc.stderr
    return path


def propose(repo: Path, edited: Path, title: str, who: str = "Noor <noor@example.org>") -> str:
    proc = akkoord("-C", repo, "amend", "propose", "--from-file", edited, "--title", title, "--by", who)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def hold_open(path: Path) -> subprocess.Popen:
    """A live process holding `path` open, as a git command writing its lock file does."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sys, time; f = open({str(path)!r}, 'ab'); print(1, flush=True); time.sleep(120)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "1"
    return proc


#: a git identity for the plain git commands a test (or a user following akkoord's advice) runs
GIT_USER = {
    "GIT_AUTHOR_NAME": "Someone",
    "GIT_AUTHOR_EMAIL": "someone@example.org",
    "GIT_COMMITTER_NAME": "Someone",
    "GIT_COMMITTER_EMAIL": "someone@example.org",
}


def commit_all(repo: Path, message: str) -> str:
    """Commit everything in the work tree with plain git, as someone editing files by hand would; the commit id."""
    env = dict(os.environ, **GIT_USER)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", message], check=True, env=env)
    return git(repo, "rev-parse", "HEAD").strip()


def advised_step(line: str) -> str:
    """The shell step an error line gives in backticks after "restore it with" (or "restore with")."""
    match = re.search(r"restore (?:it |them )?with `([^`]+)`", line)
    assert match, line
    return match.group(1)


def run_step(repo: Path, step: str) -> None:
    """Run a step akkoord advised, in the repository, as a user would paste it into a shell."""
    proc = subprocess.run(step, shell=True, cwd=repo, capture_output=True, text=True, env=dict(os.environ, **GIT_USER))
    assert proc.returncode == 0, (step, proc.stdout, proc.stderr)
