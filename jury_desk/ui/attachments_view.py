"""Attachments shown inside the application: PDF with QtPdf, images with QPixmap.

The bytes come from ``Desk.attachment_content`` and are handed to Qt through a
``QBuffer``: nothing is written to a temporary folder (an attachment holds personal
data; a temporary copy would outlive the session).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from jury_desk.core import fmt
from jury_desk.core.domain import Attachment
from jury_desk.qt.core import QBuffer, QByteArray, QIODevice, Qt
from jury_desk.qt.gui import QPixmap
from jury_desk.qt.pdf import QPdfDocument, QPdfView
from jury_desk.qt.widgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui.errors import log_failure

log = logging.getLogger(__name__)

Loader = Callable[[int], bytes]  # attachment position -> content


class AttachmentsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Pièces jointes"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Pièces jointes du dossier"))
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        bar.addWidget(self.tabs, 1)
        self.zoom_out = QPushButton("−")
        self.zoom_out.setAccessibleName(self.tr("Réduire"))
        self.zoom_out.setToolTip(self.tr("Réduire"))
        self.zoom_fit = QPushButton(self.tr("Largeur"))
        self.zoom_fit.setAccessibleName(self.tr("Ajuster à la largeur"))
        self.zoom_in = QPushButton("+")
        self.zoom_in.setAccessibleName(self.tr("Agrandir"))
        self.zoom_in.setToolTip(self.tr("Agrandir"))
        for b in (self.zoom_out, self.zoom_fit, self.zoom_in):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            bar.addWidget(b)
        lay.addLayout(bar)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)

        self.document = QPdfDocument(self)
        self.pdf = QPdfView()
        self.pdf.setAccessibleName(self.tr("Aperçu du document PDF"))
        self.pdf.setDocument(self.document)
        self.pdf.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Aperçu de l’image"))
        self.image_scroll = QScrollArea()
        self.image_scroll.setWidget(self.image)
        self.image_scroll.setWidgetResizable(True)
        self.message = QLabel("")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setObjectName("hint")
        self.stack.addWidget(self.pdf)
        self.stack.addWidget(self.image_scroll)
        self.stack.addWidget(self.message)

        self._buffer: QBuffer | None = None
        self._attachments: tuple[Attachment, ...] = ()
        self._loader: Loader | None = None
        self.tabs.currentChanged.connect(self._show)
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.zoom_fit.clicked.connect(lambda: self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.set_attachments((), None)

    def set_attachments(self, attachments: tuple[Attachment, ...], loader: Loader | None) -> None:
        self._attachments = attachments
        self._loader = loader
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for a in attachments:
            i = self.tabs.addTab(a.title)
            self.tabs.setTabToolTip(i, f"{a.title} — {fmt.number(a.bytes / 1e6, 1)}\u00a0Mo")
        self.tabs.blockSignals(False)
        if attachments:
            self.tabs.setCurrentIndex(0)
            self._show(0)
        else:
            self._clear_document()
            self.message.setText(self.tr("Aucune pièce jointe pour ce dossier."))
            self.stack.setCurrentWidget(self.message)

    def _clear_document(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    def _zoom(self, factor: float) -> None:
        self.pdf.setZoomMode(QPdfView.ZoomMode.Custom)
        self.pdf.setZoomFactor(max(0.25, min(4.0, self.pdf.zoomFactor() * factor)))

    def _show(self, i: int) -> None:
        if not 0 <= i < len(self._attachments) or self._loader is None:
            return
        a = self._attachments[i]
        try:
            data = self._loader(i)
        except Exception as exc:  # a missing blob must not take the console down
            log_failure(log, "an attachment could not be read", exc)
            self.message.setText(
                self.tr("Impossible d’afficher « {title} » ({error}).").format(
                    title=a.title, error=type(exc).__name__
                )
            )
            self.stack.setCurrentWidget(self.message)
            return
        self._clear_document()
        if a.media_type == "application/pdf":
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            if self.document.status() == QPdfDocument.Status.Error:
                self.message.setText(
                    self.tr("Le document « {title} » n’a pas pu être ouvert.").format(title=a.title)
                )
                self.stack.setCurrentWidget(self.message)
                return
            self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.stack.setCurrentWidget(self.pdf)
        elif a.media_type.startswith("image/"):
            pix = QPixmap()
            pix.loadFromData(data)
            self.image.setPixmap(pix)
            self.stack.setCurrentWidget(self.image_scroll)
        else:
            self.message.setText(
                self.tr(
                    "Aperçu indisponible pour « {title} » ({kind}) : ce format "
                    "ne s’affiche pas dans l’application."
                ).format(title=a.title, kind=a.media_type)
            )
            self.stack.setCurrentWidget(self.message)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def current_kind(self) -> Any:
        return self.stack.currentWidget()
