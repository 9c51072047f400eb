"""``jury-desk --self-test``: checks an installation from end to end, and exits.

A frozen build fails in ways the source tree never shows (a data file, a Qt plugin or a
lazily imported module left out), so this runs the real path once: in a temporary folder
it creates a database, imports the demonstration bundle, enters its paper sheets,
computes the results, closes on the default proposal, exports and verifies the signed
result bundle, then loads the translations and a PDF attachment with Qt. The user's own
data and configuration folders are never used: ``JURY_DESK_DATA_DIR`` and
``JURY_DESK_CONFIG_DIR`` point inside the temporary folder for the duration.

It prints one French line per step (status, what was checked, duration) and the total,
and returns 0 only when every step passed; a step that needs a failed one is reported
"NON FAIT". Reported "ABSENT" without failing the run: the application's English
translation not built yet, or built without this module's witness string (Qt's French
translation must be there, and a built English file must load).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jury_desk import __version__
from jury_desk.core import fmt

log = logging.getLogger(__name__)

OK, FAILED, SKIPPED, ABSENT = "OK", "ÉCHEC", "NON FAIT", "ABSENT"
PASSING = frozenset({OK, ABSENT})  # ABSENT: reported, the run still passes
QT_WAIT_S = 10.0  # longest wait for Qt to load the PDF


class Absent(Exception):
    """An optional file is not in this build yet: reported, but the run still passes."""


@dataclass
class Step:
    label: str
    status: str
    seconds: float
    detail: str = ""

    def line(self) -> str:
        detail = f" — {self.detail}" if self.detail else ""
        return f"  {self.status:<8} {self.label}{detail} ({fmt.number(self.seconds, 2)} s)"


@dataclass
class Context:
    """What one step hands to the next."""

    folder: Path
    desk: Any = None
    session_id: str = ""
    identity: Any = None
    result_zip: Path | None = None
    qt_app: Any = None


@dataclass
class Runner:
    ctx: Context
    out: Callable[[str], None]
    steps: list[Step] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    passed: set[str] = field(default_factory=set)

    def run(
        self, key: str, label: str, fn: Callable[[Context], str], needs: tuple[str, ...]
    ) -> None:
        self.labels[key] = label
        missing = [n for n in needs if n not in self.passed]
        if missing:
            step = Step(
                label,
                SKIPPED,
                0.0,
                f"faute de l’étape « {self.labels.get(missing[0], missing[0])} »",
            )
        else:
            start = time.perf_counter()
            try:
                detail, status = fn(self.ctx), OK
            except Absent as exc:
                detail, status = str(exc), ABSENT
            except Exception as exc:
                log.exception("self-test step failed: %s", key)
                detail, status = _one_line(exc), FAILED
            step = Step(label, status, time.perf_counter() - start, detail)
            if status == OK:
                self.passed.add(key)
        self.steps.append(step)
        self.out(step.line())


def _one_line(exc: BaseException) -> str:
    text = " / ".join(part.strip() for part in str(exc).splitlines() if part.strip())
    return f"{type(exc).__name__} : {text}" if text else type(exc).__name__


# --------------------------------------------------------------------------- core steps


def _create_database(ctx: Context) -> str:
    import sqlite3

    from jury_desk.core.services import Desk

    ctx.desk = Desk(ctx.folder / "data" / "auto-test.sqlite3")
    return f"SQLite {sqlite3.sqlite_version}"


def _import_demo(ctx: Context) -> str:
    report = ctx.desk.import_demo()
    if not report.is_demo:
        raise AssertionError("le paquet intégré n’est pas reconnu comme démonstration")
    ctx.session_id = report.session_id
    return f"{report.dossiers} dossiers, {report.attachments} pièces jointes"


def _import_scores(ctx: Context) -> str:
    from jury_desk.core import resources

    text = resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    count = ctx.desk.import_scores_csv(ctx.session_id, text)
    # The hearings, as the timer records them: a laureate must have been heard.
    from jury_desk.core import demo_scenario

    demo_scenario.record_hearings(ctx.desk, ctx.session_id)
    return f"{count} notes"


def _results(ctx: Context) -> str:
    result = ctx.desk.results(ctx.session_id)
    valid = sum(1 for r in result.results if r.valid)
    if not valid:
        raise AssertionError("aucun dossier valide après la saisie des notes")
    return (
        f"{valid}/{len(result.results)} dossiers valides, "
        f"{len(result.default_proposal)} lauréats proposés, {fmt.euros(result.proposal_total_cents)}"
    )


def _close(ctx: Context) -> str:
    ctx.desk.close_deliberation(ctx.session_id, accept_proposal=True, actor="auto-test")
    state = ctx.desk.state(ctx.session_id)
    if not state.closed:
        raise AssertionError("la délibération est restée ouverte")
    return f"{len(state.laureates)} lauréats, {state.audit_count} entrées au journal"


def _export(ctx: Context) -> str:
    from jury_desk.core import api

    ctx.identity = api.load_identity()  # created in the temporary data folder
    out = ctx.folder / "resultat-auto-test.zip"
    api.export_session(ctx.desk, ctx.session_id, out, ctx.identity, accept_proposal=True)
    ctx.result_zip = out
    return f"{fmt.number(out.stat().st_size / 1e3, 0)} ko, signé (clé {ctx.identity.kid[:8]}…)"


def _verify(ctx: Context) -> str:
    from jury_desk.core import api

    assert ctx.result_zip is not None
    report = api.verify_result(ctx.result_zip, [ctx.identity.jwk])
    failed = [c.label for c in report.checks if not c.ok]
    if not report.ok or failed:
        raise AssertionError("contrôles en échec : " + ", ".join(failed or ["(aucun détail)"]))
    return f"{len(report.checks)} contrôles conformes"


# --------------------------------------------------------------------------- Qt steps


def _start_qt(ctx: Context) -> str:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from jury_desk.qt.core import qVersion
    from jury_desk.qt.gui import QGuiApplication
    from jury_desk.qt.widgets import QApplication

    app = QApplication.instance() or QApplication(["jury-desk", "--self-test"])
    ctx.qt_app = app
    style = app.style().name() if isinstance(app, QApplication) else "—"
    return f"Qt {qVersion()}, plateforme {QGuiApplication.platformName()}, style {style}"


def _translations(ctx: Context) -> str:
    from jury_desk.core import resources
    from jury_desk.qt.core import QCoreApplication, QLibraryInfo, QTranslator

    qt_fr = QTranslator(ctx.qt_app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt_fr.load("qtbase_fr", qt_dir):
        raise AssertionError(f"traduction française de Qt (qtbase_fr.qm) introuvable dans {qt_dir}")
    qm = resources.path("i18n", "jury_desk_en.qm")
    if not qm.is_file():
        raise Absent("qtbase_fr chargée ; resources/i18n/jury_desk_en.qm pas encore construit")
    app_en = QTranslator(ctx.qt_app)
    if not app_en.load(str(qm)) or app_en.isEmpty():
        raise AssertionError(f"« {qm.name} » ne se charge pas ou est vide")
    language = app_en.language()
    if not language.startswith("en"):
        raise AssertionError(f"« {qm.name} » est en langue « {language} », pas en anglais")
    QCoreApplication.installTranslator(app_en)
    try:
        source = "Auto-test de l’installation"
        # The literal is repeated so that pyside6-lupdate finds this string.
        translated = QCoreApplication.translate("SelfTest", "Auto-test de l’installation")
    finally:
        QCoreApplication.removeTranslator(app_en)
    if translated == source:  # the translation build does not scan this file yet
        raise Absent(
            f"qtbase_fr et {qm.name} ({language}) chargées ; chaîne témoin « {source} » "
            "(contexte SelfTest) absente : ajoutez jury_desk/selftest.py aux sources de "
            "scripts/build_translations.py"
        )
    return f"qtbase_fr et {qm.name} ({language}) : « {translated} »"


def _pdf(ctx: Context) -> str:
    from jury_desk.qt.core import QBuffer, QByteArray, QIODevice, QSize
    from jury_desk.qt.pdf import QPdfDocument, QPdfView

    st = ctx.desk.state(ctx.session_id)
    dossier = next(d for d in st.dossiers if d.attachments)
    data = ctx.desk.attachment_content(ctx.session_id, dossier.id, 0)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    deadline = time.monotonic() + QT_WAIT_S
    busy = (QPdfDocument.Status.Loading, QPdfDocument.Status.Null)
    while doc.status() in busy and time.monotonic() < deadline:
        ctx.qt_app.processEvents()
        time.sleep(0.01)
    if doc.status() != QPdfDocument.Status.Ready:
        raise AssertionError(f"état {doc.status().name}, erreur {doc.error().name}")
    pages = doc.pageCount()
    if pages < 1:
        raise AssertionError("aucune page")
    image = doc.render(0, QSize(120, 170))
    if image.isNull():
        raise AssertionError("le rendu de la première page est vide")
    view = QPdfView()  # the viewer widget of the attachments panel
    view.setDocument(doc)
    view.resize(300, 400)
    if view.grab().isNull():
        raise AssertionError("QPdfView n’affiche rien")
    view.deleteLater()
    return (
        f"pièce de {dossier.id} : {pages} page(s), {fmt.number(len(data), 0)} octets, "
        f"rendu {image.width()}×{image.height()}, QPdfView"
    )


def _isolated_render(ctx: Context) -> str:
    """The attachment viewer's render worker, started as the GUI starts it (frozen: the
    application's own executable with a hidden argument), returns a page as PNG."""
    import subprocess

    from jury_desk import render_worker

    assert ctx.desk is not None and ctx.session_id is not None
    st = ctx.desk.state(ctx.session_id)
    dossier = next(
        d for d in st.dossiers if any(a.media_type == "application/pdf" for a in d.attachments)
    )
    position = next(
        i for i, a in enumerate(dossier.attachments) if a.media_type == "application/pdf"
    )
    data = ctx.desk.attachment_content(ctx.session_id, dossier.id, position)
    program, arguments = render_worker.worker_command()
    done = subprocess.run(
        [program, *arguments],
        input=render_worker.request(160, 0, 1, data),
        capture_output=True,
        timeout=QT_WAIT_S * 6,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    got = render_worker.frames(done.stdout)
    pages = [p for k, p in got if k == b"P"]
    if done.returncode != 0 or not pages or pages[0][4:12] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(
            f"code de sortie {done.returncode}, {len(got)} trame(s), {len(pages)} page(s)"
        )
    return f"processus isolé : page 1 en PNG de {fmt.number(len(pages[0]) - 4, 0)} octets"


# --------------------------------------------------------------------------- run


@contextmanager
def _private_folders(base: Path) -> Iterator[None]:
    """Point the data and config folders inside ``base``, and restore them after."""
    names = ("JURY_DESK_DATA_DIR", "JURY_DESK_CONFIG_DIR")
    saved = {n: os.environ.get(n) for n in names}
    os.environ["JURY_DESK_DATA_DIR"] = str(base / "data")
    os.environ["JURY_DESK_CONFIG_DIR"] = str(base / "config")
    try:
        yield
    finally:
        for n, v in saved.items():
            if v is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = v


# key, label, step, keys of the steps it needs
Steps = list[tuple[str, str, Callable[[Context], str], tuple[str, ...]]]
STEPS: Steps = [
    ("db", "Base de données créée", _create_database, ()),
    ("import", "Session de démonstration importée", _import_demo, ("db",)),
    ("scores", "Feuilles de notes saisies", _import_scores, ("import",)),
    ("results", "Résultats calculés", _results, ("scores",)),
    ("close", "Délibération close sur la proposition", _close, ("results",)),
    ("export", "Paquet de résultats exporté", _export, ("close",)),
    ("verify", "Paquet de résultats vérifié", _verify, ("export",)),
    ("qt", "Qt démarré", _start_qt, ()),
    ("i18n", "Traductions chargées", _translations, ("qt",)),
    ("pdf", "Pièce jointe PDF lue et affichée par QtPdf", _pdf, ("import", "qt")),
    ("render", "Pièce jointe rendue dans un processus isolé", _isolated_render, ("import",)),
]


def run(
    args: argparse.Namespace | None = None,
    out: Callable[[str], None] | None = None,
    *,
    steps: Steps | None = None,
) -> int:
    """Run every step (``steps``: all of them by default); print the report; 0 when all passed."""
    del args  # the self-test takes no option
    write = out or _print
    from jury_desk.core import resources

    origin = "application gelée" if getattr(sys, "frozen", False) else "sources"
    write(
        f"jury_desk {__version__} — auto-test ({origin}, Python {sys.version.split()[0]}, {sys.platform})"
    )
    write(f"  ressources : {resources.root()}")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(
        prefix="jury_desk-auto-test-", ignore_cleanup_errors=True
    ) as tmp:
        base = Path(tmp)
        runner = Runner(Context(base), write)
        with _private_folders(base):
            try:
                for key, label, fn, needs in STEPS if steps is None else steps:
                    runner.run(key, label, fn, needs)
            finally:
                if runner.ctx.desk is not None:
                    runner.ctx.desk.close()
    total = time.perf_counter() - start
    passed = sum(1 for s in runner.steps if s.status in PASSING)
    ok = passed == len(runner.steps)
    verdict = "Auto-test réussi" if ok else "Auto-test en échec"
    write(f"{verdict} : {passed} étape(s) sur {len(runner.steps)} en {fmt.number(total, 2)} s.")
    return 0 if ok else 1


def _print(line: str) -> None:
    print(line, flush=True)
