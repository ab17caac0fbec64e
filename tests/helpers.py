"""Helpers shared by the test modules: plain git on a repository, what a failed command must leave
untouched, and the shape of a user error (one line, no traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def git(repo: str | os.PathLike[str], *args: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    """Run plain git in `repo` and return its output; a failure raises with git's own message."""
    proc = subprocess.run(["git", "-C", str(repo), *map(str, args)], capture_output=True, text=True, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(map(str, args))} failed: {proc.stderr}")
    return proc.stdout


def snapshot(repo: str | os.PathLike[str]) -> tuple[str, str, str]:
    """What must not change when a command fails: HEAD, the work tree and the tags."""
    return (
        git(repo, "rev-parse", "HEAD"),
        git(repo, "status", "--porcelain", "--untracked-files=all"),
        git(repo, "tag", "-l"),
    )


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    """A refused command: a non-zero exit and one line on stderr naming each of `fragments`, no traceback."""
    assert code != 0, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path -> bytes), .git excluded."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(folder).parts
    }


def akkoord(*args: object, cwd: str | os.PathLike[str] | None = None, input: str | bytes | None = None):
    """Run the CLI in-process (in `cwd`): (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from akkoordvc.cli.main import main

    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        with CliRunner().isolation(input=input) as streams:
            code = main([str(a) for a in args])
            sys.stdout.flush()
            sys.stderr.flush()
            out = streams[0].getvalue().decode("utf-8")
            err = streams[1].getvalue().decode("utf-8")
    finally:
        os.chdir(old)
    return code, out, err
