"""The app through a screen reader's eyes (issue 17, item 8).

On every console page, before and after the reveal, on the shared screen and in the
dialogs: no interactive object with an empty or placeholder name, every visible label's
text exposed (name or description), and Tab going through every control and out of
every table without a trap. ``measure`` is also what prints the closing note's figures
(``A11Y_REPORT=1 pytest tests/ui/test_accessibility_tree.py -s``).
"""

from __future__ import annotations

import os
from typing import Any

from jury_desk.qt.widgets import QApplication, QWidget
from tests.ui.a11y_audit import Audit, TabWalk, audit_window, walk_tab

PAGES = ["Audition", "Notation", "Présences", "Délibération"]


def _page(gui: Any, i: int) -> QWidget:
    view = gui.console.view
    view.tabs.setCurrentIndex(i)
    if i == view.TAB_DELIBERATION:
        gui.deliberation()  # the page itself, not « Lecture… » while it is read
    QApplication.processEvents()
    return gui.window


def measure(gui: Any) -> dict[str, tuple[Audit, TabWalk]]:
    out: dict[str, tuple[Audit, TabWalk]] = {}
    ctl = gui.controller
    ctl.projector.show()
    for phase in ("avant", "après"):
        if phase == "après":
            gui.console.scoring.reveal()
            gui.wait_writes()
        for i, name in enumerate(PAGES):
            win = _page(gui, i)
            out[f"{name} ({phase})"] = (audit_window(win), walk_tab(win))
        shared = ctl.shared
        out[f"Écran partagé ({phase})"] = (audit_window(shared), walk_tab(shared))
    from jury_desk.ui import dialogs

    st = gui.ctx.st
    for title, dlg in (
        ("Dialogue Déport", dialogs.DeportDialog(st.jurors, st.jurors[0].id, "Dossier")),
        ("Dialogue Préférences", dialogs.SettingsDialog("fr", 1.0, False)),
        ("Dialogue Raccourcis", dialogs.ShortcutsDialog([])),
    ):
        dlg.show()
        QApplication.processEvents()
        out[title] = (audit_window(dlg), walk_tab(dlg, start=QApplication.focusWidget()))
        dlg.close()
    return out


def report(results: dict[str, tuple[Audit, TabWalk]]) -> str:
    lines = []
    for page, (a, t) in results.items():
        trap = f", PIÈGE sur {t.trapped_at}" if t.trapped_at is not None else ""
        lines.append(
            f"{page:32} {a.summary()}; Tab: {t.length} arrêts, "
            f"{len(t.unreached)} non atteints{trap}"
        )
        for u in a.unnamed[:8]:
            lines.append(f"    sans nom : {u}")
        for h in a.hidden_labels[:8]:
            lines.append(f"    texte caché : {h}")
        for w in t.unreached[:8]:
            lines.append(f"    non atteint : {w}")
    return "\n".join(lines)


def test_every_page_reads_whole_and_tabs_through(gui) -> None:
    gui.window.resize(1280, 720)
    results = measure(gui)
    text = report(results)
    if os.environ.get("A11Y_REPORT"):
        print("\n" + text)
    for page, (a, t) in results.items():
        assert a.unnamed == [], (page, text)
        assert a.hidden_labels == [], (page, text)
        assert t.trapped_at is None, (page, text)
        assert t.unreached == [], (page, text)
        assert t.length >= 2 or page.startswith("Écran partagé"), (page, text)


def test_every_window_is_a_window_to_assistive_technology(gui) -> None:
    """A screen reader lists the console and the shared screen as windows (a top-level
    plain widget would be a « filler » it skips), each with its name."""
    from jury_desk.qt.gui import QAccessible
    from jury_desk.ui import dialogs

    gui.controller.projector.show()
    st = gui.ctx.st
    deport = dialogs.DeportDialog(st.jurors, st.jurors[0].id, "Dossier")
    deport.show()
    QApplication.processEvents()
    for win, role in (
        (gui.window, QAccessible.Role.Window),
        (gui.controller.shared, QAccessible.Role.Window),
        (deport, QAccessible.Role.Dialog),
    ):
        iface = QAccessible.queryAccessibleInterface(win)
        assert iface is not None and iface.role() == role, (win, iface and iface.role())
        assert iface.text(QAccessible.Text.Name), win
    assert (
        QAccessible.queryAccessibleInterface(gui.controller.shared).text(QAccessible.Text.Name)
        == "Écran partagé du jury"
    )
    deport.close()


