"""The dictionary finds names as an Arabic reader would: whatever the spelling, after
proclitics, with the schema's clitic rule, and offsets into the text as stored."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.suggestions import LabelledDocument, LabelledSpan, Suggestion, combined
from annotator.core.tokens import proclitic_prefixes
from annotator.suggest.dictionary import DictionaryRecommender
from annotator.suggest.name_matching import name_key

NAMES = [("الجيش", "ORG"), ("حلب", "LOC"), ("اسرائيل", "LOC"), ("دير الزور", "LOC")]


def found(text: str, *, outside: bool = True) -> list[tuple[str, str]]:
    dictionary = DictionaryRecommender(clitics_outside=outside)
    dictionary.add_names(NAMES)
    return [(s.text, s.label) for s in dictionary.suggest(text)]


def test_a_name_is_found_after_its_proclitic_which_stays_outside():
    text = "قال إن والجيش دخل بحلب أمس"
    assert found(text) == [("الجيش", "ORG"), ("حلب", "LOC")]


def test_with_clitics_included_the_proclitic_joins_the_span():
    assert found("والجيش دخل بحلب", outside=False) == [("والجيش", "ORG"), ("بحلب", "LOC")]


def test_hamza_forms_diacritics_and_tatweel_are_ignored_and_offsets_point_into_the_text():
    text = "قصفت إسرائيـــل مواقع الجَيْش في ديرالزور و دير الزور"
    dictionary = DictionaryRecommender()
    dictionary.add_names(NAMES)
    suggestions = dictionary.suggest(text)
    assert [s.text for s in suggestions] == ["إسرائيـــل", "الجَيْش", "دير الزور"]
    assert all(text[s.start : s.end] == s.text for s in suggestions)


def test_lam_before_the_article_is_read_as_li_and_al():
    assert found("تابع للجيش") == [("لجيش", "ORG")]
    assert found("تابع للجيش", outside=False) == [("للجيش", "ORG")]


def test_a_word_that_merely_contains_a_name_is_not_a_match():
    assert found("الجيشان حلبة مسرائيل") == []


def test_a_short_name_after_a_letter_that_looks_like_a_proclitic_is_not_taken():
    dictionary = DictionaryRecommender()
    dictionary.add_names([("لد", "LOC")])
    assert dictionary.suggest("ولد الطفل في لد") == [
        Suggestion("LOC", 13, 15, "لد", "dictionary", 1.0)
    ]


def test_names_learned_from_spans_keep_the_label_given_most_and_score_how_often_marked():
    text = "الجيش هنا. الجيش هناك. الجيش أيضا."
    spans = (LabelledSpan(0, 5, "ORG"), LabelledSpan(11, 16, "ORG"))
    dictionary = DictionaryRecommender()
    dictionary.train([LabelledDocument(text, spans)])
    (first, *_) = dictionary.suggest("رأيت الجيش")
    assert (first.text, first.label) == ("الجيش", "ORG")
    assert 0.5 < first.score < 1.0  # marked twice out of three times


def test_a_name_is_known_without_the_proclitic_before_its_article():
    assert name_key("والجيش") == name_key("الجيش") == "الجيش"
    assert name_key("إسرائيل") == name_key("اسرائيل")


def test_combined_suggestions_keep_the_higher_score_where_they_overlap():
    a = Suggestion("LOC", 0, 5, "دمشق ", "dictionary", 0.4)
    b = Suggestion("ORG", 0, 9, "دمشق ريف", "crf", 0.9)
    c = Suggestion("PER", 10, 12, "xx", "crf", 0.2)
    assert combined([a, b, c]) == [b, c]


WORDS = st.sampled_from(["قال", "الجيش", "والجيش", "بحلب", "حلب", "إسرائيل", "وإسرائيل", "و"])
SEPARATORS = st.sampled_from([" ", "، ", "\n", " «", "» "])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=12), st.booleans())
def test_every_suggestion_is_the_text_it_says_and_follows_the_clitic_rule(pieces, outside):
    text = "".join(word + gap for word, gap in pieces)
    dictionary = DictionaryRecommender(clitics_outside=outside)
    dictionary.add_names(NAMES)
    for suggestion in dictionary.suggest(text):
        assert text[suggestion.start : suggestion.end] == suggestion.text
        word_start = suggestion.start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        if outside:
            assert suggestion.start - word_start in (0, *proclitic_prefixes(text[word_start:]))
            assert not suggestion.text.startswith(("والجيش", "بحلب", "وإسرائيل"))
        else:
            assert suggestion.start == word_start
