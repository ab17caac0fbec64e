"""Errors that reach a user as one line of text.

Every failure caused by input (a file, a REF, a repository state) raises `AkkoordError`
with a message that says what went wrong, where, and what to do. The CLI prints it and
exits 1; nothing else about the failure is shown.
"""


class AkkoordError(Exception):
    """An error whose message is meant for the user."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail  # optional extra lines (e.g. a conflict's redline)

    def __str__(self) -> str:
        return self.message


class XMLInputError(AkkoordError):
    """Input that is not acceptable XML: malformed, hostile or too large."""


class RepositoryError(AkkoordError):
    """A repository that is missing, in the wrong state, or asked for something it lacks."""


class ConflictError(AkkoordError):
    """Two changes to the same clause that cannot both be applied."""

    exit_code = 3
