"""What a bundle's text must be before its shape is even looked at, as a careful person
would check it: each key once per object, no NUL or lone surrogate in any text, real
calendar dates, and text within the stated limits. Problems name the field, in words.

The limits (also in the README, "The assessment bundle"): names and short fields (school,
trust, label, assessor, assessor role, URN, phase, local authority, owners, who agreed a
target, ids) up to 200 characters; notes and other long text up to 20,000 characters.
"""

from __future__ import annotations

import datetime
import json
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from ddwizard.core.limits import LONG_MAX, SHORT_MAX

FIRST_YEAR, LAST_YEAR = 1990, 2100

Short = Annotated[str, StringConstraints(max_length=SHORT_MAX)]
Long = Annotated[str, StringConstraints(max_length=LONG_MAX)]


def nfc(text: str) -> str:
    """One spelling for text that looks the same: names are compared and stored as NFC."""
    return unicodedata.normalize("NFC", text)


Name = Annotated[str, StringConstraints(min_length=1, max_length=SHORT_MAX), AfterValidator(nfc)]


def _real_date(text: str, month_allowed: bool) -> str:
    if not text:
        return text
    parts = text.split("-")
    shapes = ([4, 2, 2], [4, 2]) if month_allowed else ([4, 2, 2],)
    if [len(p) for p in parts] not in shapes or not all(p.isascii() and p.isdigit() for p in parts):
        raise ValueError(_date_words(month_allowed))
    year, month, day = (int(p) for p in [*parts, "1"][:3])
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date; {_date_words(month_allowed)}") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"'{text}' is outside {FIRST_YEAR} to {LAST_YEAR}")
    return text


def _date_words(month_allowed: bool) -> str:
    month = " (or 2027-09 for a month)" if month_allowed else ""
    return f"it should be a date like 2026-11-22{month}"


Day = Annotated[str, AfterValidator(lambda t: _real_date(t, False))]
Month = Annotated[str, AfterValidator(lambda t: _real_date(t, True))]


# --- the decoded JSON ----------------------------------------------------------------------


class _Repeated(dict):
    """An object in which a key appeared more than once (JSON would keep only the last)."""

    repeated: list[str]


def _keep_repeats(pairs: list[tuple[str, object]]) -> dict:
    found: dict = {}
    repeated = []
    for key, value in pairs:
        if key in found and key not in repeated:
            repeated.append(key)
        found[key] = value
    if not repeated:
        return found
    marked = _Repeated(found)
    marked.repeated = repeated
    return marked


def loads(text: str):
    """`json.loads`, keeping note of repeated keys for `text_problems`."""
    return json.loads(text, object_pairs_hook=_keep_repeats)


def text_problems(data: object, path: str = "") -> list[str]:
    """Repeated keys, NUL characters and lone surrogates anywhere in decoded JSON, each
    named by where it is (`answers.3.note`)."""
    problems: list[str] = []
    where = path or "the bundle"
    if isinstance(data, str):
        problems += _bad_characters(data, where)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            problems += text_problems(item, f"{path}.{i}" if path else str(i))
    elif isinstance(data, dict):
        for key in getattr(data, "repeated", ()):
            problems.append(
                f"`{where}`: the key `{_shown(key)}` appears more than once; give it once"
            )
        for key, value in data.items():
            inner = f"{path}.{_shown(key)}" if path else _shown(key)
            problems += _bad_characters(key, f"the key `{inner}`")
            problems += text_problems(value, inner)
    return problems


def _bad_characters(text: str, where: str) -> list[str]:
    if "\x00" in text:
        return [f"`{where}` holds a NUL character (\\u0000), which text cannot hold"]
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return [f"`{where}` holds a lone surrogate (half of a character), which is not text"]
    return []


def _shown(key: str) -> str:
    """A key as it can be printed (a lone surrogate is shown escaped)."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")
