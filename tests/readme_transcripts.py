"""The README's command transcripts, run for real so that they cannot drift.

A transcript is a plain fenced block (three backticks, no language) of `$ command` lines, each followed by
what it printed. Every section (`##` or `###` heading) that holds one belongs to a story
(tests/test_readme.py): a setting made in a scratch folder that stands for the reader's home folder, in
which the story's sections run their commands in README order, each in a real shell, and each output is
compared with the README's, ids, hashes, keys and the scratch folder masked. A token the README printed
earlier (a trust anchor, a commit) and a later command uses is replaced by the value the real run printed.

What a reader does by hand (edit a file in an editor or in Word, make a key with a passphrase) is a hook of
the story, run before, after or instead of the command that names it; a command run instead shows no output.

`AKKOORD_README_WRITE=1 pytest tests/test_readme.py` writes the real output into the README instead of
comparing (after a message changed, say), only for the steps whose output differs, with the ids and hashes the
README already shows kept as they are: the diff shows what changed. Review it, then run the test again without it.
"""

from __future__ import annotations

import difflib
import os
import pty
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FENCE = "```"
#: the scratch folder, as the README shows it
HOME_SHOWN = "/home/anna"
ELLIPSIS = "…"
PROMPT = re.compile(r"\[j/N\] (\S+)$")
TOKENS = re.compile(
    r"AAAA[0-9A-Za-z+/]{20,}=*"  # a public key
    r"|SHA256:[0-9A-Za-z+/]{43}"  # its fingerprint
    r"|\b[0-9a-f]{7,64}\b"  # commits, records, text hashes
    r"|(?<=[0-9a-z]-)[0-9a-f]{6}\b"  # the end of an amendment id
)


def mask(line: str) -> str:
    return TOKENS.sub("<>", line.rstrip())


@dataclass
class Step:
    """One `$ command` of the README, the output lines shown under it, and where they are."""

    command: str
    output: list[str]
    line: int
    end: int

    @property
    def answer(self) -> str | None:
        """What the README shows typed at a confirmation prompt, if any."""
        for line in self.output:
            if found := PROMPT.search(line):
                return found.group(1)
        return None


@dataclass
class Section:
    heading: str
    steps: list[Step] = field(default_factory=list)


def sections(lines: list[str]) -> list[Section]:
    """The README's sections that hold transcripts, in order, each with its steps."""
    found: list[Section] = []
    heading = ""
    fenced = in_block = False
    step: Step | None = None
    for index, line in enumerate(lines):
        if not fenced and line.startswith(("## ", "### ")):
            heading = line.lstrip("#").strip()
        elif line.startswith(FENCE):
            step = None
            in_block = not fenced and line == FENCE
            fenced = not fenced
        elif in_block and line.startswith("$ "):
            if not found or found[-1].heading != heading:
                found.append(Section(heading))
            step = Step(line[2:], [], index, index + 1)
            found[-1].steps.append(step)
        elif in_block and step is not None:
            step.output.append(line)
            if line.strip():
                step.end = index + 1
    for section in found:
        for each in section.steps:
            each.output = each.output[: each.end - each.line - 1]
    return found


@dataclass
class Hook:
    """What the reader does by hand around a command containing `match`: `when` is before, after or instead."""

    match: str
    action: Callable[[Path], None]
    when: str = "after"


