"""Noticing that a project's files were removed or replaced while a program has it open.

An open SQLite connection keeps using the files it opened, whatever happens to their names:
if ``project.sqlite-wal`` is deleted (a clean-up tool, a sync client, a user tidying the
folder) the connection goes on writing into a file that no longer has a name, every commit
succeeds, and nothing of it reaches the project. Worse, the next program to open the project
meets a write-ahead index that describes the vanished log and fails with "disk I/O error"
for as long as the first one runs; and when the first one closes, its last checkpoint copies
the vanished log into ``project.sqlite``, whatever others may have written there since. If
``project.sqlite`` itself is replaced, its old log stays beside the new file and is read into
it by the next program that opens it.

So the store records the identity (device and inode) of the database, its ``-wal`` and its
``-shm`` when it opens a project, and compares them before and after every write: three
``stat`` calls, a few microseconds against the milliseconds of a commit that is synced to
disk. When they differ the write is refused with :class:`ProjectFilesChanged`, the project's
content as the connection still sees it is copied to ``backups/…-rescued.sqlite``, and the
connection is closed without its last checkpoint, removing the old log of a replaced
database (:func:`close_detached`), so that other programs can open the project again at once
and nothing is written over it.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sqlite3
import struct
import sys
from collections.abc import Mapping
from pathlib import Path

from annotator.core.errors import ProjectError

SUFFIXES = ("", "-wal", "-shm")
NO_CHECKPOINT_ON_CLOSE = 1006  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE
# SQLite's lock bytes on the database file (its file-format documentation): every connection
# that has the database open holds a read lock on some of these.
SHARED_FIRST, SHARED_SIZE = 0x40000000 + 2, 510

Identity = tuple[int, int] | None  # (device, inode), None when the file does not exist
_kept_open: list[sqlite3.Connection] = []  # connections that must never run their close


class ProjectFilesChanged(ProjectError):
    """The project's files were removed or replaced under an open project; nothing more can
    be saved into it through this connection.

    ``changes`` says what happened, one sentence per file; ``rescued`` is the backup holding
    everything this program had saved (None if it could not be written). The edit that
    raised this was not saved, nor will any after it be: keep them and write them to a new
    project (:func:`annotator.ops.unsaved.save_to_new_project`).
    """

    def __init__(self, folder: Path, changes: list[str], rescued: Path | None) -> None:
        self.folder = Path(folder)
        self.changes = tuple(changes)
        self.rescued = rescued
        lines = [
            f"{self.folder}: the project's files were changed by another program while it was "
            "open here, so this edit, and any after it, cannot be saved into it:",
            *(f"  {change}" for change in self.changes),
        ]
        if rescued is not None:
            lines.append(
                f"Everything saved here until then is kept in the backup {rescued.name}: once "
                "no other program has the project open, restore it with\n"
                f"  annotator backup {self.folder} --restore {rescued.stem}\n"
                "if the project lacks edits you made."
            )
        lines.append("Save the edits that were not saved to a new project, then open it again.")
        super().__init__("\n".join(lines))


def identities(database: Path) -> dict[str, Identity]:
    """The identity of the database file and of its -wal and -shm, by file name."""
    found = {}
    for name, path in _paths(database):
        try:
            status = os.stat(path)
        except FileNotFoundError:
            found[name] = None
        else:
            found[name] = (status.st_dev, status.st_ino)
    return found


@functools.lru_cache(maxsize=64)
def _paths(database: Path) -> tuple[tuple[str, str], ...]:
    """(file name, path) of the database, its -wal and its -shm (made once: this runs twice
    in every edit)."""
    return tuple((f"{database.name}{suffix}", f"{database}{suffix}") for suffix in SUFFIXES)


def differences(before: Mapping[str, Identity], now: Mapping[str, Identity]) -> list[str]:
    """What happened to each file since ``before``, in words (nothing: no difference).

    A -wal or -shm that did not exist before may appear (SQLite makes them as it needs them).
    """
    changes = []
    for name, was in before.items():
        is_now = now.get(name)
        if was is None or was == is_now:
            continue
        if is_now is None:
            changes.append(f"{name} was removed")
        else:
            changes.append(f"{name} was replaced by another file")
    return changes


def close_detached(
    conn: sqlite3.Connection, database: Path, before: Mapping[str, Identity]
) -> None:
    """Close a connection whose files were changed under it, harming no one's files.

    It is closed without its last checkpoint (:func:`close_without_checkpoint`). And when the
    database file itself was replaced (or removed) while its -wal and -shm are still the ones
    this connection used, those two are removed: they belong to a database that no longer
    has the name, and the next program to open the new one would read the old log into it
    (SQLite does not checkpoint into a moved file, but leaves its log where it was).
    """
    now = identities(database)
    database_name, *logs = (Path(f"{database}{suffix}").name for suffix in SUFFIXES)
    moved = now[database_name] != before[database_name]
    ours = all(before[name] is not None and now[name] == before[name] for name in logs)
    close_without_checkpoint(conn)
    if moved and ours:
        for name in logs:
            with contextlib.suppress(FileNotFoundError):
                os.remove(database.parent / name)


def close_without_checkpoint(conn: sqlite3.Connection) -> None:
    """Close a connection whose files were changed under it, without the checkpoint SQLite
    runs when the last connection closes (it would write the vanished log into whatever
    file has the database's name now, then delete whatever has the log's name).

    Where the SQLite library's setting cannot be reached, the connection is kept open until
    the process ends instead: the operating system then closes its files, checkpointing
    nothing.
    """
    if _set_no_checkpoint(conn):
        conn.close()
        return
    _kept_open.append(conn)
    with contextlib.suppress(AttributeError):  # never freed, so never closed
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(conn))


def _set_no_checkpoint(conn: sqlite3.Connection) -> bool:
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12 and later
    if setconfig is not None:
        setconfig(NO_CHECKPOINT_ON_CLOSE, True)
        return True
    return _set_no_checkpoint_directly(conn)


def _set_no_checkpoint_directly(conn: sqlite3.Connection) -> bool:
    """Python 3.11 has no way to this setting but the SQLite library itself: its handle sits
    right after the connection object's header. It is used only after the library confirms
    that the handle names this connection's database file."""
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return False
    try:
        import _sqlite3

        library = ctypes.CDLL(_sqlite3.__file__)
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        library.sqlite3_db_filename.restype = ctypes.c_char_p
        library.sqlite3_db_filename.argtypes = (ctypes.c_void_p, ctypes.c_char_p)
        named = library.sqlite3_db_filename(handle, b"main")
        expected = conn.execute("PRAGMA database_list").fetchone()[2]
        if not named or os.fsdecode(named) != expected:
            return False
        library.sqlite3_db_config.restype = ctypes.c_int
        now = ctypes.c_int(-1)
        result = library.sqlite3_db_config(
            ctypes.c_void_p(handle),
            ctypes.c_int(NO_CHECKPOINT_ON_CLOSE),
            ctypes.c_int(1),
            ctypes.byref(now),
        )
    except (OSError, AttributeError, ValueError, sqlite3.Error):
        return False
    return result == 0 and now.value == 1


