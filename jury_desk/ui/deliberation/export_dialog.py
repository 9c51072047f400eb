"""The export dialog: target folder, signer, progress, then the verification of what
was written.

The export (``core.export.export_session``) and the verification of what it wrote run
on the application's one database writer (``DbWriter.run``), ordered with every other
write: the dialog stays responsive and shows each step the export reports. The verification
trusts only the key that has just signed, as headquarters trusts that installation.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from jury_desk.core import api, instance
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from jury_desk.qt.core import (
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from jury_desk.qt.gui import QCloseEvent, QDesktopServices
from jury_desk.qt.widgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import dialogs, wording
from jury_desk.ui.deliberation.charts import console_scheme
from jury_desk.ui.deliberation.delegates import CheckLines
from jury_desk.ui.deliberation.models import ChecksModel

if TYPE_CHECKING:
    from jury_desk.ui.writer import DbWriter

T = TypeVar("T")

log = logging.getLogger(__name__)


def default_folder() -> Path:
    """Documents, unless OneDrive syncs it or it is missing (core.paths.default_export_dir)."""
    from jury_desk.core import paths

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return paths.default_export_dir(Path(docs) if docs else None)


def export_file_name(edition: int, session_id: str, seq: int) -> str:
    """« resultat-2026-0d5e7a52-export-02.zip »: the number tells the newest export."""
    short = re.sub(r"[^A-Za-z0-9_-]", "", session_id)[:8] or "session"
    return f"resultat-{edition}-{short}-export-{seq:02d}.zip"


class ExportDialog(QDialog):
    """Writes the signed result bundle of a closed deliberation and verifies it."""

    written = Signal(object)  # api.ExportReport
    verified = Signal(bool)  # the verification of what was written: all checks passed
    failed = Signal(str)  # a refused or failed export (French message)
    ended = Signal()  # after ``verified`` or ``failed``: the dialog is idle again
    _progressed = Signal(int, int)  # from the worker thread: step, steps

    def __init__(
        self,
        desk: Desk,
        session_id: str,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        writer: DbWriter | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.session_id = session_id
        # The application's one database writer: the export (close, audit entries, the
        # verified mark) is ordered with every other write. None: a thread of the loop's
        # default executor (a dialog opened on its own, in a test).
        self.writer = writer
        self._task: asyncio.Future[Any] | None = None
        self._identity: api.SigningIdentity | None = None
        self.report: api.ExportReport | None = None
        self.verify_report: api.VerifyReport | None = None
        st = desk.state(session_id)
        self._seq = st.export_seq + 1
        self._edition = st.info.edition

        self.setWindowTitle(self.tr("Exporter le résultat signé"))
        self.setAccessibleName(self.tr("Exporter le résultat signé"))
        self.setMinimumWidth(760)

        heading = QLabel(self)
        heading.setObjectName("exportHeading")
        heading.setWordWrap(True)
        text = self.tr("Export n° {n} du résultat de « {title} »").format(
            n=self._seq, title=st.info.title
        )
        if self._seq > 1:
            text += "\n" + self.tr(
                "Il remplace l'export n° {n}, qui ne doit plus être transmis."
            ).format(n=self._seq - 1)
        heading.setText(text)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)

        self.folder_edit = QLineEdit(str(folder or default_folder()), self)
        self.folder_edit.setObjectName("exportFolder")
        self.folder_edit.setAccessibleName(self.tr("Dossier de destination"))
        self.browse_button = QPushButton(self.tr("&Parcourir…"), self)
        self.browse_button.setToolTip(self.tr("Choisir le dossier de destination"))
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)

        self.file_label = QLabel(export_file_name(self._edition, session_id, self._seq), self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signer_label = QLabel(self)
        self.signer_label.setWordWrap(True)
        self.signer_label.setText(self._signer_text())

        form = QFormLayout()
        folder_label = QLabel(self.tr("&Dossier :"), self)
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("Fichier :"), self.file_label)
        form.addRow(self.tr("Signataire :"), self.signer_label)

        self.step_label = QLabel(self.tr("Prêt à écrire le paquet de résultat signé."), self)
        self.step_label.setObjectName("exportStep")
        self.step_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progression de l'export"))
        self.progress.setRange(0, len(api.STEPS) + 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)

        self.outcome = QLabel(self)
        self.outcome.setObjectName("exportOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        self.checks = ChecksModel(self)
        self.checks_view = QListView(self)
        self.checks_view.setObjectName("exportChecks")
        self.checks_view.setAccessibleName(self.tr("Vérification de ce qui a été écrit"))
        self.checks_view.setModel(self.checks)
        self.checks_view.setWordWrap(True)
        self.checks_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.checks_view.setItemDelegate(CheckLines(self.checks_view))
        self.checks_view.setMinimumHeight(200)
        self.checks_view.hide()

        self.export_button = QPushButton(self.tr("&Exporter et vérifier"), self)
        self.export_button.setObjectName("primary")
        self.export_button.setDefault(True)
        self.export_button.setToolTip(self.tr("Écrit le paquet signé puis le vérifie (Entrée)"))
        self.export_button.clicked.connect(self.start)
        self.open_button = QPushButton(self.tr("&Ouvrir le dossier"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button = QPushButton(self.tr("&Fermer"), self)
        self.close_button.setToolTip(self.tr("Fermer (Échap)"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.checks_view, 1)
        layout.addLayout(buttons)

        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ signer

    def _signer_text(self) -> str:
        if not api.has_identity():
            return self.tr("Clé de cette installation (créée au premier export)")
        try:
            self._identity = api.load_identity(create=False)
        except UserError as exc:
            return wording.error(exc)
        return self.tr("{name}\nempreinte {kid}").format(
            name=self._identity.name, kid=api.fingerprint_text(self._identity.kid)[:39]
        )

    # ------------------------------------------------------------------ target

    def target_path(self) -> Path:
        folder = Path(self.folder_edit.text().strip() or default_folder()).expanduser()
        path = folder / export_file_name(self._edition, self.session_id, self._seq)
        n = 2
        while path.exists():  # never overwrite an earlier export of the same number
            path = folder / (
                export_file_name(self._edition, self.session_id, self._seq)[:-4] + f"-{n}.zip"
            )
            n += 1
        return path

    @Slot()
    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier de destination"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    @Slot()
    def _open_folder(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.path.parent)))

    # ------------------------------------------------------------------ running

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @Slot()
    def start(self) -> None:
        if self.running or self.report is not None:
            return
        self._task = asyncio.ensure_future(self._run())

    async def _write(self, fn: Callable[[], T]) -> T:
        """Run a write on the application's one writer (or, alone, on the loop's executor)."""
        if self.writer is not None:
            result: T = await self.writer.run(fn)
            return result
        return await asyncio.get_event_loop().run_in_executor(None, fn)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.export_button, self.browse_button, self.folder_edit, self.close_button):
            w.setEnabled(not busy)

    def _on_progress(self, step: int, total: int) -> None:
        self.progress.setValue(step)
        if step < len(api.STEPS):
            self.step_label.setText(
                self.tr("Étape {n} sur {total} : {what}…").format(
                    n=step + 1, total=total, what=wording.export_step(api.STEPS[step])
                )
            )

    async def _run(self) -> None:
        try:
            await self._export_and_verify()
        finally:
            self.ended.emit()

    async def _export_and_verify(self) -> None:
        loop = asyncio.get_event_loop()
        folder = Path(self.folder_edit.text().strip() or default_folder()).expanduser()
        if not folder.is_dir():
            self._fail(self.tr("Le dossier « {f} » n'existe pas.").format(f=folder))
            return
        synced = instance.export_location_warning(folder)  # Windows: a OneDrive folder
        if synced is not None and not dialogs.confirm(
            self,
            self.tr("Dossier synchronisé par OneDrive"),
            wording.problem(synced),
            self.tr("Exporter quand même"),
            self.tr("Choisir un autre dossier"),
        ):
            return
        out = self.target_path()
        from jury_desk.ui.deliberation.closing import signer_from_settings

        signer = signer_from_settings(self)
        self._set_busy(True)
        self.outcome.hide()
        self.checks_view.hide()
        try:
            identity = self._identity
            if identity is None:
                identity = await loop.run_in_executor(None, api.load_identity)
            self._identity = identity
            self.signer_label.setText(self._signer_text())
            report = await self._write(
                partial(
                    api.export_session,
                    self.desk,
                    self.session_id,
                    out,
                    identity,
                    progress=self._progressed.emit,
                    signer=signer,
                )
            )
            self.report = report
            self.file_label.setText(str(report.path))
            self.written.emit(report)
            self.progress.setValue(len(api.STEPS))
            self.step_label.setText(self.tr("Vérification de ce qui a été écrit…"))
            checked = await self._write(
                partial(api.verify_written, self.desk, self.session_id, report, identity)
            )
        except UserError as exc:
            self._set_busy(False)
            self._fail(wording.full(exc))
            return
        except Exception as exc:  # a bug: say so here, and let the log keep the trace
            from jury_desk.ui.errors import log_failure

            log_failure(log, "export failed", exc)
            self._set_busy(False)
            self._fail(self.tr("Erreur inattendue pendant l'export : {e}").format(e=exc))
            return
        self.verify_report = checked
        self.progress.setValue(self.progress.maximum())
        self._show_verification(checked)
        self.close_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.export_button.hide()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.verified.emit(checked.ok)

    def _fail(self, message: str) -> None:
        self.step_label.setText(self.tr("L'export n'a pas été écrit."))
        self.outcome.setText(message)
        self.outcome.setStyleSheet(
            f"background: {console_scheme().alert_bg.name()}; color: {console_scheme().alert_ink.name()};"
            " padding: 8px; font-weight: bold;"
        )
        self.outcome.show()
        self.outcome.setFocus()
        self.failed.emit(message)

    def _show_verification(self, checked: api.VerifyReport) -> None:
        lines = [
            (label, c.ok, detail) for c in checked.checks for label, detail in [wording.check(c)]
        ]
        self.checks.set_checks(lines)
        self.checks_view.show()
        assert self.report is not None
        if checked.ok:
            text = self.tr(
                "✔ Export n° {n} écrit et vérifié : {k} contrôles sur {k} réussis.\n{path}"
            ).format(n=self.report.export_seq, k=len(checked.checks), path=self.report.path)
            style = f"background: #E3F4EA; color: {console_scheme().ok_ink.name()};"
        else:
            failed = len(checked.failed())
            text = self.tr(
                "✘ Export n° {n} écrit, mais la vérification échoue ({f} contrôle(s) en défaut). "
                "Ne le transmettez pas.\n{path}"
            ).format(n=self.report.export_seq, f=failed, path=self.report.path)
            style = f"background: {console_scheme().alert_bg.name()}; color: {console_scheme().alert_ink.name()};"
        self.step_label.setText(self.tr("Terminé."))
        self.outcome.setText(text)
        self.outcome.setAccessibleName(text)
        self.outcome.setStyleSheet(style + " padding: 10px; font-weight: bold;")
        self.outcome.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:  # the archive is being written: let it finish
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running:
            return
        super().reject()
