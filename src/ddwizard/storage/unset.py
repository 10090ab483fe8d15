"""UNSET: "leave this value as it is", for the write methods' keyword arguments."""

from __future__ import annotations

from typing import Any, Final


class _Unset:
    """Leave this value as it is. (None is a value: an answer with no option chosen.)"""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final[Any] = _Unset()
