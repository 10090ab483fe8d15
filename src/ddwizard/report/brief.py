"""The board paper (the integration brief): built once as a document model, written as PDF
(ReportLab) or Word (python-docx). Both are written atomically: on any failure no file,
and no partial file, is left behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from reportlab import rl_config

from ddwizard.core.assessment import Assessment
from ddwizard.core.errors import UserError
from ddwizard.core.questionnaire import Questionnaire
from ddwizard.fileio import WriteError, atomic_write
from ddwizard.report import figures, fonts, pdf
from ddwizard.report.blocks import Paper
from ddwizard.report.board import build_paper
from ddwizard.report.model import make_model


class BriefError(UserError):
    """The brief could not be made; the message says why, in words."""


def render_brief(
    assessment: Assessment,
    questionnaire: Questionnaire,
    *,
    earlier: tuple[Assessment, Questionnaire] | None = None,
) -> bytes:
    """The board paper as PDF bytes. The same assessment always gives the same bytes."""
    paper = make_paper(assessment, questionnaire, earlier=earlier)
    try:
        with _settings(), fonts.typesetting():
            return pdf.render(paper)
    except fonts.FontError as e:
        raise BriefError(f"could not make the brief: {e}") from e
    except Exception as e:  # ReportLab's LayoutError and friends: report them in words
        raise BriefError(f"could not lay out the brief: {e}") from e


def render_brief_docx(
    assessment: Assessment,
    questionnaire: Questionnaire,
    *,
    earlier: tuple[Assessment, Questionnaire] | None = None,
) -> bytes:
    """The same board paper as a Word document (bytes)."""
    from ddwizard.report import word  # python-docx: only for a Word paper

    paper = make_paper(assessment, questionnaire, earlier=earlier)
    try:
        return word.render(paper)
    except fonts.FontError as e:
        raise BriefError(f"could not make the brief: {e}") from e
    except Exception as e:  # python-docx and lxml raise several kinds
        raise BriefError(f"could not write the Word brief: {e}") from e


def make_paper(
    assessment: Assessment,
    questionnaire: Questionnaire,
    *,
    earlier: tuple[Assessment, Questionnaire] | None = None,
) -> Paper:
    """The board paper's document model, shared by both formats."""
    _check(assessment, questionnaire, "assessment")
    if earlier is not None:
        _check(earlier[0], earlier[1], "earlier assessment")
    try:
        model = make_model(assessment, questionnaire, earlier)
        with fonts.typesetting():
            return build_paper(model, figures.measure(pdf.PLOT))
    except fonts.FontError as e:
        raise BriefError(f"could not make the brief: {e}") from e


def write_brief(
    path: str | os.PathLike,
    assessment: Assessment,
    questionnaire: Questionnaire,
    *,
    earlier: tuple[Assessment, Questionnaire] | None = None,
) -> Path:
    """Render the brief, as Word when `path` ends in .docx and as PDF otherwise, and write it
    atomically: on any failure no file (and no partial file) is left behind. Raises
    BriefError or fileio.WriteError."""
    target = Path(path)
    _check_target(target)  # before spending a second on layout
    render = render_brief_docx if target.suffix.lower() == ".docx" else render_brief
    data = render(assessment, questionnaire, earlier=earlier)
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
