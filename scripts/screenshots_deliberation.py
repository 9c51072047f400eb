"""Screenshots of the deliberation view and of each picture, into docs/deliberation/.

Runs the demo session with its paper sheets, as a secretary would: reveal, depart once
from the rules' proposal with a reason, close, export, verify. Best under Xvfb:

    xvfb-run -s "-screen 0 1920x1080x24" uv run python scripts/screenshots_deliberation.py

(``QT_QPA_PLATFORM=offscreen`` works too.) Data and keys go to a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "deliberation")
    parser.add_argument("--scale", type=float, default=1.25, help="font scale of the console")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="jd-shots-"))
    os.environ["JURY_DESK_DATA_DIR"] = str(work / "data")
    os.environ["JURY_DESK_CONFIG_DIR"] = str(work / "config")

    import PySide6  # noqa: F401  (first: qasync binds to the Qt already loaded)
    import qasync

    from jury_desk.core import demo_scenario, resources
    from jury_desk.core.services import Desk
    from jury_desk.qt.core import Qt
    from jury_desk.qt.widgets import QApplication, QMainWindow
    from jury_desk.ui import theme
    from jury_desk.ui.deliberation import DeliberationView
    from jury_desk.ui.deliberation.charts import (
        AlternativesChart,
        DotsChart,
        EnvelopeBar,
        HeatmapChart,
    )
    from jury_desk.ui.deliberation.models import DecisionModel
    from jury_desk.ui.hub import Hub

    app = QApplication(sys.argv[:1])
    theme.apply(app, font_scale=args.scale)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    desk = Desk(work / "jury.sqlite3")
    sid = desk.import_demo().session_id
    desk.import_scores_csv(
        sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    )
    demo_scenario.record_hearings(desk, sid)  # every project heard before the deliberation

    window = QMainWindow()
    window.setWindowTitle("jury_desk — délibération (démonstration)")
    hub = Hub()
    view = DeliberationView(desk, sid, hub, window)
    window.setCentralWidget(view)
    window.resize(1900, 1060)
    window.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(widget: object, name: str) -> None:
        settle()
        pix = widget.grab()  # type: ignore[attr-defined]
        pix.save(str(args.out / name))
        print("wrote", args.out / name, f"{pix.width()}x{pix.height()}")

    def picture(cls: type, name: str, w: int = 1600, h: int = 900) -> None:
        chart = cls()
        chart.setFont(app.font())
        chart.set_snapshot(view.snapshot)
        chart.resize(w, h)
        shot(chart, name)

    async def run() -> None:
        settle()
        shot(window, "view-before-reveal.png")
        view.controller.reveal()
        # Depart from the proposal once: d08 out, d10 in, each with its reason.
        model = view.decision.model
        view.show_tab(view.TAB_DECISION)
        model.setData(
            model.index(model.row_of("d08"), DecisionModel.LAUREATE),
            Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )
        model.setData(
            model.index(model.row_of("d10"), DecisionModel.LAUREATE),
            Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )
        shot(window, "decision-blocked.png")
        model.setData(
            model.index(model.row_of("d08"), DecisionModel.JUSTIFICATION),
            "Projet déjà financé par le contrat de ville cette année",
        )
        model.setData(
            model.index(model.row_of("d10"), DecisionModel.JUSTIFICATION),
            "Seul projet sport-santé du territoire ; le jury le retient à l'unanimité",
        )
        shot(window, "decision.png")
        view.show_tab(view.TAB_RANKING)
        shot(window, "view.png")
        picture(DotsChart, "dots.png")
        picture(HeatmapChart, "heatmap.png")
        picture(AlternativesChart, "alternatives.png")
        bar = EnvelopeBar()
        bar.setFont(app.font())
        bar.set_snapshot(view.snapshot)
        bar.resize(1600, bar.sizeHint().height())
        shot(bar, "envelope.png")

        panel = view.shared_panel()
        panel.resize(1920, 1080)
        shot(panel, "shared-ranking.png")
        panel.set_picture("dots")
        shot(panel, "shared-dots.png")
        panel.set_picture("ranking")

        view.confirm_close = lambda snap: True  # type: ignore[method-assign]
        view.request_close()
        dialog = view.export_dialog
        assert dialog is not None
        dialog.folder_edit.setText(str(work))
        done: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

        def finished(ok: bool) -> None:
            if not done.done():
                done.set_result(ok)

        def failed(message: str) -> None:
            if not done.done():
                done.set_exception(RuntimeError(message))

        dialog.verified.connect(finished)
        dialog.failed.connect(failed)
        dialog.start()
        ok = await done
        dialog.resize(1000, 760)
        shot(dialog, "export-verified.png")
        print("verified:", ok)
        dialog.close()
        shot(window, "view-closed.png")

    with loop:
        loop.run_until_complete(run())
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
