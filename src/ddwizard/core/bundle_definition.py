"""The questionnaire a bundle carries (`questionnaire.definition`), so an assessment opens on
a laptop that has never seen it.

`export` embeds the copy the assessment was made with, in the canonical form stored beside
each assessment (`qfile.questionnaire_to_dict`). On import the copy is checked by the rules of
`ddwizard validate`; a database holding a *different* questionnaire under the same id and
version refuses it, saying what differs, because assessments made with either must keep
their own questions.
"""

from __future__ import annotations

from collections.abc import Callable

from ddwizard.core.questionnaire import Questionnaire

QuestionnaireLookup = Callable[[str, str], Questionnaire | None]


def embedded(q: Questionnaire) -> dict:
    """The definition `export` writes: the canonical form of the stored copy."""
    from ddwizard.core.qfile import questionnaire_to_dict

    return questionnaire_to_dict(q)


def read_definition(definition: dict, qid: str, version: str) -> tuple[Questionnaire | None, list]:
    """The questionnaire a bundle carries, or None and the problems with it, in words."""
    from ddwizard.core.qcanonical import read_canonical
    from ddwizard.core.qfile import QuestionnaireError, questionnaire_from_dict

    where = "questionnaire.definition"
    q = read_canonical(definition)  # the form export writes, read quickly
    if q is None:
        try:
            q = questionnaire_from_dict(definition)
        except QuestionnaireError as e:
            return None, [f"{where}: {p.message}" for p in e.problems]
    if (q.id, q.version) != (qid, version):
        return None, [
            f"{where} is questionnaire '{q.id}' version '{q.version}', but `questionnaire` "
            f"names '{qid}' version '{version}'; they should be the same"
        ]
    return q, []


def choose(carried: Questionnaire, lookup: QuestionnaireLookup) -> tuple[Questionnaire, list]:
    """The questionnaire to import with: the database's own copy when it is the same as the
    one carried, the carried one when the database has none; a problem when they differ."""
    held = lookup(carried.id, carried.version)
    if held is None:
        return carried, []
    if held == carried:
        return held, []
    return held, [
        f"questionnaire '{carried.id}' version '{carried.version}' in this bundle "
        f'("{carried.title}") differs from the one this database holds under the same id '
        f'and version ("{held.title}"): {differences(carried, held)}. One database cannot '
        "hold two questionnaires under one id and version (assessments made with each keep "
        "their own questions), so the bundle is not imported: whoever keeps the questionnaire "
        "should give the changed one a new `version`"
    ]


def differences(ours: Questionnaire, theirs: Questionnaire, most: int = 3) -> str:
    """What differs between two questionnaires, in a few words: the bundle's (`ours`)
    against the database's (`theirs`)."""
    said = []
    if ours.title != theirs.title or ours.description != theirs.description:
        said.append("the title or description")
    said += _kinds("area", _areas(ours), _areas(theirs), most)
    said += _kinds("question", _questions(ours), _questions(theirs), most)
    said += _kinds("checklist item", _items(ours), _items(theirs), most)
    if not said:  # the same things, in another order (areas, checklist sections)
        said.append("the order of areas or checklist sections")
    return "; ".join(said)


def _kinds(kind: str, ours: dict, theirs: dict, most: int) -> list[str]:
    only_ours = [k for k in ours if k not in theirs]
    only_theirs = [k for k in theirs if k not in ours]
    changed = [k for k in ours if k in theirs and ours[k] != theirs[k]]
    out = []
    if only_ours:
        out.append(f"{_count(only_ours, kind)} only in the bundle ({_few(only_ours, most)})")
    if only_theirs:
        out.append(f"{_count(only_theirs, kind)} only here ({_few(only_theirs, most)})")
    if changed:
        out.append(f"{_count(changed, kind)} worded or scored differently ({_few(changed, most)})")
    return out


def _areas(q: Questionnaire) -> dict:
    # An area differs by its own fields: its questions are counted as questions.
    return {r.id: (r.title, r.group, r.description, r.weight, r.phases) for r in q.referents}


def _questions(q: Questionnaire) -> dict:
    return {x.id: (r.id, x) for r in q.referents for x in r.questions}


def _items(q: Questionnaire) -> dict:
    return {i.id: (a.id, a.title, a.side, i) for a in q.due_diligence for i in a.items}


def _count(ids: list[str], kind: str) -> str:
    return f"{len(ids)} {kind}{'' if len(ids) == 1 else 's'}"


def _few(ids: list[str], most: int) -> str:
    shown = ", ".join(f"'{i}'" for i in ids[:most])
    return shown + (f" and {len(ids) - most} more" if len(ids) > most else "")
