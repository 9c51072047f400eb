"""The console's look without an application-wide style sheet (issue 15).

A Qt style sheet on the application puts every widget under ``QStyleSheetStyle``: its
polish and size hints cost about 25 ms of the start whatever the rules (one trivial rule
costs as much as the whole theme). The theme is given instead by Fusion, the palette and
fonts of :mod:`jury_desk.ui.theme`, and this proxy style:

- ``polish`` gives each widget of a role (its object name: ``hint``, ``sectionTitle``,
  ``banner``, ``refusal``, ``demoBadge``, the quorum and blind badges, the timer's digits
  by their ``level``, ``primary`` buttons, a ``ScoreEditor`` by its ``verdict``) its
  colours, weight, background and padding. The code that changes a role or a property
  polishes the widget again (``style().unpolish(w); style().polish(w)``), as it did for
  the style sheet.
- ``drawControl`` draws what a palette cannot: the demonstration badge's rounded fill,
  the drop zone's dashed border, the console header's bottom rule, the primary buttons,
  the table header sections and the selected tab's bold label.
- :class:`FocusRing` draws the focus ring: 3 px (``theme.FOCUS_WIDTH``) in the accent
  colour inside the focused table, list, text field, combo or spin box, button, check
  box, tab bar or scroll area (white on a primary button, red on a refused score, dashed
  on a partial one).
"""

from __future__ import annotations

import contextlib
from typing import Any, cast

from jury_desk.qt.core import QEvent, QObject, QRect, QSize, Qt
from jury_desk.qt.gui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QRegion
from jury_desk.qt.widgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionHeader,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)
from jury_desk.ui import theme

_ROLE = "jdRole"  # dynamic property: the role last given by polish ("" once removed)

# object name -> bold, of the labels whose weight the theme sets
BOLD_ROLES = frozenset(
    {
        "sessionTitle",
        "dossierTitle",
        "demoBadge",
        "quorumOk",
        "quorumKo",
        "blindBadge",
        "sectionTitle",
        "primary",
    }
)
# object name -> the labels (and their like) that polish gives a role
_LABEL_ROLES = (BOLD_ROLES - {"primary"}) | {
    "fieldName",
    "hint",
    "refusal",
    "banner",
    "timerDigits",
}
_FRAME_ROLES = frozenset({"dropZone", "consoleHeader"})

# What takes the focus ring (the style sheet's ``:focus`` selectors).
_FLAT = QStyleOptionButton.ButtonFeature.Flat
_SELECTED = QStyle.StateFlag.State_Selected
_CT_PUSH = QStyle.ContentsType.CT_PushButton
_CT_HEADER = QStyle.ContentsType.CT_HeaderSection
_CT_TAB = QStyle.ContentsType.CT_TabBarTab
_GRID_COLOUR = QStyle.StyleHint.SH_Table_GridLineColor

_RINGED = (
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QTabBar,
    QScrollArea,
)


def _role(widget: QWidget) -> str:
    name = widget.objectName()
    if isinstance(widget, QLabel) and name in _LABEL_ROLES:
        return name
    if isinstance(widget, QFrame) and name in _FRAME_ROLES:
        return name
    if isinstance(widget, QPushButton) and name == "primary":
        return name
    if type(widget).__name__ == "ScoreEditor":
        return "scoreEditor"
    return ""


def _colours(role: str, widget: QWidget) -> tuple[str | None, str | None]:
    """(text, filled background) of a role, from the current theme colours."""
    c = theme.C
    if role == "timerDigits":
        level = widget.property("level")
        if level == "warning":
            return c.warn_text, c.warn_bg
        return (c.error if level == "overtime" else c.text), None
    if role == "scoreEditor":
        return (c.error, c.error_bg) if widget.property("verdict") == "refused" else (None, None)
    return {
        "demoBadge": ("#FFFFFF", None),
        "quorumOk": (c.ok, None),
        "quorumKo": (c.error, None),
        "blindBadge": (c.accent, None),
        "sectionTitle": (c.accent, None),
        "fieldName": (c.muted, None),
        "hint": (c.muted, None),
        "refusal": (c.error, c.error_bg),
        "banner": (c.warn_text, c.warn_bg),
        "primary": (c.accent_text, None),
        "consoleHeader": (None, c.bg),
    }.get(role, (None, None))


