"""Limits for a process that handles hostile input (the PDF render worker).

A candidate's attachment is data the jury did not write: a few kilobytes of PDF can ask
a renderer for 10^12 drawing operations or gigabytes of memory. The worker that renders
it runs with:

- on POSIX, :func:`limit_self` (called by the worker before it reads the document):
  ``RLIMIT_DATA`` caps its writable memory (``RLIMIT_AS`` cannot be used: PDFium
  reserves tens of gigabytes of address space it never touches), ``RLIMIT_CPU`` its
  processor time (the kernel sends SIGXCPU, then SIGKILL at the hard limit), and no
  core file;
- on Windows, a Job Object (:class:`WindowsJob`, created by the parent, which assigns
  the worker to it as soon as it starts): ``JOB_OBJECT_LIMIT_PROCESS_MEMORY`` (committed
  memory), ``JOB_OBJECT_LIMIT_PROCESS_TIME`` (user-mode time) and
  ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE``, so the worker also dies with the application.

The parent adds a wall-clock limit of its own (it kills the worker), whatever the system.
"""

from __future__ import annotations

import os
import sys
from typing import Any

MEMORY_BYTES = 512 * 1024**2
CPU_SECONDS = 20
WALL_SECONDS = 25


def limit_self(memory_bytes: int = MEMORY_BYTES, cpu_seconds: int = CPU_SECONDS) -> None:
    """Cap this process's memory and processor time (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    import resource

    resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


# --------------------------------------------------------------------------- Windows

JOB_OBJECT_LIMIT_PROCESS_TIME = 0x00000002
JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x00000400
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
JobObjectExtendedLimitInformation = 9
PROCESS_SET_QUOTA = 0x0100
PROCESS_TERMINATE = 0x0001


def _job_structures() -> tuple[Any, Any]:
    import ctypes

    # Windows' own widths, spelt out so that the layout is the same when checked elsewhere
    # (ctypes.wintypes.DWORD is a C long: 8 bytes on 64-bit Linux).
    class wintypes:
        DWORD = ctypes.c_uint32
        LARGE_INTEGER = ctypes.c_int64

    class IoCounters(ctypes.Structure):
        _fields_ = [
            ("ReadOperationCount", ctypes.c_ulonglong),
            ("WriteOperationCount", ctypes.c_ulonglong),
            ("OtherOperationCount", ctypes.c_ulonglong),
            ("ReadTransferCount", ctypes.c_ulonglong),
            ("WriteTransferCount", ctypes.c_ulonglong),
            ("OtherTransferCount", ctypes.c_ulonglong),
        ]

    class BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", wintypes.LARGE_INTEGER),
            ("PerJobUserTimeLimit", wintypes.LARGE_INTEGER),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", BasicLimits),
            ("IoInfo", IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    return BasicLimits, ExtendedLimits


def job_limits(memory_bytes: int, cpu_seconds: int) -> Any:
    """The JOBOBJECT_EXTENDED_LIMIT_INFORMATION a render worker's job gets (any system:
    only ctypes structures, so that its layout can be checked off Windows too)."""
    _basic, extended = _job_structures()
    info = extended()
    info.BasicLimitInformation.LimitFlags = (
        JOB_OBJECT_LIMIT_PROCESS_MEMORY
        | JOB_OBJECT_LIMIT_PROCESS_TIME
        | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
    )
    info.BasicLimitInformation.PerProcessUserTimeLimit = cpu_seconds * 10_000_000  # 100 ns
    info.ProcessMemoryLimit = memory_bytes
    return info


class WindowsJob:
    """A Job Object with the worker's limits; the process assigned to it dies with it."""

    _k32: Any
    _ctypes: Any

    def __init__(self, memory_bytes: int = MEMORY_BYTES, cpu_seconds: int = CPU_SECONDS) -> None:
        if sys.platform != "win32":
            raise OSError("Job Objects exist on Windows only")
        import ctypes
        from ctypes import wintypes

        self._ctypes = ctypes
        self._k32 = ctypes.WinDLL("kernel32", use_last_error=True)
        self._k32.CreateJobObjectW.restype = wintypes.HANDLE
        self._k32.CreateJobObjectW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR]
        self._k32.OpenProcess.restype = wintypes.HANDLE
        self._k32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
        self._k32.SetInformationJobObject.argtypes = [
            wintypes.HANDLE,
            ctypes.c_int,
            ctypes.c_void_p,
            wintypes.DWORD,
        ]
        self._k32.AssignProcessToJobObject.argtypes = [wintypes.HANDLE, wintypes.HANDLE]
        self._k32.CloseHandle.argtypes = [wintypes.HANDLE]
        handle = self._k32.CreateJobObjectW(None, None)
        if not handle:
            raise ctypes.WinError(ctypes.get_last_error())
        self.handle: int | None = handle
        info = job_limits(memory_bytes, cpu_seconds)
        if not self._k32.SetInformationJobObject(
            handle, JobObjectExtendedLimitInformation, ctypes.byref(info), ctypes.sizeof(info)
        ):
            err = ctypes.get_last_error()
            self.close()
            raise ctypes.WinError(err)

    def assign(self, pid: int) -> None:
        ctypes = self._ctypes
        process = self._k32.OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, False, pid)
        if not process:
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            if not self._k32.AssignProcessToJobObject(self.handle, process):
                raise ctypes.WinError(ctypes.get_last_error())
        finally:
            self._k32.CloseHandle(process)

    def close(self) -> None:
        """Close the job: a process still in it is killed (KILL_ON_JOB_CLOSE)."""
        handle, self.handle = self.handle, None
        if handle:
            self._k32.CloseHandle(handle)
