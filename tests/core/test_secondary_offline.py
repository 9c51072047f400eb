"""The second snapshot folder on an offline network drive: the snapshot (taken on the
database writer's thread) returns after SECONDARY_WAIT_SECONDS, the copy goes on in the
background, and later snapshots do not queue behind it (issue 16)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from jury_desk.core import settings, snapshots
from jury_desk.core.services import Desk


def test_a_hung_second_folder_does_not_hold_the_writer(
    demo_desk: tuple[Desk, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = demo_desk
    share = tmp_path / "Z-drive"
    share.mkdir()
    settings.save(settings.Settings(secondary_snapshot_dir=share))
    release = threading.Event()
    entered = threading.Event()
    real_copy = snapshots._copy_fsync

    def hung_copy(source: Path, target: Path) -> None:
        if share in target.parents:  # SMB with the server gone: blocks until it answers
            entered.set()
            assert release.wait(60)
        real_copy(source, target)

    monkeypatch.setattr(snapshots, "_copy_fsync", hung_copy)
    monkeypatch.setattr(snapshots, "SECONDARY_WAIT_SECONDS", 0.2)
    try:
        first = snapshots.snapshot(desk, "apres-audition")
        assert entered.is_set() and first.path.is_file() and first.secondary is None
        assert (
            first.secondary_error is not None and "ne répond pas" in first.secondary_error.message
        )
        # The writer goes on: a score is saved while the copy hangs.
        desk.record_score(sid, "d01", "j01", "innovation", "3")
        second = snapshots.snapshot(desk, "apres-audition")
        assert (
            second.secondary_error is not None and "pas terminée" in second.secondary_error.message
        )
    finally:
        release.set()
    assert snapshots.wait_secondary(30)
    copies = list(snapshots.secondary_dir(desk.db_path, share).glob("*.sqlite3"))
    assert [c.name for c in copies] == [first.path.name]  # the first copy landed later


def test_a_prompt_second_folder_is_still_waited_for(
    demo_desk: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, _ = demo_desk
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.save(settings.Settings(secondary_snapshot_dir=usb))
    result = snapshots.snapshot(desk, "manuel")
    assert result.secondary is not None and result.secondary.is_file()
    assert result.secondary_error is None
