"""Where the application keeps its files (platformdirs: %LOCALAPPDATA% on Windows)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "jury_desk"
APP_AUTHOR = "GrandOrlySeineBievre"


def data_dir() -> Path:
    override = os.environ.get("JURY_DESK_DATA_DIR")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    base.mkdir(parents=True, exist_ok=True)
    return base


def config_dir() -> Path:
    override = os.environ.get("JURY_DESK_CONFIG_DIR")
    base = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db() -> Path:
    return data_dir() / "jury_desk.sqlite3"


def files_dir(db_path: Path) -> Path:
    """Content-addressed attachment store that belongs to one database file."""
    return db_path.with_name(db_path.name + ".files")


def exports_ledger(db_path: Path) -> Path:
    """Where this installation wrote each export (local only: never sent to headquarters)."""
    return db_path.with_name(db_path.name + ".exports")


def snapshots_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".snapshots")


def trusted_keys_file() -> Path:
    return config_dir() / "trusted_keys.jwks"


def installation_key_dir() -> Path:
    d = data_dir() / "keys"
    d.mkdir(parents=True, exist_ok=True)
    return d


EXPORTS_FOLDER = "jury_desk-exports"


def default_export_dir(documents: Path | None = None) -> Path:
    """The folder the export dialog proposes, created if needed.

    ``documents`` (Qt's Documents location) unless OneDrive synchronises it (Known
    Folder Move: exports carry personal data), then ``~/jury_desk-exports``, then the
    data folder's ``exports``: the first that exists or can be created.
    """
    from jury_desk.core import instance

    candidates = [documents] if documents is not None else []
    candidates += [Path.home() / EXPORTS_FOLDER, data_dir() / "exports"]
    for folder in candidates:
        if folder is None or instance.export_location_warning(folder) is not None:
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if folder.is_dir():
            return folder
    return data_dir()


def log_dir() -> Path:
    d = data_dir() / "logs"
    d.mkdir(parents=True, exist_ok=True)
    return d
