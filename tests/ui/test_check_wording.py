"""A tampered result bundle, verified in the English GUI: the failed checks (archive
layout, audit chain, replay) read in English, the command line keeps its French."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jury_desk.core import export, resources
from jury_desk.qt.core import QCoreApplication, QTranslator
from jury_desk.ui import wording
from tests.conftest import played_demo, signing_identity

QM = resources.path("i18n", "jury_desk_en.qm")


def test_failed_checks_of_a_tampered_bundle_are_worded_in_english(qapp, tmp_path: Path) -> None:
    with played_demo(tmp_path) as (desk, sid):
        ident = signing_identity()
        out = tmp_path / "resultats.zip"
        export.export_session(desk, sid, out, ident, purge_due_on=date(2026, 12, 31))
    appended = tmp_path / "appended.zip"
    appended.write_bytes(out.read_bytes() + b"\0" * 40)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(out.read_bytes()[:-30])
    failed = [
        c
        for path in (appended, cut)
        for c in export.verify_result(path, [ident.jwk]).checks
        if not c.ok
    ]
    assert [c.code for c in failed] == [export.L_STRUCTURE, export.L_STRUCTURE]
    assert [wording.check(c) for c in failed] == [(c.label, c.detail) for c in failed]
    t = QTranslator()
    assert t.load(str(QM))
    QCoreApplication.installTranslator(t)
    try:
        english = [wording.check(c) for c in failed]
    finally:
        QCoreApplication.removeTranslator(t)
    assert english[0] == (
        "Archive structure",
        "bytes follow the end-of-archive record (comment or appended data)",
    )
    for label, detail in english:
        assert label == "Archive structure"
        assert detail and not any(w in detail for w in ("é", "è", "«", "entrée")), detail


def test_semantic_and_pdf_failures_are_worded_in_english(qapp) -> None:
    from jury_desk.core.errors import finding

    semantic = export._worded(
        export.L_SEMANTIC,
        False,
        "findings",
        inners=(
            finding("semantic.rank_contradicts_score", dossier="d02"),
            finding("semantic.quorum_nobody"),
        ),
    )
    pdf = export.Check(export.L_PDF_SIG, False, "", "pdf.appended")
    assert wording.check(semantic)[1] == (
        "le rang du dossier « d02 » contredit sa note ; quorum déclaré atteint alors qu’aucun "
        "juré n’est présent"
    )
    t = QTranslator()
    assert t.load(str(QM))
    QCoreApplication.installTranslator(t)
    try:
        english = [wording.check(c)[1] for c in (semantic, pdf)]
    finally:
        QCoreApplication.removeTranslator(t)
    assert english == [
        "the rank of dossier “d02” contradicts its score; quorum declared met while no juror "
        "is present",
        "data was added to the PDF after the signature",
    ]
