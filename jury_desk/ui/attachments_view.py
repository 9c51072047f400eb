"""Attachments shown inside the application: PDF pages rendered by a separate process,
images with QPixmap.

The bytes come from ``Desk.attachment_content``. A PDF is a candidate's file, which can
be built to exhaust a renderer (issue 12: a few kilobytes of nested forms froze the
console for good): it is never parsed here. :class:`~jury_desk.ui.pdf_render.PageRenderer`
sends it through a pipe to a worker process with memory and time limits, which returns
the pages as PNG, a few at a time as the reader scrolls; a worker over its limits is
killed and the view says so in French, the rest of the application untouched. Nothing
is written to a temporary folder (an attachment holds personal data; a temporary copy
would outlive the session). The one exception is asked for: « Ouvrir dans le lecteur du
système » writes a copy in a private temporary folder (``core.external_copies``) for the
system's reader, which a screen reader can read; the copy is removed when the
application closes, and by a purge.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jury_desk.core import fmt
from jury_desk.core.domain import Attachment
from jury_desk.core.external_copies import ExternalCopies
from jury_desk.qt.core import Qt, QTimer, Slot
from jury_desk.qt.gui import QImage, QPixmap
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
from jury_desk.ui import pdf_render
from jury_desk.ui.errors import log_failure

if TYPE_CHECKING:
    from jury_desk.qt.core import QUrl

log = logging.getLogger(__name__)

Loader = Callable[[int], bytes]  # attachment position -> content

BATCH = 3  # pages rendered per worker run; the next ones when the reader gets near them


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

        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("pdfPages")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(8)
        self.pdf = QScrollArea()
        self.pdf.setAccessibleName(self.tr("Aperçu du document PDF"))
        self.pdf.setWidget(self.pages_widget)
        self.pdf.setWidgetResizable(True)
        self.pdf.verticalScrollBar().valueChanged.connect(self._maybe_more)
        self.renderer = pdf_render.PageRenderer(self)
        self.renderer.opened.connect(self._on_opened)
        self.renderer.pageReady.connect(self._on_page)
        self.renderer.finished.connect(self._on_batch_done)
        self.renderer.failed.connect(self._on_failed)
        self._pdf_data = b""
        self._pdf_title = ""
        self._page_total = 0
        self._next_page = 0
        self._zoom_factor = 1.0
        self._fit = True
        self._page_labels: list[QLabel] = []
        self._rezoom = QTimer(self)
        self._rezoom.setSingleShot(True)
        self._rezoom.setInterval(150)
        self._rezoom.timeout.connect(self._restart_pdf)
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

        self._attachments: tuple[Attachment, ...] = ()
        self._loader: Loader | None = None
        self._pdf_attachment: Attachment | None = None
        self.copies = ExternalCopies()
        self.opener: Callable[[QUrl], bool] = open_url
        self.open_external.clicked.connect(self.open_in_system_reader)
        self.tabs.currentChanged.connect(self._show)
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.zoom_fit.clicked.connect(self._fit_width)
        self.set_attachments((), None)

    def set_attachments(self, attachments: tuple[Attachment, ...], loader: Loader | None) -> None:
        self._attachments = attachments
        self._loader = loader
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for a in attachments:
            i = self.tabs.addTab(a.title)
            self.tabs.setTabToolTip(i, f"{a.title} — {fmt.size(a.bytes)}")
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
        self.renderer.cancel()
        self._pdf_data = b""
        self._page_total = 0
        self._next_page = 0
        for label in self._page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self._page_labels = []

    def _page_width(self) -> int:
        # Room for the vertical scroll bar, which appears once the pages overflow.
        bar = self.pdf.verticalScrollBar().sizeHint().width()
        room = max(200, self.pdf.width() - bar - 2 * self.pdf.frameWidth() - 24)
        factor = 1.0 if self._fit else self._zoom_factor
        ratio = self.devicePixelRatioF() or 1.0
        return int(min(pdf_render_max_width(), room * factor * ratio))

    def _zoom(self, factor: float) -> None:
        if not self._pdf_data:
            return
        self._zoom_factor = max(0.25, min(4.0, (1.0 if self._fit else self._zoom_factor) * factor))
        self._fit = False
        self._rezoom.start()

    @Slot()
    def _fit_width(self) -> None:
        if not self._pdf_data:
            return
        self._fit = True
        self._zoom_factor = 1.0
        self._rezoom.start()

    @Slot()
    def _restart_pdf(self) -> None:
        data, title = self._pdf_data, self._pdf_title
        if not data:
            return
        self._clear_document()
        self._start_pdf(data, title)

    def _start_pdf(self, data: bytes, title: str) -> None:
        self._pdf_data = data
        self._pdf_title = title
        self._next_page = 0
        self.message.setText(self.tr("Affichage de « {title} »…").format(title=title))
        self.stack.setCurrentWidget(self.message)
        self.renderer.render(data, self._page_width(), 0, BATCH)

    @Slot(int)
    def _on_opened(self, total: int) -> None:
        self._page_total = total
        if total == 0:
            self._on_failed(pdf_render.UNREADABLE)
            return
        self.stack.setCurrentWidget(self.pdf)
        if self._pdf_attachment is not None:
            self._describe(self._pdf_attachment, total)

    @Slot(int, QImage)
    def _on_page(self, index: int, image: QImage) -> None:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pix = QPixmap.fromImage(image)
        pix.setDevicePixelRatio(self.devicePixelRatioF() or 1.0)
        label.setPixmap(pix)
        label.setAccessibleName(
            self.tr("Page {n} sur {total}").format(n=index + 1, total=self._page_total)
        )
        self.pages_layout.addWidget(label)
        self._page_labels.append(label)
        self._next_page = index + 1

    @Slot()
    def _on_batch_done(self) -> None:
        self._maybe_more()

    @Slot()
    def _maybe_more(self, *_args: object) -> None:
        """Render the next pages when the reader is near the end of those shown."""
        if (
            not self._pdf_data
            or self.renderer.running()
            or self._next_page >= self._page_total
            or self.stack.currentWidget() is not self.pdf
        ):
            return
        bar = self.pdf.verticalScrollBar()
        if bar.maximum() - bar.value() > self.pdf.viewport().height():
            return
        self.renderer.render(self._pdf_data, self._page_width(), self._next_page, BATCH)

    @Slot(str)
    def _on_failed(self, code: str) -> None:
        reasons = {
            pdf_render.KILLED: self.tr(
                "le document demande plus de mémoire ou de temps de calcul que l’application "
                "n’en accorde à l’affichage (document trop complexe, ou piégé). L’affichage "
                "a été arrêté ; le reste de l’application n’est pas affecté. Demandez au "
                "porteur une version simplifiée si elle est nécessaire."
            ),
            pdf_render.TIMEOUT: self.tr(
                "son affichage prenait trop de temps et a été arrêté (document trop complexe, "
                "ou piégé) ; le reste de l’application n’est pas affecté."
            ),
            pdf_render.PASSWORD: self.tr("le document est protégé par un mot de passe."),
            pdf_render.TOO_LARGE: self.tr("le fichier est trop volumineux pour être affiché."),
            pdf_render.NO_WORKER: self.tr(
                "le module d’affichage des PDF n’a pas pu démarrer ; réinstallez l’application "
                "si cela se reproduit."
            ),
        }
        reason = reasons.get(code, self.tr("ce n’est pas un document PDF lisible."))
        shown = len(self._page_labels)
        self._pdf_data = b""  # no automatic retry on a document that failed
        self.message.setText(
            self.tr("Cette pièce jointe n’a pas pu être affichée : {reason}").format(reason=reason)
            if not shown
            else self.tr(
                "Cette pièce jointe n’a pas pu être affichée au-delà de la page {n} : {reason}"
            ).format(n=shown, reason=reason)
        )
        self.stack.setCurrentWidget(self.message)

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
            self._pdf_attachment = a
            self._describe(a)
            self._start_pdf(data, a.title)
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
        size = fmt.size(a.bytes)
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
        import mimetypes  # here: not at the start

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
        from jury_desk.qt.core import QUrl  # at first use (issue 15)

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
        return self._page_total

    def pages_shown(self) -> int:
        return len(self._page_labels)

    def current_kind(self) -> Any:
        return self.stack.currentWidget()


def open_url(url: QUrl) -> bool:
    """The system's reader for ``url`` (``QDesktopServices``, read at first use: issue 15)."""
    from jury_desk.qt.gui import QDesktopServices

    return bool(QDesktopServices.openUrl(url))


def pdf_render_max_width() -> int:
    from jury_desk import render_worker

    return render_worker.MAX_WIDTH
