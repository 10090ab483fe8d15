"""The board paper (integration brief): one document model, written as PDF or Word.

render_brief(assessment, questionnaire, earlier=None) -> bytes   (PDF)
render_brief_docx(assessment, questionnaire, earlier=None) -> bytes   (Word)
write_brief(path, assessment, questionnaire, earlier=None) -> Path   (atomic; .docx for Word)
"""

from ddwizard.report.brief import BriefError, render_brief, render_brief_docx, write_brief

__all__ = ["BriefError", "render_brief", "render_brief_docx", "write_brief"]
