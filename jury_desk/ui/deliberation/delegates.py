"""Item delegates of the deliberation's lists: wrapped items measured at the width the
list paints them at (the blockers), and a verification's checks with a hanging indent
(the export dialog)."""

from __future__ import annotations

from jury_desk.qt.core import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from jury_desk.qt.gui import QBrush, QPainter, QPalette
from jury_desk.qt.widgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)
from jury_desk.ui.deliberation.models import PARTS_ROLE


class WrappedItems(QStyledItemDelegate):
    """A list's wrapped items measured at the width they are painted at: the list's
    viewport less its spacing on both sides (QListView measured them wider, so that a
    long blocker lost its last line, elided, above an empty one)."""

    def painted_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        if isinstance(view, QListView):
            return max(1, view.viewport().width() - 2 * view.spacing())
        return option.rect.width()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        option = QStyleOptionViewItem(option)
        option.rect.setWidth(self.painted_width(option))
        return super().sizeHint(option, index)


class CheckLines(WrappedItems):
    """A check as its mark and label, then its detail wrapped under the label (a hanging
    indent: a long detail no longer runs back under the mark), measured at the width
    the list paints it at (:class:`WrappedItems`)."""

    PAD = 3  # pixels above and below, and on each side

    def _parts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        parts = index.data(PARTS_ROLE)
        return (str(parts[0]), str(parts[1])) if parts else (str(index.data() or ""), "")

    def _rects(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[QRect, QRect]:
        """Where the first line and the detail go, from (0, 0), at the painted width."""
        width = self.painted_width(option)
        fm = option.fontMetrics
        head, detail = self._parts(index)
        room = max(40, width - 2 * self.PAD)
        flags = int(Qt.TextFlag.TextWordWrap)
        top = fm.boundingRect(QRect(0, 0, room, 100_000), flags, head)
        top = QRect(self.PAD, self.PAD, room, top.height())
        indent = fm.horizontalAdvance(head[:3])  # the mark and its two spaces
        below = QRect(self.PAD + indent, top.bottom() + 1, max(20, room - indent), 0)
        if detail:
            below.setHeight(
                fm.boundingRect(below.adjusted(0, 0, 0, 100_000), flags, detail).height()
            )
        return top, below

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        top, below = self._rects(opt, index)
        return QSize(top.width() + 2 * self.PAD, max(top.bottom(), below.bottom()) + self.PAD + 1)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        head, detail = self._parts(index)
        opt.text = ""  # the background, selection and focus only: the text is drawn below
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        top, below = self._rects(opt, index)
        ink = index.data(Qt.ItemDataRole.ForegroundRole)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected or not isinstance(ink, QBrush):
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            color = opt.palette.color(role)
        else:
            color = ink.color()
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(color)
        flags = int(Qt.TextFlag.TextWordWrap)
        origin = opt.rect.topLeft()
        painter.drawText(top.translated(origin), flags, head)
        if detail:
            painter.drawText(below.translated(origin), flags, detail)
        painter.restore()
