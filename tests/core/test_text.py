from annotator.core.text import Utf16Map, is_rtl, sha256_text, store_text, strip_span


def test_bom_is_dropped_and_offsets_after_it_move_back_by_one():
    stored = store_text("\ufeffقسد")
    assert stored.text == "قسد"
    assert stored.offset(1) == 0 and stored.offset(4) == 3


def test_crlf_and_lone_cr_become_lf_and_offsets_follow_the_characters():
    raw = "أول\r\nثاني\rثالث\r\nرابع"
    stored = store_text(raw)
    assert stored.text == "أول\nثاني\nثالث\nرابع"
    for word in ("ثاني", "ثالث", "رابع"):
        start = raw.index(word)
        s, e = stored.offset(start), stored.offset(start + len(word))
        assert stored.text[s:e] == word


def test_a_span_over_a_crlf_keeps_the_line_break_as_one_lf():
    raw = "سطر\r\nآخر"
    stored = store_text(raw)
    s, e = stored.offset(0), stored.offset(len(raw))
    assert stored.text[s:e] == "سطر\nآخر"


def test_invisible_and_arabic_marks_are_kept_untouched():
    raw = "الجيـــش\u200f مُبَادَرَة\u200d\u202bنص\u202c\u2066x\u2069"
    assert store_text(raw).text == raw


def test_utf16_offsets_count_astral_characters_twice():
    text = "a😀بc👨‍👩‍👧d"
    index = Utf16Map(text)
    assert index.utf16_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        unit = index.to_utf16(cp)
        assert unit == len(text[:cp].encode("utf-16-le")) // 2
        assert index.from_utf16(unit) == cp


def test_an_offset_inside_a_surrogate_pair_is_refused():
    index = Utf16Map("a😀b")
    try:
        index.from_utf16(2)
    except ValueError as error:
        assert "surrogate" in str(error)
    else:
        raise AssertionError("expected a ValueError")


def test_text_without_astral_characters_maps_to_itself():
    index = Utf16Map("دير الزور")
    assert [index.to_utf16(i) for i in range(10)] == list(range(10))


def test_direction_follows_the_first_strong_character():
    assert is_rtl("2359 قتيلاً")
    assert is_rtl("«قسد» SDF")
    assert not is_rtl("SDF «قسد»")
    assert not is_rtl("1500")


def test_spans_are_trimmed_of_white_space():
    text = " دير الزور \n"
    assert strip_span(text, 0, len(text)) == (1, 10)


def test_sha256_is_of_the_utf8_bytes():
    import hashlib

    assert sha256_text("قسد😀") == hashlib.sha256("قسد😀".encode()).hexdigest()
