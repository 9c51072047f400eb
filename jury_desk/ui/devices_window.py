"""Jurors' own devices, on the secretary's laptop only (issue 14): start and stop the
server on the network the secretary picks, pair each juror by a QR code, follow who is
connected and how far each sheet is, revoke a device. Never on the shared screen.

The rules are in :mod:`jury_desk.core.devices`, the HTTP in :mod:`jury_desk.devserver`;
every write a device sends runs on the application's one database writer, and the
console follows through the hub (``scoresChanged``).
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jury_desk.core import pairing_cards
from jury_desk.core.devices import DeviceStatus, JurorDevices
from jury_desk.core.errors import UserError
from jury_desk.core.external_copies import ExternalCopies
from jury_desk.devserver import DeviceServer, ServerConfig
from jury_desk.qt.core import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Slot,
)
from jury_desk.qt.gui import QDesktopServices, QPixmap
from jury_desk.qt.network import QAbstractSocket, QNetworkInterface
from jury_desk.qt.widgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import dialogs

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
Index = QModelIndex | QPersistentModelIndex


def candidate_addresses() -> list[tuple[str, str]]:
    """(address, label) of this machine's IPv4 networks, loopback last (for a test)."""
    out: list[tuple[str, str]] = []
    for iface in QNetworkInterface.allInterfaces():
        flags = iface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            text = ip.toString()
            if ip.isLoopback():
                continue
            out.append((text, f"{text} — {iface.humanReadableName()}"))
    out.append(("127.0.0.1", "127.0.0.1 — cet ordinateur seulement"))
    return out


def qr_pixmap(text: str, scale: int = 8) -> QPixmap:
    """A QR code (segno, error correction M) as a pixmap, drawn by us: no network."""
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=scale, border=4)
    pix = QPixmap()
    pix.loadFromData(buf.getvalue(), "PNG")
    return pix


