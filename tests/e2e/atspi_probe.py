"""A window that announces one sentence (run by test_atspi_announcement under Xvfb)."""

from __future__ import annotations

import sys

from jury_desk.qt.core import QTimer
from jury_desk.qt.widgets import QApplication, QLabel


def main() -> None:
    app = QApplication(sys.argv)
    w = QLabel("Chronomètre")
    w.setWindowTitle("jury_desk a11y probe")
    w.show()
    from jury_desk.ui.announce import announce

    QTimer.singleShot(
        3000, lambda: announce(w, "Questions du jury, dernière minute", assertive=True)
    )
    QTimer.singleShot(7000, app.quit)
    app.exec()


if __name__ == "__main__":
    main()
