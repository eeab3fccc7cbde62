"""Who has a project open, from which computer, and whether its folder is on a network share.

SQLite's WAL mode lets many programs on one computer share a project safely, but it keeps
its coordination in shared memory, which computers cannot share over a network folder. So a
window announces itself with a small session file in ``PROJECT/sessions/`` (host, process,
user, since when), refreshed while it runs; a project whose session file says it is open on
another computer is refused, with that computer's name, until the other window closes or the
user takes over. Session files of processes that died on this computer are swept away.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import ProjectError

SESSIONS = "sessions"
HEARTBEAT_SECONDS = 300  # how often a window refreshes its session file
STALE_AFTER_SECONDS = 3 * HEARTBEAT_SECONDS  # another computer's session older than this is over

# File-system types (as Linux names them in /proc/mounts) that live on another computer.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
        "lustre", "gpfs", "beegfs", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.davfs2",
        "fuse.gvfsd-fuse", "fuse.s3fs", "fuse.glusterfs", "fuse.cephfs", "fuse.juicefs",
    }
)  # fmt: skip


def host_name() -> str:
    return socket.gethostname() or "unknown-host"


def _user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):
        return "unknown"


def _process_start(pid: int) -> str | None:
    """When a process started (Linux), so that a recycled process id is not taken for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()[19]


def _alive(pid: int, started: str | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    except OSError:
        return True
    return started is None or _process_start(pid) in (None, started)


@dataclass(frozen=True)
class WindowClaim:
    """One window that has a project open."""

    path: Path
    host: str
    pid: int
    user: str
    annotator: str | None
    since: str
    started: str | None = None

    @property
    def here(self) -> bool:
        return self.host == host_name()

    def describe(self) -> str:
        who = self.annotator or self.user
        return f"{who} on {self.host} (process {self.pid}, since {self.since})"

    def refresh(self) -> None:
        """Show that this window still runs (call every ``HEARTBEAT_SECONDS``)."""
        try:
            os.utime(self.path)
        except FileNotFoundError:
            _write(self)

    def release(self) -> None:
        self.path.unlink(missing_ok=True)


def _write(session: WindowClaim) -> None:
    session.path.parent.mkdir(exist_ok=True)
    data = {
        "host": session.host,
        "pid": session.pid,
        "user": session.user,
        "annotator": session.annotator,
        "since": session.since,
        "started": session.started,
    }
    temporary = session.path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, session.path)


def _read(path: Path) -> WindowClaim | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return WindowClaim(
            path=path,
            host=str(data["host"]),
            pid=int(data["pid"]),
            user=str(data.get("user") or "unknown"),
            annotator=data.get("annotator"),
            since=str(data.get("since") or ""),
            started=data.get("started"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def sessions(folder: str | Path) -> list[WindowClaim]:
    """The windows that have the project open now; files of dead local processes are removed."""
    directory = Path(folder) / SESSIONS
    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.glob("*.json")):
        session = _read(path)
        if session is None:
            continue
        if session.here:
            if not _alive(session.pid, session.started):
                with contextlib.suppress(OSError):  # a read-only folder keeps it; no harm
                    path.unlink(missing_ok=True)
                continue
        else:
            try:
                age = time.time() - path.stat().st_mtime
            except FileNotFoundError:
                continue
            if age > STALE_AFTER_SECONDS:
                continue
        found.append(session)
    return found


def on_other_computers(folder: str | Path) -> list[WindowClaim]:
    return [session for session in sessions(folder) if not session.here]


def refuse_if_open_elsewhere(folder: str | Path) -> None:
    """Raise when a window on another computer has the project open (network folders)."""
    others = on_other_computers(folder)
    if others:
        raise ProjectError(
            f"{folder}: the project is open in a window on another computer: "
            f"{'; '.join(s.describe() for s in others)}. A project in a shared network folder "
            "can be used from one computer at a time; close it there first (if that computer "
            "crashed, take over the project from the window)."
        )


def claim(
    folder: str | Path, annotator: str | None = None, *, take_over: bool = False
) -> WindowClaim:
    """Announce a window on this project; refused while another computer has it open.

    ``take_over`` removes the other computers' session files: for when one of them crashed.
    """
    folder = Path(folder)
    others = on_other_computers(folder)
    if others and not take_over:
        refuse_if_open_elsewhere(folder)
    for other in others:
        other.release()
    pid = os.getpid()
    session = WindowClaim(
        path=folder / SESSIONS / f"{host_name()}-{pid}.json",
        host=host_name(),
        pid=pid,
        user=_user(),
        annotator=annotator,
        since=datetime.now(UTC).isoformat(timespec="seconds"),
        started=_process_start(pid),
    )
    try:
        _write(session)
    except OSError as error:
        raise ProjectError(
            f"{folder}: cannot note that the project is open ({error}); "
            "a project must be in a folder you can write to"
        ) from error
    return session


@contextlib.contextmanager
def sole_connection(database: Path, doing: str) -> Iterator[sqlite3.Connection]:
    """A connection that has the database to itself, or a refusal if anyone else has it open.

    In WAL mode every open connection holds a shared lock on the database file for as long as
    it is open, so an exclusive lock is granted only when no other program (and no other
    connection of this one) has the project open. It is held until the connection closes.
    """
    conn = sqlite3.connect(database, isolation_level=None, timeout=1)  # others' edits are short
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        conn.close()
        if "locked" not in str(error) and "busy" not in str(error):
            raise ProjectError(f"{database}: cannot be opened ({error})") from error
        windows = "; ".join(s.describe() for s in sessions(database.parent))
        raise ProjectError(
            f"{database.parent}: the project is open elsewhere"
            f"{f' (a window: {windows})' if windows else ''}. Close it everywhere (windows and "
            f"commands) before you {doing}; nothing has been changed."
        ) from error
    try:
        yield conn
    finally:
        conn.close()


def filesystem_type(path: str | Path) -> str | None:
    """The type of the file system holding ``path`` (Linux; None where it cannot be told)."""
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    target = os.path.realpath(path)
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def network_filesystem(path: str | Path) -> str | None:
    """What kind of network share ``path`` is on, or None for a local disk (or unknown)."""
    if str(path).startswith("\\\\"):  # a Windows UNC path, \\server\share
        return "network share"
    kind = filesystem_type(path)
    return kind if kind in NETWORK_FILESYSTEMS else None
