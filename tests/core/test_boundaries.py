"""Boundary keys and double-click: letters stay whole, proclitics stay out, moves undo."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotator.core.boundaries import (
    extend_end,
    extend_proclitic,
    extend_start,
    trim_end,
    trim_proclitic,
    trim_start,
)
from annotator.core.graphemes import is_boundary, letters
from annotator.core.tokens import double_click_word, snap, tokenize

# -- letters -----------------------------------------------------------------------------------

HARAKAT = "\u064e\u064f\u0650\u0651\u0652\u064b"
BASES = "ابتدرسعفقكلمنهويةءـ" + "abc" + "19١٩"
EMOJI = ["😀", "👨\u200d👩\u200d👧", "✊🏽", "🇸🇾", "❤\ufe0f", "🏳\ufe0f\u200d🌈", "𝕏"]
OTHERS = [" ", "\n", "،", "«", "»", ".", "\u200f", "\u200e", "\u2066", "\u2069", "\u0600١"]


@st.composite
def letter(draw) -> str:
    """One letter as a reader sees it: a base with up to two marks (and a non-joiner after
    it), an emoji sequence or flag, or a punctuation mark, space, line break or bidi mark."""
    kind = draw(st.sampled_from(["base", "base", "base", "emoji", "other"]))
    if kind == "emoji":
        return draw(st.sampled_from(EMOJI))
    if kind == "other":
        return draw(st.sampled_from(OTHERS))
    base = draw(st.sampled_from(BASES))
    marks = draw(st.text(alphabet=HARAKAT, max_size=2))
    return base + marks + draw(st.sampled_from(["", "", "", "\u200c"]))


LETTERS = st.lists(letter(), min_size=1, max_size=30)


def test_a_letter_keeps_its_harakat_and_an_emoji_sequence_stays_whole():
    assert letters("مُبَادَرَة") == ["مُ", "بَ", "ا", "دَ", "رَ", "ة"]
    assert letters("👨\u200d👩\u200d👧 🇸🇾🇸🇾✊🏽") == [
        "👨\u200d👩\u200d👧",
        " ",
        "🇸🇾",
        "🇸🇾",
        "✊🏽",
    ]
    assert letters("می\u200cخواهم")[:2] == ["م", "ی\u200c"]
    assert letters("ع\u200fب") == ["ع", "\u200f", "ب"]  # a bidi mark is a letter of its own


@settings(max_examples=300, deadline=None)
@given(LETTERS)
def test_a_text_cuts_into_the_letters_it_was_made_of(pieces):
    text = "".join(pieces)
    assert letters(text) == pieces
    edges = {0}
    for piece in pieces:
        edges.add(max(edges) + len(piece))
    assert [i for i in range(len(text) + 1) if is_boundary(text, i)] == sorted(edges)


# -- moving a boundary by a letter -------------------------------------------------------------


@st.composite
def text_and_span(draw) -> tuple[str, int, int]:
    """A text and a span in it that starts and ends between letters, on no white space."""
    pieces = draw(LETTERS)
    text = "".join(pieces)
    edges = [0]
    for piece in pieces:
        edges.append(edges[-1] + len(piece))
    i = draw(st.integers(0, len(pieces) - 1))
    j = draw(st.integers(i + 1, len(pieces)))
    start, end = edges[i], edges[j]
    assume(not text[start].isspace() and not text[end - 1].isspace())
    return text, start, end


@settings(max_examples=400, deadline=None)
@given(text_and_span())
def test_boundaries_never_fall_inside_a_letter(case):
    text, start, end = case
    for move in (trim_start, extend_start, trim_end, extend_end):
        new_start, new_end = move(text, start, end)
        assert is_boundary(text, new_start) and is_boundary(text, new_end)
        assert 0 <= new_start < new_end <= len(text)
        assert not text[new_start].isspace() and not text[new_end - 1].isspace()


@settings(max_examples=400, deadline=None)
@given(text_and_span())
def test_trimming_then_extending_gives_back_the_span(case):
    text, start, end = case
    for trim, extend in ((trim_start, extend_start), (trim_end, extend_end)):
        trimmed = trim(text, start, end)
        if trimmed != (start, end):
            assert extend(text, *trimmed) == (start, end)
        extended = extend(text, start, end)
        if extended != (start, end):
            assert trim(text, *extended) == (start, end)


def pressed(text: str, span: tuple[int, int], move, times: int) -> list[str]:
    """The span's text before and after each of ``times`` presses of a boundary key."""
    spans = [span]
    for _ in range(times):
        spans.append(move(text, *spans[-1]))
    return [text[start:end] for start, end in spans]


def test_a_move_steps_over_white_space_and_refuses_to_empty_a_span():
    text = "في دير الزور"
    start, end = text.index("دير"), len(text)
    trimmed = pressed(text, (start, end), trim_start, 3)
    assert trimmed == ["دير الزور", "ير الزور", "ر الزور", "الزور"]
    assert pressed(text, (text.index("الزور"), end), extend_start, 1)[-1] == "ر الزور"
    one = (text.index("في"), text.index("في") + 1)
    assert trim_start(text, *one) == one and trim_end(text, *one) == one
    assert extend_start(text, *one) == one  # nothing before the text's first letter
    assert extend_end(text, start, end) == (start, end)  # nor after its last


