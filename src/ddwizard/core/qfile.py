"""Reading and writing questionnaire files (YAML, formats 1 and 2), with problems by line.

Reading goes in three steps, each reporting every problem it finds:

1. :mod:`ddwizard.core.yamlsource` reads the YAML safely into a tree with line numbers;
2. :mod:`ddwizard.core.qschema` checks its shape with pydantic (types, required and unknown
   keys, ranges);
3. the checks here look across the file: unique ids, scales that resolve, both axes covered.

Only a file with no problems at all becomes a :class:`Questionnaire`. The same steps read the
copy of a questionnaire stored beside each assessment (:func:`questionnaire_to_dict`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from ddwizard.core import qschema
from ddwizard.core.errors import UserError
from ddwizard.core.qchecks import cross_checks
from ddwizard.core.questionnaire import (
    Axis,
    ChecklistArea,
    ChecklistItem,
    Means,
    Option,
    Question,
    Questionnaire,
    Referent,
)
from ddwizard.core.yamlsource import (
    MAX_BYTES,
    Mapping,
    Node,
    Problem,
    Scalar,
    Sequence,
    decode,
    from_python,
    read_yaml,
    to_python,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "Problem",
    "QuestionnaireError",
    "check_questionnaire",
    "load_questionnaire",
    "parse_questionnaire",
    "questionnaire_from_dict",
    "questionnaire_from_json",
    "questionnaire_to_dict",
]

FORMAT = "ddwizard.questionnaire"
FORMAT_VERSION = 2
STORED = "<stored questionnaire>"


class QuestionnaireError(UserError):
    """A questionnaire file that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --- public API -----------------------------------------------------------------------------


def load_questionnaire(path: str | os.PathLike[str]) -> Questionnaire:
    """The questionnaire in a file; raises QuestionnaireError listing what is wrong."""
    filename = os.fspath(path)
    return parse_questionnaire(_read_bytes(filename), filename)


def parse_questionnaire(text: str | bytes, filename: str = "<questionnaire>") -> Questionnaire:
    """The questionnaire in a file's text (or bytes, read as UTF-8)."""
    return _guarded(filename, lambda: _from_text(text, filename))


