"""Reading YAML safely into a small tree that remembers line numbers.

Questionnaire files are written by hand, so every problem must point at a line. We build our
own tree from PyYAML's parse events instead of letting PyYAML construct Python objects:

- only plain YAML is accepted: no anchors and aliases (which is also what makes "billion
  laughs" bombs harmless), no tags beyond the standard scalar ones, one document, bounded
  nesting;
- duplicate keys in a mapping are reported (PyYAML would silently keep the last one);
- each scalar keeps the text it was written as, so messages can quote it and say "put it in
  quotes" when YAML read `yes` as true or `1.0` as a number.

YAML problems come back as :class:`Problem` values, never as exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml
from yaml import events
from yaml.nodes import ScalarNode

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The fast libyaml parser when PyYAML was built with it; the pure-Python one otherwise."""

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40  # a questionnaire needs about 10 levels

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML + t for t in ("null", "bool", "int", "float", "str", "timestamp")}
_COLLECTION_TAGS = {None, "!", _YAML + "map", _YAML + "seq"}
# Anything YAML forbids in a file (C0/C1 controls, surrogates, U+FFFE/U+FFFF), checked up front
# so the message is the same whichever parser is in use.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


class Problem(NamedTuple):
    """One thing wrong with a file, at one line (0 when there is no line to point at)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(slots=True)
class Scalar:
    value: object  # str, int, float, bool, None or a date: what YAML reads
    text: str  # as written, without quotes
    line: int
    plain: bool = True  # written without quotes, so YAML guessed its type


@dataclass(slots=True)
class Entry:
    key: str
    key_line: int
    value: Node


@dataclass(slots=True)
class Mapping:
    line: int
    entries: dict[str, Entry] = field(default_factory=dict)

    def get(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry.value if entry else None

    def key_line(self, key: str) -> int:
        entry = self.entries.get(key)
        return entry.key_line if entry else self.line


@dataclass(slots=True)
class Sequence:
    line: int
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


class _Stop(Exception):
    """Reading cannot go on; the reason is already among the problems."""


# --- bytes and text -------------------------------------------------------------------------


def decode(data: bytes, filename: str) -> tuple[str | None, list[Problem]]:
    """The text of a file's bytes, or the reason it cannot be read as text."""
    if len(data) > MAX_BYTES:
        return None, [Problem(filename, 0, _too_big())]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "the file is saved as UTF-16; save it again as UTF-8 text"
        return None, [Problem(filename, 1, message)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            "the file is not UTF-8 text (the first character that cannot be read is on this "
            "line); save it again as UTF-8, which most editors offer under 'Save as' or "
            "'Encoding'"
        )
        return None, [Problem(filename, line, message)]


def _too_big() -> str:
    limit = MAX_BYTES // (1024 * 1024)
    return (
        f"the file is larger than {limit} MB, the limit for a questionnaire; is it the right file?"
    )


def _unprintable(text: str, filename: str) -> Problem | None:
    found = _NOT_PRINTABLE.search(text)
    if not found:
        return None
    line = text.count("\n", 0, found.start()) + 1
    code = f"U+{ord(found.group()):04X}"
    message = f"the file contains an invisible control character ({code}) here; remove it"
    return Problem(filename, line, message)


# --- the tree -------------------------------------------------------------------------------


def read_yaml(text: str, filename: str) -> tuple[Node | None, list[Problem]]:
    """The document in `text` as a tree, and the problems found while reading it.

    The tree is None when the problems are such that nothing more should be checked.
    """
    if len(text) > MAX_BYTES:
        return None, [Problem(filename, 0, _too_big())]
    bad = _unprintable(text, filename)
    if bad:
        return None, [bad]
    builder = _Builder(text, filename)
    try:
        tree = builder.document()
    except _Stop:
        tree = None
    except yaml.MarkedYAMLError as error:
        builder.problems.append(Problem(filename, *yaml_error(error, text)))
        tree = None
    except yaml.YAMLError as error:  # no mark: not expected after the checks above
        builder.problems.append(Problem(filename, 1, f"the YAML could not be read: {error}"))
        tree = None
    finally:
        builder.parser.dispose()
    return tree, builder.problems


