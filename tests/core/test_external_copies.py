"""Copies for the system's reader: private, named safely, removed on close and by purge."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from jury_desk.core import external_copies
from jury_desk.core.external_copies import ExternalCopies, safe_name


def test_a_copy_is_private_and_removed_on_close(tmp_path: Path) -> None:
    copies = ExternalCopies(tmp_path)
    path = copies.write("Budget prévisionnel / 2027", ".pdf", b"%PDF-1.7 data")
    assert path.read_bytes() == b"%PDF-1.7 data"
    assert path.parent.parent == tmp_path and path.parent.name.startswith(external_copies.PREFIX)
    assert path.name == "Budget prévisionnel _ 2027.pdf"
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert external_copies.leftovers(tmp_path) == [path.parent]
    assert copies.remove_all()
    assert not path.parent.exists()
    assert external_copies.leftovers(tmp_path) == []


def test_names_never_leave_the_folder() -> None:
    assert "/" not in safe_name("../../etc/passwd", ".pdf")
    assert safe_name("..", ".pdf") == "piece-jointe.pdf"


def test_a_purge_removes_copies_left_by_a_crash(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    from jury_desk.core import privacy

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    left = ExternalCopies().write("Statuts", ".pdf", b"%PDF personal data")  # never removed
    other = temp / "someone-else"
    other.mkdir()
    report = privacy.purge(tmp_path / "jury.sqlite3")
    assert report.complete and not left.parent.exists()
    assert other.exists()  # only jury_desk's copies
