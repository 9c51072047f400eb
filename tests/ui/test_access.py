"""Legibility and access: contrast of every colour pair, fonts that scale with Ctrl++ /
Ctrl+-, accessible names on controls, every command reachable by a shortcut."""

from __future__ import annotations

import pytest

from jury_desk.core import settings as core_settings
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from jury_desk.ui import theme


@pytest.mark.parametrize("high", [False, True])
def test_every_text_colour_pair_reads_on_a_projector(high: bool) -> None:
    theme.set_high_contrast(high)
    try:
        weak = [
            (name, round(theme.contrast_ratio(fg, bg), 2))
            for name, fg, bg in theme.text_pairs()
            if theme.contrast_ratio(fg, bg) < 4.5
        ]
        assert weak == []
        if high:
            assert theme.contrast_ratio(theme.C.text, theme.C.bg) >= 20
    finally:
        theme.set_high_contrast(False)


def _labelled(w: QWidget) -> bool:
    if w.accessibleName().strip():
        return True
    if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
        return True
    buddies = [lab for lab in w.window().findChildren(QLabel) if lab.buddy() is w]
    return bool(buddies)


def test_controls_have_accessible_names(gui) -> None:
    gui.controller.projector.show()
    missing = []
    for root in (gui.window, gui.controller.shared):
        for w in root.findChildren(QWidget):
            if not isinstance(
                w, QAbstractButton | QLineEdit | QPlainTextEdit | QAbstractItemView | QComboBox
            ):
                continue
            if w.metaObject().className() in (
                "QHeaderView",
                "QTableCornerButton",
                "QCalendarWidget",
            ):
                continue  # parts that Qt names itself
            parent = w.parent()
            if parent is not None and parent.inherits("QTabBar"):
                continue  # the tab bar's scroll arrows
            if not w.isVisibleTo(root) and not isinstance(w, QAbstractItemView):
                continue
            if not _labelled(w):
                missing.append(
                    f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}"
                )
    assert missing == []


def test_ctrl_plus_and_minus_scale_the_text_and_are_remembered(gui) -> None:
    before = QApplication.font().pointSizeF()
    title_before = gui.console.view.session_title.font().pointSizeF()
    gui.key(Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier, gui.window)
    gui.key(Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier, gui.window)
    assert QApplication.font().pointSizeF() == pytest.approx(before * 1.2)
    assert gui.console.view.session_title.font().pointSizeF() == pytest.approx(title_before * 1.2)
    assert core_settings.load().font_scale == pytest.approx(1.2)
    gui.key(Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier, gui.window)
    assert core_settings.load().font_scale == pytest.approx(1.1)
    gui.key(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier, gui.window)
    assert QApplication.font().pointSizeF() == pytest.approx(before)


def test_every_hearing_room_command_has_a_shortcut(gui) -> None:
    a = gui.controller.actions
    for action in (
        a.timer_toggle,
        a.timer_next,
        a.timer_finish,
        a.timer_reset,
        a.prev_dossier,
        a.next_dossier,
        a.page_hearing,
        a.page_scoring,
        a.page_attendance,
        a.page_deliberation,
        a.undo,
        a.deport,
        a.shared_show,
        a.shared_fullscreen,
        a.shared_scoring,
        a.zoom_in,
        a.zoom_out,
        a.shortcuts,
    ):
        assert not action.shortcut().isEmpty(), action.text()
    sequences = [s.toString() for act in a.all() for s in act.shortcuts()]
    assert len(sequences) == len(set(sequences)), "a key is bound twice"
    # They also work while the shared screen has the focus.
    assert a.timer_toggle in gui.controller.shared.actions()
