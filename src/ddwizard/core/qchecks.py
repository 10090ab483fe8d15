"""Checks across a questionnaire file: unique ids, scales that resolve, both axes covered.

They read the line-numbered tree directly, so they run even when the schema found problems
elsewhere (every problem is reported in one go), and they skip quietly over anything whose
shape is wrong, since the schema reports that.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ddwizard.core.qschema import Loc, locate, name_of
from ddwizard.core.yamlsource import Mapping, Node, Problem, Scalar, Sequence

AXES = ("practice", "purpose")


def cross_checks(tree: Mapping, filename: str) -> list[Problem]:
    """Every problem that needs more than one part of the file to see."""
    return _Checks(tree, filename).run()


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
            self.add(
                ident.line, f"{what} '{ident.value}' is used twice (first at line {first}); {rule}"
            )
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
        for _, option in options:
            rule = f"each option in {where} needs its own key"
            self.unique(keys, option, "key", "the option key", rule)
        scores = [option.get("score") for _, option in options]
        if scores and all(isinstance(s, Scalar) and s.value is None for s in scores):
            message = (
                f"{where} has no option with a score, so its answers could never place an "
                "area; give at least one option a score from -1 to 1"
            )
            self.add(options[0][1].line, message)

    def axes(self, loc: Loc, referent: Mapping) -> None:
        """Every referent needs at least one question on each axis."""
        questions = referent.get("questions")
        if not isinstance(questions, Sequence):
            return  # missing or not a list: the schema reports it
        axes = [_word(q, "axis") for _, q in _mappings(self.tree, (*loc, "questions"))]
        values = {a.value for a in axes if a is not None}
        if None in axes or len(axes) < len(questions.items) or not values <= set(AXES):
            return  # a question that cannot be read says nothing about the axes
        missing = [axis for axis in AXES if axis not in values]
        if missing:
            what = f"no {missing[0]} questions" if len(missing) == 1 else "no questions"
            rule = "every area needs at least one on each axis (practice and purpose)"
            self.add(referent.line, f"{self.name(loc)} has {what}; {rule}")

    def due_diligence(self) -> None:
        area_ids: dict[str, int] = {}
        item_ids: dict[str, int] = {}
        for loc, area in _mappings(self.tree, ("due_diligence",)):
            rule = "each due-diligence area needs its own id"
            self.unique(area_ids, area, "id", "the due-diligence area id", rule)
            for _, item in _mappings(self.tree, (*loc, "items")):
                rule = "each checklist item needs its own id, across the whole file"
                self.unique(item_ids, item, "id", "the checklist item id", rule)
