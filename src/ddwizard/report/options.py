"""The options paper: one school's candidate trusts side by side, for its governing board.

Built once as the board paper's document model (`blocks`) from a comparison of kind
`trusts`, from the same pieces as each trust's own board paper, and written as PDF or Word
by the same writers. Files are written whole or not at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from ddwizard.core.compare import Comparison
from ddwizard.fileio import atomic_write
from ddwizard.report import fonts, formats, pdf
from ddwizard.report.blocks import PageBreak, Paper
from ddwizard.report.brief import _check_target
from ddwizard.report.options_cover import cover, summary
from ddwizard.report.options_model import OptionsError, options_model
from ddwizard.report.options_parts import calls, diligence, method, numbers, side_by_side

__all__ = ["OptionsError", "build_options", "render_options", "write_options"]

APPENDICES = ("Appendix A: Positions in numbers", "Appendix B: Method and sources")


def build_options(c: Comparison) -> Paper:
    """The options paper's document model, shared by both formats."""
    om = options_model(c)
    members = [m.assessment for m in c.members]
    authors = list(dict.fromkeys(a.assessor for a in members if a.assessor))
    paper = Paper(
        title=f"Options paper: {om.school}",
        school=om.school,
        trust=formats.names(om.names),
        author=formats.names(authors) or "ddwizard",
        subject=f"Which trust {om.school} might join: {formats.names(om.names, 'or')}",
        draft=om.draft,
        assessed_on=max(a.assessed_on for a in members),
    )
    pages = [
        cover(om),
        summary(om),
        side_by_side(om),
        calls(om),
        diligence(om),
        numbers(om, APPENDICES[0]) + method(om, APPENDICES[1]),
    ]
    for i, blocks in enumerate(pages):
        if i:
            paper.add(PageBreak())
        paper.add(*blocks)
    return paper


def render_options(c: Comparison, word: bool = False) -> bytes:
    """The options paper as PDF bytes (Word with `word`)."""
    paper = build_options(c)
    try:
        with fonts.typesetting():
            if word:
                from ddwizard.report import word as docx_writer  # python-docx: only here

                return docx_writer.render(paper)
            return pdf.render(paper)
    except fonts.FontError as e:
        raise OptionsError(f"could not make the options paper: {e}") from e
    except Exception as e:  # ReportLab's LayoutError, python-docx's and lxml's errors
        raise OptionsError(f"could not lay out the options paper: {e}") from e


def write_options(path: str | os.PathLike, c: Comparison) -> Path:
    """Write the options paper, as Word when `path` ends in .docx and PDF otherwise."""
    target = Path(path)
    _check_target(target)
    return atomic_write(target, render_options(c, word=target.suffix.lower() == ".docx"))
