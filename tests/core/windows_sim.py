"""Windows behaviours simulated on any system, for the tests of issue 16.

:class:`Holder` makes ``os.replace``/``os.rename``/``os.unlink``/``os.rmdir``/``os.open``
fail as Windows does while another program (antivirus, indexer, OneDrive, another
window) has a file open: ``PermissionError`` with ``winerror`` 32 (sharing violation),
for the first ``times`` calls on the matching paths, or for ever (``times=None``).
Time is simulated too: the retry loop of ``core.fsutil`` sleeps on a fake clock.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import fsutil


def sharing_violation(path: object) -> PermissionError:
    exc = PermissionError(
        errno.EACCES,
        "The process cannot access the file because it is being used by another process",
        str(path),
    )
    exc.winerror = fsutil.ERROR_SHARING_VIOLATION  # type: ignore[attr-defined]
    return exc


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock()
    monkeypatch.setattr(fsutil, "monotonic", clock.monotonic)
    monkeypatch.setattr(fsutil, "sleep", clock.sleep)
    return clock


class Holder:
    """Another program holding the files whose path matches ``match``."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        match: Callable[[Path], bool],
        *,
        times: int | None,
        ops: tuple[str, ...] = ("replace", "rename", "unlink", "rmdir"),
        windows: bool = True,
    ) -> None:
        self.match = match
        self.left = times
        self.refused: list[tuple[str, Path]] = []
        self.clock = fake_clock(monkeypatch)
        if windows:
            monkeypatch.setattr(fsutil, "is_windows", lambda: True)
        for name in ops:
            monkeypatch.setattr(os, name, self._wrap(name, getattr(os, name)))

    def release(self) -> None:
        self.left = 0

    def _held(self, op: str, path: Path) -> bool:
        if not self.match(path):
            return False
        if self.left is None:
            self.refused.append((op, path))
            return True
        if self.left > 0:
            self.left -= 1
            self.refused.append((op, path))
            return True
        return False

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            paths = [Path(a) for a in args[:2] if isinstance(a, (str, os.PathLike))]
            for p in paths:
                if self._held(name, p):
                    raise sharing_violation(p)
            return real(*args, **kwargs)

        return wrapper
