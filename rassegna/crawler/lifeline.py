"""A process that dies with its parent: crawl children and extraction workers never outlive who started them."""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _pdeathsig(signum: int) -> bool:
    """Ask Linux to send ``signum`` to this process when its parent dies; False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def bind_to_parent(
    parent_pid: int, signum: int = signal.SIGKILL, on_orphaned: Callable[[], None] | None = None, poll: float = 1.0
) -> None:
    """Die (``signum``) when the process ``parent_pid`` dies; at once if it has already died.

    On Linux the kernel delivers the signal (prctl PR_SET_PDEATHSIG); elsewhere, and as a safety net, a daemon
    thread watches the parent pid. ``on_orphaned`` replaces the signal in the watcher (e.g. a graceful stop)."""
    _pdeathsig(signum)

    def orphaned() -> None:
        if on_orphaned is not None:
            on_orphaned()
        else:
            os.kill(os.getpid(), signum)

    if os.getppid() != parent_pid:  # the parent died before the kernel could be told
        orphaned()
        return

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(poll)
        orphaned()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def worker_initializer(parent_pid: int) -> None:
    """ProcessPoolExecutor initializer: the worker is killed when the crawl process that started it dies."""
    bind_to_parent(parent_pid, signal.SIGKILL)


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` exists on this host."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    try:  # a zombie (dead, not yet reaped by its parent) is not alive
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True
