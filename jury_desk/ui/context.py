"""What every controller of an open session shares: the desk, the session, its state,
the hub and the one writer."""

from __future__ import annotations

from dataclasses import dataclass

from jury_desk.core.domain import Dossier
from jury_desk.core.services import Desk, SessionState
from jury_desk.ui.hub import Hub
from jury_desk.ui.writer import DbWriter


@dataclass
class SessionContext:
    desk: Desk
    sid: str
    hub: Hub
    writer: DbWriter
    st: SessionState

    @classmethod
    def open(cls, desk: Desk, sid: str, hub: Hub, writer: DbWriter) -> SessionContext:
        return cls(desk, sid, hub, writer, desk.state(sid))

    def reload(self) -> SessionState:
        """Re-read the whole session (about 3 ms for the demo) after a structural change."""
        self.st = self.desk.state(self.sid)
        return self.st

    def dossier(self, dossier_id: str) -> Dossier:
        return self.st.dossier(dossier_id)

    def dossier_ids(self) -> list[str]:
        return [d.id for d in sorted(self.st.dossiers, key=lambda d: d.hearing_order)]