def others_have_it_open(database: Path) -> bool | None:
    """Whether another process has the database open (None: cannot be told here).

    Every SQLite connection holds a read lock on the database file's shared-lock bytes for
    as long as it is open; the system tells who else holds one (Linux).
    """
    if not sys.platform.startswith("linux"):
        return None
    import fcntl  # not on every system; the layout below is Linux's anyway

    layout = "hhqqi"  # struct flock on Linux: type, whence, start, length, pid
    try:
        fd = os.open(database, os.O_RDONLY)
    except OSError:
        return None
    try:
        asked = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, SHARED_FIRST, SHARED_SIZE, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, asked.ljust(32, b"\0"))
        held = struct.unpack(layout, answer[: struct.calcsize(layout)])[0]
    except OSError:
        return None
    finally:
        os.close(fd)
    return held != fcntl.F_UNLCK


def disk_error(database: Path, error: BaseException, doing: str | None = None) -> ProjectError:
    """What to say when SQLite reports a disk I/O error on a project: most often another
    program still has it open whose write-ahead log was removed under it."""
    folder = database.parent
    start = f"cannot {doing}: " if doing else ""
    if others_have_it_open(database) is not False and Path(f"{database}-shm").exists():
        who = "another program has" if others_have_it_open(database) else "a program may have"
        return ProjectError(
            f"{start}{folder}: the project cannot be read now: {who} it open whose "
            f"write-ahead log ({database.name}-wal) was removed or replaced under it. Close "
            "that program (a window keeps what it could not save and offers to write it to a "
            "new project); the project then opens again as it was. Do not delete its files."
        )
    return ProjectError(
        f"{start}{folder}: the disk reports an error reading or writing the project ({error})"
    )
