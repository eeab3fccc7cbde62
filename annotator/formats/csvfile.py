"""CSV: a column ``text``, an optional ``name``; every other column becomes metadata."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.records import Record
from annotator.formats.reading import BOM, decode_error, open_text

csv.field_size_limit(sys.maxsize)


def read(path: Path, encoding: str = "utf-8") -> Iterator[Record]:
    with open_text(path, encoding) as stream:
        start_line = 1
        try:
            # strict: an unclosed quote is an error, not a field that swallows the rest of the file
            reader = csv.reader(stream, strict=True)
            header = next(reader, None)
            if header is None:
                raise InputError(
                    "the file is empty (expected a header row with a 'text' column)",
                    file=path,
                    line=1,
                )
            if header and header[0].startswith(BOM):
                header[0] = header[0][1:]
            header = [column.strip() for column in header]
            if "text" not in header:
                raise InputError(
                    f"no 'text' column in the header (columns: {', '.join(header)})",
                    file=path,
                    line=1,
                )
            number = 0
            start_line = reader.line_num + 1
            for row in reader:
                if not row:
                    start_line = reader.line_num + 1
                    continue
                number += 1
                if len(row) != len(header):
                    raise InputError(
                        f"has {len(row)} fields but the header has {len(header)}",
                        file=path,
                        line=start_line,
                        record=number,
                    )
                values = dict(zip(header, row, strict=True))
                text = values.pop("text")
                name = values.pop("name", None)
                yield Record(text=text, name=name, meta=values, line=start_line, number=number)
                start_line = reader.line_num + 1
        except UnicodeDecodeError:
            raise decode_error(path, encoding) from None
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                raise InputError(
                    'a quoted field that starts here is never closed (a " is missing)',
                    file=path,
                    line=start_line,
                ) from error
            raise InputError(f"not valid CSV ({error})", file=path, line=reader.line_num) from error
