"""Alt keys without clashes (issue 13, item 5): on every page of the console, in French
and in English, the menus' and the visible controls' mnemonics are unique."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from jury_desk.qt.widgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar
from jury_desk.ui.console import ConsoleView


def mnemonic(text: str) -> str | None:
    m = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def active_mnemonics(window: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for a in window.menuBar().actions():
        out.append((a.text(), "menu"))
    for w in window.findChildren(QAbstractButton):
        if w.isVisible() and w.isEnabled():
            out.append((w.text(), type(w).__name__))
    for w in window.findChildren(QLabel):
        if w.isVisible() and w.buddy() is not None:
            out.append((w.text(), "label"))
    for w in window.findChildren(QGroupBox):
        if w.isVisible():
            out.append((w.title(), "group"))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            out.extend((bar.tabText(i), "tab") for i in range(bar.count()))
    return [(t, kind) for t, kind in out if mnemonic(t)]


def clashes(window: Any) -> list[list[tuple[str, str]]]:
    found = active_mnemonics(window)
    count = Counter(mnemonic(t) for t, _ in found)
    return [[(t, k) for t, k in found if mnemonic(t) == key] for key, n in count.items() if n > 1]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_mnemonics_are_unique_on_every_page(make_gui: Any, language: str) -> None:
    gui = make_gui(language=language)
    gui.open_demo()
    console = gui.console
    for tab in (
        ConsoleView.TAB_HEARING,
        ConsoleView.TAB_SCORING,
        ConsoleView.TAB_ATTENDANCE,
        ConsoleView.TAB_DELIBERATION,
    ):
        console.show_page(tab)
        if tab == ConsoleView.TAB_DELIBERATION:
            gui.deliberation()  # the page itself, not « Lecture… » while it is read
        QApplication.processEvents()
        assert clashes(gui.window) == [], (language, tab)
    view = gui.deliberation()
    for i in range(view.tabs.count()):
        view.show_tab(i)
        QApplication.processEvents()
        assert clashes(gui.window) == [], (language, "deliberation", i)


@pytest.mark.parametrize("high", [False, True])
def test_the_focus_ring_is_seen_from_two_metres(high: bool) -> None:
    """At least 2 px wide, and 3:1 against what is around it, in both themes."""
    from jury_desk.ui import theme

    theme.set_high_contrast(high)
    try:
        assert theme.FOCUS_WIDTH >= 2
        for name, ring, bg in theme.focus_pairs():
            assert theme.contrast_ratio(ring, bg) >= 3.0, name
    finally:
        theme.set_high_contrast(False)


@pytest.mark.parametrize("high", [False, True])
def test_the_focus_ring_is_drawn_around_what_has_the_focus(gui: Any, high: bool) -> None:
    """The ring follows the focus: FOCUS_WIDTH px of the accent colour inside the edge of
    the focused table, field or button (white inside a primary button), none outside."""
    from jury_desk.qt.gui import QColor
    from jury_desk.qt.widgets import QPushButton
    from jury_desk.ui import console_style, theme

    gui.window.commands.high_contrast.setChecked(high)
    try:
        console = gui.console
        gui.window.activateWindow()
        for widget in (console.view.order, console.view.grid.comment):
            widget.setFocus()
            QApplication.processEvents()
            assert console_style.ring_target() is widget
            image = widget.grab().toImage()
            w = theme.FOCUS_WIDTH
            mid_y = image.height() // 2
            for x in range(w):
                assert QColor(image.pixel(x, mid_y)) == QColor(theme.C.accent), (widget, x)
            assert QColor(image.pixel(w + 2, mid_y)) != QColor(theme.C.accent), widget
        button = QPushButton("Valider", gui.window)
        button.setObjectName("primary")
        button.show()
        button.setFocus()
        QApplication.processEvents()
        assert console_style.ring_target() is button
        image = button.grab().toImage()
        assert QColor(image.pixel(1, image.height() // 2)) == QColor(theme.C.accent_text)
        button.deleteLater()
    finally:
        gui.window.commands.high_contrast.setChecked(False)


def test_page_keys_work_wherever_the_focus_is_and_tab_leaves_the_order_list(gui: Any) -> None:
    from jury_desk.qt.core import Qt

    console = gui.console
    order = console.view.order
    console.select("d03")
    order.setFocus()
    gui.key(Qt.Key.Key_Tab, widget=order)
    assert console.current == "d03"  # Tab left the list; the dossier did not change
    assert QApplication.focusWidget() is not order
    console.show_page(ConsoleView.TAB_DELIBERATION)
    QApplication.processEvents()
    view = gui.deliberation()
    order.setFocus()  # the focus outside the deliberation page
    gui.key(Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier, order)
    assert view.tabs.currentIndex() == 2
    console.show_page(ConsoleView.TAB_HEARING)
    QApplication.processEvents()
    assert not view.actions_by_name["tab1"].isEnabled()  # off while the page is hidden
