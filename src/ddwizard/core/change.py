"""The base of every change (see :mod:`ddwizard.core.changes`), and the one helper that
puts an item into an assessment's tuple of answers, notes, targets or entries."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ddwizard.core.assessment import Assessment


class Change:
    """One edit. `key` names what it sets: a later change with the same key supersedes it."""

    __slots__ = ()
    moves_placement: ClassVar[bool] = False  # may move an area on the plane
    key_of: ClassVar[tuple[str, str]]  # (what it sets, the path to what it is about)

    def apply(self, a: Assessment) -> Assessment:
        raise NotImplementedError

    def inverse(self, before: Assessment) -> Change:
        raise NotImplementedError

    @property
    def key(self) -> tuple:
        kind, path = self.key_of
        return (kind, attrgetter(path)(self)) if path else (kind,)


def put(items: tuple, key: str, value, new) -> tuple:
    """Replace the item whose `key` is `value` by `new` (append if absent, drop if None)."""
    out, found = [], False
    for item in items:
        if getattr(item, key) == value:
            found = True
            if new is not None:
                out.append(new)
        else:
            out.append(item)
    if not found and new is not None:
        out.append(new)
    return tuple(out)
