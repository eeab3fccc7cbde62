"""spaCy v2's training JSON (``[{"id", "paragraphs": [{"sentences": [{"tokens": [...]}]}]}]``),
recognised so that it is explained rather than refused as broken: spaCy 3 no longer trains on
it, and ``spacy convert`` turns it into the ``.spacy`` DocBin that we read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.formats.reading import BOM, read_text

EXPLAINED = (
    "this is spaCy v2's training JSON (documents of paragraphs of tokens), not a format we "
    "read: 'python -m spacy convert FILE FOLDER' turns it into a .spacy DocBin, which "
    "'annotator import --format spacy' reads"
)


def is_v2_document(obj: Any) -> bool:
    return isinstance(obj, dict) and "paragraphs" in obj and "text" not in obj


def refuse_if_v2(path: Path, encoding: str) -> None:
    """Refuse a file that opens like spaCy v2's JSON: a list whose first object has
    ``paragraphs``."""
    head = read_text(path, encoding).removeprefix(BOM).lstrip()[:2000]
    if head.startswith("[") and '"paragraphs"' in head:
        raise InputError(EXPLAINED, file=path)
