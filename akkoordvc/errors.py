"""Errors that reach a user as one line of text.

Every failure caused by input (a file, a REF, a repository state) raises `AkkoordError`
with a message that says what went wrong, where, and what to do. The CLI prints it and
exits 1; nothing else about the failure is shown. Checks that find several things wrong at once
return them as data instead (`Problem`), for the caller to show.

The message is always a `Message` from the catalogue (a key and parameters, shown in the language of the
command line that catches it); tests/test_plain_messages.py checks that no error is built from plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .messages import Message


class AkkoordError(Exception):
    """An error whose message is meant for the user."""

    exit_code = 1

    def __init__(self, message: Message, *, detail: str | Message | None = None):
        super().__init__(message)
        self.said = message
        self.detail = detail  # optional extra lines (e.g. a conflict's redline)

    @classmethod
    def keyed(cls, key: str, /, *, detail: str | Message | None = None, **params: Any) -> AkkoordError:
        """The error whose message is catalogue entry `key` with `params`."""
        return cls(Message(key, **params), detail=detail)

    @property
    def key(self) -> str | None:
        """The catalogue key of the message, or None for a plain string."""
        return self.said.key

    @property
    def message(self) -> str:
        return str(self.said)

    def __str__(self) -> str:
        return self.message


class XMLInputError(AkkoordError):
    """Input that is not acceptable XML: malformed, hostile or too large."""


class RepositoryError(AkkoordError):
    """A repository that is missing, in the wrong state, or asked for something it lacks."""


class ConflictError(AkkoordError):
    """Two changes to the same clause that cannot both be applied."""

    exit_code = 3


@dataclass(frozen=True)
class Problem:
    """One thing a check found wrong, as data: a short code, where it is, and what it means in plain language.
    Checks return these (verification, what a remote sent); the CLI decides how to show them. `said` is a
    catalogue `Message` (shown in the language of the moment); `message` is it in words."""

    code: str
    where: str
    said: Message

    @property
    def message(self) -> str:
        return str(self.said)

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "where": self.where, "message": self.message}

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
