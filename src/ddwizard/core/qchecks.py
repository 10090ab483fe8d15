"""Checks across a questionnaire file: unique ids, scales that resolve, both axes covered
(for every phase an area is asked of), `means` only on answers that do not count, and
format 2 keys only in a file that says it is format 2.

They read the line-numbered tree directly, so they run even when the schema found problems
elsewhere (every problem is reported in one go), and they skip quietly over anything whose
shape is wrong, since the schema reports that.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ddwizard.core.qformat2 import format2_keys
from ddwizard.core.qschema import Loc, locate, name_of
from ddwizard.core.questionnaire import PHASES
from ddwizard.core.yamlsource import Mapping, Node, Problem, Scalar, Sequence

AXES = ("practice", "purpose")


def cross_checks(tree: Mapping, filename: str, version: int = 2) -> list[Problem]:
    """Every problem that needs more than one part of the file to see.

    `version` is the format version the file declares: format 2 keys in a format 1 file are
    reported, since an older ddwizard would refuse them.
    """
    problems = _Checks(tree, filename).run()
    if version < 2:
        problems += format2_keys(tree, filename)
    return problems


def _mappings(tree: Node, loc: Loc) -> Iterator[tuple[Loc, Mapping]]:
    """The mappings in the list at `loc`, each with its own location."""
    node, _ = locate(tree, loc)
    if isinstance(node, Sequence):
        for index, item in enumerate(node.items):
            if isinstance(item, Mapping):
                yield (*loc, index), item


def _word(node: Mapping, key: str) -> Scalar | None:
    """node[key] when it is non-empty text."""
    value = node.get(key)
    if isinstance(value, Scalar) and isinstance(value.value, str) and value.value.strip():
        return value
    return None


def _phases(node: Mapping) -> tuple[str, ...] | None:
    """The phases a referent or question names; () for none given, None if unreadable."""
    value = node.get("phases")
    if value is None or (isinstance(value, Scalar) and value.value is None):
        return ()
    if not isinstance(value, Sequence):
        return None
    words = [v.value for v in value.items if isinstance(v, Scalar)]
    if len(words) < len(value.items) or not all(w in PHASES for w in words):
        return None  # the schema reports it
    return tuple(words)


def _given(node: Mapping, key: str) -> bool:
    value = node.get(key)
    return value is not None and not (isinstance(value, Scalar) and value.value is None)


class _Checks:
    def __init__(self, tree: Mapping, filename: str) -> None:
        self.tree = tree
        self.filename = filename
        self.problems: list[Problem] = []
        scales = tree.get("scales")
        self.scales = scales if isinstance(scales, Mapping) else Mapping(0)

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.filename, line, message))

    def name(self, loc: Loc) -> str:
        return name_of(self.tree, loc)

    def run(self) -> list[Problem]:
        for scale_id in self.scales.entries:
            self.options(("scales", scale_id, "options"), f"scale '{scale_id}'")
        self.referents()
        self.due_diligence()
        return self.problems

    def unique(self, seen: dict[str, int], node: Mapping, key: str, what: str, rule: str) -> None:
        """Report node[key] if it was seen before; remember it if not."""
        ident = _word(node, key)
        if ident is None:
            return
        if ident.value in seen:
            first = seen[ident.value]
            # A copy read from JSON (stored, or carried in a bundle) has no lines to point at.
            at = f" (first at line {first})" if first else ""
            self.add(ident.line, f"{what} '{ident.value}' is used twice{at}; {rule}")
        else:
            seen[ident.value] = ident.line

    def referents(self) -> None:
        referent_ids: dict[str, int] = {}
        question_ids: dict[str, int] = {}
        for loc, referent in _mappings(self.tree, ("referents",)):
            rule = "each referent needs its own id"
            self.unique(referent_ids, referent, "id", "the referent id", rule)
            for question_loc, question in _mappings(self.tree, (*loc, "questions")):
                rule = "each question needs its own id, across the whole file"
                self.unique(question_ids, question, "id", "the question id", rule)
                self.answers(question_loc, question)
            self.axes(loc, referent)

    def answers(self, loc: Loc, question: Mapping) -> None:
        """A question has either a scale that exists or its own options."""
        has_scale, has_options = _given(question, "scale"), _given(question, "options")
        if has_scale and has_options:
            line = max(question.key_line("scale"), question.key_line("options"))
            self.add(
                line, f"{self.name(loc)} has both `scale` and `options`; keep only one of them"
            )
        elif not (has_scale or has_options):
            message = (
                f"{self.name(loc)} has no answers: give it `scale: <scale id>` "
                "or its own `options` list"
            )
            self.add(question.line, message)
        elif has_options:
            self.options((*loc, "options"), self.name(loc))
        else:
            self.scale_reference(loc, question)

    def scale_reference(self, loc: Loc, question: Mapping) -> None:
        scale = _word(question, "scale")
        if scale is None or scale.value in self.scales.entries:
            return
        message = (
            f"{self.name(loc)} uses the scale '{scale.value}', which is not defined under `scales`"
        )
        close = difflib.get_close_matches(scale.value, list(self.scales.entries), n=1)
        if close:
            message += f"; did you mean '{close[0]}'?"
        elif not self.scales.entries:
            message += " (this file has no `scales` section)"
        self.add(scale.line, message)

    def options(self, loc: Loc, where: str) -> None:
        keys: dict[str, int] = {}
        options = list(_mappings(self.tree, loc))
        for option_loc, option in options:
            rule = f"each option in {where} needs its own key"
            self.unique(keys, option, "key", "the option key", rule)
            self.means(option_loc, option, where)
        scores = [option.get("score") for _, option in options]
        if scores and all(isinstance(s, Scalar) and s.value is None for s in scores):
            message = (
                f"{where} has no option with a score, so its answers could never place an "
                "area; give at least one option a score from -1 to 1"
            )
            self.add(options[0][1].line, message)

    def means(self, loc: Loc, option: Mapping, where: str) -> None:
        """`means` says why an answer does not count, so it needs a null score."""
        means, score = _word(option, "means"), option.get("score")
        if means is None or not isinstance(score, Scalar) or score.value is None:
            return
        key = _word(option, "key")
        what = f"the option '{key.value}'" if key else "an option"
        self.add(
            means.line,
            f"{what} of {where} has `means: {means.value}` but also a score; `means` is only "
            "for an answer that does not count: set `score: null`, or remove `means`",
        )

    def axes(self, loc: Loc, referent: Mapping) -> None:
        """Every referent needs at least one question on each axis, for each of its phases."""
        questions = referent.get("questions")
        if not isinstance(questions, Sequence):
            return  # missing or not a list: the schema reports it
        found = [
            (_word(q, "axis"), _phases(q)) for _, q in _mappings(self.tree, (*loc, "questions"))
        ]
        values = {a.value for a, _ in found if a is not None}
        unreadable = any(a is None or p is None for a, p in found)
        if unreadable or len(found) < len(questions.items) or not values <= set(AXES):
            return  # a question that cannot be read says nothing about the axes
        missing = [axis for axis in AXES if axis not in values]
        if missing:
            what = f"no {missing[0]} questions" if len(missing) == 1 else "no questions"
            rule = "every area needs at least one on each axis (practice and purpose)"
            self.add(referent.line, f"{self.name(loc)} has {what}; {rule}")
            return
        own = _phases(referent)
        if own is not None:
            self.phase_axes(loc, referent, own, found)

    def phase_axes(self, loc: Loc, referent: Mapping, own: tuple[str, ...], found: list) -> None:
        """Each phase the area is asked of needs a question on each axis, and a question's
        phases must be ones the area is asked of (otherwise it would never be shown)."""
        for (_, question), (_, phases) in zip(
            _mappings(self.tree, (*loc, "questions")), found, strict=True
        ):
            outside = [p for p in phases if own and p not in own]
            if outside:
                self.add(
                    question.key_line("phases"),
                    f"{self.name_of_question(question)} is for {', '.join(outside)} schools, but "
                    f"{self.name(loc)} is only asked of {', '.join(own)} schools; add the phase "
                    "to the area's `phases`, or take it off the question",
                )
        lacking: dict[str, list[str]] = {axis: [] for axis in AXES}
        for phase in own or PHASES:
            axes = {a.value for a, p in found if a is not None and (not p or phase in p)}
            for axis in AXES:
                if axis not in axes:
                    lacking[axis].append(phase)
        for axis, phases in lacking.items():
            if phases:
                self.add(
                    referent.line,
                    f"{self.name(loc)} has no {axis} question for {', '.join(phases)} schools; "
                    f"every area needs one on each axis for every phase it is asked of: widen "
                    f"the `phases` of a {axis} question, or give the area `phases` of its own",
                )

    @staticmethod
    def name_of_question(question: Mapping) -> str:
        ident = _word(question, "id")
        return f"question '{ident.value}'" if ident else "a question"

    def due_diligence(self) -> None:
        area_ids: dict[str, int] = {}
        item_ids: dict[str, int] = {}
        for loc, area in _mappings(self.tree, ("due_diligence",)):
            rule = "each due-diligence area needs its own id"
            self.unique(area_ids, area, "id", "the due-diligence area id", rule)
            for _, item in _mappings(self.tree, (*loc, "items")):
                rule = "each checklist item needs its own id, across the whole file"
                self.unique(item_ids, item, "id", "the checklist item id", rule)
