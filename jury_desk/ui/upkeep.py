"""The database's upkeep, from the main window: snapshots (the list, one by hand, the
restore of one), the copy to a second folder that failed, the purge of personal data
after a verified export, and its reminder. One per application, beside the
:class:`~jury_desk.ui.main_controller.MainController` whose database it looks after: the
restore and the purge release that database first (``MainController.release_database``)
and close its Desk in the writer thread, after the writes already asked."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jury_desk.core import fsutil
from jury_desk.core.errors import UserError
from jury_desk.qt.core import QObject, Signal, Slot
from jury_desk.ui import dialogs, prefs, wording
from jury_desk.ui.errors import log_failure

if TYPE_CHECKING:
    from jury_desk.core.api import PurgeReport, SnapshotResult
    from jury_desk.ui import maintenance
    from jury_desk.ui.main_controller import MainController

log = logging.getLogger(__name__)


class DatabaseUpkeep(QObject):
    """Connected to the « Instantanés… » and « Effacer les données… » actions, the
    reminder's button and the warning bar by :meth:`connect_actions`."""

    def __init__(self, main: MainController) -> None:
        super().__init__(main)
        self.main = main
        self.settings = main.settings
        self._reminded: set[Path] = set()
        self.secondary_watch = SecondaryCopyWatch(self)
        self.secondary_watch.failed.connect(self.secondary_failed)

    def connect_actions(self) -> None:
        window = self.main.window
        m = window.maintenance
        m.snapshots.triggered.connect(self.show_snapshots)
        m.purge.triggered.connect(self.request_purge)
        window.file_menu.aboutToShow.connect(self.refresh_purge_action)
        window.reminder.action_button.clicked.connect(self.request_purge)
        window.warning.clicked.connect(self.warning_clicked)

    def close(self) -> None:
        """The application is closing."""
        self.secondary_watch.close()

    @Slot()
    def show_snapshots(self) -> None:
        """« Instantanés… » : the list; a snapshot now; the restore of the chosen one."""
        from jury_desk.core import api
        from jury_desk.ui import maintenance

        db = self.main.current_db()
        dlg = maintenance.SnapshotsDialog(
            db,
            api.list_snapshots(db, include_secondary=True),
            getattr(self.settings, "secondary_snapshot_dir", None),
            self.main.window,
        )
        dlg.take_button.setEnabled(self.main.desk is not None or db.is_file())
        dlg.snapshotRequested.connect(lambda: self.take_snapshot_now(dlg))
        if dlg.exec() == maintenance.SnapshotsDialog.DialogCode.Accepted and dlg.chosen is not None:
            self.restore_snapshot(dlg.chosen.path)

    def take_snapshot_now(
        self, dlg: maintenance.SnapshotsDialog | None = None
    ) -> Future[SnapshotResult] | None:
        """A snapshot by hand, through the writer (after the writes already asked)."""
        from jury_desk.core import api

        try:
            desk = self.main.get_desk()
        except UserError as exc:
            dialogs.show_user_error(self.main.window, exc)
            return None

        def done(result: SnapshotResult) -> None:
            if result.secondary_error:
                text = self.tr(
                    "Instantané pris : « {name} ». Mais sa copie dans le second dossier a échoué."
                ).format(name=result.path.name)
            else:
                text = self.tr("Instantané pris : « {name} ».").format(name=result.path.name)
            self.main.hub.statusMessage.emit(text)
            if dlg is not None:
                with contextlib.suppress(RuntimeError):  # the dialog may be gone
                    dlg.set_items(api.list_snapshots(desk.db_path, include_secondary=True))
                    dlg.show_message(text, warning=bool(result.secondary_error))

        return self.main.writer.submit(
            api.snapshot, desk, "manuel", on_done=done, on_error=self.main.report_unhandled
        )

    @Slot(str)
    def secondary_failed(self, kind: str) -> None:
        """A snapshot's copy to the second folder failed: a warning that does not block."""
        folder = getattr(self.settings, "secondary_snapshot_dir", None)
        self.main.window.show_warning(
            self.tr("Copie de l’instantané sur le second dossier échouée"),
            self.tr(
                "L’instantané est bien enregistré à côté de la base, mais sa copie dans le second "
                "dossier « {dir} » a échoué ({kind}) : vérifiez que la clé USB est branchée et "
                "qu’elle a de la place. La séance peut continuer."
            ).format(dir=str(folder or "?"), kind=kind),
        )

    @Slot()
    def warning_clicked(self) -> None:
        self.main.window.warning.hide()
        self.show_snapshots()

    def restore_snapshot(self, snapshot: Path) -> asyncio.Task[Any]:
        return self.main.spawn(self._restore(Path(snapshot)))

    async def _restore(self, snapshot: Path) -> Path | None:
        """Stop the writes, close the Desk, ``api.restore``, reopen the Desk and the
        console on the same session. The instance lock is kept throughout. Returns the
        snapshot taken of the state before, or None when refused."""
        from jury_desk.core import api

        db = self.main.current_db()
        sid = (
            self.main.ctx.sid
            if self.main.ctx is not None
            else getattr(self.settings, "last_session_id", None)
        )
        self.main.release_database()
        self.main.window.setEnabled(False)
        self.main.window.statusBar().showMessage(self.tr("Restauration de l’instantané…"))
        safety: Path | None = None
        refused: UserError | None = None
        failed: Exception | None = None
        try:
            safety = await self.main.writer.run(
                self.main.close_desk_then, api.restore, db, snapshot
            )
        except UserError as exc:  # the database is untouched
            refused = exc
        except Exception as exc:  # reported below, once the session is open again
            failed = exc
        finally:
            self.main.window.setEnabled(True)
            self.main.window.statusBar().clearMessage()
        self.main.db_path = db
        if refused is not None:
            dialogs.show_user_error(self.main.window, refused, self.tr("Restauration refusée"))
        self.main.reopen(sid)
        if failed is not None:
            raise failed
        if refused is None:
            self.main.hub.statusMessage.emit(
                self.tr(
                    "Instantané restauré. L’état d’avant est conservé dans l’instantané « {name} »."
                ).format(name=safety.name if safety else "—")
            )
        self.refresh_purge_action()
        return None if refused is not None else safety

    # ------------------------------------------------------------------ purge

    @Slot()
    def refresh_purge_action(self) -> None:
        """« Effacer les données de cette base… » is enabled once every real session's
        last export was verified (``api.purge_status``); otherwise its tooltip says why."""
        from jury_desk.core import api

        act = self.main.window.maintenance.purge
        try:
            status = api.purge_status(self.main.current_db(), settings=self.settings)
        except Exception as exc:  # never let a menu fail to open
            log_failure(log, "purge status unavailable", exc)
            act.setEnabled(False)
            return
        if not status.exists:
            act.setEnabled(False)
            act.setToolTip(self.tr("Aucune base ouverte."))
        elif status.allowed:
            act.setEnabled(True)
            act.setToolTip(
                self.tr("Efface la base, ses pièces jointes, ses instantanés et ses exports.")
            )
        else:
            act.setEnabled(False)
            act.setToolTip("\n".join(wording.problem(p) for p in status.problems))
        act.setStatusTip(act.toolTip())

    @Slot()
    def request_purge(self) -> asyncio.Task[Any] | None:
        """Refused with its reasons unless allowed; then the strong confirmation; then the purge."""
        from jury_desk.core import api

        db = self.main.current_db()
        status = api.purge_status(db, settings=self.settings)
        if not status.exists:
            self.main.hub.statusMessage.emit(self.tr("Aucune base à effacer."))
            return None
        if not status.allowed:
            dialogs.show_user_error(
                self.main.window,
                UserError(
                    "purge_refused",
                    self.tr(
                        "L’effacement est refusé : des résultats n’ont pas encore été remis "
                        "en lieu sûr (export vérifié). Rien n’a été effacé."
                    ),
                    details=[wording.problem(p) for p in status.problems],
                ),
                self.tr("Effacement refusé"),
            )
            return None
        from jury_desk.ui import maintenance

        if not maintenance.ask_purge(self.main.window, status):
            return None
        return self.main.spawn(self._purge(db))

    async def _purge(self, db: Path) -> PurgeReport | None:
        """Close everything on this database, ``api.purge``, give the lock back, and
        return to the welcome screen with the outcome. Returns the report (None if refused)."""
        from jury_desk.core import api, instance
        from jury_desk.ui import maintenance

        self.main.release_database()
        self.main.show_welcome()
        self.main.window.setEnabled(False)
        self.main.window.statusBar().showMessage(self.tr("Effacement des données…"))
        try:
            report = await self.main.writer.run(
                self.main.close_desk_then, api.purge, db, settings=self.settings
            )
        except UserError as exc:
            dialogs.show_user_error(self.main.window, exc, self.tr("Effacement refusé"))
            return None
        finally:
            self.main.window.setEnabled(True)
            self.main.window.statusBar().clearMessage()
        if (
            self.main.lock is not None
            and self.main.lock_path is not None
            and self.main.lock_path.resolve() == db.resolve()
        ):
            self.main.lock.release()
            self.main.lock = None
            self.main.lock_path = None
            with contextlib.suppress(OSError, UserError):
                fsutil.unlink(instance.lock_path(db), missing_ok=True)
        last = getattr(self.settings, "last_db", None)
        if last is not None and Path(last).resolve() == db.resolve():
            prefs.update(self.settings, last_db=None, last_session_id=None)
        self.main.window.reminder.hide()
        self._reminded.discard(db.resolve())
        self.main.show_welcome()
        summary, _details = maintenance.purge_report_text(report)
        self.main.window.welcome.show_message(summary)
        self.main.hub.statusMessage.emit(summary)
        maintenance.show_purge_report(self.main.window, report)
        self.refresh_purge_action()
        return report

    def check_purge_reminder(self) -> bool:
        """The start-up reminder: a banner (never a modal dialog) when every real session of
        this database is past its retention period (``api.purge_due``); once per run."""
        from jury_desk.core import api

        db = self.main.current_db()
        key = db.resolve()
        if key in self._reminded:
            return False
        try:
            due = db.is_file() and api.purge_due(db, settings=self.settings)
        except Exception as exc:
            log_failure(log, "purge reminder unavailable", exc)
            return False
        if due:
            self._reminded.add(key)
            self.main.window.reminder.show_text(
                self.tr(
                    "Le délai de conservation des données de cette base ({days} jours après l’export) est "
                    "passé : pensez à effacer ses données personnelles (Fichier → Effacer les données de "
                    "cette base…)."
                ).format(days=getattr(self.settings, "purge_after_days", 30))
            )
        return due


