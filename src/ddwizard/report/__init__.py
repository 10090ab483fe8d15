"""The PDF integration brief: ReportLab layout and figures, Jinja2 narrative.

render_brief(assessment, questionnaire, earlier=None) -> bytes
write_brief(path, assessment, questionnaire, earlier=None) -> Path   (atomic)
"""

from ddwizard.report.brief import BriefError, render_brief, write_brief

__all__ = ["BriefError", "render_brief", "write_brief"]
