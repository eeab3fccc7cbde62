from annotator.core.tokens import (
    proclitic_prefixes,
    sentences,
    snap,
    tokenize,
    whitespace_tokens,
    word_at,
)

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
    assert proclitic_prefixes("وَبِحلب") == [2, 4]  # a cut never parts a letter from its haraka


def test_harakat_on_a_proclitic_stay_with_it_when_tokens_are_cut():
    assert texts(tokenize("وَالجيشُ بِالمدينة", split_clitics=True)) == [
        "وَ",
        "الجيشُ",
        "بِ",
        "المدينة",
    ]


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
    start = TEXT.index("والجيش") + 2  # inside the article: the proclitic before it stays out
    assert TEXT[slice(*snap(TEXT, start, start + 2))] == "الجيش"
    assert TEXT[slice(*snap(TEXT, start, start + 2, keep_proclitics=False))] == "والجيش"


def test_a_selection_from_the_start_of_a_word_leaves_out_a_proclitic_the_text_shows():
    text = "قتلى في ريف المدينة وقصف بريف حلب وبلدة"
    start = text.index("بريف")
    assert text[slice(*snap(text, start, start + 4))] == "ريف"  # «ريف» stands alone before
    start = text.index("وبلدة")
    assert text[slice(*snap(text, start, start + 5))] == "وبلدة"  # neither «بلدة» nor «لدة»
    assert text[slice(*snap(text, start + 1, start + 5))] == "بلدة"  # a start after و stays


def test_snapping_trims_white_space_and_handles_a_reversed_selection():
    start = TEXT.index(" على ")
    assert TEXT[slice(*snap(TEXT, start + 5, start))] == "على"


def test_word_at_finds_the_token_under_a_position():
    position = TEXT.index("الجفرة") + 3
    assert TEXT[slice(*word_at(TEXT, position))] == "الجفرة"
    assert word_at("  ", 1) is None


def sentence_texts(text, **options):
    return [
        " ".join(t.text for t in sentence)
        for sentence in sentences(text, tokenize(text), **options)
    ]


def test_sentences_end_at_arabic_and_latin_marks_and_at_line_breaks():
    text = "انتهت المعركة. هل عاد الجيش؟ نعم! What now?\nسطر جديد بلا نقطة\nآخر"
    assert sentence_texts(text) == [
        "انتهت المعركة .",
        "هل عاد الجيش ؟",
        "نعم !",
        "What now ?",
        "سطر جديد بلا نقطة",
        "آخر",
    ]


def test_without_punctuation_only_line_breaks_end_sentences():
    text = "انتهت المعركة. هل عاد؟\nسطر"
    assert sentence_texts(text, punctuation=False) == ["انتهت المعركة . هل عاد ؟", "سطر"]


def test_numbers_initials_abbreviations_and_glued_dots_do_not_end_sentences():
    text = (
        "قال د. أحمد إن 3.5 مليون نزحوا عام 1343 هـ. ثم عاد "
        "إلى t.co مع U.N. official. و1948م انتهت."
    )
    assert sentence_texts(text) == [
        "قال د . أحمد إن 3.5 مليون نزحوا عام 1343 هـ . ثم عاد إلى t . co مع U . N . official .",
        "و1948م انتهت .",
    ]


def test_closing_quotes_stay_with_their_sentence_and_ellipsis_ends_nothing():
    text = "قال: «انتهى.» ثم صمت... وبعدها تكلم؟! نعم"
    assert sentence_texts(text) == [
        "قال : « انتهى . »",
        "ثم صمت . . . وبعدها تكلم ؟ !",
        "نعم",
    ]


def test_a_numbered_line_keeps_its_number():
    assert sentence_texts("1. البند الأول.\n٢. البند الثاني") == [
        "1 . البند الأول .",
        "٢ . البند الثاني",
    ]


def test_sentences_keep_emoji_tatweel_and_marks_inside_and_offsets_true():
    text = "\u200fالجيـــش 😀 تقدّم.\u200e 👨\u200d👩\u200d👧 عاد؟"
    cut = sentences(text, tokenize(text))
    assert [[t.text for t in s] for s in cut] == [
        ["الجيـــش", "😀", "تقدّم", "."],
        ["👨\u200d👩\u200d👧", "عاد", "؟"],
    ]
    for sentence in cut:
        for token in sentence:
            assert text[token.start : token.end] == token.text


def test_whitespace_tokens_are_the_pieces_between_white_space_marks_included():
    text = "\u200fالصالحية \u200fالمفرق\n😀 U.N.\t2,359"
    tokens = whitespace_tokens(text)
    assert [t.text for t in tokens] == ["\u200fالصالحية", "\u200fالمفرق", "😀", "U.N.", "2,359"]
    for token in tokens:
        assert text[token.start : token.end] == token.text


def test_a_zero_width_non_joiner_at_a_words_edge_lies_between_tokens():
    text = "\u200cالجيش\u200c و\u200c\u200dمی\u200cخواهم\u200d."
    assert texts(tokenize(text)) == ["الجيش", "و\u200c\u200dمی\u200cخواهم", "."]
