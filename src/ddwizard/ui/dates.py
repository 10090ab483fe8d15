"""Dates as people type them: `15/01/2027`, `15 Jan 2027` (or January) and `2027-01-15`.
Anything else is refused in words; nothing is guessed, clamped or carried into another
field. Plain Python: the date field (datefield.py) shows and stores what this reads."""

from __future__ import annotations

import datetime
import re

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FULL = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
FORMS = "15/01/2027, 15 Jan 2027 or 2027-01-15"

_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d+)")
_WORDED = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d+)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class DateError(ValueError):
    """Why a typed date was refused, in words for the person."""


def _month(word: str) -> int:
    w = word.lower()
    if w in FULL:
        return FULL.index(w) + 1
    if w[:3] in MONTHS and (len(w) == 3 or w == "sept"):
        return MONTHS.index(w[:3]) + 1
    raise DateError(f"“{word}” is not a month. Type the date as {FORMS}.")


def parse(text: str) -> datetime.date | None:
    """The date `text` names (None when it is empty); DateError says why not."""
    text = " ".join(text.split())
    if not text:
        return None
    if m := _SLASHED.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), m[3]
    elif m := _WORDED.fullmatch(text):
        day, month, year = int(m[1]), _month(m[2]), m[3]
    elif m := _ISO.fullmatch(text):
        year, month, day = m[1], int(m[2]), int(m[3])
    else:
        raise DateError(f"“{text}” is not a date this reads. Type it as {FORMS}.")
    if len(year) != 4:
        raise DateError(f"Give the year in full (four figures), as in {FORMS}.")
    if not 1 <= month <= 12:
        raise DateError(f"There is no month {month}. Type the date as {FORMS}.")
    try:
        return datetime.date(int(year), month, day)
    except ValueError:
        raise DateError(f"{SHORT[month - 1]} {year} has no day {day}.") from None


def shown(iso: str) -> str:
    """A stored ISO date as the field shows it ("15 Jan 2027"); other text as it is."""
    try:
        d = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {SHORT[d.month - 1]} {d.year}"


def far_off(d: datetime.date, today: datetime.date | None = None) -> bool:
    """More than a year from today, either way (probably a slip of the keys)."""
    today = today or datetime.date.today()
    return abs((d - today).days) > 366
