"""Decoding JSON text from a file, with nesting too deep to read refused in words.

Python's ``json`` module recurses once per level of nesting: a file of a hundred thousand
``[`` ends in a ``RecursionError``. :func:`loads` turns that into an :class:`InputError`
saying where the nesting first goes past :data:`~annotator.core.validation.MAX_DEPTH`
levels; values nested less deeply than the decoder's limit are decoded, and the record
check then holds each free-form field to the same limit.
"""

from __future__ import annotations

import json
import re
from typing import Any

from annotator.core.errors import InputError
from annotator.core.validation import MAX_DEPTH

_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.DOTALL)


def too_deep_at(text: str) -> tuple[int, int]:
    """(line, column), from 1, where the text's nesting first goes past ``MAX_DEPTH``."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                position = match.start()
                line = text.count("\n", 0, position) + 1
                return line, position - (text.rfind("\n", 0, position) + 1) + 1
        elif token in "]}":
            depth -= 1
    return 1, 1


def loads(text: str, first_line: int = 1) -> Any:
    """``json.loads``, except that nesting too deep to decode is an :class:`InputError` whose
    line counts from ``first_line`` (the line of the file the text starts on)."""
    try:
        return json.loads(text)
    except RecursionError:
        line, column = too_deep_at(text)
        raise InputError(
            f"JSON nested deeper than {MAX_DEPTH} levels (objects and lists inside each "
            f"other) at column {column}; it is refused rather than read",
            line=first_line + line - 1,
        ) from None
