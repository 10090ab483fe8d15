"""The integration brief: assemble the sections, lay them out, write the PDF.

The summary cites the pages where its points are covered, and every footer says "Page n of
N". One layout pass does it (see `doc`): the summary is laid out after everything else, when
their pages are known, and its pages are moved to the front; footers' page numbers are
drawn at the end. Before the summary is laid out for real, it is laid out on a scratch
canvas to learn how many pages it takes (its citations count them); should the real layout
take another number, the document is laid out again with that number.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from collections.abc import Iterator
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus import NextPageTemplate, PageBreak

from ddwizard.core.assessment import Assessment
from ddwizard.core.errors import UserError
from ddwizard.core.questionnaire import Questionnaire
from ddwizard.fileio import WriteError, atomic_write
from ddwizard.report import fonts, formats, text
from ddwizard.report.doc import BriefDoc, FrontGoesHere, MoveToFront, PageInfo, pages_filled
from ddwizard.report.model import BriefModel, make_model
from ddwizard.report.sections import areas, cover, diligence, method, plane, routes, summary
from ddwizard.report.styles import styles

MAX_PASSES = 4
SECTIONS = (summary, plane, routes, areas, diligence, method)


class BriefError(UserError):
    """The brief could not be made; the message says why, in words."""


def render_brief(
    assessment: Assessment,
    questionnaire: Questionnaire,
    *,
    earlier: tuple[Assessment, Questionnaire] | None = None,
) -> bytes:
    """The integration brief as PDF bytes. The same assessment always gives the same bytes."""
    _check(assessment, questionnaire, "assessment")
    if earlier is not None:
        _check(earlier[0], earlier[1], "earlier assessment")
    try:
        model = make_model(assessment, questionnaire, earlier)
        # (The fonts remember the widths they measure: see `fonts.typesetting`.)
        with _settings(), fonts.typesetting():
            return _layout(model)
    except fonts.FontError as e:
        raise BriefError(f"could not make the brief: {e}") from e
    except Exception as e:  # ReportLab's LayoutError and friends: report them in words
        raise BriefError(f"could not lay out the brief: {e}") from e


def write_brief(
    path: str | os.PathLike,
    assessment: Assessment,
    questionnaire: Questionnaire,
    *,
    earlier: tuple[Assessment, Questionnaire] | None = None,
) -> Path:
    """Render the brief and write it to `path` atomically: on any failure no file (and no
    partial file) is left behind. Raises BriefError or fileio.WriteError."""
    target = Path(path)
    _check_target(target)  # before spending a second on layout
    data = render_brief(assessment, questionnaire, earlier=earlier)
    return atomic_write(target, data)


def _check_target(target: Path) -> None:
    """The same checks fileio.atomic_write makes, in the same words, made up front."""
    folder = target.parent
    if target.is_dir():
        raise WriteError(f"{target} is a folder; give a file name to write to")
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"cannot write {target}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise WriteError(f"the folder {folder} does not exist")


def _check(assessment: Assessment, questionnaire: Questionnaire, what: str) -> None:
    if assessment.questionnaire_id != questionnaire.id:
        raise BriefError(
            f"the {what} was made with questionnaire {assessment.questionnaire_id!r}, "
            f"but questionnaire {questionnaire.id!r} was given"
        )
    if assessment.questionnaire_version != questionnaire.version:
        raise BriefError(
            f"the {what} was made with version {assessment.questionnaire_version!r} of "
            f"questionnaire {questionnaire.id!r}, but version {questionnaire.version!r} "
            "was given"
        )


@contextlib.contextmanager
def _settings() -> Iterator[None]:
    """ReportLab's settings while a brief is made: plain compressed streams (smaller and
    quicker than ASCII85), and figures' shapes made without checking every attribute's
    type as it is set (the brief's own shapes, made by its code; the checks take some 40%
    of the time to build a plane)."""
    saved = rl_config.useA85, rl_config.shapeChecking
    rl_config.useA85, rl_config.shapeChecking = 0, 0
    try:
        yield
    finally:
        rl_config.useA85, rl_config.shapeChecking = saved


def _layout(model: BriefModel) -> bytes:
    st = styles()
    # The story is made once: a rare second pass lays the same flowables out again, as
    # ReportLab's own multiBuild does. The summary is made when layout reaches its place.
    story = [*cover.build(model, st), NextPageTemplate("body"), PageBreak(), FrontGoesHere()]
    for section in SECTIONS:
        if section is not summary:
            story += [*section.build(model, st), PageBreak()]
    guess = 1  # pages the summary takes
    for _ in range(MAX_PASSES):
        out = io.BytesIO()
        doc = BriefDoc(out, _info(model))
        make = lambda doc, guess=guess: _summary(model, st, doc, guess)  # noqa: E731
        try:
            doc.build([*story, MoveToFront(make)])
        finally:
            doc.undo_layout_marks()
        if doc.settled():
            doc.finish()
            return out.getvalue()
        guess = doc.page - doc.moved_from + 1
    raise BriefError("could not lay out the brief: its page numbers did not settle")


def _summary(model: BriefModel, st, doc: BriefDoc, guess: int) -> list:
    """The summary's flowables, citing the pages as they will be once it is moved to the
    front: it is laid out on a scratch canvas until it takes the pages it was made for."""
    for _ in range(MAX_PASSES):
        model.pages = {a: doc.final_page(p, guess) for a, p in doc.anchors.items()}
        model.total_pages = doc.page - 1 + guess
        flowables = summary.build(model, st)
        taken = pages_filled(flowables)
        if taken == guess:
            break
        guess = taken
    doc.moved_pages = guess
    return flowables


def _info(model: BriefModel) -> PageInfo:
    a = model.assessment
    school, trust = text.plain(model.school), text.plain(model.trust)
    when = ", ".join(x for x in (text.plain(a.label), formats.date(a.assessed_on)) if x)
    subject = f"How the practice and purposes of {school} relate to {trust}"
    return PageInfo(
        school=school,
        draft=model.draft,
        title=f"Integration brief: {school}",
        author=text.plain(a.assessor) or "ddwizard",
        subject=f"{subject} ({when})" if when else subject,
        total=model.total_pages,
        created=_pdf_date(a.assessed_on),
    )


def _pdf_date(value: str) -> str:
    try:
        d = dt.date.fromisoformat(value.strip())
    except ValueError:
        return ""
    return f"D:{d:%Y%m%d}000000Z"
