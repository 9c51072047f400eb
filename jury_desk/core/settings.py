"""The user's settings: a small typed model saved as JSON, atomically.

The file is ``settings.json`` in the platform config folder (:func:`paths.config_dir`).
Saving writes a temporary file in the same folder, flushes and fsyncs it, then
``os.replace`` puts it in place: a crash or a full disk leaves either the old file or
the new one, never an empty or half-written one.

Loading never fails: unknown keys are ignored (a newer version may add some), a value
of the wrong type falls back to that field's default, and an unreadable or corrupt file
gives the defaults with a warning in the log. Nothing here imports Qt; the GUI keeps
window geometry as the base64 text of ``QWidget.saveGeometry()``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from jury_desk.core import paths
from jury_desk.core.errors import UserError
from jury_desk.core.fsutil import write_atomic

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"
LANGUAGES = ("fr", "en")
FONT_SCALE_RANGE = (0.5, 3.0)


@dataclass(slots=True)
class Settings:
    """Mutable, so the GUI can set a field and save; :meth:`replace` makes a copy."""

    language: str = "fr"
    last_db: Path | None = None
    last_session_id: str | None = None
    shared_screen_geometry: str | None = None  # base64 of QWidget.saveGeometry()
    shared_screen_fullscreen: bool = False
    shared_screen_screen_name: str | None = None  # QScreen.name() of the projector
    # The projector as ui.projector.ScreenId encodes it: name, maker, model, serial, geometry.
    shared_screen_identity: str | None = None
    # Where the secretary was (issue 13, item 8): the console's page, the shared screen's
    # mode (« hearing »/« scoring ») and the deliberation's projected picture (None: not
    # projected). The dossier is the session's own (stored with it).
    # Who signs the minutes, asked once (issue 13, item 7): not the computer's login.
    signer_name: str | None = None
    signer_role: str | None = None
    last_page: int | None = None
    last_shared_mode: str | None = None
    last_projection: str | None = None
    font_scale: float = 1.0
    high_contrast: bool = False
    secondary_snapshot_dir: Path | None = None  # a USB key, for a second copy of snapshots
    purge_after_days: int = 30
    purge_reminder: bool = True

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def settings_path() -> Path:
    return paths.config_dir() / FILE_NAME


# --------------------------------------------------------------------------- (de)coding


def _coerce(name: str, raw: Any, default: Any) -> Any:
    """The value of one field read from JSON, or raise ValueError."""
    if name == "language":
        if raw in LANGUAGES:
            return raw
        raise ValueError(raw)
    if name in ("last_db", "secondary_snapshot_dir"):
        if raw is None:
            return None
        if isinstance(raw, str) and raw.strip():
            return Path(raw)
        raise ValueError(raw)
    if name in (
        "last_session_id",
        "shared_screen_geometry",
        "shared_screen_screen_name",
        "shared_screen_identity",
        "last_shared_mode",
        "last_projection",
        "signer_name",
        "signer_role",
    ):
        if raw is None or isinstance(raw, str):
            return raw
        raise ValueError(raw)
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        raise ValueError(raw)
    if name == "font_scale":
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            lo, hi = FONT_SCALE_RANGE
            value = float(raw)
            if lo <= value <= hi:
                return value
        raise ValueError(raw)
    if name == "last_page":
        if raw is None or (isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw < 16):
            return raw
        raise ValueError(raw)
    if name == "purge_after_days":
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            return raw
        raise ValueError(raw)
    raise ValueError(raw)  # pragma: no cover - every field is handled above


def from_dict(doc: dict[str, Any]) -> Settings:
    """Build settings from a decoded JSON object, field by field, tolerantly."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in doc:
            continue
        default = getattr(defaults, f.name)
        try:
            values[f.name] = _coerce(f.name, doc[f.name], default)
        except ValueError:
            log.warning("settings: invalid value for %s, default kept", f.name)
    return Settings(**values)


def to_dict(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        out[f.name] = str(value) if isinstance(value, Path) else value
    return out


# --------------------------------------------------------------------------- load / save


def load(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults; never raises."""
    path = path or settings_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("settings: cannot read %s (%s); defaults used", path.name, exc)
        return Settings()
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        log.warning("settings: %s is corrupt; defaults used", path.name)
        return Settings()
    if not isinstance(doc, dict):
        log.warning("settings: %s does not hold an object; defaults used", path.name)
        return Settings()
    return from_dict(doc)


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (temp file, fsync, rename).

    Raises :class:`UserError` (French) when the file cannot be written; the previous
    file is then left as it was.
    """
    path = path or settings_path()
    data = json.dumps(to_dict(settings), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UserError(
            "settings_unwritable", params={"path": path, "detail": exc.strerror or exc}
        ) from exc


def update(**changes: Any) -> Settings:
    """Load, change some fields, save; returns the new settings."""
    new = load().replace(**changes)
    save(new)
    return new
