"""The one base class for every error a person is told about."""

from __future__ import annotations


class UserError(Exception):
    """Something went wrong that the person can act on; the message says what, in words,
    one line a problem. The command line prints it and the app shows it; any other
    exception reaching them is a bug, reported as unexpected."""

    def lines(self) -> list[str]:
        return str(self).splitlines() or [type(self).__name__]
