"""What every controller of an open session shares: the desk, the session, its state,
the hub and the one writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jury_desk.core.domain import Dossier
from jury_desk.core.state import SessionState
from jury_desk.ui.hub import Hub
from jury_desk.ui.writer import DbWriter

if TYPE_CHECKING:
    from jury_desk.core.services import Desk


class SessionContext:
    """The open session. ``st`` may come from the light read path (``core.quickread``)
    while the ``Desk`` (the ORM, 0.3 s to import) is still being opened after the first
    paint: then ``desk`` is given as a function that returns it, called on first use
    (``MainController.get_desk``, which waits for the opening if it is under way)."""

    def __init__(
        self,
        desk: Desk | Callable[[], Desk],
        sid: str,
        hub: Hub,
        writer: DbWriter,
        st: SessionState,
        db_path: Path | None = None,
    ) -> None:
        self._desk: Desk | None = None
        self._open_desk: Callable[[], Desk] | None = None
        if callable(desk):
            self._open_desk = desk
        else:
            self._desk = desk
            db_path = db_path or desk.db_path
        assert db_path is not None
        self.db_path = Path(db_path)
        self.sid = sid
        self.hub = hub
        self.writer = writer
        self.st = st

    @classmethod
    def open(cls, desk: Desk, sid: str, hub: Hub, writer: DbWriter) -> SessionContext:
        return cls(desk, sid, hub, writer, desk.state(sid))

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            assert self._open_desk is not None
            self._desk = self._open_desk()
        return self._desk

    def reload(self) -> SessionState:
        """Re-read the whole session (about 3 ms for the demo) after a structural change."""
        self.st = self.desk.state(self.sid)
        return self.st

    def dossier(self, dossier_id: str) -> Dossier:
        return self.st.dossier(dossier_id)

    def dossier_ids(self) -> list[str]:
        return [d.id for d in sorted(self.st.dossiers, key=lambda d: d.hearing_order)]
