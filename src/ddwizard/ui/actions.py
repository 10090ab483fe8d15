"""What the File menu and the start screen do: new, re-assess, delete, import, export, the
brief and the demo. Slow work goes through the runner, each job on its own database
connection (SQLite connections stay on the thread that made them)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ddwizard import services
from ddwizard.core.errors import UserError
from ddwizard.storage import Database, DuplicateAssessment, StorageError

BUNDLES = "ddwizard bundles (*.json);;All files (*)"
PDF = "PDF files (*.pdf)"
WORD = "Word documents (*.docx)"
PDF_OR_WORD = "PDF files (*.pdf);;Word documents (*.docx)"
NEEDS_NAMES = (
    "Give the school and the trust their names first (on the About step): "
    "both are needed to share an assessment."
)


def today() -> str:
    return datetime.date.today().isoformat()


def file_name(*parts: str) -> str:
    text = " - ".join(p for p in parts if p) or "assessment"
    return re.sub(r'[\\/:*?"<>|]+', "", text).strip()


def dropped_text(result, earlier) -> str:
    """What a re-assessment with a newer questionnaire could not carry, in words: the
    questions as the earlier questionnaire (`earlier`) asked them."""
    lines = []
    for qid in result.dropped[:SHOWN]:
        question = earlier.question(qid)
        lines.append(f"• {question.text.strip() if question else qid}")
    if len(result.dropped) > SHOWN:
        lines.append(f"…and {len(result.dropped) - SHOWN} more.")
    return (
        f"{len(result.carried)} answers came across. {len(result.dropped)} could not, because "
        "the question or the chosen option is not in the newer questionnaire (they stay in "
        "the earlier assessment, which is unchanged):\n" + "\n".join(lines)
    )


SHOWN = 12  # dropped questions named one by one; the rest are counted


def in_own_connection(path: Path, work: Callable[[Database], object]) -> Callable[[], object]:
    def job():
        with Database(path) as db:
            return work(db)

    return job


REPLACE = "Replace it (a backup is taken first)"
KEEP_BOTH = "Keep both"
NOT_A_BUNDLE = (
    "{name} is not a ddwizard bundle. A bundle is the .json file that File > Export bundle "
    "makes, in this copy of ddwizard or another. Choose one of those and try again."
)


def import_error_words(e: Exception, path: str) -> str:
    """Why a file could not be imported, in the app's words: a file that is not a bundle at
    all is named as such (no parser's messages); anything else says what is wrong in it."""
    text = error_text(e)
    if "not valid JSON" in text or "not a ddwizard assessment bundle" in text:
        return NOT_A_BUNDLE.format(name=Path(path).name)
    return text


def error_text(e: Exception) -> str:
    """An error in words: ours carry their own; anything else is named as unexpected."""
    if isinstance(e, UserError):
        return "\n".join(e.lines())
    if isinstance(e, OSError):
        return str(e)
    return f"Something unexpected went wrong ({type(e).__name__}: {e})."


class FileActions(QObject):
    opened = Signal(int, str)  # assessment id, step to show ("" for the usual)
    listChanged = Signal()
    message = Signal(str)  # for the status bar
    aside = Signal(str)  # for the status bar, unless it is showing a message already
    busy = Signal(str)  # a background job started ("" when all are done)

    def __init__(self, db: Database, model, runner, dialogs, parent=None) -> None:
        super().__init__(parent)
        self.db, self.model, self.runner, self.dialogs = db, model, runner, dialogs
        runner.busyChanged.connect(lambda on: on or self.busy.emit(""))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every background job has run."""
        return self.runner.wait(msecs)

    # --- on the UI thread (quick) -------------------------------------------------------------

    def new_assessment(self) -> int | None:
        from ddwizard.core.assessment import Assessment, School, Trust, new_uid

        try:
            q = services.ensure_default(self.db)
            recent = self.db.list_assessments()
            trust = recent[0].trust if recent else ""
            assessor = recent[0].assessor if recent else ""
            a = Assessment(
                new_uid(),
                School(""),
                Trust(trust),
                q.id,
                q.version,
                assessor=assessor,
                assessed_on=today(),
            )
            new_id = self.db.create_assessment(a, q)
        except UserError as e:
            self.dialogs.error("New assessment", error_text(e))
            return None
        self.listChanged.emit()
        self.opened.emit(new_id, "about")
        return new_id

    def reassess(self, assessment_id: int) -> int | None:
        """A new assessment of the same school and trust, starting from this one's answers,
        notes and targets, so movement can be seen later; with the newer questionnaire if
        one is here and the user takes it (then what no longer fits is listed)."""
        try:
            newer = self._newer_questionnaire(assessment_id)
            if newer is False:
                return None  # the question about the newer version was dismissed
            new_id, result = services.reassess(self.db, assessment_id, newer, today())
        except UserError as e:
            self.dialogs.error("Re-assess", error_text(e))
            return None
        if result.dropped:
            earlier = self.db.questionnaire_for(assessment_id)
            self.dialogs.inform("Re-assess", dropped_text(result, earlier))
        self.listChanged.emit()
        self.opened.emit(new_id, "about")
        return new_id

    def _newer_questionnaire(self, assessment_id: int):
        """The newer questionnaire if one is here and wanted; None to keep the assessment's
        own; False when the user dismissed the question."""
        from ddwizard.core.reassess import newer_than

        own = self.db.questionnaire_for(assessment_id)
        newest = services.newest_questionnaire(self.db, own.id)
        if newest is None or not newer_than(newest.version, own.version):
            return None
        choice = self.dialogs.choose(
            "Re-assess",
            f"A newer version of the questionnaire '{own.title}' is here (version "
            f"{newest.version}; this assessment used version {own.version}). Answers to "
            "questions that are still asked, with the same options, come across either way.",
            [f"Use version {newest.version}", f"Keep version {own.version}"],
        )
        return False if choice is None else (newest if choice == 0 else None)

    def delete(self, assessment_id: int) -> bool:
        info = self.db.assessment_info(assessment_id)
        what = f"{info.label or 'the assessment'} of {info.school or 'an unnamed school'}"
        if not self.dialogs.confirm(
            "Delete assessment",
            f"Delete {what}? This cannot be undone (backups are "
            "kept, and File > Restore can put one back).",
            "Delete",
        ):
            return False
        if self.model.assessment_id == assessment_id:
            self.model.close()
        try:
            self.db.delete_assessment(assessment_id)
        except StorageError as e:
            self.dialogs.error("Delete assessment", str(e))
            return False
        self.listChanged.emit()
        self.message.emit("Assessment deleted.")
        return True

    # --- in the background --------------------------------------------------------------------

    def import_bundle(self, path: str | None = None, mode: str = services.ImportMode.REFUSE):
        path = path or self.dialogs.get_open_path("Import a bundle", "", BUNDLES)
        if not path:
            return

        def work(db: Database) -> int:
            assessment, questionnaire = services.read_bundle_file(db, path)
            return services.import_assessment(db, assessment, questionnaire, mode)

        self._run(
            work, "Importing the bundle…", self._imported, lambda e: self._import_failed(e, path)
        )

    def _imported(self, new_id: int) -> None:
        self.listChanged.emit()
        self.message.emit("Bundle imported.")
        self.opened.emit(new_id, "")

    def _import_failed(self, e: Exception, path: str) -> None:
        if not isinstance(e, DuplicateAssessment):
            self.dialogs.error("Import a bundle", import_error_words(e, path))
            return
        info = self.db.assessment_info(e.existing_id)
        name = ", ".join(x for x in (info.school, info.trust, info.label) if x)
        choice = self.dialogs.choose(
            "Import a bundle",
            f"This assessment is already here (number {e.existing_id}: {name}). Replace it "
            "with the one in the bundle, or keep both?",
            [REPLACE, KEEP_BOTH],
        )
        if choice is not None:
            mode = [services.ImportMode.REPLACE, services.ImportMode.COPY][choice]
            if mode == services.ImportMode.REPLACE and self.model.assessment_id == e.existing_id:
                self.model.close()
            self.import_bundle(path, mode)

    def export_bundle(self, assessment_id: int | None = None) -> None:
        assessment_id = assessment_id or self.model.assessment_id
        if assessment_id is None:
            return
        self.model.flush()
        info = self.db.assessment_info(assessment_id)
        if not (info.school.strip() and info.trust.strip()):
            self.dialogs.error("Export bundle", NEEDS_NAMES)
            return
        suggested = file_name(info.school, info.label or info.assessed_on) + ".json"
        path = self.dialogs.get_save_path("Export bundle", suggested, BUNDLES)
        if path:
            self._run(
                lambda db: services.export_assessment(db, assessment_id, path),
                "Exporting the bundle…",
                lambda p: self.message.emit(f"Saved {p}."),
                lambda e: self.dialogs.error("Export bundle", error_text(e)),
            )

    def export_brief(self) -> None:
        """The board paper as a PDF."""
        self._export_brief(word=False)

    def export_brief_word(self) -> None:
        """The same board paper as an editable Word document."""
        self._export_brief(word=True)

    def _export_brief(self, word: bool) -> None:
        """The board paper, written from the assessment in memory, in the background. (A
        menu action's `triggered` passes a bool: hence the two public slots that take none.)"""
        if not self.model.is_open():
            return
        self.model.flush()
        if not self.model.ensure_current():  # replaced from outside: reloaded, not exported
            return
        a, q = self.model.assessment, self.model.questionnaire
        if not (a.school.name.strip() and a.trust.name.strip()):
            self.dialogs.error("Export brief", NEEDS_NAMES)
            return
        suffix, kind = (".docx", WORD) if word else (".pdf", PDF)
        suggested = file_name(a.school.name, "integration brief") + suffix
        title = "Export the brief as Word" if word else "Export the integration brief"
        path = self.dialogs.get_save_path(title, suggested, kind)
        if not path:
            return
        if word and not str(path).lower().endswith(".docx"):
            path = f"{path}.docx"  # the writer picks the format by the name

        earlier = self._earlier()

        def work():
            from ddwizard.report import write_brief  # heavy (ReportLab): only when asked

            write_brief(path, a, q, earlier=earlier)
            return path

        self._run(
            work,
            "Writing the brief…",
            lambda p: self.message.emit(f"Brief saved to {p}."),
            lambda e: self.dialogs.error("Export brief", error_text(e)),
            needs_db=False,
        )

    def print_visit_pack(self) -> None:
        """The visit pack (documents to request, the visit's questions) as PDF or Word,
        written from the snapshot in the background."""
        if not self.model.is_open():
            return
        self.model.flush()
        a, q = self.model.assessment, self.model.questionnaire
        suggested = file_name(a.school.name, "visit pack") + ".pdf"
        path = self.dialogs.get_save_path("Print the visit pack", suggested, PDF_OR_WORD)
        if not path:
            return
        if not Path(path).suffix:
            path += ".pdf"

        def work():
            from ddwizard.report.visit_pack import write_visit_pack  # heavy: only when asked

            return str(write_visit_pack(path, a, q))

        self._run(
            work,
            "Writing the visit pack…",
            lambda p: self.message.emit(f"Visit pack saved to {p}."),
            lambda e: self.dialogs.error("Print visit pack", error_text(e)),
            needs_db=False,
        )

    def _earlier(self):
        """The most recent earlier assessment of the same school and trust, for movement."""
        try:
            found = self.model.earlier_assessments()
            return self.model.load_other(found[0].id) if found else None
        except StorageError:
            return None

    def demo(self) -> None:
        self._run(
            lambda db: services.add_demo(db)[0],
            "Adding the demo assessments…",
            self._demo_added,
            lambda e: self.dialogs.error("Explore the demo", error_text(e)),
        )

    def _demo_added(self, new_id: int) -> None:
        self.listChanged.emit()
        self.opened.emit(new_id, "plane")

    def auto_backup(self) -> None:
        """On opening: a backup if anything changed since the last, quietly."""
        self.runner.run(
            in_own_connection(self.db.path, lambda db: db.auto_backup()),
            lambda taken: taken and self.aside.emit("Backup taken."),
            lambda e: self.message.emit(f"Backup not taken: {error_text(e)}"),
        )

    def _run(self, work, label: str, on_done, on_error, needs_db: bool = True) -> None:
        """Run `work` in the background; `needs_db`: it takes its own connection."""
        self.busy.emit(label)
        job = in_own_connection(self.db.path, work) if needs_db else work
        self.runner.run(job, on_done, on_error)