def check_questionnaire(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in a file, in line order; [] when it is a valid questionnaire."""
    try:
        load_questionnaire(path)
    except QuestionnaireError as error:
        return error.problems
    return []


def questionnaire_from_dict(data: dict) -> Questionnaire:
    """The inverse of :func:`questionnaire_to_dict`, checked as strictly as a file."""
    return _guarded(STORED, lambda: _from_tree(from_python(data), STORED))


def questionnaire_from_json(text: str) -> Questionnaire:
    """A questionnaire from the JSON text of :func:`questionnaire_to_dict`."""

    def parse() -> Questionnaire:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            problem = Problem(STORED, 0, f"the stored questionnaire is not valid JSON: {error}")
            raise QuestionnaireError([problem]) from None
        return _from_tree(from_python(data), STORED)

    return _guarded(STORED, parse)


def questionnaire_to_dict(q: Questionnaire) -> dict:
    """The questionnaire as plain data in the file's own shape, options inlined.

    It is what is stored with each assessment, so the assessment keeps working when the
    file changes. Every key is written out, defaults included.
    """
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": q.id,
        "version": q.version,
        "title": q.title,
        "description": q.description,
        "referents": [_referent_to_dict(r) for r in q.referents],
        "due_diligence": [_area_to_dict(a) for a in q.due_diligence],
    }


# --- reading --------------------------------------------------------------------------------


def _guarded(filename: str, read: Callable[[], Questionnaire]) -> Questionnaire:
    """Run a reader so that nothing but a QuestionnaireError can come out of it."""
    try:
        return read()
    except QuestionnaireError:
        raise
    except Exception as error:  # a bug, but the user still gets a message, not a traceback
        message = f"internal error while reading this file ({type(error).__name__}: {error})"
        raise QuestionnaireError([Problem(filename, 0, message)]) from error


def _read_bytes(filename: str) -> bytes:
    path = Path(filename)
    try:
        if path.is_dir():
            raise _file_problem(filename, "this is a folder, not a questionnaire file")
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _file_problem(filename, "there is no such file") from None
    except PermissionError:
        raise _file_problem(filename, "the file cannot be opened: permission denied") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise _file_problem(filename, f"the file cannot be read: {reason}") from None


def _file_problem(filename: str, message: str) -> QuestionnaireError:
    return QuestionnaireError([Problem(filename, 0, message)])


def _from_text(text: str | bytes, filename: str) -> Questionnaire:
    if isinstance(text, bytes):
        text, problems = decode(text, filename)
        if text is None:
            raise QuestionnaireError(problems)
    tree, problems = read_yaml(text.removeprefix("\ufeff"), filename)
    if tree is None:
        raise QuestionnaireError(problems)
    return _from_tree(tree, filename, problems)


def _from_tree(tree: Node, filename: str, problems: list[Problem] | None = None) -> Questionnaire:
    problems = list(problems or [])
    if not isinstance(tree, Mapping):
        problems.append(Problem(filename, tree.line, _not_a_mapping(tree)))
        raise QuestionnaireError(problems)
    format_problems, stop = _check_format(tree, filename)
    problems += format_problems
    if stop:
        raise QuestionnaireError(format_problems)
    _version_as_text(tree)
    spec, schema_problems = qschema.validate(tree, to_python(tree), filename)
    problems += schema_problems + cross_checks(tree, filename, _declared_version(tree))
    if problems or spec is None:
        raise QuestionnaireError(sorted(problems, key=lambda p: p.line))
    return _build(spec)


def _not_a_mapping(tree: Node) -> str:
    if isinstance(tree, Scalar) and tree.value is None:
        return "the file is empty; it should hold a questionnaire"
    found = "a list" if isinstance(tree, Sequence) else "a single value"
    return (
        "the file should be a set of `key: value` lines starting with "
        f"`format: {FORMAT}`, but it is {found}"
    )


def _check_format(tree: Mapping, filename: str) -> tuple[list[Problem], bool]:
    """Problems with `format` and `format_version`, and whether reading should stop."""
    problems = []
    fmt, version = tree.get("format"), tree.get("format_version")
    if fmt is None:
        message = f"the file has no `format`; add `format: {FORMAT}` at the top"
        problems.append(Problem(filename, 1, message))
    elif not (isinstance(fmt, Scalar) and fmt.value == FORMAT):
        message = _wrong_format(fmt)
        return [Problem(filename, tree.key_line("format"), message)], True
    line = tree.key_line("format_version")
    if version is None:
        message = f"the file has no `format_version`; add `format_version: {FORMAT_VERSION}`"
        problems.append(Problem(filename, 1, message))
    elif not (isinstance(version, Scalar) and type(version.value) is int):
        message = "`format_version` should be the number 1 or 2 (2 for the newest keys)"
        problems.append(Problem(filename, line, message))
    elif version.value > FORMAT_VERSION:
        return [Problem(filename, line, _newer_format(version.value))], True
    elif version.value < 1:
        problems.append(
            Problem(filename, line, "`format_version` should be 1 or 2 (there is no earlier one)")
        )
    return problems, False


def _declared_version(tree: Mapping) -> int:
    """The format version a file declares; the newest when it declares none it may use."""
    version = tree.get("format_version")
    if isinstance(version, Scalar) and type(version.value) is int and version.value >= 1:
        return version.value
    return FORMAT_VERSION


def _wrong_format(fmt: Node) -> str:
    written = qschema.describe(fmt)
    if isinstance(fmt, Scalar) and fmt.value == "ddwizard.assessment":
        return "this is an assessment file, not a questionnaire; use `ddwizard import` for it"
    return f"this is not a ddwizard questionnaire: `format` is {written}, not {FORMAT}"


def _newer_format(version: int) -> str:
    return (
        f"this file was written for a newer version of ddwizard (format_version {version}); "
        f"this version reads format_version 1 to {FORMAT_VERSION}: update ddwizard to use it"
    )


def _version_as_text(tree: Mapping) -> None:
    """`version: 1` or `version: 1.0` is meant as text: keep it as written."""
    version = tree.get("version")
    if (
        isinstance(version, Scalar)
        and version.plain
        and not isinstance(version.value, bool | str | None)
    ):
        version.value = version.text


# --- building the values --------------------------------------------------------------------


def _build(spec: qschema.QuestionnaireSpec) -> Questionnaire:
    scales = {sid: _options(s.options) for sid, s in (spec.scales or {}).items()}
    referents = tuple(
        Referent(
            id=r.id,
            title=r.title,
            group=r.group,
            questions=tuple(_question(q, scales) for q in r.questions),
            description=r.description,
            weight=float(r.weight),
            phases=tuple(dict.fromkeys(r.phases or ())),
        )
        for r in spec.referents
    )
    areas = tuple(
        ChecklistArea(
            a.id,
            a.title,
            tuple(ChecklistItem(i.id, i.text, i.help) for i in a.items),
            a.side or "school",
        )
        for a in spec.due_diligence or ()
    )
    return Questionnaire(spec.id, spec.version, spec.title, referents, areas, spec.description)


def _options(specs: list[qschema.OptionSpec]) -> tuple[Option, ...]:
    return tuple(
        Option(o.key, o.label, None if o.score is None else float(o.score), o.hint, _means(o))
        for o in specs
    )


def _means(o: qschema.OptionSpec) -> Means | None:
    return Means(o.means) if o.means is not None else None


def _question(spec: qschema.QuestionSpec, scales: dict[str, tuple[Option, ...]]) -> Question:
    options = _options(spec.options) if spec.options is not None else scales[spec.scale or ""]
    return Question(
        id=spec.id,
        axis=Axis(spec.axis),
        text=spec.text,
        options=options,
        help=spec.help,
        weight=float(spec.weight),
        evidence=tuple(dict.fromkeys(spec.evidence or ())),
        requests=tuple(spec.requests or ()),
        core=spec.core,
        when=spec.when,
        facet=spec.facet,
        phases=tuple(dict.fromkeys(spec.phases or ())),
    )


def _referent_to_dict(r: Referent) -> dict:
    return {
        "id": r.id,
        "title": r.title,
        "group": r.group,
        "description": r.description,
        "weight": r.weight,
        "phases": list(r.phases) or None,
        "questions": [_question_to_dict(q) for q in r.questions],
    }


def _question_to_dict(q: Question) -> dict:
    return {
        "id": q.id,
        "axis": q.axis.value,
        "text": q.text,
        "help": q.help,
        "evidence": list(q.evidence),
        "options": [_option_to_dict(o) for o in q.options],
        "weight": q.weight,
        "requests": list(q.requests),
        "core": q.core,
        "when": q.when,
        "facet": q.facet,
        "phases": list(q.phases) or None,
    }


def _option_to_dict(o: Option) -> dict:
    means = None if o.means is None else o.means.value
    return {"key": o.key, "label": o.label, "score": o.score, "hint": o.hint, "means": means}


def _area_to_dict(a: ChecklistArea) -> dict:
    items = [{"id": i.id, "text": i.text, "help": i.help} for i in a.items]
    return {"id": a.id, "title": a.title, "side": a.side, "items": items}
