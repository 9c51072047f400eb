"""Attachments shown inside the application: PDF with QtPdf, images with QPixmap.

The bytes come from ``Desk.attachment_content`` and are handed to Qt through a
``QBuffer``: nothing is written to a temporary folder (an attachment holds personal
data; a temporary copy would outlive the session). The one exception is asked for:
« Ouvrir dans le lecteur du système » writes a copy in a private temporary folder
(``core.external_copies``) for the system's reader, which a screen reader can read; the
copy is removed when the application closes, and by a purge.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jury_desk.core import fmt
from jury_desk.core.domain import Attachment
from jury_desk.core.external_copies import ExternalCopies
from jury_desk.qt.core import QBuffer, QByteArray, QIODevice, Qt, QUrl
from jury_desk.qt.gui import QDesktopServices, QPixmap
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
        self.zoom_out.setAccessibleDescription("−")
        self.zoom_out.setToolTip(self.tr("Réduire"))
        self.zoom_fit = QPushButton(self.tr("Largeur"))
        self.zoom_fit.setAccessibleName(self.tr("Ajuster à la largeur"))
        self.zoom_in = QPushButton("+")
        self.zoom_in.setAccessibleName(self.tr("Agrandir"))
        self.zoom_in.setAccessibleDescription("+")
        self.zoom_in.setToolTip(self.tr("Agrandir"))
        self.open_external = QPushButton(self.tr("Ouvrir dans le lecteur PDF du système"))
        self.open_external.setToolTip(
            self.tr(
                "Ouvre une copie temporaire dans le lecteur PDF (ou d’images) du système, "
                "lisible par un lecteur d’écran ; la copie est effacée à la fermeture."
            )
        )
        self.open_external.setAccessibleDescription(self.open_external.toolTip())
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
        # What the preview shows, in words: title, kind, pages (the preview has no text).
        self.about = QLabel("")
        self.about.setObjectName("hint")
        self.about.setWordWrap(True)
        self.about.setMinimumWidth(1)
        about_row = QHBoxLayout()
        about_row.addWidget(self.about, 1)
        about_row.addWidget(self.open_external)
        lay.insertLayout(1, about_row)
        self.stack.addWidget(self.pdf)
        self.stack.addWidget(self.image_scroll)
        self.stack.addWidget(self.message)

        self._buffer: QBuffer | None = None
        self._attachments: tuple[Attachment, ...] = ()
        self._loader: Loader | None = None
        self.copies = ExternalCopies()
        self.opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.open_external.clicked.connect(self.open_in_system_reader)
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
            self._describe(None)
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
            self._describe(a, int(self.document.pageCount()))
        elif a.media_type.startswith("image/"):
            pix = QPixmap()
            pix.loadFromData(data)
            self.image.setPixmap(pix)
            self.stack.setCurrentWidget(self.image_scroll)
            self._describe(a)
        else:
            self.message.setText(
                self.tr(
                    "Aperçu indisponible pour « {title} » ({kind}) : ce format "
                    "ne s’affiche pas dans l’application."
                ).format(title=a.title, kind=a.media_type)
            )
            self.stack.setCurrentWidget(self.message)
            self._describe(a)

    def _describe(self, a: Attachment | None, pages: int | None = None) -> None:
        if a is None:
            self.about.setText("")
            self.pdf.setAccessibleDescription("")
            self.open_external.setEnabled(False)
            return
        size = fmt.number(a.bytes / 1e6, 1) + "\u00a0Mo"
        if pages is not None:
            text = self.tr("« {title} » — PDF, {pages} page(s), {size}").format(
                title=a.title, pages=pages, size=size
            )
        else:
            text = self.tr("« {title} » — {kind}, {size}").format(
                title=a.title, kind=a.media_type, size=size
            )
        self.about.setText(text)
        self.pdf.setAccessibleDescription(text)
        self.image.setAccessibleDescription(text)
        self.open_external.setEnabled(True)

    def open_in_system_reader(self) -> Path | None:
        """Write the current attachment to a private temporary copy and open it there."""
        i = self.tabs.currentIndex()
        if not 0 <= i < len(self._attachments) or self._loader is None:
            return None
        a = self._attachments[i]
        suffix = mimetypes.guess_extension(a.media_type) or ""
        try:
            path = self.copies.write(a.title, suffix, self._loader(i))
        except Exception as exc:
            log_failure(log, "an attachment could not be copied for the system reader", exc)
            self.about.setText(
                self.tr("Impossible d’ouvrir « {title} » hors de l’application.").format(
                    title=a.title
                )
            )
            return None
        if not self.opener(QUrl.fromLocalFile(str(path))):
            self.about.setText(
                self.tr("Aucun lecteur du système n’a pu ouvrir « {title} ».").format(title=a.title)
            )
        return path

    def remove_copies(self) -> None:
        """On close: the copies given to the system's reader go."""
        if not self.copies.remove_all():
            log.warning("a copy opened in the system reader could not be removed yet")

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def current_kind(self) -> Any:
        return self.stack.currentWidget()
