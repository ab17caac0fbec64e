"""What goes wrong with amendments: an operation that does not fit, a stale one, a bad record, an edit
that cannot be expressed."""

from ...errors import AkkoordError
from ...messages import Message


class OperationError(AkkoordError):
    """An operation that does not fit the text it is applied to."""


class StaleError(OperationError):
    """An operation whose target has changed since the amendment's base."""

    def __init__(self, message: Message, target: str, expected: str | None, actual: str | None):
        super().__init__(message)
        self.target = target
        self.expected = expected
        self.actual = actual


class AmendmentFormatError(AkkoordError):
    """An amendment record that is not valid."""


class DeriveError(AkkoordError):
    """An edited copy whose changes cannot be expressed as operations."""
