"""Paper in the console (issue 13, items 3 and 7): paper sheets imported with a preview,
a double entry, blank scoring sheets and the attendance sheet as PDFs.

The rules are in core (:mod:`jury_desk.core.sheets`, :mod:`jury_desk.core.paper`); the
write goes through the application's one database writer, and the console, the shared
screen and the deliberation follow through the hub.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jury_desk.core.errors import UserError
from jury_desk.qt.core import QObject, Slot
from jury_desk.ui import dialogs

if TYPE_CHECKING:
    from jury_desk.ui.sheets_dialog import SheetsPreviewDialog

# The sheets' rules and preview, the file dialogs: imported at first use (a command),
# not on the way to the console's first paint (issue 15).

log = logging.getLogger(__name__)


class PaperController(QObject):
    def __init__(self, console: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.ctx = console.ctx
        self.view = console.view
        self.last_dialog: SheetsPreviewDialog | None = None
        a = console.actions
        self._connections = [
            (a.import_sheets.triggered, self.import_sheets),
            (a.double_entry.triggered, self.double_entry),
            (a.print_sheets.triggered, self.print_blank_sheets),
            (a.print_attendance.triggered, self.print_attendance_sheet),
        ]
        for sig, slot in self._connections:
            sig.connect(slot)

    def disconnect_all(self) -> None:
        for sig, slot in self._connections:
            with contextlib.suppress(RuntimeError, TypeError):
                sig.disconnect(slot)

    # ------------------------------------------------------------------ import

    def _choose_csv(self, title: str) -> Path | None:
        if dialogs.HEADLESS:
            return None
        from jury_desk.qt.widgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.view, title, str(Path.home()), self.tr("Feuilles CSV (*.csv *.txt)")
        )
        return Path(name) if name else None

    @Slot()
    def import_sheets(self) -> None:
        path = self._choose_csv(self.tr("Importer des feuilles papier"))
        if path is not None:
            self.import_sheets_from(path)

    @Slot()
    def double_entry(self) -> None:
        first = self._choose_csv(self.tr("Double saisie : la première saisie"))
        if first is None:
            return
        second = self._choose_csv(self.tr("Double saisie : la seconde saisie"))
        if second is not None:
            self.import_sheets_from(first, second)

    def import_sheets_from(self, path: Path, second: Path | None = None) -> bool:
        """Preview ``path`` (compared with ``second``, a double entry), then write it."""
        from jury_desk.core import sheets
        from jury_desk.qt.widgets import QDialog
        from jury_desk.ui.sheets_dialog import SheetsPreviewDialog

        try:
            data = Path(path).read_bytes()
            plan = sheets.plan_scores_import(self.ctx.st, data)
            diffs = sheets.compare_typings(data, Path(second).read_bytes()) if second else None
        except OSError as exc:
            dialogs.show_user_error(
                self.view,
                UserError(
                    "csv_unreadable",
                    self.tr("Impossible de lire « {path} » ({error}).").format(
                        path=path, error=exc.strerror or exc
                    ),
                ),
            )
            return False
        except UserError as exc:
            dialogs.show_user_error(self.view, exc)
            return False
        dialog = SheetsPreviewDialog(self.ctx.st, plan, self.view, differences=diffs)
        self.last_dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            rows = dialog.rows_to_write()
        finally:
            dialog.deleteLater()
        dossiers = sorted({r[0] for r in rows})
        hub = self.ctx.hub

        def done(_result: Any) -> None:
            for d in dossiers:
                hub.scoresChanged.emit(d)
            hub.statusMessage.emit(
                self.tr("{n} note(s) des feuilles papier enregistrée(s).").format(n=len(rows))
            )

        self.console._write(
            self.ctx.desk.record_scores, self.ctx.sid, rows, "feuilles-papier", done=done
        )
        return True

    # ------------------------------------------------------------------ printing

    def _save_pdf(self, suggested: str, data: bytes) -> Path | None:
        from jury_desk.core import paths
        from jury_desk.qt.core import QUrl
        from jury_desk.qt.gui import QDesktopServices
        from jury_desk.qt.widgets import QFileDialog

        folder = paths.default_export_dir()
        if dialogs.HEADLESS:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self.view, self.tr("Enregistrer le PDF"), str(Path(folder) / suggested), "PDF (*.pdf)"
        )
        if not name:
            return None
        out = Path(name)
        out.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        return out

    @Slot()
    def print_blank_sheets(self, path: Path | None = None) -> Path | None:
        from jury_desk.core import api  # reportlab: when printed

        data = api.blank_sheets_pdf(self.ctx.st)
        if path is not None:
            Path(path).write_bytes(data)
            return Path(path)
        return self._save_pdf("feuilles-de-notation-vierges.pdf", data)

    @Slot()
    def print_attendance_sheet(self, path: Path | None = None) -> Path | None:
        from jury_desk.core import api  # reportlab: when printed

        data = api.attendance_sheet_pdf(self.ctx.st)
        if path is not None:
            Path(path).write_bytes(data)
            return Path(path)
        return self._save_pdf("feuille-emargement.pdf", data)
