"""The language akkoord speaks, and its help texts from the message catalogue.

The language, in order: ``--lang``, AKKOORD_LANG, the language of the agreement in the repository of
the current folder (its ``lang`` attribute: Dutch for ``nl``), the locale, else Dutch (see
`akkoordvc.messages`), read without git (`storage.language`).

Every command's help comes from the catalogue when its module is loaded (`apply_help`): its
description ``AREA.help.PATH``, its examples ``AREA.help.PATH.examples`` and each option's text
``AREA.help.PATH.opt.NAME`` (or the shared ``common.opt.NAME``), where AREA is the command module's
concern (``amend`` for ``amend_cmds``) and PATH the command's words joined by dots. Click's own
headings (Usage, Options, Commands, default, required) are put into the same language by
`Formatter`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from contextlib import _GeneratorContextManager
from typing import Any

import click

from .. import messages


def follow_repository(start: str | os.PathLike[str] = ".") -> None:
    """Speak the language of the repository at `start` unless told otherwise."""
    from ..storage.language import repository_language

    messages.set_default(repository_language(start))


def say(key: str, /, **params: object) -> str:
    """Catalogue entry `key` in the current language."""
    return messages.text(key, **params)


def _help_key(area: str, path: str, *rest: str) -> str:
    return ".".join((area, "help", path, *rest))


def help_keys(target: str, words: tuple[str, ...]) -> tuple[str, str]:
    """The catalogue keys of the description and the examples of the command `words` (``("amend", "propose")``),
    registered as `target` ("amend_cmds:amend")."""
    area = target.split(":", 1)[0].removesuffix("_cmds")
    path = ".".join(words)
    return _help_key(area, path), _help_key(area, path, "examples")


def _option_help(area: str, path: str, name: str) -> str | None:
    for key in (_help_key(area, path, "opt", name), f"common.opt.{name}"):
        if messages.has(key):
            return messages.text(key)
    return None


def apply_help(command: click.Command, area: str, path: str) -> None:
    """Give `command` (and, for a group, its subcommands) its help from the catalogue, in the current language.

    A command the catalogue does not describe keeps its docstring (tests/test_messages.py requires every one)."""
    described = _help_key(area, path)
    if messages.has(described):
        command.help = say(described)
        command.short_help = command.help.split("\n", 1)[0]
    examples = _help_key(area, path, "examples")
    command.epilog = say(examples) if messages.has(examples) else None
    command.context_class = Context
    for param in command.params:
        if isinstance(param, click.Option) and param.name:
            found = _option_help(area, path, param.name)
            if found is not None:
                param.help = found
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            apply_help(sub, area, f"{path}.{name}")


_BRACKETS = re.compile(r"\[(?:default: (?P<default>[^\]]*?))?(?:; )?(?P<required>required)?\]$")


class Formatter(click.HelpFormatter):
    """Click's help layout with its own words (Usage, Options, Commands, default, required) from the catalogue."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else say("common.usage") + " ")

    def section(self, name: str) -> _GeneratorContextManager[None, None, None]:
        key = {"Options": "common.options", "Commands": "common.commands", "Positional arguments": "common.arguments"}
        return super().section(say(key[name]) if name in key else name)

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, self._extra(text)) for term, text in rows], col_max, col_spacing)

    @staticmethod
    def _extra(text: str) -> str:
        if text == "Show this message and exit.":  # click's own --help, made afresh for every command
            return say("common.opt.help")
        match = _BRACKETS.search(text)
        if not match or not (match.group("default") is not None or match.group("required")):
            return text
        parts = []
        if match.group("default") is not None:
            parts.append(say("common.default", value=match.group("default")))
        if match.group("required"):
            parts.append(say("common.required"))
        return text[: match.start()] + "[" + "; ".join(parts) + "]"


class Context(click.Context):
    """A click context whose help speaks the current language; the latest one made names the command a
    mistake on the command line belongs to (click's parser raises some without a context)."""

    formatter_class = Formatter
    latest: click.Context | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        Context.latest = self