class SecondaryCopyWatch(QObject):
    """Turns ``core.snapshots``' « secondary snapshot copy failed » warning into a signal.

    Every snapshot goes through ``core.snapshots`` (after a hearing from the timer, before
    an export, by hand), in whatever thread; the copy to the second folder reports its
    failure by a warning in the log (the primary snapshot stands). This handler watches
    that logger and emits :attr:`failed` (queued: delivered in the GUI thread). Only the
    exception's type is logged there, so the signal carries nothing personal.
    """

    failed = Signal(str)  # the exception's type name

    LOGGER = "jury_desk.core.snapshots"
    MARK = "secondary snapshot copy failed"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = _WatchHandler(self)
        logging.getLogger(self.LOGGER).addHandler(self._handler)

    def close(self) -> None:
        logging.getLogger(self.LOGGER).removeHandler(self._handler)


class _WatchHandler(logging.Handler):
    def __init__(self, watch: SecondaryCopyWatch) -> None:
        super().__init__(logging.WARNING)
        self.watch = watch

    def emit(self, record: logging.LogRecord) -> None:
        if str(record.msg).startswith(SecondaryCopyWatch.MARK):
            kind = str(record.args[0]) if isinstance(record.args, tuple) and record.args else ""
            with contextlib.suppress(RuntimeError):  # the watch is gone (application closing)
                self.watch.failed.emit(kind)