class DevicesModel(QAbstractTableModel):
    """One row per juror: device paired, connected, progress, why they cannot score."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DeviceStatus] = []
        self.headers = [
            self.tr("Juré"),
            self.tr("Appareil"),
            self.tr("Connexion"),
            self.tr("Saisie du dossier en cours"),
        ]

    def set_rows(self, rows: list[DeviceStatus]) -> None:
        if [r.juror_id for r in rows] != [r.juror_id for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        self.rows = rows  # same jurors: tell the views which cells changed, not a reset
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 3))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < 4 else None
        return self.rows[section].name if 0 <= section < len(self.rows) else None

    def text(self, row: DeviceStatus, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return self.tr("appairé") if row.paired else self.tr("non appairé")
        if column == 2:
            if not row.paired:
                return "—"
            return self.tr("connecté") if row.connected else self.tr("pas vu depuis 20 s")
        reasons = {
            "absent": self.tr("absent"),
            "recused": self.tr("déporté pour ce dossier"),
            "closed": self.tr("délibération close"),
            "no_dossier": self.tr("aucun dossier"),
        }
        if row.reason is not None:
            return reasons.get(row.reason, row.reason)
        progress = self.tr("{n} sur {m}").format(n=row.entered, m=row.expected)
        if row.validated:
            return self.tr("{progress} — validée").format(progress=progress)
        return progress

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, index.column())
        return None


class DevicesDialog(QDialog):
    """The secretary's window for the jurors' devices (non-modal)."""

    def __init__(
        self, hub: JurorDevices, server: DeviceServer, spawn: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.server = server
        self._spawn = spawn
        self.setWindowTitle(self.tr("Appareils des jurés"))
        self.setObjectName("devicesDialog")
        self.resize(900, 600)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chaque juré note sur son téléphone ou sa tablette, relié au réseau choisi "
                "ci-dessous (le point d’accès du portable ou le réseau de la salle). Cette "
                "fenêtre n’apparaît jamais sur l’écran partagé."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.address = QComboBox()
        for ip, label in candidate_addresses():
            self.address.addItem(label, ip)
        self.address.setAccessibleName(self.tr("Réseau des appareils"))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setAccessibleName(self.tr("Port"))
        form.addRow(self.tr("&Réseau :"), self.address)
        form.addRow(self.tr("&Port :"), self.port)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("&Démarrer le service"))
        self.stop_button = QPushButton(self.tr("&Arrêter le service"))
        self.state_label = QLabel(self.tr("Service arrêté : aucun appareil ne peut se connecter."))
        self.state_label.setWordWrap(True)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.state_label, 1)
        lay.addLayout(row)
        body = QHBoxLayout()
        self.model = DevicesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Appareils des jurés"))
        body.addWidget(self.table, 3)
        side = QVBoxLayout()
        self.pair_button = QPushButton(self.tr("Appairer le &juré choisi"))
        self.revoke_button = QPushButton(self.tr("Ré&voquer son appareil"))
        self.cards_button = QPushButton(self.tr("&Imprimer les cartes d’appairage…"))
        self.cards_button.setToolTip(
            self.tr(
                "Une carte par juré pas encore appairé, avec son code QR : un PDF ouvert "
                "dans le lecteur du système pour l’imprimer, effacé à la fermeture."
            )
        )
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(260, 260)
        self.qr_caption = QLabel()
        self.qr_caption.setWordWrap(True)
        self.qr_caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.addWidget(self.pair_button)
        side.addWidget(self.revoke_button)
        side.addWidget(self.cards_button)
        side.addWidget(self.qr)
        side.addWidget(self.qr_caption)
        side.addStretch(1)
        body.addLayout(side, 2)
        lay.addLayout(body, 1)
        self.start_button.clicked.connect(self._start)
        self.stop_button.clicked.connect(self._stop)
        self.pair_button.clicked.connect(self._pair)
        self.revoke_button.clicked.connect(self._revoke)
        self.cards_button.clicked.connect(self.print_cards)
        # The cards file is a key to the jurors' sheets: private, removed on close.
        self.copies = ExternalCopies()
        self.opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.timer = QTimer(self)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    # ------------------------------------------------------------------ state

    def selected_juror(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[rows[0].row()].juror_id

    @Slot()
    def refresh(self) -> None:
        self.model.set_rows(self.hub.statuses())
        running = self.server.running
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.address.setEnabled(not running)
        self.port.setEnabled(not running)
        self.pair_button.setEnabled(running)
        self.revoke_button.setEnabled(running)
        self.cards_button.setEnabled(running)
        if not running:
            self.qr.clear()
            self.qr_caption.clear()

    # ------------------------------------------------------------------ actions

    @Slot()
    def _start(self) -> None:
        self._spawn(self.start(str(self.address.currentData()), self.port.value()))

    async def start(self, host: str, port: int) -> ServerConfig | None:
        try:
            config = await self.server.start(host, port)
        except UserError as exc:
            dialogs.show_user_error(self, exc)
            return None
        self.state_label.setText(
            self.tr("Service démarré sur {url} : appairez chaque juré.").format(url=config.origin)
        )
        self.refresh()
        return config

    @Slot()
    def _stop(self) -> None:
        self._spawn(self.stop())

    async def stop(self) -> None:
        await self.server.stop()
        self.state_label.setText(
            self.tr("Service arrêté : les codes d’appairage ne valent plus rien.")
        )
        self.refresh()

    @Slot()
    def _pair(self) -> None:
        jid = self.selected_juror()
        if jid is not None:
            self.pair(jid)

    def pair(self, juror_id: str) -> str:
        """A new code for this juror, shown as a QR code here (and nowhere else)."""
        config = self.server.config
        assert config is not None and self.server.running
        token = self.hub.pair(juror_id)
        url = config.url(token)
        self.qr.setPixmap(qr_pixmap(url))
        name = self.hub.state.juror(juror_id).name
        self.qr.setAccessibleName(self.tr("Code QR d’appairage de {name}").format(name=name))
        self.qr_caption.setText(
            self.tr("{name} : scannez ce code, ou ouvrez {url}").format(name=name, url=url)
        )
        self.refresh()
        return url

    @Slot()
    def print_cards(self) -> Path | None:
        """A new code for every juror not yet paired, as printed cards: a PDF written
        in a private temporary folder and opened in the system's reader to print it
        (never on the shared screen), removed when the application closes."""
        config = self.server.config
        if config is None or not self.server.running:
            return None
        st = self.hub.state
        todo = [j for j in st.jurors if not self.hub.paired(j.id)]
        if not todo:
            self.state_label.setText(
                self.tr(
                    "Tous les jurés sont déjà appairés : révoquez un appareil pour refaire "
                    "la carte de son juré."
                )
            )
            return None
        cards = [pairing_cards.Card(j.name, config.url(self.hub.pair(j.id))) for j in todo]
        try:
            pdf = pairing_cards.cards_pdf(st.info.title, cards)
            path = self.copies.write(self.tr("cartes-appairage"), ".pdf", pdf)
        except Exception as exc:
            for j in todo:  # printed nowhere: the codes must not stay valid
                self.hub.revoke(j.id)
            log.exception("pairing cards could not be written")
            self.state_label.setText(
                self.tr("Les cartes d’appairage n’ont pas pu être écrites ({detail}).").format(
                    detail=type(exc).__name__
                )
            )
            self.refresh()
            return None
        opened = self.opener(QUrl.fromLocalFile(str(path)))
        text = (
            self.tr(
                "{n} carte(s) d’appairage ouverte(s) dans le lecteur PDF pour impression ; le "
                "fichier est effacé à la fermeture de l’application."
            )
            if opened
            else self.tr(
                "Aucun lecteur PDF n’a pu ouvrir les {n} carte(s) ; elles sont dans « {path} », "
                "effacées à la fermeture de l’application."
            )
        )
        self.state_label.setText(text.format(n=len(cards), path=path))
        self.refresh()
        return path

    @Slot()
    def _revoke(self) -> None:
        jid = self.selected_juror()
        if jid is not None:
            self.hub.revoke(jid)
            self.qr.clear()
            self.qr_caption.clear()
            self.refresh()

    def done(self, result: int) -> None:  # closing the window leaves the service as it is
        super().done(result)

    def shutdown(self) -> None:
        self.timer.stop()
        if not self.copies.remove_all():
            log.warning("a pairing cards file could not be removed yet")
        with contextlib.suppress(RuntimeError):
            self.close()
