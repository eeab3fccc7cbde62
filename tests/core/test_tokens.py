from annotator.core.tokens import proclitic_prefixes, snap, tokenize, word_at

TEXT = (
    "«قسد» تسيطر على حقول الجفرة، وقتل 2,359 مسلحاً\u200f من ISIS "
    "👨\u200d👩\u200d👧 🇸🇾 والجيش بدير الزور؟"
)


def texts(tokens):
    return [t.text for t in tokens]


def test_arabic_punctuation_digits_latin_and_emoji_are_separate_tokens():
    assert texts(tokenize(TEXT)) == [
        "«", "قسد", "»", "تسيطر", "على", "حقول", "الجفرة", "،", "وقتل", "2,359", "مسلحاً",
        "من", "ISIS", "👨\u200d👩\u200d👧", "🇸🇾", "والجيش", "بدير", "الزور", "؟",
    ]  # fmt: skip


def test_token_offsets_point_into_the_text():
    for token in tokenize(TEXT):
        assert TEXT[token.start : token.end] == token.text


def test_bidi_marks_and_white_space_belong_to_no_token():
    tokens = tokenize("\u200fدير\u200e \u2066الزور\u2069")
    assert texts(tokens) == ["دير", "الزور"]


def test_tatweel_diacritics_and_joiners_stay_inside_words():
    assert texts(tokenize("الجيـــش مُبَادَرَة می\u200cخواهم")) == [
        "الجيـــش",
        "مُبَادَرَة",
        "می\u200cخواهم",
    ]


def test_proclitics_are_cut_only_before_the_article():
    assert texts(tokenize("والجيش بالمدينة للجيش وزارة بدير", split_clitics=True)) == [
        "و", "الجيش", "ب", "المدينة", "ل", "لجيش", "وزارة", "بدير",
    ]  # fmt: skip


def test_proclitic_prefixes():
    assert proclitic_prefixes("والجيش") == [1]
    assert proclitic_prefixes("وبحلب") == [1, 2]
    assert proclitic_prefixes("بدير") == [1]
    assert proclitic_prefixes("ول") == []


def test_a_selection_snaps_to_whole_words():
    start = TEXT.index("تسيطر") + 2
    end = TEXT.index("حقول") + 1
    assert TEXT[slice(*snap(TEXT, start, end))] == "تسيطر على حقول"


def test_a_selection_after_a_proclitic_keeps_its_start():
    start = TEXT.index("بدير") + 1
    assert TEXT[slice(*snap(TEXT, start, start + 2))] == "دير"
    start = TEXT.index("والجيش") + 1
    assert TEXT[slice(*snap(TEXT, start, start + 3))] == "الجيش"
    assert TEXT[slice(*snap(TEXT, start, start + 3, keep_proclitics=False))] == "والجيش"
    start = TEXT.index("والجيش") + 2
    assert TEXT[slice(*snap(TEXT, start, start + 2))] == "والجيش"


def test_snapping_trims_white_space_and_handles_a_reversed_selection():
    start = TEXT.index(" على ")
    assert TEXT[slice(*snap(TEXT, start + 5, start))] == "على"


def test_word_at_finds_the_token_under_a_position():
    position = TEXT.index("الجفرة") + 3
    assert TEXT[slice(*word_at(TEXT, position))] == "الجفرة"
    assert word_at("  ", 1) is None
