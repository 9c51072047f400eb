"""core.fsutil: renames and deletes wait out a Windows sharing violation, then say so."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from jury_desk.core import fsutil
from tests.core.windows_sim import Holder, fake_clock, sharing_violation

ROOT = Path(__file__).resolve().parents[2] / "jury_desk"


def test_replace_waits_while_another_program_holds_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, dst = tmp_path / "new", tmp_path / "old"
    src.write_text("new")
    dst.write_text("old")
    held = Holder(monkeypatch, lambda p: p.name == "old", times=5)
    fsutil.replace(src, dst)
    assert dst.read_text() == "new" and not src.exists()
    assert len(held.refused) == 5
    assert held.clock.now < fsutil.RETRY_SECONDS


def test_a_hold_longer_than_two_seconds_names_the_file_and_the_likely_programs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, dst = tmp_path / "new", tmp_path / "résultats.zip"
    src.write_text("new")
    dst.write_text("old")
    held = Holder(monkeypatch, lambda p: p == dst, times=None)
    with pytest.raises(fsutil.FileInUse) as caught:
        fsutil.replace(src, dst)
    message = str(caught.value)
    assert caught.value.code == "file_in_use"
    assert "« " + str(dst) + " »" in message
    for who in ("antivirus", "indexation", "OneDrive", "autre fenêtre de jury_desk"):
        assert who in message
    assert held.clock.now >= fsutil.RETRY_SECONDS
    assert dst.read_text() == "old" and src.read_text() == "new"  # nothing changed


@pytest.mark.parametrize("winerror", [32, 33])
def test_sharing_and_lock_violations_are_transient_everywhere(winerror: int) -> None:
    exc = PermissionError(errno.EACCES, "held")
    exc.winerror = winerror  # type: ignore[attr-defined]
    assert fsutil.is_sharing_violation(exc)


def test_a_plain_access_denied_is_transient_on_windows_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    denied = PermissionError(errno.EACCES, "Accès refusé")
    monkeypatch.setattr(fsutil, "is_windows", lambda: False)
    assert not fsutil.is_sharing_violation(denied)  # POSIX: a real refusal, raised at once
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    assert fsutil.is_sharing_violation(denied)  # a file being deleted or scanned
    assert not fsutil.is_sharing_violation(FileNotFoundError(errno.ENOENT, "absent"))


def test_a_real_refusal_is_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = fake_clock(monkeypatch)
    monkeypatch.setattr(fsutil, "is_windows", lambda: False)

    def denied(*_a: object) -> None:
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(PermissionError):
        fsutil.replace(tmp_path / "a", tmp_path / "b")
    assert clock.sleeps == []


def test_unlink_and_rmtree_wait_then_name_the_held_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "jury.sqlite3.files"
    (tree / "ab").mkdir(parents=True)
    (tree / "ab" / "abcdef").write_bytes(b"x")
    (tree / "ab" / "held.pdf").write_bytes(b"y")
    held = Holder(monkeypatch, lambda p: p.name == "held.pdf", times=3)
    fsutil.rmtree(tree)
    assert not tree.exists() and len(held.refused) == 3

    lone = tmp_path / "lone.pdf"
    lone.write_bytes(b"z")
    held.match, held.left = (lambda p: p == lone), None
    with pytest.raises(fsutil.FileInUse, match=re.escape(str(lone))):
        fsutil.unlink(lone)
    assert lone.exists()
    fsutil.unlink(tmp_path / "absent", missing_ok=True)
    with pytest.raises(FileNotFoundError):
        fsutil.unlink(tmp_path / "absent")


def test_unlink_clears_the_read_only_flag_windows_sets_for_chmod_0o400(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "installation.key"
    f.write_bytes(b"k")
    os.chmod(f, 0o400)
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    real = os.unlink

    def windows_unlink(path: object, *a: object, **k: object) -> None:
        if not os.stat(path).st_mode & 0o200:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Accès refusé", str(path))
        real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", windows_unlink)
    fake_clock(monkeypatch)
    fsutil.unlink(f)
    assert not f.exists()


def test_write_atomic_survives_a_brief_hold_on_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    target.write_text("{}")
    Holder(monkeypatch, lambda p: p == target, times=4)
    fsutil.write_atomic(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_ensure_not_held_sees_a_file_open_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "r.zip"
    fsutil.ensure_not_held(f)  # absent: nothing to say
    f.write_bytes(b"old")
    fsutil.ensure_not_held(f)
    Holder(monkeypatch, lambda p: p == f, times=None, ops=("open",))
    with pytest.raises(fsutil.FileInUse):
        fsutil.ensure_not_held(f)


_FORBIDDEN = re.compile(
    r"\bos\.(replace|rename|remove|unlink|rmdir)\(|shutil\.(rmtree|move)\(|"
    r"\.(unlink|rmdir)\(|\b(tmp|target|path|p|src|out|staged)\.(replace|rename)\((?![\"'])"
)


def test_every_rename_replace_and_delete_of_the_package_goes_through_fsutil() -> None:
    offenders = []
    for py in sorted(ROOT.rglob("*.py")):
        if py.name == "fsutil.py":
            continue
        for n, line in enumerate(py.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if _FORBIDDEN.search(code) and "fsutil." not in code:
                offenders.append(f"{py.relative_to(ROOT.parent)}:{n}: {line.strip()}")
    assert offenders == []


def test_sharing_violation_helper_is_what_windows_raises() -> None:
    exc = sharing_violation("x")
    assert isinstance(exc, PermissionError) and exc.errno == errno.EACCES
    assert fsutil.is_sharing_violation(exc)


def test_the_export_part_file_is_hidden_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jury_desk.core import export

    hidden: list[tuple[str, int]] = []
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    monkeypatch.setattr(fsutil, "_set_attributes", lambda p, a: hidden.append((p, a)) or True)
    target = export._Target(tmp_path / "r.zip")
    target.open(1024)
    try:
        assert hidden == [(str(target.tmp), fsutil.FILE_ATTRIBUTE_HIDDEN)]
    finally:
        target.discard()
    monkeypatch.setattr(fsutil, "is_windows", lambda: False)
    assert fsutil.hide(tmp_path) is False
