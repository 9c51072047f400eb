"""One instance per database (a real OS lock, held across processes) and the
location check (Windows branch through a stand-in for GetDriveTypeW)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from jury_desk.core import instance
from jury_desk.core.errors import Problem


def _message(problem: Problem | None) -> str | None:
    """The French wording of a refused location (the command line's)."""
    return None if problem is None else problem.message


ROOT = Path(__file__).resolve().parent.parent.parent

HOLDER = """
import sys
from jury_desk.core import instance
lock = instance.acquire(sys.argv[1])
print("LOCKED" if lock else "BUSY", flush=True)
sys.stdin.readline()
"""

TRY = """
import sys
from jury_desk.core import instance
lock = instance.acquire(sys.argv[1])
print("ACQUIRED" if lock else "BUSY", flush=True)
"""


def _try(db: Path) -> str:
    r = subprocess.run(
        [sys.executable, "-c", TRY, str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=True,
    )
    return r.stdout.strip()


def _holder(db: Path) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert p.stdout is not None
    assert p.stdout.readline().strip() == "LOCKED"
    return p


def test_a_second_process_cannot_lock_while_the_first_holds_it(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    holder = _holder(db)
    try:
        assert _try(db) == "BUSY"
        assert instance.acquire(db) is None  # nor can this process
    finally:
        assert holder.stdin is not None
        holder.stdin.close()  # the holder exits normally
        holder.wait(timeout=30)
    assert _try(db) == "ACQUIRED"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    holder = _holder(db)
    assert _try(db) == "BUSY"
    holder.kill()
    holder.wait(timeout=30)
    assert _try(db) == "ACQUIRED"
    assert instance.lock_path(db).exists()


def test_lock_in_process_release_and_reacquire(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "jury.sqlite3"
    lock = instance.acquire(db)
    assert lock is not None and lock.held
    assert lock.path == tmp_path / "sub" / "jury.sqlite3.lock"
    if os.name == "posix":  # Windows: the locked byte cannot be read, and no PID is written
        assert lock.path.read_text().strip() == str(os.getpid())
    assert instance.acquire(db) is None
    assert _try(db) == "BUSY"
    lock.release()
    assert not lock.held
    lock.release()  # twice is harmless
    with instance.acquire(db) as again:
        assert again is not None and again.held
    assert _try(db) == "ACQUIRED"


def test_locks_are_per_database(tmp_path: Path) -> None:
    a = instance.acquire(tmp_path / "a.sqlite3")
    b = instance.acquire(tmp_path / "b.sqlite3")
    assert a is not None and b is not None
    a.release()
    b.release()


def test_server_name_is_stable_per_database_and_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "jury.sqlite3"
    name = instance.server_name(db)
    assert re.fullmatch(r"jury_desk-[0-9a-f]{24}", name)
    assert instance.server_name(db) == name
    monkeypatch.chdir(tmp_path)
    assert instance.server_name(Path("jury.sqlite3")) == name  # relative, same file
    (tmp_path / "link").symlink_to(tmp_path, target_is_directory=True)
    assert instance.server_name(tmp_path / "link" / "jury.sqlite3") == name
    assert instance.server_name(tmp_path / "other.sqlite3") != name


def test_check_location_is_none_off_windows(tmp_path: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        pytest.skip("the Windows rule is tested below")
    assert instance.check_location(tmp_path / "jury.sqlite3") is None
    assert instance.check_location(Path("/media/usb/jury.sqlite3")) is None


# ---------------------------------------------------------------- Windows branch


@pytest.fixture
def drives(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """GetDriveTypeW stand-in: the Windows API is not on this machine."""
    table = {
        "C:\\": instance.DRIVE_FIXED,
        "E:\\": instance.DRIVE_REMOVABLE,
        "Z:\\": instance.DRIVE_REMOTE,
        "D:\\": instance.DRIVE_CDROM,
    }
    asked: dict[str, int] = {}

    def get_drive_type(root: str) -> int:
        asked[root] = asked.get(root, 0) + 1
        return table.get(root, instance.DRIVE_NO_ROOT_DIR)

    monkeypatch.setattr(instance, "_drive_type", get_drive_type)
    return asked


def test_windows_fixed_drive_is_fine(drives: dict[str, int]) -> None:
    assert (
        instance.check_windows_location("C:\\Users\\secretariat\\Documents\\jury.sqlite3") is None
    )
    assert instance.check_windows_location("c:\\jury.sqlite3") is None
    assert drives == {"C:\\": 2}


def test_windows_removable_drive_is_refused(drives: dict[str, int]) -> None:
    msg = _message(instance.check_windows_location("E:\\jury\\jury.sqlite3"))
    assert msg is not None
    assert "support amovible" in msg and "E:" in msg and "Copiez le fichier" in msg
    assert drives == {"E:\\": 1}


def test_windows_mapped_network_drive_is_refused(drives: dict[str, int]) -> None:
    msg = _message(instance.check_windows_location("Z:\\partage\\jury.sqlite3"))
    assert msg is not None and "lecteur réseau Z:" in msg


def test_windows_cd_is_refused(drives: dict[str, int]) -> None:
    msg = _message(instance.check_windows_location("D:\\jury.sqlite3"))
    assert msg is not None and "CD" in msg


@pytest.mark.parametrize(
    "path",
    [
        "\\\\serveur\\jury\\jury.sqlite3",
        "\\\\?\\UNC\\serveur\\jury\\jury.sqlite3",
        "//serveur/jury/jury.sqlite3",
    ],
)
def test_windows_unc_paths_are_refused_without_asking_the_drive(
    path: str, drives: dict[str, int]
) -> None:
    msg = _message(instance.check_windows_location(path))
    assert msg is not None and "partage réseau" in msg
    assert drives == {}


def test_windows_long_path_prefix_on_a_local_drive(drives: dict[str, int]) -> None:
    assert instance.check_windows_location("\\\\?\\C:\\jury\\jury.sqlite3") is None
    assert instance.check_windows_location("\\\\?\\E:\\jury.sqlite3") is not None


class _DelayedRelease:
    """Windows releases a dead process's LockFileEx lock after a delay: the first
    ``busy`` tries fail, then the lock is free (a fake clock, no real waiting)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, busy: int) -> None:
        self.busy, self.tries, self.now = busy, 0, 0.0
        real = instance._try_lock

        def try_lock(fd: int) -> bool:
            self.tries += 1
            return self.tries > self.busy and real(fd)

        def sleep(seconds: float) -> None:
            self.now += seconds

        monkeypatch.setattr(instance, "_try_lock", try_lock)
        monkeypatch.setattr(instance, "sleep", sleep)
        monkeypatch.setattr(instance, "monotonic", lambda: self.now)


def test_acquire_waits_for_a_lock_released_late(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "jury.sqlite3"
    late = _DelayedRelease(monkeypatch, busy=6)
    assert instance.acquire(db) is None  # no wait: busy
    late.tries = 0
    lock = instance.acquire(db, wait=5.0)
    assert lock is not None and lock.held and late.tries == 7 and late.now < 5.0
    lock.release()


def test_acquire_gives_up_after_the_wait(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    late = _DelayedRelease(monkeypatch, busy=10_000)
    assert instance.acquire(tmp_path / "jury.sqlite3", wait=3.0) is None
    assert 3.0 <= late.now < 3.0 + instance.LOCK_POLL_SECONDS + 1e-9
