"""A place name is found however a coder or a gazetteer happens to write it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.arabic import normalise
from annotator.core.places import CoordinateError, coordinates, name_key

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
TATWEEL = "\u0640"
SEPARATORS = [" ", "-", "\u2011", "'", "\u02bf", "\u200f", "\u200c", "\u00a0"]
ALEF_FORMS = {"ا": "أإآٱ", "ي": "ى", "ه": "ة"}

arabic_words = st.lists(
    st.text(alphabet=ARABIC_LETTERS, min_size=1, max_size=8), min_size=1, max_size=3
)


@st.composite
def written_otherwise(draw, words: list[str]) -> str:
    """The same name as another hand writes it: alef and hamza forms, ta marbuta for ha,
    alef maqsura for ya, harakat and tatweel between letters, spaces, hyphens or nothing
    between words, invisible marks."""
    out = []
    for index, word in enumerate(words):
        if index:
            out.append(draw(st.sampled_from(["", *SEPARATORS])))
        for char in word:
            forms = ALEF_FORMS.get(normalise(char), "")
            out.append(draw(st.sampled_from([char, *forms])) if forms else char)
            out.append(draw(st.text(alphabet=HARAKAT + TATWEEL, max_size=2)))
    return "".join(out)


@given(st.data(), arabic_words)
def test_an_arabic_name_has_one_key_however_it_is_written(data, words):
    one = data.draw(written_otherwise(words))
    other = data.draw(written_otherwise(words))
    assert name_key(one) == name_key(other) == name_key(" ".join(words))


def test_the_names_coders_write_differently_share_a_key():
    assert name_key("دير الزور") == name_key("ديرالزور") == name_key("دير الزّور")
    assert name_key("ديـــر الزور") == name_key("دير-الزور")
    assert name_key("القائم") == name_key("القايم")
    assert name_key("الرقة") == name_key("الرقه")
    assert name_key("دیر الزور") == name_key("دير الزور")  # the Persian yeh of a Persian name
    assert name_key("Deir ez-Zor") == name_key("DEIR EZ ZOR") == name_key("deirezzor")
    assert name_key("Ḩalab") == name_key("Halab")
    assert name_key("Maʿarrat an-Nuʿman") == name_key("Maarrat an Numan")
    assert name_key("ﻻذقية") == name_key("لاذقية")  # a presentation-form ligature


def test_different_names_keep_different_keys():
    assert name_key("دير الزور") != name_key("دير حافر")
    assert name_key("حلب") != name_key("حلبا")
    assert name_key("الميادين") != name_key("الميادي")
    assert name_key("Homs") != name_key("Hama")


@given(st.text(max_size=30))
def test_a_key_is_its_own_key(text):
    assert name_key(name_key(text)) == name_key(text)


@given(st.text(alphabet=ARABIC_LETTERS + HARAKAT + TATWEEL + " أإآةى", max_size=30))
def test_a_key_ignores_what_search_ignores(text):
    assert name_key(normalise(text)) == name_key(text)


def test_typed_coordinates_are_read_as_coders_type_them():
    assert coordinates("35.336", "40.141") == (35.336, 40.141)
    assert coordinates("٣٥٫٣٣٦", "٤٠٫١٤١") == (35.336, 40.141)  # Arabic-Indic digits
    assert coordinates("35,336", "40,141") == (35.336, 40.141)  # a decimal comma
    assert coordinates("\u221233.9", "-70") == (-33.9, -70.0)  # a typographic minus
    assert coordinates(90, -180) == (90.0, -180.0)


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        ("91", "40", "latitude 91 is not between -90 and 90"),
        ("35", "181", "longitude 181 is not between -180 and 180"),
        ("north", "40", "latitude «north» is not a number"),
        ("nan", "40", "latitude «nan» is not a number"),
        ("35", "", "longitude «» is not a number"),
        ("140.1", "35.3", "latitude comes first, then longitude"),
    ],
)
def test_coordinates_that_cannot_be_a_place_are_refused_saying_why(latitude, longitude, message):
    with pytest.raises(CoordinateError, match=message):
        coordinates(latitude, longitude)