_MARGINS = {"demoBadge": (13, 2, 13, 2), "refusal": (8, 8, 8, 8), "banner": (10, 6, 10, 6)}


def _bold_font(widget: QWidget, bold: bool) -> QFont:
    if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and not theme.is_scaled(widget):
        f = QFont(widget.font())
    else:
        f = QFont()  # only the weight is set: size and family follow the application's
    f.setBold(bold)
    return f


def style_widget(widget: QWidget) -> None:
    """Give ``widget`` the look of its role (again, after a change of role or property;
    a widget that loses its role keeps an object name: that name is no role)."""
    role = _role(widget)
    previous = widget.property(_ROLE)
    if not role and not previous:
        return
    widget.setProperty(_ROLE, role)
    fg, bg = _colours(role, widget)
    pal = QPalette()  # nothing set: the rest follows the application's palette
    if fg is not None:
        for r in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            pal.setColor(r, QColor(fg))
        if role == "primary":
            pal.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText, QColor(fg))
            pal.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.ButtonText, QColor(fg))
    if bg is not None:
        pal.setColor(QPalette.ColorRole.Window, QColor(bg))
        pal.setColor(QPalette.ColorRole.Base, QColor(bg))
    widget.setPalette(pal)
    widget.setAutoFillBackground(bg is not None and role != "scoreEditor")
    if isinstance(widget, QLabel):
        bold = role in BOLD_ROLES
        if bold or previous in BOLD_ROLES:
            if theme.is_scaled(widget):
                theme.rescale(widget)
            else:
                widget.setFont(_bold_font(widget, bold) if bold else QFont())
        left, top, right, bottom = _MARGINS.get(role, (0, 0, 0, 0))
        if role in _MARGINS or previous in _MARGINS:
            widget.setContentsMargins(left, top, right, bottom)
        if role == "refusal":
            widget.setFrameShape(QFrame.Shape.Box)
            widget.setFrameShadow(QFrame.Shadow.Plain)
            widget.setLineWidth(1)
        elif previous == "refusal":
            widget.setFrameShape(QFrame.Shape.NoFrame)
    elif role == "primary" or previous == "primary":
        if theme.is_scaled(widget):
            theme.rescale(widget)
        else:
            widget.setFont(_bold_font(widget, True) if role else QFont())
    widget.update()


def restyle_all() -> None:
    """Every widget already built takes the current theme colours (high contrast)."""
    for w in QApplication.allWidgets():
        if w.property(_ROLE) or _role(w):
            style_widget(w)
        w.update()


