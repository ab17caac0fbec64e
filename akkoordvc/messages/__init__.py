"""The message catalogue: every sentence akkoord says to a person, in Dutch and in English.

A message is a key and its parameters (`Message`); it becomes text only when it is shown, in the
language chosen for this process, so a library error raised deep in the trust layer is shown in the
language of the command line that caught it. The catalogue is split by area: the key
``amend.proposed`` lives in ``akkoordvc/messages/amend.py`` as ``MESSAGES["amend.proposed"]``, a dict
``{"nl": ..., "en": ...}`` of ``str.format`` templates with named fields. An area is imported only when
one of its keys is first shown, so a command loads the sentences it says and no others.

The language, in order: `choose` (the command line's ``--lang``), the environment variable
``AKKOORD_LANG``, `set_default` (the CLI sets the document's language inside a repository), the
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: Dutch for ``nl_*``, English for any other language),
and Dutch when none of these says anything (``C``/``POSIX`` or unset): the people this tool is for
read Dutch first.

A key missing from the catalogue raises KeyError: a test checks every key used exists in both
languages with the same fields (tests/test_messages.py).
"""

from __future__ import annotations

import importlib
import os
import string
from typing import Any

LANGUAGES = ("nl", "en")
FALLBACK = "nl"
ENV = "AKKOORD_LANG"

_state: dict[str, str | None] = {"chosen": None, "default": None}
_areas: dict[str, dict[str, dict[str, str]]] = {}


def normalise(tag: str | None) -> str | None:
    """The catalogue language a language tag or locale name means: "nl", "nl-BE", "nl_NL.UTF-8" -> "nl";
    "en", "en_GB" -> "en"; None for anything else (unset, "C", "POSIX", "de")."""
    if not tag:
        return None
    head = tag.replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return head if head in LANGUAGES else None


def from_locale(environ: dict[str, str] | os._Environ[str] | None = None) -> str | None:
    """The language the locale asks for: "nl" or "en", or None when no locale is set (or C/POSIX)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            if value.split(".", 1)[0] in ("C", "POSIX"):
                return None
            return normalise(value) or "en"
    return None


def choose(lang: str | None) -> None:
    """Fix the language of this process (``--lang``); None forgets the choice."""
    _state["chosen"] = normalise(lang)


def set_default(lang: str | None) -> None:
    """The language to use unless ``--lang`` or AKKOORD_LANG says otherwise (the document's language)."""
    _state["default"] = normalise(lang)


def reset() -> None:
    """Forget `choose` and `set_default` (one CLI invocation in a test process must not leak into the next)."""
    _state["chosen"] = _state["default"] = None


def language() -> str:
    """The language messages are shown in now (see the module docstring for the order)."""
    return _state["chosen"] or normalise(os.environ.get(ENV)) or _state["default"] or from_locale() or FALLBACK


def area(name: str) -> dict[str, dict[str, str]]:
    """The messages of one area (``akkoordvc/messages/NAME.py``)."""
    found = _areas.get(name)
    if found is None:
        module = importlib.import_module(f"{__name__}.{name}")
        found = _areas[name] = module.MESSAGES
    return found


def template(key: str, lang: str | None = None) -> str:
    """The template of `key` in `lang` (default: the current language)."""
    return area(key.split(".", 1)[0])[key][lang or language()]


def has(key: str) -> bool:
    """Whether the catalogue holds `key`."""
    try:
        return key in area(key.split(".", 1)[0])
    except ModuleNotFoundError:
        return False


def text(key: str, lang: str | None = None, /, **params: Any) -> str:
    """`key` in `lang` (default: the current language) with `params` filled in; a parameter that is itself a
    `Message` is shown in the same language."""
    lang = lang or language()
    shown = {name: value.render(lang) if isinstance(value, Message) else value for name, value in params.items()}
    return template(key, lang).format(**shown)


def counted(key: str, count: int, /, **params: Any) -> str:
    """`key.one` when `count` is 1, else `key.many`, with `count` among the parameters."""
    return text(f"{key}.{'one' if count == 1 else 'many'}", count=count, **params)


def fields(template_text: str) -> set[str]:
    """The named fields of a template ("{id} is {state!r}" -> {"id", "state"})."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template_text) if name}


class Message:
    """A key and its parameters: a sentence not yet put into words, shown in the language of the moment."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any):
        self.key = key
        self.params = params

    def render(self, lang: str | None = None) -> str:
        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def msg(key: str, /, **params: Any) -> Message:
    """A `Message` (shorthand)."""
    return Message(key, **params)
