"""The permissions of the files and folders the program writes: those of any new file.

A file written to a temporary name and renamed into place (so that it appears whole) is
created private (0600) by Python's ``tempfile``; it is given the mode a plain new file would
have under the user's umask before it takes its name, so that colleagues sharing a folder
can read an export or a backup as they can read any other file there.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_lock = threading.Lock()


def umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _lock:  # elsewhere it can only be read by setting it, and set back at once
        current = os.umask(0o022)
        os.umask(current)
    return current


def new_file_mode() -> int:
    return 0o666 & ~umask()


def new_folder_mode() -> int:
    return 0o777 & ~umask()


def as_new(path: Path) -> None:
    """Give a file, or a folder and everything in it, the modes new ones get."""
    path = Path(path)
    if not path.is_dir():
        os.chmod(path, new_file_mode())
        return
    files, folders = new_file_mode(), new_folder_mode()
    os.chmod(path, folders)
    for inside in path.rglob("*"):
        if not inside.is_symlink():
            os.chmod(inside, folders if inside.is_dir() else files)
