"""The formats the window offers in its import and export dialogs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.formats import registry

FOLDER_FORMATS = frozenset(name for name, f in registry.FORMATS.items() if f.writes_folder)


@dataclass(frozen=True)
class Offered:
    name: str
    description: str
    extensions: tuple[str, ...]
    writes_a_folder: bool = False


def readable() -> list[Offered]:
    return [_offered(name) for name in registry.readable()]


def writable() -> list[Offered]:
    return [_offered(name) for name in registry.writable()]


def _offered(name: str) -> Offered:
    known = registry.FORMATS[name]
    return Offered(name, known.description, known.extensions, name in FOLDER_FORMATS)


def known_by_its_name(path: str | Path) -> bool:
    """Whether a file's extension (or being a folder) says which format it is in."""
    path = Path(path)
    return path.is_dir() or registry.by_extension(path) is not None