def test_a_timed_hearing_is_spoken_by_minutes_not_seconds(gui) -> None:
    """Phase changes, whole minutes, the last minute, overtime, a déport: all announced."""
    from jury_desk.qt.core import Qt
    from jury_desk.ui import announce
    from tests.ui.test_hearing import press

    announce.history.clear()
    console = gui.console
    gui.window.activateWindow()
    gui.key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier, gui.window)
    press(gui, Qt.Key.Key_F5)  # presentation starts
    for _ in range(7 * 60):  # a tick every second for seven minutes
        gui.clock.advance(1000)
        console.timer.tick()
    press(gui, Qt.Key.Key_F6)  # questions
    for _ in range(10 * 60 + 5):
        gui.clock.advance(1000)
        console.timer.tick()
    press(gui, Qt.Key.Key_F7)  # end
    console.record_recusal("j03", console.current, "conflict", "Déport déclaré en séance")
    gui.wait_writes()
    spoken = [a.text for a in announce.history]
    if os.environ.get("A11Y_REPORT"):
        print("\nAnnonces :\n  " + "\n  ".join(spoken))
    assert spoken[0] == "Présentation, en cours"
    assert "Questions du jury, en cours" in spoken
    assert "Questions du jury, dernière minute" in spoken
    assert "Questions du jury, temps dépassé" in spoken
    assert "Audition terminée" in spoken
    assert "Déport enregistré : Hélène Marchetti quitte la salle pour ce dossier." in spoken
    minutes = [s for s in spoken if s.endswith("minutes restantes")]
    # Minutes, not seconds: at most one announcement per minute of the 17 timed.
    assert 10 <= len(minutes) <= 18, minutes
    assert len(spoken) < 40


def test_an_attachment_opens_in_the_system_reader_from_a_copy_removed_on_close(gui, qtbot) -> None:
    from pathlib import Path

    att = gui.console.view.attachments
    assert att.tabs.count() >= 1
    att.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    # The page count comes from the render worker (a separate process): wait for it.
    qtbot.waitUntil(lambda: "page" in att.about.text(), timeout=30_000)
    about = att.about.text()
    assert att.tabs.tabText(0) in about and "page" in about  # title and page count, in words
    assert att.pdf.accessibleDescription() == about
    opened: list[str] = []
    att.opener = lambda url: opened.append(url.toLocalFile()) or True
    att.open_external.click()
    path = Path(opened[0])
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    gui.controller.shutdown()
    assert not path.exists() and not path.parent.exists()


def test_the_200_percent_setting_scales_every_text(gui) -> None:
    """Tables, headers, hints, tabs and menus follow the text size, not only titles."""
    from jury_desk.qt.core import QSize
    from jury_desk.qt.widgets import QLabel
    from jury_desk.ui import theme

    view = gui.console.view

    def sizes() -> dict[str, float]:
        hint = next(
            lab
            for lab in gui.window.findChildren(QLabel)
            if lab.objectName() == "hint" and lab.isVisible()
        )
        menu = gui.window.menuBar().actions()[0].menu()
        return {
            "table": view.order.viewport().font().pointSizeF(),
            "header": view.order.horizontalHeader().font().pointSizeF(),
            "hint": hint.font().pointSizeF(),
            "tabs": view.tabs.tabBar().font().pointSizeF(),
            "menu": menu.font().pointSizeF(),
            "grid": view.grid.table.font().pointSizeF(),
        }

    before = sizes()
    try:
        theme.set_font_scale(2.0)
        QApplication.processEvents()
        after = sizes()
        # Reflow: at 200 % the console still fits a 1280×720 screen on every page, the
        # deliberation's six tabs included (it scrolls down rather than grow the window).
        gui.window.resize(1280, 720)
        for i in range(len(PAGES)):
            view.tabs.setCurrentIndex(i)
            QApplication.processEvents()
            hint = gui.window.minimumSizeHint()
            assert hint.width() <= 1280 and hint.height() <= 720, (PAGES[i], hint)
            assert gui.window.size() == QSize(1280, 720), PAGES[i]
        from jury_desk.ui.deliberation.view import DeliberationView

        deliberation = gui.deliberation()
        assert isinstance(deliberation, DeliberationView)
        for tab in range(deliberation.tabs.count()):
            deliberation.show_tab(tab)
            QApplication.processEvents()
            hint = gui.window.minimumSizeHint()
            assert hint.width() <= 1280 and hint.height() <= 720, (tab, hint)
            assert gui.window.size() == QSize(1280, 720), tab
    finally:
        theme.set_font_scale(1.0)
    for kind, size in before.items():
        assert after[kind] == 2 * size, (kind, before, after)