@dataclass
class Story:
    """The scratch home folder, the environment, the hooks and the names the README shows for real paths."""

    home: Path
    env: dict[str, str]
    hooks: list[Hook] = field(default_factory=list)
    shown: list[tuple[str, str]] = field(default_factory=list)
    cwd: Path | None = None
    tokens: dict[str, str] = field(default_factory=dict)

    def run(self, step: Step) -> list[str]:
        """Run a README step as the reader would; the lines it printed, as the README shows them."""
        command = self.real(step.command)
        here = self.cwd or self.home
        hooks = [hook for hook in self.hooks if hook.match in step.command]
        for hook in hooks:
            if hook.when == "before":
                hook.action(here)
        if any(hook.when == "instead" for hook in hooks):
            for hook in hooks:
                if hook.when == "instead":
                    hook.action(here)
            said = ""
        elif command.startswith("cd "):
            self.cwd = Path(self.shell(f"{command} && pwd", here).strip())
            said = ""
        elif step.answer is not None:
            said = self.on_a_terminal(command, step.answer, here)
        else:
            said = self.shell(command, here)
        for hook in hooks:
            if hook.when == "after":
                hook.action(self.cwd or self.home)
        for real, shown in [*self.shown, (str(self.home), HOME_SHOWN)]:
            said = said.replace(real, shown)
        return [line.rstrip() for line in said.rstrip("\n").split("\n")] if said.strip() else []

    def shell(self, command: str, cwd: Path) -> str:
        proc = subprocess.run(
            ["bash", "-c", command],
            cwd=cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=600,
        )
        return proc.stdout.decode("utf-8")

    def on_a_terminal(self, command: str, answer: str, cwd: Path) -> str:
        """Run `command` with a pseudo-terminal for input and output, typing `answer`; what the terminal shows."""
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            ["bash", "-c", command], cwd=cwd, stdin=follower, stdout=follower, stderr=follower, env=self.env
        )
        os.close(follower)
        typed = f"{answer}\n"
        os.write(leader, typed.encode())
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
        proc.wait(timeout=600)
        shown = said.decode("utf-8").replace("\r\n", "\n").removeprefix(typed)  # the terminal echoes the typing
        return shown.replace("[j/N] ", f"[j/N] {answer}\n", 1)

    def real(self, command: str) -> str:
        """The README's command with the tokens it took from earlier output replaced by the real ones."""

        def swap(found: re.Match[str]) -> str:
            token = found.group(0)
            if token in self.tokens:
                return self.tokens[token]
            for shown, real in self.tokens.items():
                if len(token) >= 7 and shown.startswith(token):
                    return real[: len(token)]
            return token

        return TOKENS.sub(swap, command)

    def learn(self, shown: list[str], said: list[str]) -> None:
        """Remember which real token stands where the README shows another, line by matching line."""
        pairs = difflib.SequenceMatcher(None, [mask(x) for x in shown], [mask(x) for x in said], autojunk=False)
        for tag, a, b, c, d in pairs.get_opcodes():
            if tag in ("equal", "replace") and b - a == d - c:
                for old, new in zip(shown[a:b], said[c:d], strict=True):
                    olds, news = TOKENS.findall(old), TOKENS.findall(new)
                    if len(olds) == len(news):
                        self.tokens.update((o, n) for o, n in zip(olds, news, strict=True) if o != n)

    def in_readme_terms(self, said: list[str]) -> list[str]:
        """Real output with every token the README already shows under another value put back as the README
        shows it, so that writing it changes only what really changed."""
        shown = {real: readme for readme, real in self.tokens.items()}
        return [TOKENS.sub(lambda found: shown.get(found.group(0), found.group(0)), line) for line in said]


def as_shown(step: Step, said: list[str]) -> list[str]:
    """The real output cut as the README cuts it: up to a line `…` when the README shows only the start."""
    if ELLIPSIS in step.output:
        return [*said[: step.output.index(ELLIPSIS)], ELLIPSIS]
    return said


def compare(step: Step, said: list[str]) -> tuple[list[str], list[str]]:
    """The README's lines and the real ones, masked, for one assertion."""
    return [mask(x) for x in step.output], [mask(x) for x in as_shown(step, said)]


def rewrite(lines: list[str], written: list[tuple[Step, str, list[str]]]) -> list[str]:
    """The README with each step's command and output replaced by what really ran (`written`: the steps whose
    masked output differs, with the command and the output to show)."""
    out = list(lines)
    for step, command, said in sorted(written, key=lambda item: item[0].line, reverse=True):
        out[step.line : step.end] = [f"$ {command}", *as_shown(step, said)]
    return out
