"""Read a window the way a screen reader does: Qt's accessibility tree, in process.

``QAccessible.queryAccessibleInterface(widget)`` is what Qt's AT-SPI bridge (Linux) and
UIA bridge (Windows) serve to Orca and NVDA: the same names, roles and states. The audit
walks it from a window and reports:

- interactive objects (buttons, boxes, fields, tabs, menu items, tables, cells…) whose
  name is empty or a placeholder (« — »);
- visible labels whose text is not in their accessible name or description (a fixed
  name that hides the value, « Temps restant » instead of « 09:57 »);
- the Tab sequence: the widgets Tab reaches from the first one until it cycles, whether
  it got stuck (a trap), and the Tab-focusable widgets it never reached.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from jury_desk.qt.core import Qt
from jury_desk.qt.gui import QAccessible, QAccessibleInterface
from jury_desk.qt.qttest import QTest
from jury_desk.qt.widgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QScrollBar,
    QTabBar,
    QWidget,
)

R = QAccessible.Role
INTERACTIVE = {
    R.PushButton,
    R.CheckBox,
    R.RadioButton,
    R.ComboBox,
    R.EditableText,
    R.SpinBox,
    R.Slider,
    R.PageTab,
    R.MenuItem,
    R.ButtonMenu,
    R.ButtonDropDown,
    R.Link,
    R.Table,
    R.List,
    R.Tree,
    R.Cell,
    R.ListItem,
    R.TreeItem,
}
PLACEHOLDERS = {"", "—", "-", "–", "…", "?"}


@dataclass
class Audit:
    interactive: int = 0
    unnamed: list[str] = field(default_factory=list)
    labels: int = 0
    hidden_labels: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.unnamed)}/{self.interactive} interactive unnamed, "
            f"{len(self.hidden_labels)}/{self.labels} labels hidden"
        )


def plain(text: str) -> str:
    """The words of a label: no markup, no mnemonic ampersand, spaces normalised."""
    if "<" in text:
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    else:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.replace("\u00a0", " ").split())


def _walk(iface: QAccessibleInterface, audit: Audit, depth: int, seen: set[int]) -> None:
    if iface is None or not iface.isValid() or depth > 40:
        return
    state = iface.state()
    if state.invisible or state.offscreen:
        return
    role = iface.role()
    if role in INTERACTIVE and not state.disabled:
        name = iface.text(QAccessible.Text.Name).strip()
        audit.interactive += 1
        if name in PLACEHOLDERS:
            obj = iface.object()
            where = type(obj).__name__ if obj is not None else "item"
            parent = iface.parent()
            pname = parent.text(QAccessible.Text.Name) if parent is not None else ""
            audit.unnamed.append(f"{role.name} {where} in «{pname}»")
    n = iface.childCount()
    if role in (R.Table, R.List, R.Tree) and n > 400:
        n = 400  # large tables: the first rows tell the story
    for i in range(n):
        child = iface.child(i)
        if child is None:
            continue
        key = hash((id(child.object()), i, depth)) if child.object() is not None else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        _walk(child, audit, depth + 1, seen)


def audit_window(root: QWidget) -> Audit:
    """The accessibility tree under ``root`` (a window), and its labels."""
    QApplication.processEvents()
    audit = Audit()
    iface = QAccessible.queryAccessibleInterface(root)
    _walk(iface, audit, 0, set())
    for lab in root.findChildren(QLabel):
        if not lab.isVisibleTo(root) or not lab.isVisible():
            continue
        text = plain(lab.text())
        if not text or (lab.pixmap() is not None and not lab.pixmap().isNull()):
            continue
        audit.labels += 1
        li = QAccessible.queryAccessibleInterface(lab)
        exposed = plain(
            li.text(QAccessible.Text.Name) + " " + li.text(QAccessible.Text.Description)
        )
        if text.endswith("…") and lab.toolTip():  # elided to fit: the start must match
            text = text[:-1]
        if text not in exposed:
            audit.hidden_labels.append(f"{lab.objectName() or 'QLabel'}: «{text[:40]}»")
    return audit


@dataclass
class TabWalk:
    sequence: list[str]  # described at once: pages rebuild their widgets
    trapped_at: str | None
    unreached: list[str]

    @property
    def length(self) -> int:
        return len(self.sequence)


def tab_focusable(root: QWidget) -> list[QWidget]:
    """Widgets a Tab press should reach: visible, enabled, accepting Tab focus."""
    out = []
    for w in root.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled()):
            continue
        if not w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(w, QScrollBar) or w.focusProxy() is not None:
            continue
        if w.parent() is not None and isinstance(w.parent(), QTabBar):
            continue  # the tab bar's own scroll arrows
        if isinstance(w.parent(), QAbstractScrollArea) and w is not w.parent().viewport():
            pass
        out.append(w)
    return out


def walk_tab(root: QWidget, start: QWidget | None = None, limit: int = 400) -> TabWalk:
    """Press Tab from ``start`` until the focus comes back to a widget already visited."""
    root.activateWindow()
    QApplication.processEvents()
    first = start or next(iter(tab_focusable(root)), None)
    if first is None:
        return TabWalk([], None, [])
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seq: list[QWidget] = []
    trapped: QWidget | None = None
    current = QApplication.focusWidget()
    for _ in range(limit):
        if current is None:
            break
        if current in seq:
            if current is not seq[0]:
                trapped = current  # a cycle that does not go through the start
            break
        seq.append(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        nxt = QApplication.focusWidget()
        if nxt is current:
            trapped = current
            break
        current = nxt
    reached = set(seq)

    def covered(w: QWidget) -> bool:
        # A widget whose focus goes to a proxy or a child reached counts as reached.
        return w in reached or any(w.isAncestorOf(r) or r.isAncestorOf(w) for r in reached)

    unreached = [describe(w) for w in tab_focusable(root) if not covered(w)]
    return TabWalk(
        [describe(w) for w in seq], describe(trapped) if trapped is not None else None, unreached
    )


def describe(w: QWidget) -> str:
    name = w.accessibleName() or getattr(w, "text", lambda: "")() or w.objectName()
    return f"{type(w).__name__}({plain(str(name))[:30]})"
