"""What the CLI commands share: opening the repository, who acts (`--by`), colours, dates, JSON and output files.

Each piece is one policy for every command: a command that opens the repository to commit holds its
lock until it ends; `--by` goes through the one policy of `storage.actors`; colours are on only on a
terminal that wants them; a bad --date is a usage error (exit 2) that says how to write one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from ..errors import AkkoordError

if TYPE_CHECKING:
    from ..storage.gitrepo import Identity
    from ..storage.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])

BY_HELP = "Who acts: 'Name <email>' or a name (default: git's user.name/user.email)."
DATE_HELP = "When, YYYY-MM-DD (default: now)."
COLOR_HELP = "Colours (default: on a terminal, unless NO_COLOR is set or TERM=dumb)."


def open_workspace(write: bool = False) -> Workspace:
    """The repository of the current folder; with `write`, held locked (see Workspace.writing) until the
    command ends, so concurrent commands that commit run one after the other."""
    from ..storage.workspace import Workspace

    workspace = Workspace.open(".")
    if write:
        click.get_current_context().with_resource(workspace.writing())
    return workspace


def by_option(help: str = BY_HELP) -> Callable[[F], F]:
    """The `--by WHO` option of every command that commits."""
    return click.option("--by", metavar="WHO", help=help)


def out_option(what: str) -> Callable[[F], F]:
    """The `--out FILE` option of a command whose result someone without push rights sends on."""
    return click.option(
        "--out",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help=f"Write {what} to FILE instead of committing it, to send to someone with push rights (who runs "
        "`akkoord receive FILE`).",
    )


def write_to_send(kind: str, files: dict[str, bytes], out: str) -> str:
    """Write the files of a statement or proposal to `out` as one file to send; what to tell the user."""
    from ..trust.bundle import make
    from .language import say

    write_output(make(kind, files), out)
    return say("exchange.written_to_send", out=out)


def actor_outside_repository(by: str | None) -> Identity:
    """Who acts where there is no repository yet (`init`): --by, else the user's git identity."""
    from ..storage.actors import who_acts

    return who_acts(by)


def color_option(help: str = COLOR_HELP) -> Callable[[F], F]:
    """The `--color/--no-color` option; None (not given) lets `use_color` decide."""
    return click.option("--color/--no-color", "color", default=None, help=help)


def use_color(choice: bool | None, stream: IO[str] | None = None, output: str | None = None) -> bool:
    """Colours: as chosen, else only when writing to `stream` (stdout), a terminal, with NO_COLOR unset and
    TERM not dumb. Never when `output` names a file."""
    if choice is not None:
        return choice
    if output not in (None, "-"):
        return False
    stream = sys.stdout if stream is None else stream
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def answerable() -> bool:
    """Whether a person can answer a question: standard input is a terminal (not a pipe, a file or CI)."""
    return sys.stdin.isatty()


def terminal_width(output: str | None = None, stream: IO[str] | None = None) -> int | None:
    """The columns to wrap text to: the terminal's width when writing to `stream` (stdout) on a terminal,
    else None (the renderer's default). Never when `output` names a file."""
    if output not in (None, "-"):
        return None
    stream = sys.stdout if stream is None else stream
    if not stream.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def check_day(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> str | None:
    """A click callback: `value` must be a day written YYYY-MM-DD (a usage error otherwise); kept as text."""
    from ..model.dates import date_problem, is_day

    if value is None:
        return None
    if not is_day(value):
        raise click.BadParameter(str(date_problem(value)))
    return value


def moment(date: str | None) -> int | None:
    """The moment a --date option names (noon UTC of that day), or None (now) when it is not given."""
    from ..model.dates import timestamp_for

    return timestamp_for(date, "--date") if date else None


def emit_json(data: object) -> None:
    """Print `data` as pretty, stable JSON (UTF-8, keys in given order)."""
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def write_output(data: bytes | str, output: str | None) -> None:
    """Write to the file `output` atomically, or to stdout when it is None or '-'."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from ..storage.files import write_atomic

    write_atomic(output, data)


def report_error(exc: AkkoordError) -> int:
    """Show a user error as one line on stderr (plus its detail, such as a conflict's redline); its exit code."""
    from .language import say

    click.echo(say("common.error_line", message=exc.message), err=True)
    if exc.detail:
        click.echo(str(exc.detail), err=True)
    return exc.exit_code
