"""Mistakes on the command line, each in one line in the current language: a missing option, an unknown
option or command (with the closest ones), a wrong value, a surplus argument.

Click says these in English over three lines (usage, a hint, the error); a person needs one line that
says what is wrong and where to read how it goes (`akkoord COMMAND --help`).
"""

from __future__ import annotations

import ast
import difflib
import re

import click

from .language import Context, say

_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$")
#: click's sentences about a path of the wrong kind -> the catalogue key that says the same
_PATH_SENTENCES = {
    ("File", "is a directory"): "output.path.file_is_directory",
    ("Directory", "is a file"): "output.path.directory_is_file",
    ("File", "is not readable"): "output.path.file_unreadable",
}
_PATH = re.compile(r"^(?P<kind>File|Directory|Path) (?P<path>'.*'|\".*\") (?P<what>is [a-z ]+)\.$", re.DOTALL)


def _option_name(param: click.Parameter | None) -> str:
    if param is None:
        return "?"
    if isinstance(param, click.Option):
        longest = max(param.opts, key=len) if param.opts else param.name or "?"
        return longest
    return param.human_readable_name


def _hint(ctx: click.Context | None) -> str:
    path = ctx.command_path if ctx is not None else "akkoord"
    return say("common.see_help", command=path)


def _command_names(ctx: click.Context | None) -> list[str]:
    if ctx is None or not isinstance(ctx.command, click.Group):
        return []
    return list(ctx.command.list_commands(ctx))


def describe(exc: click.ClickException) -> str:
    """One line for a usage error: what is wrong, then where to read how it goes."""
    ctx = getattr(exc, "ctx", None) or Context.latest
    if isinstance(exc, click.MissingParameter):
        key = "common.missing_option" if isinstance(exc.param, click.Option) else "common.missing_argument"
        what = say(key, name=_option_name(exc.param))
    elif isinstance(exc, click.NoSuchOption):
        close = (
            difflib.get_close_matches(
                exc.option_name,
                sorted(ctx.command.get_help_option_names(ctx))
                + [
                    opt for p in ctx.command.params for opt in getattr(p, "opts", []) + getattr(p, "secondary_opts", [])
                ],
            )
            if ctx is not None
            else []
        )
        what = say("common.unknown_option", name=exc.option_name)
        if close:
            what += f" ({say('common.did_you_mean', names=', '.join(close))})"
    elif isinstance(exc, click.exceptions.NoSuchCommand):
        close = difflib.get_close_matches(exc.command_name, _command_names(ctx))
        what = say("common.unknown_command", name=exc.command_name)
        if close:
            what += f" ({say('common.did_you_mean', names=', '.join(close))})"
    elif isinstance(exc, click.BadOptionUsage) and "requires an argument" in exc.message:
        what = say("common.option_needs_value", name=exc.option_name)
    elif isinstance(exc, click.BadParameter):
        what = _bad_value(exc)
    else:
        extra = _EXTRA.match(exc.message)
        if extra:
            what = say("common.extra_arguments", args=extra.group("args"))
        elif exc.message == "Missing command.":
            what = say("common.missing_command")
        else:
            what = exc.message
    return say("common.error_line", message=f"{what.rstrip('.')}; {_hint(ctx)}")


def _bad_value(exc: click.BadParameter) -> str:
    param = exc.param
    name = _option_name(param)
    kind = param.type if param is not None else None
    if isinstance(kind, click.Choice):
        return say("common.choose_from", name=name, choices=", ".join(map(str, kind.choices)))
    if isinstance(kind, click.IntRange) and kind.min is not None:
        return say("common.number_from", name=name, min=kind.min)
    return say("common.bad_value", name=name, message=_path_sentence(exc.message))


def _path_sentence(message: str) -> str:
    """Click's sentence about a path of the wrong kind in the current language (any other sentence as it is)."""
    found = _PATH.match(message)
    key = _PATH_SENTENCES.get((found.group("kind"), found.group("what"))) if found else None
    if found is None or key is None:
        return message
    return say(key, path=ast.literal_eval(found.group("path")))
