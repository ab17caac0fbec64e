"""The `akkoord` command. Subcommands live in modules of this package and load only when used,
so a command that needs no git (validate, fmt, redline of two files) never imports it.

Every word it says comes from the message catalogue (`akkoordvc.messages`) in the language chosen by
`--lang`, AKKOORD_LANG, the repository's text or the locale (`cli.language`); a command's help is put
into that language when its module loads."""

from __future__ import annotations

import importlib
import os
import sys

import click

from .. import messages
from ..errors import AkkoordError
from .common import report_error
from .language import Context, apply_help, follow_repository, say

# name -> "module:attribute"; each module holds the commands of one concern.
COMMANDS = {
    "init": "repo_cmds:init",
    "validate": "document_cmds:validate",
    "fmt": "document_cmds:fmt",
    "show": "document_cmds:show",
    "import": "import_cmds:import_group",
    "version": "repo_cmds:version",
    "log": "repo_cmds:log",
    "commit": "repo_cmds:commit",
    "status": "repo_cmds:status",
    "redline": "redline_cmds:redline",
    "export": "export_cmds:export",
    "amend": "amend_cmds:amend",
    "blame": "provenance_cmds:blame",
    "history": "provenance_cmds:history",
    "signatory": "signatory_cmds:signatory",
    "endorse": "endorse_cmds:endorse",
    "attest": "endorse_cmds:attest",
    "verify": "verify_cmds:verify",
    "endorsements": "verify_cmds:endorsements",
    "since": "verify_cmds:since",
    "site": "site_cmds:site",
    "clone": "exchange_cmds:clone",
    "pull": "exchange_cmds:pull",
    "push": "exchange_cmds:push",
    "remote": "exchange_cmds:remote",
    "receive": "exchange_cmds:receive",
}


# Commands after which the process may end without tearing down the interpreter (see `run`):
# they hold no temporary files, child processes or atexit work, and write their output
# (standard output, or a file written atomically) before they return.
FAST_EXIT = frozenset({"redline", "import", "validate", "fmt", "show"})
_resolved: list[str] = []  # the subcommand this process ran (set while parsing)


class LazyGroup(click.Group):
    context_class = Context

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name is not None:
            _resolved.append(name)
        return name, command, rest

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._load(name) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(f"{__package__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__package__}.{module_name}":
                return None
            raise
        command = getattr(module, attribute, None)
        if command is not None:
            apply_help(command, module_name.removesuffix("_cmds"), name)
        return command


def _change_directory(ctx: click.Context, param: click.Parameter, directory: str | None) -> str | None:
    """`-C DIR`: move there before anything else, and speak the language of the repository there."""
    if directory is not None:
        try:
            os.chdir(directory)
        except OSError as exc:
            raise click.UsageError(say("common.cannot_chdir", directory=directory, reason=exc.strerror)) from None
        follow_repository()
        apply_help(cli, "common", "akkoord")
    return directory


def _choose_language(ctx: click.Context, param: click.Parameter, lang: str | None) -> str | None:
    """`--lang nl|en`: the language of every message and help text from here on."""
    if lang is not None:
        messages.choose(lang)
        apply_help(cli, "common", "akkoord")
    return lang


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "directory",
    type=click.Path(file_okay=False),
    default=None,
    is_eager=True,
    expose_value=False,
    callback=_change_directory,
)
@click.option(
    "--lang",
    type=click.Choice(messages.LANGUAGES),
    default=None,
    is_eager=True,
    expose_value=False,
    callback=_choose_language,
)
@click.version_option(package_name="akkoordvc", prog_name="akkoord")
def cli() -> None:
    """Version control for a negotiated public text: clauses, amendments, redlines and endorsements."""


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn user errors into one line on stderr, never a traceback."""
    from .usage import describe

    messages.reset()
    Context.latest = None
    follow_repository()
    apply_help(cli, "common", "akkoord")
    try:
        result = cli.main(args=argv, prog_name="akkoord", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(say("common.aborted"), err=True)
        return 130
    except click.ClickException as exc:  # usage errors: exit 2
        click.echo(describe(exc), err=True)
        return exc.exit_code
    except AkkoordError as exc:
        return report_error(exc)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo(say("common.interrupted"), err=True)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 141
    except Exception as exc:  # a bug, not a user error: still one line, with a way to see more
        if os.environ.get("AKKOORD_DEBUG"):
            raise
        click.echo(say("common.internal_error", kind=type(exc).__name__, error=exc), err=True)
        return 70
    return result if isinstance(result, int) else 0


def run() -> None:
    """The console script: `main`, then exit.

    After a command in `FAST_EXIT` the process ends with ``os._exit`` once standard output
    and error are flushed (it leaves no child process behind: git runs to completion): freeing
    every object of a large document at interpreter shutdown costs about 10 ms and does
    nothing the operating system does not do anyway. Any other command (or a failed flush)
    exits normally.
    """
    code = main()
    if _resolved and _resolved[-1] in FAST_EXIT:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            sys.exit(code)
        os._exit(code)
    sys.exit(code)
