"""Opening input files: decoding with a clear message when the bytes are not what we expect."""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from annotator.core.errors import InputError

BOM = "\ufeff"


def check_encoding(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError as error:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8 or cp1256)") from error


def decode_error(path: Path, encoding: str) -> InputError:
    """Find the first undecodable byte of a file and say where it is, in one pass.

    The file is decoded a block at a time; the decoder's error gives the byte's place in the
    block (counting bytes the decoder held back from the block before), and the line is one
    more than the line feeds before it.
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    line, offset = 1, 0  # lines begun and bytes read before the block
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            held = decoder.getstate()[0]
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                data = held + block
                position = offset - len(held) + error.start
                line += block.count(b"\n", 0, max(0, error.start - len(held)))
                return InputError(
                    f"cannot be read as {encoding}: byte 0x{data[error.start]:02x} "
                    f"at byte {position} "
                    "is not valid; give the file's encoding with --encoding (e.g. cp1256)",
                    file=path,
                    line=line,
                )
            line += block.count(b"\n")
            offset += len(block)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return InputError(
            f"cannot be read as {encoding}: it ends in the middle of a character", file=path
        )
    return InputError(f"cannot be read as {encoding}", file=path)


def open_text(path: Path, encoding: str) -> TextIO:
    """A text stream that keeps line endings as they are (they are the text's business)."""
    try:
        return io.open(path, encoding=encoding, errors="strict", newline="")  # noqa: UP020
    except FileNotFoundError as error:
        raise InputError("no such file", file=path) from error
    except IsADirectoryError as error:
        raise InputError("is a folder, not a file", file=path) from error
    except OSError as error:
        raise InputError(f"cannot be opened ({error.strerror})", file=path) from error


def read_text(path: Path, encoding: str) -> str:
    with open_text(path, encoding) as stream:
        try:
            return stream.read()
        except UnicodeDecodeError:
            raise decode_error(path, encoding) from None


def iter_lines(path: Path, encoding: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a file, streamed, with a file-start BOM removed."""
    with open_text(path, encoding) as stream:
        number = 0
        try:
            for number, line in enumerate(stream, 1):
                if number == 1 and line.startswith(BOM):
                    line = line[1:]
                yield number, line
        except UnicodeDecodeError:
            raise decode_error(path, encoding) from None


def refuse_link(path: Path) -> None:
    """A symbolic link is not followed: what it points at was not given to the import."""
    if path.is_symlink():
        raise InputError(
            f"is a symbolic link (to {os.readlink(path)}); an import does not follow links, "
            "so that it reads only what is in the folder: copy the file in, or import it by "
            "its own name",
            file=path,
        )


def files_in(folder: Path, suffix: str) -> list[Path]:
    """Every file under ``folder`` whose name ends in ``suffix``, sorted; a symbolic link
    anywhere under it (to a file or a folder) is refused, naming it."""
    found = []
    for parent, folders, files in os.walk(folder):
        for name in sorted(folders + files):
            refuse_link(Path(parent, name))
        found += [Path(parent, name) for name in files if name.lower().endswith(suffix)]
    return sorted(found)
