"""Data version 2's composite values as columns and JSON: the decision, a checklist entry's
finding and its cost, an answer's flags (shared by whole-assessment writes and autosave)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict

from ddwizard.core.assessment import Cost, Decision, Finding

from .rows import dumps


def decision_json(d: Decision | None) -> str | None:
    """The decision as stored (NULL: none recorded; an empty one is none)."""
    if d is None or d.is_empty():
        return None
    return dumps(asdict(d))


def read_decision(text: str | None) -> Decision | None:
    if text is None:
        return None
    data = json.loads(text)
    return Decision(**{**data, "conditions": tuple(data.get("conditions", ()))})


def finding_values(f: Finding | None) -> tuple:
    """(finding_level, finding_text, cost_amount, cost_basis): NULL level is no finding,
    NULL basis no cost."""
    if f is None:
        return None, "", None, None
    cost = f.cost
    return (
        str(f.level),
        f.text,
        None if cost is None else cost.amount,
        None if cost is None else str(cost.basis),
    )


def read_finding(
    level: str | None, text: str, amount: float | None, basis: str | None
) -> Finding | None:
    if level is None:
        return None
    return Finding(level, text, None if basis is None else Cost(amount, basis))


def finding_json(f: Finding | None) -> str | None:
    """A finding as its history keeps it."""
    if f is None:
        return None
    cost = None if f.cost is None else {"amount": f.cost.amount, "basis": str(f.cost.basis)}
    return dumps({"level": str(f.level), "text": f.text, "cost": cost})


def flags_json(flags: Iterable[object]) -> str:
    return dumps([str(f) for f in flags])
