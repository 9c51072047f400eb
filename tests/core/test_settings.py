"""Settings: typed, tolerant on load, atomic on save."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from jury_desk.core import fsutil, paths, settings
from jury_desk.core.errors import UserError
from jury_desk.core.settings import Settings


def test_defaults_when_there_is_no_file() -> None:
    assert not settings.settings_path().exists()
    s = settings.load()
    assert s == Settings()
    assert (s.language, s.purge_after_days, s.purge_reminder, s.font_scale) == ("fr", 30, True, 1.0)
    assert s.secondary_snapshot_dir is None


def test_round_trip_of_every_field(tmp_path: Path) -> None:
    s = Settings(
        language="en",
        last_db=tmp_path / "jury é.sqlite3",
        last_session_id="0d5e7a52",
        shared_screen_geometry="AdnQywADAAAAAAAA",
        shared_screen_fullscreen=True,
        shared_screen_screen_name="HDMI-1",
        font_scale=1.25,
        high_contrast=True,
        secondary_snapshot_dir=tmp_path / "usb",
        purge_after_days=45,
        purge_reminder=False,
    )
    settings.save(s)
    assert settings.settings_path() == paths.config_dir() / "settings.json"
    loaded = settings.load()
    assert loaded == s
    assert isinstance(loaded.last_db, Path)
    doc = json.loads(settings.settings_path().read_text(encoding="utf-8"))
    assert doc["last_db"] == str(tmp_path / "jury é.sqlite3")


def test_update_changes_only_the_named_fields() -> None:
    settings.save(Settings(language="en", font_scale=1.5))
    new = settings.update(high_contrast=True)
    assert (new.language, new.font_scale, new.high_contrast) == ("en", 1.5, True)
    assert settings.load() == new


def test_unknown_keys_are_ignored_and_bad_values_fall_back(
    caplog: pytest.LogCaptureFixture,
) -> None:
    doc = {
        "language": "de",
        "font_scale": "big",
        "purge_after_days": 12,
        "high_contrast": 1,
        "secondary_snapshot_dir": "",
        "future_option": {"x": 1},
        "last_session_id": "s1",
    }
    settings.settings_path().write_text(json.dumps(doc), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="jury_desk.core.settings"):
        s = settings.load()
    assert s.purge_after_days == 12 and s.last_session_id == "s1"
    assert (s.language, s.font_scale, s.high_contrast, s.secondary_snapshot_dir) == (
        "fr",
        1.0,
        False,
        None,
    )
    warned = " ".join(r.getMessage() for r in caplog.records)
    for name in ("language", "font_scale", "high_contrast", "secondary_snapshot_dir"):
        assert name in warned


@pytest.mark.parametrize("content", [b'{"language": "en",', b"\xff\xfe\x00garbage", b"[1, 2]", b""])
def test_corrupt_file_gives_defaults_and_a_warning(
    content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    settings.settings_path().write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="jury_desk.core.settings"):
        assert settings.load() == Settings()
    assert any("settings" in r.getMessage() for r in caplog.records)


def test_a_failed_save_leaves_the_previous_file_and_no_temp_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.save(Settings(language="en"))
    before = settings.settings_path().read_bytes()

    def disk_full(_fd: int) -> None:  # the fault: the data never reaches the disk
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m, pytest.raises(UserError) as err:
        m.setattr(fsutil.os, "fsync", disk_full)
        settings.save(Settings(language="fr", font_scale=2.0))
    assert err.value.code == "settings_unwritable"
    assert "préférences précédentes sont conservées" in err.value.message
    assert settings.settings_path().read_bytes() == before
    assert sorted(p.name for p in paths.config_dir().iterdir()) == ["settings.json"]
    assert settings.load().language == "en"


def test_a_failed_rename_leaves_the_previous_file(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.save(Settings(purge_after_days=10))
    before = settings.settings_path().read_bytes()

    def refuse(_src: object, _dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as m, pytest.raises(UserError):
        m.setattr(fsutil.os, "replace", refuse)
        settings.save(Settings(purge_after_days=99))
    assert settings.settings_path().read_bytes() == before
    assert [p.name for p in paths.config_dir().iterdir()] == ["settings.json"]


def test_save_writes_whole_json_through_a_rename() -> None:
    settings.save(Settings())
    first = os.stat(settings.settings_path()).st_ino
    settings.save(Settings(language="en"))
    # A new file took the name (rename), rather than the old one being rewritten in place.
    assert os.stat(settings.settings_path()).st_ino != first
    assert json.loads(settings.settings_path().read_text(encoding="utf-8"))["language"] == "en"
