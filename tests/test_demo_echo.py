"""The demo echoes each command so that it can be copied into a shell as it stands (demo/echo.sh)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ECHO = Path(__file__).resolve().parents[1] / "demo" / "echo.sh"
ARGS = ["a b", "it's", "", "x<y> & z;", "plain-1.0", "$HOME", "Secretariaat Ma.ak020 <s@maak020.example>", "日本"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
def test_an_echoed_command_runs_as_the_same_arguments_when_pasted():
    script = f'source "{ECHO}"; run printf "%s\\0" "$@"'
    proc = subprocess.run(["bash", "-c", script, "demo", *ARGS], capture_output=True, check=True)
    echoed, ran = proc.stdout.split(b"\n", 1)
    assert echoed.startswith(b"$ printf ")
    assert ran.split(b"\0")[:-1] == [a.encode() for a in ARGS]
    pasted = subprocess.run(["bash", "-c", echoed.decode()[2:]], capture_output=True, check=True).stdout
    assert pasted == ran
    assert b"plain-1.0 '$HOME'" in echoed  # only what needs quotes is quoted