class _Builder:
    """Turns parse events into Scalar/Mapping/Sequence nodes."""

    def __init__(self, text: str, filename: str) -> None:
        self.parser = Loader(text)
        self.filename = filename
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.filename, line, message))

    def stop(self, line: int, message: str) -> None:
        self.problem(line, message)
        raise _Stop

    def document(self) -> Node | None:
        self.parser.get_event()  # stream start
        if self.parser.check_event(events.StreamEndEvent):
            self.stop(
                1, "the file is empty (or holds only comments); it should hold a questionnaire"
            )
        self.parser.get_event()  # document start
        tree = self.node(depth=0)
        self.parser.get_event()  # document end
        if self.parser.check_event(events.DocumentStartEvent):
            line = self.parser.peek_event().start_mark.line + 1
            self.stop(
                line,
                "a second YAML document starts here (after '---'); a questionnaire file holds one",
            )
        return tree

    def node(self, depth: int) -> Node:
        event = self.parser.get_event()
        line = event.start_mark.line + 1
        if depth > MAX_DEPTH:
            self.stop(line, f"the file is nested too deeply here (more than {MAX_DEPTH} levels)")
        if isinstance(event, events.AliasEvent):
            self.stop(line, _ALIAS_MESSAGE.format(name=event.anchor))
        if isinstance(event, events.ScalarEvent):
            return self.scalar(event, line)
        if event.tag not in _COLLECTION_TAGS:
            self.stop(line, _TAG_MESSAGE.format(tag=_short_tag(event.tag)))
        if isinstance(event, events.SequenceStartEvent):
            return self.sequence(line, depth)
        return self.mapping(line, depth)

    def scalar(self, event: events.ScalarEvent, line: int) -> Scalar:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.parser.resolve(ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:
            self.stop(line, _TAG_MESSAGE.format(tag=_short_tag(tag)))
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.parser.yaml_constructors[tag](self.parser, node)
        except (yaml.YAMLError, ValueError):
            self.stop(line, f"YAML cannot read {event.value!r} as {_short_tag(tag)}")
        return Scalar(value, event.value, line, plain=not event.style)

    def sequence(self, line: int, depth: int) -> Sequence:
        result = Sequence(line)
        while not self.parser.check_event(events.SequenceEndEvent):
            result.items.append(self.node(depth + 1))
        self.parser.get_event()
        return result

    def mapping(self, line: int, depth: int) -> Mapping:
        result = Mapping(line)
        while not self.parser.check_event(events.MappingEndEvent):
            key = self.node(depth + 1)
            value = self.node(depth + 1)
            self.add_entry(result, key, value)
        self.parser.get_event()
        return result

    def add_entry(self, mapping: Mapping, key: Node, value: Node) -> None:
        if not (isinstance(key, Scalar) and isinstance(key.value, str)):
            self.problem(key.line, _bad_key_message(key))
        elif key.value in mapping.entries:
            first = mapping.entries[key.value].key_line
            self.problem(
                key.line,
                f"`{key.value}` appears twice in the same place (first at line {first}); "
                "keep only one of them",
            )
        else:
            mapping.entries[key.value] = Entry(key.value, key.line, value)


_ALIAS_MESSAGE = (
    "this uses a YAML alias (*{name}); questionnaire files cannot use anchors (&) and "
    "aliases (*): write the text out in full"
)
_TAG_MESSAGE = (
    "this uses the YAML tag {tag}, which questionnaire files do not use; remove it "
    "(put the value in quotes if it should be text)"
)


def _short_tag(tag: str | None) -> str:
    tag = tag or "!"
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag


def _bad_key_message(key: Node) -> str:
    if not isinstance(key, Scalar):
        return "a key here is a list or a mapping; keys are plain words such as `title`"
    if key.value is None:
        return "a key is missing before the colon here"
    return (
        f"YAML reads the key `{key.text}` as {describe_type(key.value)}, not as a word; "
        f'put it in quotes ("{key.text}") if you mean it as a name'
    )


def describe_type(value: object) -> str:
    """What kind of value YAML made of something, in plain words."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a date" if hasattr(value, "year") else "a value that is not text"


# --- YAML syntax errors in words ------------------------------------------------------------

_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "there is a colon followed by a space (': ') where "
        "YAML does not expect one; if it is part of the text, put the whole text in quotes",
    ),
    (
        "could not find expected ':'",
        "a line here should be a `key: value` pair; check the colon and the indentation",
    ),
    (
        "unexpected end of stream",
        "a quoted text starting here is never closed; check for a missing closing quote",
    ),
    (
        "escape character",
        "a text in double quotes has a backslash (\\) that YAML does not "
        "understand; use single quotes, or write two backslashes",
    ),
    ("expected ',' or ']'", "a list written in [brackets] is not closed properly"),
    ("expected ',' or '}'", "a mapping written in {braces} is not closed properly"),
    (
        "block sequence entries are not allowed",
        "a list item ('- ') is not expected here; check the indentation",
    ),
    ("expected <block end>", "the indentation here does not line up with the lines above"),
    ("did not find expected", "the indentation here does not line up with the lines above"),
    ("tag handle", "a value starts with '!', which YAML reads as a tag; put it in quotes"),
    ("cannot start any token", "a value cannot start with this character; put it in quotes"),
)


def yaml_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line of a YAML syntax error and what went wrong, for people rather than parsers."""
    problem = error.problem or error.context or "unknown error"
    mark = error.problem_mark or error.context_mark
    if "end of stream" in problem and error.context_mark is not None:
        mark = error.context_mark  # point at where the unclosed quote opened
    line = mark.line + 1 if mark else 1
    if "mapping values" in problem and _indented_more(text, line):
        words = "this line is indented more than the line above it; line up keys at the same level"
    else:
        words = _syntax_words(problem, _char_at(text, mark))
    return line, f"the YAML could not be read here: {words}"


def _indented_more(text: str, line: int) -> bool:
    """Whether `line` is indented more than the line before it, which does not end in ':'.

    YAML reads such a line as more of the text above, then stumbles on its colon.
    """
    lines = text.splitlines()
    if not 2 <= line <= len(lines):
        return False
    here, above = lines[line - 1], lines[line - 2]
    indent = len(here) - len(here.lstrip(" "))
    above_indent = len(above) - len(above.lstrip(" "))
    return above.strip() != "" and not above.rstrip().endswith(":") and indent > above_indent


def _syntax_words(problem: str, char: str) -> str:
    if char == "\t" or "tab character" in problem:
        return "found a tab character; indent with spaces, not tabs"
    for needle, words in _SYNTAX_HINTS:
        if needle in problem:
            return words
    return problem


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


# --- plain Python data ----------------------------------------------------------------------


def to_python(node: Node) -> object:
    """Plain dicts, lists and scalars, for schema validation."""
    if isinstance(node, Mapping):
        return {key: to_python(entry.value) for key, entry in node.entries.items()}
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    return node.value


def from_python(data: object, line: int = 0) -> Node:
    """A tree (with no line numbers) from plain data, e.g. a stored JSON copy."""
    if isinstance(data, dict):
        entries = {str(k): Entry(str(k), line, from_python(v, line)) for k, v in data.items()}
        return Mapping(line, entries)
    if isinstance(data, list | tuple):
        return Sequence(line, [from_python(item, line) for item in data])
    text = data if isinstance(data, str) else repr(data)
    return Scalar(data, text, line, plain=not isinstance(data, str))