class _TableStyle(QProxyStyle):
    """Fusion for a table, its grid in the theme's border colour (Fusion's is paler)."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        data: Any = None,
    ) -> int:
        if hint is _GRID_COLOUR:  # a QRgb, as the signed int the C++ side takes
            rgba = QColor(theme.C.border).rgba()
            return rgba - (1 << 32) if rgba >= 1 << 31 else rgba
        return QProxyStyle.styleHint(self, hint, option, widget, data)


_table_style: _TableStyle | None = None


def _table_style_for(table: QTableView) -> None:
    global _table_style
    if _table_style is None:
        _table_style = _TableStyle("Fusion")
        _table_style.setParent(QApplication.instance())  # lives as long as the tables
    if table.style() is not _table_style:
        table.setStyle(_table_style)


_plain: QStyle | None = None


def _plain_fusion() -> QStyle:
    global _plain
    if _plain is None:
        _plain = QStyleFactory.create("Fusion")
        _plain.setParent(QApplication.instance())
    return _plain


class ConsoleStyle(QProxyStyle):
    """Fusion with the console theme (see the module's docstring)."""

    def polish(self, arg: Any) -> Any:
        result = QProxyStyle.polish(self, arg)
        if not isinstance(arg, QWidget):
            return result
        # Called for every widget: most have no object name and no role.
        if arg.objectName() or type(arg).__name__ == "ScoreEditor":
            style_widget(arg)
        if isinstance(arg, QTableView):
            if arg.style() is self:  # not under a style sheet of its own or a parent's
                _table_style_for(arg)
        elif isinstance(arg, QScrollBar) and arg.style() is self:
            # Scroll bars ask their size hundreds of times at the start: plain Fusion
            # answers them without a call into Python.
            arg.setStyle(_plain_fusion())
        return result

    def sizeFromContents(
        self,
        ct: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        # Called for every cell's size hint: the other kinds go straight to Fusion.
        if ct is _CT_PUSH and not option.features & _FLAT:  # type: ignore[attr-defined]
            # The style sheet's padding (4 px 10 px; 6 px 14 px on a primary button) and
            # a 1 px border, without Fusion's minimum width.
            if widget is not None and widget.objectName() == "primary":
                return QSize(size.width() + 30, size.height() + 14)
            return QSize(size.width() + 22, size.height() + 10)
        out = QProxyStyle.sizeFromContents(self, ct, option, size, cast(QWidget, widget))
        if ct is _CT_HEADER:  # 4 px of padding and the 1 px rule
            return QSize(out.width() + 9, out.height() + 9)
        if ct is _CT_TAB and option.state & _SELECTED:
            # room for the selected tab's bold label (QTabBar lays out again on a change)
            text = option.text  # type: ignore[attr-defined]
            f = QFont(widget.font() if widget is not None else QApplication.font())
            normal = QFontMetrics(f).horizontalAdvance(text)
            f.setBold(True)
            extra = QFontMetrics(f).horizontalAdvance(text) - normal
            return QSize(out.width() + max(0, extra), out.height())
        return out

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        CE = QStyle.ControlElement
        if element == CE.CE_ShapedFrame and widget is not None:
            name = widget.objectName()
            if name in _FRAME_ROLES or name == "demoBadge":
                self._frame(name, option, painter, widget)
                return
        elif element == CE.CE_HeaderSection:
            self._header_section(option, painter)
            return
        elif element == CE.CE_HeaderLabel:  # the theme's text colour, as the sheet had
            opt = QStyleOptionHeader(cast(QStyleOptionHeader, option))
            opt.palette.setColor(QPalette.ColorRole.ButtonText, QColor(theme.C.text))
            super().drawControl(element, opt, painter, widget)
            return
        elif (
            element == CE.CE_PushButtonBevel
            and widget is not None
            and widget.objectName() == "primary"
        ):
            self._primary_bevel(option, painter)
            return
        elif element == CE.CE_PushButtonLabel and widget is not None:
            if widget.objectName() == "primary" and not (
                option.state & QStyle.StateFlag.State_Enabled
            ):
                self._draw_weighted(False, element, option, painter, widget)
                return
        elif element == CE.CE_TabBarTabLabel and option.state & QStyle.StateFlag.State_Selected:
            self._draw_weighted(True, element, option, painter, widget)
            return
        super().drawControl(element, option, painter, widget)

    def _draw_weighted(
        self,
        bold: bool,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None,
    ) -> None:
        """Fusion's drawing of ``element`` in the painter's font, bold or not."""
        painter.save()
        f = painter.font()
        f.setBold(bold)
        painter.setFont(f)
        super().drawControl(element, option, painter, widget)
        painter.restore()

    # ------------------------------------------------------------------ drawing

    @staticmethod
    def _frame(name: str, option: QStyleOption, painter: QPainter, widget: QWidget) -> None:
        c = theme.C
        r = QRect(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = widget.rect()  # the frame rect leaves out the padding (contents margins)
        if name == "demoBadge":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.demo_bg))
            painter.drawRoundedRect(r, 3, 3)
        elif name == "dropZone":
            hover = widget.property("hover") in ("true", True)
            painter.setBrush(QColor(c.highlight_bg if hover else c.bg))
            pen = QPen(QColor(c.accent if hover else c.border), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(r.adjusted(1, 1, -1, -1), 6, 6)
        else:  # consoleHeader: its background is filled by the palette
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QColor(c.border))
            painter.drawLine(r.left(), r.bottom(), r.right(), r.bottom())
        painter.restore()

    @staticmethod
    def _header_section(option: QStyleOption, painter: QPainter) -> None:
        c = theme.C
        r = option.rect
        painter.save()
        painter.fillRect(r, QColor(c.window))
        painter.setPen(QColor(c.border))
        painter.drawLine(r.right(), r.top(), r.right(), r.bottom())
        painter.drawLine(r.left(), r.bottom(), r.right(), r.bottom())
        painter.restore()

    @staticmethod
    def _primary_bevel(option: QStyleOption, painter: QPainter) -> None:
        c = theme.C
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QColor(c.accent if enabled else c.border))
        painter.setBrush(QColor(c.accent if enabled else c.window))
        painter.drawRoundedRect(QRect(option.rect).adjusted(0, 0, -1, -1), 3, 3)
        painter.restore()