def test_a_letter_with_shadda_and_an_emoji_move_as_one():
    text = "قصفٌ مدفعيّ 👨\u200d👩\u200d👧"
    end = text.index("ّ") + 1
    start = text.index("مدفعيّ")
    assert text[slice(*trim_end(text, start, end))] == "مدفع"
    whole = (start, len(text))
    assert text[slice(*trim_end(text, *whole))] == "مدفعيّ"
    assert text[slice(*extend_end(text, start, end))] == "مدفعيّ 👨\u200d👩\u200d👧"


# -- moving the start by a proclitic -----------------------------------------------------------


def test_the_start_moves_past_and_back_over_one_proclitic_at_a_time():
    text = "قصف وبحلب"
    start, end = text.index("وبحلب"), len(text)
    assert pressed(text, (start, end), trim_proclitic, 3) == ["وبحلب", "بحلب", "حلب", "حلب"]
    back = pressed(text, (text.index("حلب"), end), extend_proclitic, 3)
    assert back == ["حلب", "بحلب", "وبحلب", "وبحلب"]


def test_a_proclitic_with_its_haraka_moves_whole():
    text = "وَبِحلب"
    assert text[slice(*trim_proclitic(text, 0, len(text)))] == "بِحلب"
    assert text[slice(*trim_proclitic(text, 2, len(text)))] == "حلب"


def test_a_start_inside_a_word_but_not_after_a_proclitic_does_not_move():
    text = "قصف بلدة"
    start = text.index("لدة") + 1
    assert trim_proclitic(text, start, len(text)) == (start, len(text))
    assert extend_proclitic(text, start, len(text)) == (start, len(text))


# -- double-click ------------------------------------------------------------------------------

ARTICLE = (
    "اشتباكات بين الجيش ومسلحين بريف حلب، وقتل 4 مسلحين في ريف المدينة.\n"
    "وأعلنت وزارة الدفاع في فرنسا أن «لواء الفجر» دخل بلدة وبلدة أخرى للجيش وبالمدينة."
)


def clicked(text: str, word: str, **options) -> str:
    position = text.index(word) + len(word) // 2
    found = double_click_word(text, position, **options)
    assert found is not None
    return text[slice(*found)]


def test_double_click_leaves_out_a_proclitic_the_text_shows():
    assert clicked(ARTICLE, "ومسلحين") == "مسلحين"  # «مسلحين» stands alone later on
    assert clicked(ARTICLE, "بريف") == "ريف"
    assert clicked(ARTICLE, "للجيش") == "لجيش"  # ل + ال: certain
    assert clicked(ARTICLE, "وبالمدينة") == "المدينة"
    assert clicked(ARTICLE, "ومسلحين", keep_proclitics=False) == "ومسلحين"


def test_double_click_keeps_a_word_whose_first_letter_is_its_own():
    for word in ("بلدة", "فرنسا", "لواء", "وزارة", "وأعلنت"):
        assert clicked(ARTICLE, word) == word
    assert clicked(ARTICLE, "وبلدة") == "بلدة"  # «بلدة» is there on its own, «لدة» is not


def test_double_click_cuts_after_the_harakat_of_a_proclitic():
    text = "وَالجيشُ يقصف"
    assert clicked(text, "يشُ") == "الجيشُ"
    assert double_click_word(text, text.index(" ")) == (text.index("ال"), text.index(" "))
    assert double_click_word("  ", 1) is None


WORDS = ["ريف", "حلب", "بلدة", "مسلحين", "الجيش", "فرنسا", "لواء", "دير", "لجنة"]
PREFIXES = ["", "", "و", "ف", "ب", "ل", "ك", "وب", "فل", "وَ", "بِ"]
GAPS = [" ", " ", "، ", "\n", " \u200f", " «"]


@st.composite
def article(draw) -> str:
    words = draw(st.lists(st.tuples(st.sampled_from(PREFIXES), st.sampled_from(WORDS)), min_size=1))
    return "".join(prefix + word + draw(st.sampled_from(GAPS)) for prefix, word in words)


@settings(max_examples=300, deadline=None)
@given(article(), st.booleans())
def test_double_click_selects_what_dragging_over_the_word_selects(text, keep):
    for token in tokenize(text):
        chosen = double_click_word(text, token.start, keep_proclitics=keep)
        assert chosen is not None
        drag = snap(text, token.start, token.end, keep_proclitics=keep)
        assert drag == chosen  # dragging over the whole word
        assert snap(text, *chosen, keep_proclitics=keep) == chosen  # dragging what it chose
        for position in range(token.start, token.end):
            assert double_click_word(text, position, keep_proclitics=keep) == chosen
        assert is_boundary(text, chosen[0]) and chosen[1] == token.end
        assert chosen[0] == token.start or keep


@settings(max_examples=200, deadline=None)
@given(article())
def test_moving_past_a_proclitic_and_back_gives_back_the_span(text):
    for token in tokenize(text):
        span = (token.start, token.end)
        trimmed = trim_proclitic(text, *span)
        assert is_boundary(text, trimmed[0]) and trimmed[1] == token.end
        if trimmed != span:
            assert extend_proclitic(text, *trimmed) == span
            assert text[token.start : trimmed[0]].rstrip(HARAKAT) in PREFIXES
