"""Plain text: one article per file, named after the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.records import Record
from annotator.formats.reading import read_text


def read(path: Path, encoding: str = "utf-8") -> Iterator[Record]:
    yield Record(text=read_text(path, encoding), name=path.stem)
