"""GeoNames gazetteer files: a country's file (``SY.txt``), ``cities15000.txt`` or
``allCountries.txt``, as downloaded (the ``.zip`` too), read a line at a time.

Each line is one place: nineteen fields separated by tabs, UTF-8 (GeoNames' readme, the
'geoname' table): geonameid, name, asciiname, alternatenames (comma-separated, many in
Arabic script), latitude, longitude, feature class, feature code, country code, cc2, admin1
to admin4 codes, population, elevation, dem, timezone, modification date. A file of
1.5 GB streams through in constant memory. A line that is not such a line refuses the whole
file, naming the file, the line, the field and what is wrong with it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from annotator.core.errors import InputError
from annotator.core.places import LIMITS, GazetteerPlace, is_arabic_script
from annotator.formats.reading import check_encoding, refuse_link

FIELDS = (
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "latitude",
    "longitude",
    "feature class",
    "feature code",
    "country code",
    "cc2",
    "admin1 code",
    "admin2 code",
    "admin3 code",
    "admin4 code",
    "population",
    "elevation",
    "dem",
    "timezone",
    "modification date",
)
_COLUMN = {name: index for index, name in enumerate(FIELDS)}
_FEATURE_CLASS = re.compile(r"[A-Z]?")
_COUNTRY = re.compile(r"([A-Z]{2})?")
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)", re.ASCII)
_NOT_ARABIC_LANGUAGE = re.compile("[پچژگکیۀےھ]")  # letters of Persian, Urdu, Kurdish…
PROGRESS_LINES = 20_000  # progress is told every this many lines

Progress = Callable[[int, int], None]  # (bytes read, bytes in all)


@dataclass(frozen=True)
class GazetteerLine:
    """One place of the file and every name it goes by (name, ASCII name, alternate names)."""

    place: GazetteerPlace
    names: tuple[str, ...]


def arabic_name(names: tuple[str, ...]) -> str:
    """The name to show an Arabic reader: the first in Arabic script that uses no letter
    Arabic lacks (Persian and Urdu names come in the same list), else the first in Arabic
    script at all."""
    arabic = [name for name in names if is_arabic_script(name)]
    plain = [name for name in arabic if not _NOT_ARABIC_LANGUAGE.search(name)]
    return (plain or arabic or [""])[0]


def _field_error(field: str, value: str, what: str) -> InputError:
    shown = value if len(value) <= 40 else value[:40] + "…"
    column = _COLUMN[field] + 1
    return InputError(f"{field} (column {column}) is «{shown}»: {what}")


def _whole_number(field: str, value: str, empty_as: int | None = None) -> int:
    if value == "" and empty_as is not None:
        return empty_as
    if not value.isascii() or not value.isdigit():
        raise _field_error(field, value, "not a whole number")
    return int(value)


def _degrees(field: str, value: str) -> float:
    if not _DECIMAL.fullmatch(value):
        raise _field_error(field, value, "not a number in decimal degrees")
    number, limit = float(value), LIMITS[field]
    if not -limit <= number <= limit:
        raise _field_error(field, value, f"not between {-limit:g} and {limit:g}")
    return number


def parse_line(line: str) -> tuple[GazetteerPlace, tuple[str, ...]]:
    """One line of the file (without its line end) as a place and its names."""
    fields = line.split("\t")
    if len(fields) != len(FIELDS):
        raise InputError(
            f"has {len(fields)} tab-separated fields; a GeoNames gazetteer line has "
            f"{len(FIELDS)} ({', '.join(FIELDS[:6])}, … {FIELDS[-1]}). Is this the "
            "'geoname' table (a country's file, cities…, allCountries), not alternateNames or "
            "admin codes?"
        )
    geonameid = _whole_number("geonameid", fields[0])
    name = fields[1].strip()
    if not name:
        raise _field_error("name", fields[1], "a place needs a name")
    latitude = _degrees("latitude", fields[4])
    longitude = _degrees("longitude", fields[5])
    feature_class, country = fields[6], fields[8]
    if not _FEATURE_CLASS.fullmatch(feature_class):
        raise _field_error("feature class", feature_class, "not one capital letter (P, A, …)")
    if not _COUNTRY.fullmatch(country):
        raise _field_error("country code", country, "not two capital letters (SY, IQ, …)")
    population = _whole_number("population", fields[14], empty_as=0)
    alternates = [n.strip() for n in fields[3].split(",")] if fields[3] else []
    names = tuple(dict.fromkeys(n for n in (name, fields[2].strip(), *alternates) if n))
    place = GazetteerPlace(
        id=geonameid,
        name=name,
        latitude=latitude,
        longitude=longitude,
        feature_class=feature_class,
        feature_code=fields[7],
        country=country,
        admin1=fields[10],
        population=population,
        arabic=arabic_name(names),
    )
    return place, names


@contextmanager
def _opened(path: Path) -> Iterator[tuple[BinaryIO, int, str]]:
    """The file's bytes, their number and the name errors give; a ``.zip`` as GeoNames
    serves it yields the one gazetteer file inside (``SY.txt`` in ``SY.zip``)."""
    refuse_link(path)
    if not path.exists():
        raise InputError("no such file", file=path)
    if path.is_dir():
        raise InputError("is a folder, not a gazetteer file", file=path)
    if not zipfile.is_zipfile(path):
        with path.open("rb") as stream:
            yield stream, path.stat().st_size, str(path)
        return
    with zipfile.ZipFile(path) as archive:
        members = [
            info
            for info in archive.infolist()
            if info.filename.lower().endswith(".txt") and "readme" not in info.filename.lower()
        ]
        if len(members) != 1:
            listed = ", ".join(info.filename for info in archive.infolist()) or "nothing"
            raise InputError(
                f"holds {listed}: expected one gazetteer .txt file (besides a readme)",
                file=path,
            )
        with archive.open(members[0]) as stream:
            yield stream, members[0].file_size, f"{path}:{members[0].filename}"  # type: ignore[misc]


def read(
    path: Path,
    encoding: str = "utf-8",
    keep: Callable[[GazetteerPlace], bool] | None = None,
    progress: Progress | None = None,
) -> Iterator[GazetteerLine]:
    """Every place of a GeoNames file (those ``keep`` accepts), streamed. Every line is
    checked, kept or not: a file with a bad line anywhere is refused."""
    encoding = check_encoding(encoding)
    with _opened(Path(path)) as (stream, size, shown):
        done = 0
        for number, raw in enumerate(stream, 1):
            done += len(raw)
            if progress is not None and number % PROGRESS_LINES == 0:
                progress(done, size)
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"cannot be read as {encoding}: byte 0x{raw[error.start]:02x} at byte "
                    f"{error.start} of the line is not valid",
                    file=shown,
                    line=number,
                ) from None
            line = line.rstrip("\r\n")
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                place, names = parse_line(line)
            except InputError as error:
                raise error.located(file=shown, line=number) from None
            if keep is None or keep(place):
                yield GazetteerLine(place, names)
        if progress is not None:
            progress(size, size)
