"""The visit pack: the documents to request before a visit, and the visit's questions in the
order it takes them, to print or to edit. One content model (`visit_pack_model`), written as
PDF (`visit_pack_pdf`) or Word (`visit_pack_docx`).

write_visit_pack(path, assessment, questionnaire) -> Path   (atomic; .pdf or .docx)
"""

from __future__ import annotations

import os
from pathlib import Path

from ddwizard.core.assessment import Assessment
from ddwizard.core.errors import UserError
from ddwizard.core.questionnaire import Questionnaire
from ddwizard.fileio import WriteError, atomic_write
from ddwizard.report.visit_pack_model import make_visit_pack

SUFFIXES = (".pdf", ".docx")


class VisitPackError(UserError):
    """The visit pack could not be made; the message says why, in words."""


def check_suffix(path: str | os.PathLike) -> str:
    """The file's kind ('.pdf' or '.docx'), or a worded error naming the file."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise VisitPackError(
            f"{path}: a visit pack is written as PDF or Word; give a file name ending in "
            ".pdf or .docx"
        )
    return suffix


def render_visit_pack(assessment: Assessment, questionnaire: Questionnaire, kind: str) -> bytes:
    """The visit pack as the bytes of a '.pdf' or '.docx' file."""
    if assessment.questionnaire_id != questionnaire.id:
        raise VisitPackError(
            f"the assessment was made with questionnaire {assessment.questionnaire_id!r}, "
            f"but questionnaire {questionnaire.id!r} was given"
        )
    pack = make_visit_pack(assessment, questionnaire)
    try:
        if kind == ".docx":
            from ddwizard.report.visit_pack_docx import render_docx

            return render_docx(pack)
        from ddwizard.report.visit_pack_pdf import render_pdf

        return render_pdf(pack)
    except Exception as e:  # ReportLab's LayoutError, a font file gone: say so in words
        raise VisitPackError(f"could not make the visit pack: {e}") from e


def write_visit_pack(
    path: str | os.PathLike, assessment: Assessment, questionnaire: Questionnaire
) -> Path:
    """Write the visit pack to `path` (PDF or Word, by its suffix) atomically: on any failure
    no file, and no part of one, is left behind. Raises VisitPackError or WriteError."""
    target = Path(path)
    kind = check_suffix(target)
    if not target.parent.is_dir():
        raise WriteError(f"the folder {target.parent} does not exist")
    return atomic_write(target, render_visit_pack(assessment, questionnaire, kind))
