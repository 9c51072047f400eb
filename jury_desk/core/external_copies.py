"""Temporary copies of attachments handed to the system's own reader (PDF, image).

A screen reader reads a PDF far better in the system's reader (which has its own
accessibility) than in an embedded preview, so the console can open an attachment
there. That needs a file: it is written in a private folder (mode 0700, the file 0600)
under the system's temporary folder, named ``jury_desk-ouvert-*``, and removed when the
application closes (``ExternalCopies.remove_all``); a purge, or the next start after a
crash, removes any such folder left behind (``leftovers``).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from jury_desk.core import fsutil

PREFIX = "jury_desk-ouvert-"
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_name(title: str, suffix: str) -> str:
    """A file name from an attachment's title: no path, no odd character, the suffix kept."""
    stem = _UNSAFE.sub("_", title).strip(" ._")[:80] or "piece-jointe"
    return stem + suffix


class ExternalCopies:
    """The copies this run of the application made; ``remove_all`` on close."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = Path(root) if root is not None else None
        self._folder: Path | None = None

    @property
    def folder(self) -> Path | None:
        return self._folder

    def write(self, title: str, suffix: str, data: bytes) -> Path:
        if self._folder is None or not self._folder.is_dir():
            self._folder = Path(
                tempfile.mkdtemp(prefix=PREFIX, dir=str(self._root) if self._root else None)
            )
            with contextlib.suppress(OSError):
                os.chmod(self._folder, 0o700)
        path = self._folder / safe_name(title, suffix)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return path

    def remove_all(self) -> bool:
        """Remove this run's folder; False if something is still held (Windows: open file)."""
        if self._folder is None:
            return True
        fsutil.rmtree_quietly(self._folder)  # a reader still holding it (Windows): logged
        gone = not self._folder.exists()
        if gone:
            self._folder = None
        return gone


def leftovers(root: Path | None = None) -> list[Path]:
    """Every copy folder left in the temporary folder (this run's included)."""
    base = Path(root) if root is not None else Path(tempfile.gettempdir())
    try:
        return sorted(p for p in base.iterdir() if p.name.startswith(PREFIX) and p.is_dir())
    except OSError:
        return []
