"""Keys and values that came with questionnaire format 2.

A file that uses any of them must say `format_version: 2`: an older ddwizard reading it as
format 1 would refuse them, so the file says plainly which ddwizard it needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddwizard.core.questionnaire import EVIDENCE_SOURCES, EVIDENCE_SOURCES_1
from ddwizard.core.yamlsource import Mapping, Node, Problem, Scalar, Sequence

OPTION_KEYS = ("hint", "means")
QUESTION_KEYS = ("requests", "core", "when", "facet", "phases")
REFERENT_KEYS = ("phases",)
AREA_KEYS = ("side",)


def format2_keys(tree: Mapping, filename: str) -> list[Problem]:
    """One problem for each format 2 key or evidence source, at its first use."""
    first: dict[str, int] = {}
    for what, line in _uses(tree):
        first.setdefault(what, line)
    return [Problem(filename, line, _message(what)) for what, line in first.items()]


def _message(what: str) -> str:
    return (
        f"{what} came with questionnaire format 2, but this file says `format_version: 1`; "
        "change it to `format_version: 2` (ddwizard reads both)"
    )


def _items(node: Node | None) -> Iterator[Mapping]:
    if isinstance(node, Sequence):
        yield from (item for item in node.items if isinstance(item, Mapping))


def _keys(node: Mapping, keys: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    for key in keys:
        if key in node.entries:
            yield f"`{key}`", node.key_line(key)


def _uses(tree: Mapping) -> Iterator[tuple[str, int]]:
    scales = tree.get("scales")
    if isinstance(scales, Mapping):
        for entry in scales.entries.values():
            if isinstance(entry.value, Mapping):
                yield from _options(entry.value.get("options"))
    for referent in _items(tree.get("referents")):
        yield from _keys(referent, REFERENT_KEYS)
        for question in _items(referent.get("questions")):
            yield from _keys(question, QUESTION_KEYS)
            yield from _options(question.get("options"))
            yield from _evidence(question.get("evidence"))
    for area in _items(tree.get("due_diligence")):
        yield from _keys(area, AREA_KEYS)


def _options(node: Node | None) -> Iterator[tuple[str, int]]:
    for option in _items(node):
        yield from _keys(option, OPTION_KEYS)


def _evidence(node: Node | None) -> Iterator[tuple[str, int]]:
    if isinstance(node, Sequence):
        for value in node.items:
            word = value.value if isinstance(value, Scalar) else None
            if word in EVIDENCE_SOURCES and word not in EVIDENCE_SOURCES_1:
                yield f"the evidence source `{value.value}`", value.line
