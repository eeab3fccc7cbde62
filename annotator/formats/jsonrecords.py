"""JSON values one after another, as other tools write them: JSONL, pretty-printed objects, a list.

Files named ``.jsonl`` are not always one object per line: doccano's own relation example is
one object printed over 49 lines. This reader takes one value per line when it can, lets a
value run on over further lines while it is merely unfinished, and reads a file that opens
with ``[`` as one JSON list. Each value comes with the line it starts on, so errors can say
where.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.formats.jsondecode import loads
from annotator.formats.reading import BOM, iter_lines, read_text


def _unfinished(error: json.JSONDecodeError, text: str) -> bool:
    """The value stops short at the end of the text (more lines may complete it)."""
    return error.pos >= len(text.rstrip())


def _as_list(path: Path, encoding: str) -> Iterator[tuple[int | None, int, Any]]:
    text = read_text(path, encoding).removeprefix(BOM)
    try:
        data = loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not valid JSON ({error.msg}, column {error.colno})", file=path, line=error.lineno
        ) from None
    except InputError as error:
        raise error.located(file=path) from None
    if not isinstance(data, list):
        raise InputError("expected a JSON list of records", file=path)
    for number, value in enumerate(data, 1):
        yield None, number, value


def iter_json_values(path: Path, encoding: str) -> Iterator[tuple[int | None, int, Any]]:
    """(line the value starts on, record number from 1, value) for each value of the file."""
    lines = iter_lines(path, encoding)
    buffer: list[str] = []
    start = 0
    number = 0
    for line_number, line in lines:
        if not buffer:
            if not line.strip():
                continue
            if line.lstrip().startswith("[") and number == 0:
                lines.close()
                yield from _as_list(path, encoding)
                return
            start = line_number
        buffer.append(line)
        text = "".join(buffer)
        try:
            value = loads(text, start)
        except InputError as error:
            raise error.located(file=path, record=number + 1) from None
        except json.JSONDecodeError as error:
            if _unfinished(error, text):
                continue
            raise InputError(
                f"not valid JSON ({error.msg} at line {start + error.lineno - 1}, "
                f"column {error.colno})",
                file=path,
                line=start,
                record=number + 1,
            ) from None
        number += 1
        buffer = []
        yield start, number, value
    if buffer:
        raise InputError(
            "not valid JSON: the record that starts here is unfinished at the end of the file",
            file=path,
            line=start,
            record=number + 1,
        )