# --------------------------------------------------------------------------- focus ring


class FocusRing(QWidget):
    """A ring inside the focused widget, over its children; follows the focus."""

    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def follow(self, widget: QWidget | None) -> None:
        if self.target is not None:
            with contextlib.suppress(RuntimeError):  # the widget may be gone
                self.target.removeEventFilter(self)
        self.target = widget
        if widget is None:
            self.hide()
            self.setParent(None)
            return
        self.setParent(widget)
        widget.installEventFilter(self)
        self._place()
        self.raise_()
        self.show()

    def _place(self) -> None:
        if self.target is None:
            return
        r = self.target.rect()
        self.setGeometry(r)
        w = theme.FOCUS_WIDTH
        self.setMask(QRegion(r.translated(-r.topLeft())) - QRegion(r.adjusted(w, w, -w, -w)))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.target and event.type() == QEvent.Type.Resize:
            self._place()
        elif obj is self.target and event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False

    def paintEvent(self, _event: Any) -> None:
        t = self.target
        if t is None:
            return
        c = theme.C
        colour, dashed = c.accent, False
        if isinstance(t, QPushButton) and t.objectName() == "primary":
            colour = c.accent_text
        elif type(t).__name__ == "ScoreEditor":
            verdict = t.property("verdict")
            if verdict == "refused":
                colour = c.error
            dashed = verdict == "partial"
        p = QPainter(self)
        w = theme.FOCUS_WIDTH
        if dashed:
            p.fillRect(self.rect(), t.palette().color(QPalette.ColorRole.Base))
            pen = QPen(QColor(colour), w, Qt.PenStyle.DashLine)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            p.setPen(pen)
            half = w // 2
            p.drawRect(self.rect().adjusted(half, half, -half - 1 + w % 2, -half - 1 + w % 2))
        else:
            p.fillRect(self.rect(), QColor(colour))
        p.end()


class _RingFollower(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new if isinstance(new, _RINGED) else None
        ring = self.ring
        if ring is None:
            if target is None:
                return
            ring = self.ring = FocusRing()
            ring.destroyed.connect(self._gone)
        try:
            ring.follow(target)
        except RuntimeError:  # the ring went with the widget it was in
            self.ring = None
            if target is not None:
                self._moved(None, target)

    def _gone(self) -> None:
        self.ring = None

    def refresh(self) -> None:
        if self.ring is not None:
            try:
                self.ring.update()
            except RuntimeError:
                self.ring = None


_style: ConsoleStyle | None = None
_follower: _RingFollower | None = None


def install(app: QApplication) -> None:
    """Fusion with the console theme on ``app`` (once), the focus ring following the
    focus; again: the widgets already built take the current colours."""
    global _style, _follower
    if _style is None or app.style() is not _style:
        _style = ConsoleStyle("Fusion")
        app.setStyle(_style)
    else:
        restyle_all()
    if _follower is None:
        _follower = _RingFollower(app)
    else:
        _follower.refresh()


def ring_target() -> QWidget | None:
    """The widget the focus ring is drawn in, if any (for tests)."""
    if _follower is None or _follower.ring is None:
        return None
    return _follower.ring.target
