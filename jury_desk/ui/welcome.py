"""Welcome screen: reopen the last session, import a bundle (dialog or drop), open the demo."""

from __future__ import annotations

from pathlib import Path

from jury_desk import __version__
from jury_desk.qt.core import Qt, Signal
from jury_desk.qt.gui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from jury_desk.qt.widgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import theme


class DropZone(QFrame):
    """A frame that accepts one dropped ``.zip`` file."""

    dropped = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setAccessibleName(self.tr("Zone de dépôt d’un paquet de session"))
        self.setMinimumHeight(110)
        lay = QVBoxLayout(self)
        self.label = QLabel(self.tr("Déposez ici le paquet de session (.zip) reçu du siège"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        theme.scaled(self.label, 1.15)
        lay.addWidget(self.label)

    @staticmethod
    def _zip_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        p = Path(urls[0].toLocalFile())
        return p if p.suffix.lower() == ".zip" else None

    def _hover(self, on: bool) -> None:
        self.setProperty("hover", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._zip_path(event) is not None:
            event.acceptProposedAction()
            self._hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover(False)
        p = self._zip_path(event)
        if p is not None:
            event.acceptProposedAction()
            self.dropped.emit(p)


class WelcomeView(QWidget):
    openLastRequested = Signal()
    importRequested = Signal(Path)
    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        col = QVBoxLayout()
        col.setSpacing(14)
        outer.addLayout(col, 3)
        outer.addStretch(1)
        col.addStretch(1)

        title = QLabel(self.tr("jury_desk"))
        theme.scaled(title, 2.4, bold=True)
        title.setAccessibleName(self.tr("jury_desk"))
        col.addWidget(title)
        sub = QLabel(self.tr("Jurys du Label Actions Innovantes — Grand-Orly Seine Bièvre"))
        theme.scaled(sub, 1.25)
        sub.setWordWrap(True)
        col.addWidget(sub)
        col.addSpacing(18)

        self.last_button = QPushButton(self.tr("Reprendre la dernière session"))
        self.last_button.setObjectName("primary")
        self.last_button.setAccessibleName(self.tr("Reprendre la dernière session"))
        self.last_detail = QLabel("")
        self.last_detail.setObjectName("hint")
        self.last_detail.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Importer un paquet de session…"))
        self.import_button.setAccessibleName(self.tr("Importer un paquet de session"))
        self.demo_button = QPushButton(self.tr("Ouvrir la session de démonstration"))
        self.demo_button.setAccessibleName(self.tr("Ouvrir la session de démonstration"))
        for b in (self.last_button, self.import_button, self.demo_button):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setMinimumHeight(44)
            theme.scaled(b, 1.15, bold=b is self.last_button)
        col.addWidget(self.last_button)
        col.addWidget(self.last_detail)
        col.addWidget(self.import_button)
        self.drop = DropZone()
        col.addWidget(self.drop)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Progression de l’import"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        col.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.hide()
        col.addWidget(self.status)
        self.refusal = QLabel("")
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.refusal.setAccessibleName(self.tr("Motif du refus"))
        self.refusal.hide()
        col.addWidget(self.refusal)
        col.addWidget(self.demo_button)
        demo_note = QLabel(
            self.tr(
                "La session de démonstration est fictive : elle sert à essayer "
                "l’application, ses résultats ne sont jamais transmis au siège."
            )
        )
        demo_note.setObjectName("hint")
        demo_note.setWordWrap(True)
        col.addWidget(demo_note)
        col.addStretch(2)
        version = QLabel(
            self.tr("Version {v} — fonctionne entièrement hors ligne").format(v=__version__)
        )
        version.setObjectName("hint")
        col.addWidget(version)

        self.last_button.clicked.connect(self.openLastRequested)
        self.import_button.clicked.connect(self._choose_file)
        self.demo_button.clicked.connect(self.demoRequested)
        self.drop.dropped.connect(self.importRequested)
        self.set_last(None)

    def set_last(self, text: str | None) -> None:
        self.last_button.setEnabled(bool(text))
        self.last_detail.setText(text or self.tr("Aucune session ouverte récemment."))

    def _choose_file(self) -> None:
        from jury_desk.qt.widgets import QFileDialog  # at first use (issue 15)

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Importer un paquet de session"),
            str(Path.home()),
            self.tr("Paquet de session (*.zip)"),
        )
        if path:
            self.importRequested.emit(Path(path))

    # ------------------------------------------------------------------ import feedback

    def import_started(self, name: str) -> None:
        self.refusal.hide()
        self.progress.setValue(0)
        self.progress.setFormat(
            self.tr("Vérification et import de « {name} » : %p %")
            .format(name=name)
            .replace(" %", "\u00a0%")
        )
        self.progress.show()
        self.status.hide()
        for b in (self.last_button, self.import_button, self.demo_button):
            b.setEnabled(False)
        self.drop.setAcceptDrops(False)

    def import_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def import_finished(self, message: str | None = None, refusal: str | None = None) -> None:
        self.progress.hide()
        for b in (self.import_button, self.demo_button):
            b.setEnabled(True)
        self.last_button.setEnabled(
            self.last_detail.text() != self.tr("Aucune session ouverte récemment.")
        )
        self.drop.setAcceptDrops(True)
        if refusal:
            self.refusal.setText(refusal)
            self.refusal.show()
            self.refusal.setFocus()
        if message:
            self.status.setText(message)
            self.status.show()

    def show_message(self, text: str) -> None:
        """A message under the buttons (the outcome of a purge, for instance)."""
        self.refusal.hide()
        self.status.setText(text)
        self.status.show()
