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


def log_dir() -> Path:
    d = data_dir() / "logs"
    d.mkdir(parents=True, exist_ok=True)
    return d
