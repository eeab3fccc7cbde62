"""Writing output files so that they appear whole or not at all, with the permissions any
new file gets under the user's umask (a temporary file is created private)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from annotator.core.errors import InputError
from annotator.core.permissions import as_new


def _check_target(path: Path) -> None:
    if not path.parent.exists():
        raise InputError("its folder does not exist", file=path)


@contextmanager
def atomic_file(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream to a temporary file beside ``path``, moved into place when complete."""
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder; give a file name to write", file=path)
    _check_target(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        as_new(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_directory(path: Path) -> Iterator[Path]:
    """A temporary folder beside ``path`` that takes its place (if empty or absent) when done."""
    path = Path(path)
    _check_target(path)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InputError("already exists and is not an empty folder", file=path)
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
    try:
        yield temporary
        as_new(temporary)
        if path.exists():
            path.rmdir()
        os.replace(temporary, path)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
