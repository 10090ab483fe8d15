"""Numbers, positions and dates as the brief writes them."""

from __future__ import annotations

import datetime as dt
import re

MINUS = "\u2212"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def num(x: float | None) -> str:
    """A coordinate with its sign: +0.50, −0.33, 0.00; a dash when there is none."""
    if x is None:
        return "–"
    text = f"{abs(x):.2f}"
    if text == "0.00":
        return text
    return ("+" if x > 0 else MINUS) + text


def spread(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def position(purpose: float | None, practice: float | None) -> str:
    return f"purpose {num(purpose)}, practice {num(practice)}"


def date(text: str, short: bool = False) -> str:
    """2026-11-22 as 22 November 2026 (short: 22 Nov 2026), 2027-09 as September 2027;
    anything else as typed."""
    text = (text or "").strip()

    def month(n: int) -> str:
        return MONTHS[n - 1][:3] if short else MONTHS[n - 1]

    try:
        d = dt.date.fromisoformat(text)
    except ValueError:
        m = _MONTH.match(text)
        if m and 1 <= int(m.group(2)) <= 12:
            return f"{month(int(m.group(2)))} {m.group(1)}"
        return text
    return f"{d.day} {month(d.month)} {d.year}"


def names(items: list[str], conj: str = "and") -> str:
    """A, B and C."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 area', '3 areas', 'no areas'."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{'no' if n == 0 else n} {word}"


def areas(titles: list[str], limit: int = 3) -> str:
    """A few areas by name; more than `limit` as a number (the reader has the table)."""
    if len(titles) <= limit:
        return names(titles)
    return f"{len(titles)} areas"


def briefly(text: str, size: int = 200, where: str = "") -> str:
    """`text` on one line, cut at a word near `size` characters with an ellipsis (and where
    to read it all, if given) when it is longer."""
    line = " ".join(text.split())
    if len(line) <= size:
        return line
    cut = line[:size].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026" + (f" ({where})" if where else "")
