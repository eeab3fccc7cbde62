"""Places on the map: gazetteer entries, the names they are found by, and coordinates.

A canonical place (an entity of kind location) may carry a latitude and a longitude (WGS 84),
typed by the coder or taken from a gazetteer the project imported. Names are matched on a
*key*: the name with Arabic normalised as search does it (:mod:`annotator.core.arabic`: alef
and hamza forms, ta marbuta, alef maqsura, harakat, tatweel, invisible marks), Persian yeh
and kaf read as Arabic ones, Latin accents and case dropped, and every space, hyphen,
apostrophe and punctuation mark left out. So «دير الزور», «ديرالزور» and «دير الزّور» share
a key, as do "Deir ez-Zor", "Deir ez Zor" and "DEIR-EZ-ZOR"; a name a coder writes solid or
spaced is found either way.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from annotator.core.arabic import fold
from annotator.core.text import BIDI_CONTROLS, ZERO_WIDTH

_ARABIC_BLOCKS = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900))
_EXTRA = {
    "\u06cc": "ي",  # Persian yeh
    "\u06a9": "ك",  # Persian kaf (keheh)
    "\u02bb": "",  # ʻ, ʼ, ʾ, ʿ: apostrophes of transliterations (Maʿarrat, Raʼs)
    "\u02bc": "",
    "\u02be": "",
    "\u02bf": "",
}
_NOT_A_LETTER = re.compile(r"[\W_]+")  # spaces, punctuation, combining marks, format marks


@cache
def _folding() -> dict[int, str]:
    """The Arabic folds of :func:`annotator.core.arabic.fold`, as a translation table."""
    table: dict[int, str] = {}
    chars = [chr(c) for start, end in _ARABIC_BLOCKS for c in range(start, end)]
    for char in (*chars, *BIDI_CONTROLS, *ZERO_WIDTH):
        folded = fold(char)
        if folded != char:
            table[ord(char)] = folded
    table.update({ord(char): value for char, value in _EXTRA.items()})
    return table


def name_key(name: str) -> str:
    """The form under which a place name is looked up (see the module's documentation)."""
    if name.isascii():
        return _NOT_A_LETTER.sub("", name.lower())
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
    return _NOT_A_LETTER.sub("", text.translate(_folding()))


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def is_arabic_script(name: str) -> bool:
    return _ARABIC_SCRIPT.search(name) is not None


# -- coordinates ----------------------------------------------------------------------------


class CoordinateError(ValueError):
    """A latitude or longitude that cannot be a place's: the message says which and why."""


LIMITS = {"latitude": 90.0, "longitude": 180.0}
_TYPED = str.maketrans({"٫": ".", ",": ".", "\u2212": "-"})  # decimal comma, «٫», minus sign


def coordinate(value: float | int | str, which: str) -> float:
    """A latitude or longitude (``which``) as a number in range; text may use Arabic-Indic
    digits and a decimal comma or «٫», as coders type them."""
    limit = LIMITS[which]
    if isinstance(value, str):
        text = value.strip().translate(_TYPED)
        text = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
        try:
            number = float(text)
        except ValueError:
            raise CoordinateError(f"{which} «{value}» is not a number") from None
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise CoordinateError(f"{which} {value!r} is not a number")
    else:
        number = float(value)
    if not math.isfinite(number):
        raise CoordinateError(f"{which} «{value}» is not a number")
    if not -limit <= number <= limit:
        raise CoordinateError(f"{which} {value} is not between {-limit:g} and {limit:g}")
    return number


def coordinates(latitude: float | str, longitude: float | str) -> tuple[float, float]:
    """(latitude, longitude) checked; a latitude out of range that would fit as a longitude
    is most often the two given the wrong way round, and the message says so."""
    try:
        lat = coordinate(latitude, "latitude")
    except CoordinateError as error:
        try:
            swapped = abs(coordinate(longitude, "longitude")) <= LIMITS["latitude"]
        except CoordinateError:
            swapped = False
        hint = " (latitude comes first, then longitude)" if swapped else ""
        raise CoordinateError(f"{error}{hint}") from None
    return lat, coordinate(longitude, "longitude")


# -- gazetteer entries ----------------------------------------------------------------------


@dataclass(frozen=True)
class GazetteerPlace:
    """One entry of a gazetteer (GeoNames' columns that choosing a place needs)."""

    id: int  # the gazetteer's own id (GeoNames: geonameid)
    name: str
    latitude: float
    longitude: float
    feature_class: str = ""  # GeoNames: P populated place, A administrative area, …
    feature_code: str = ""  # PPL, PPLA, ADM1, …
    country: str = ""  # ISO 3166 two letters
    admin1: str = ""
    population: int = 0
    arabic: str = ""  # its first name written in Arabic script, shown beside ``name``

    @property
    def label(self) -> str:
        """How a person is shown the entry: its name, in Arabic too where it has one."""
        return f"{self.name} «{self.arabic}»" if self.arabic else self.name


SETTLED = ("P", "A")  # populated places, then administrative areas: what news reports name


class NameMatch:
    """How a candidate's name met the name asked for, best first."""

    EXACT = "exact"  # one of its names has the same key
    PREFIX = "prefix"  # one of its names begins with it
    PART = "part"  # only the end of the name asked for matched («بلدة الرمانة» → «الرمانة»)
    ORDER = (EXACT, PREFIX, PART)


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry offered for a place name, with how it matched."""

    place: GazetteerPlace
    match: str
    matched: str  # the words it matched (the whole name, or its end for NameMatch.PART)

    def rank(self) -> tuple:
        """Exact matches first; then populated places, then administrative areas, then other
        features; then the most populous: «حلب» offers the city of Aleppo before the
        governorate of the same name, and both before a hamlet or a hill called so."""
        place = self.place
        kind = SETTLED.index(place.feature_class) if place.feature_class in SETTLED else 2
        return (NameMatch.ORDER.index(self.match), kind, -place.population, place.id)


def shorter_names(name: str) -> list[str]:
    """The name without its first word, then without its first two, …: «بلدة الرمانة» is
    looked up as «الرمانة» when nothing has the whole name."""
    words = name.split()
    return [" ".join(words[i:]) for i in range(1, len(words))]
