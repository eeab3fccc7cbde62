"""Corpus search: normalised and cliticised forms are found, and offsets point at the
characters of the stored text, after emoji and other astral characters too."""

from __future__ import annotations

import pytest

from annotator.core.arabic import normalise
from annotator.ops.importing import import_files
from annotator.ops.searching import CorpusSearch, index_terms, normalise_fast, search
from tests.conftest import write_jsonl

# Each article opens with astral characters (an emoji, a flag, a ZWJ family) so that an
# offset counted in UTF-16 units would land two or more characters late.
OPENING = "😀 🇸🇾 👨\u200d👩\u200d👧 "
ARTICLES = {
    "america": OPENING + "قال مسؤول في اميركا إن الوفد وصل",
    "village": OPENING + "قصفت الطائرات قريه صغيرة شرق المدينة",
    "army": OPENING + "وقال المصدر إن الجيـــش والجيش النظامي انسحبا",
    "deir": OPENING + "اشتباكات عنيفة بدير الزور ليلة أمس",
    "vowels": OPENING + "أعلنت الحكومة مُبَادَرَةً جديدة للسلام",
    "aleppo": OPENING + "وصل الوفد وبحلب اجتماع مع الأهالي الحلبيين وحلبي",
    "marks": OPENING + "قال \u200fالجي\u200cش\u200e إن ISIS انسحب <b>&amp;</b>",
}


@pytest.fixture
def corpus(project, tmp_path):
    records = [{"name": name, "text": text} for name, text in ARTICLES.items()]
    import_files(project, [write_jsonl(tmp_path / "articles.jsonl", records)])
    return project


def found(project, query: str) -> dict[str, list[str]]:
    """Document name → the stored text at each match's offsets."""
    results = search(project, query)
    texts = {}
    for hit in results.hits:
        text = project.documents.get(hit.id).text
        texts[hit.name] = [text[m.start : m.end] for m in hit.matches]
        for match in hit.matches:
            assert match.text == text[match.start : match.end]
    return texts


def test_hamza_on_alef_in_the_query_finds_the_bare_alef_in_the_text(corpus):
    assert found(corpus, "أميركا") == {"america": ["اميركا"]}


def test_an_offset_counts_code_points_not_utf16_units(corpus):
    (hit,) = search(corpus, "أميركا").hits
    (match,) = hit.matches
    text = ARTICLES["america"]
    assert match.start == text.index("اميركا")
    assert len(text[: match.start].encode("utf-16-le")) // 2 > match.start  # astral before it


def test_ta_marbuta_and_ha_find_each_other(corpus):
    assert found(corpus, "قرية") == {"village": ["قريه"]}
    assert found(corpus, "قريه") == {"village": ["قريه"]}


def test_tatweel_and_diacritics_are_ignored_and_kept_inside_the_match(corpus):
    assert found(corpus, "الجيش")["army"] == ["الجيـــش", "الجيش"]
    assert found(corpus, "مبادرة") == {"vowels": ["مُبَادَرَةً"]}


def test_a_word_after_a_proclitic_is_found_without_the_proclitic(corpus):
    army = ARTICLES["army"]
    matches = search(corpus, "الجيش").hits
    starts = [m.start for hit in matches if hit.name == "army" for m in hit.matches]
    assert starts == [army.index("الجيـــش"), army.index("والجيش") + 1]
    assert found(corpus, "دير الزور") == {"deir": ["دير الزور"]}
    assert found(corpus, "حلب") == {"aleppo": ["حلب"]}


def test_the_proclitic_may_be_part_of_the_query(corpus):
    assert found(corpus, "والجيش") == {"army": ["والجيش"]}
    assert found(corpus, "بدير الزور") == {"deir": ["بدير الزور"]}


def test_only_whole_words_match(corpus):
    hits = found(corpus, "حلب")
    assert hits["aleppo"] == ["حلب"]  # not inside «الحلبيين» nor «وحلبي»
    assert found(corpus, "الزو") == {}
    assert found(corpus, "جيش") == {}  # the article ال is part of the word


def test_invisible_marks_inside_and_around_a_word_are_ignored(corpus):
    marks = ARTICLES["marks"]
    assert found(corpus, "الجيش")["marks"] == ["الجي\u200cش"]
    (hit,) = [h for h in search(corpus, "الجيش").hits if h.name == "marks"]
    assert hit.matches[0].start == marks.index("الجي")


def test_latin_is_found_whatever_its_case_and_markup_is_only_text(corpus):
    (hit,) = search(corpus, "isis").hits
    (match,) = hit.matches
    assert match.text == "ISIS"
    assert match.after == " انسحب <b>&amp;</b>"


def test_a_query_without_a_word_finds_nothing(corpus):
    results = search(corpus, " 😀 ، ")
    assert results.hits == [] and results.documents == 0


def test_results_come_in_list_order_and_page_on(corpus, tmp_path):
    more = [{"name": f"extra {n}", "text": f"وصل الجيش إلى القرية رقم {n}"} for n in range(30)]
    import_files(corpus, [write_jsonl(tmp_path / "more.jsonl", more)])
    first = search(corpus, "الجيش", limit=10)
    assert first.documents == 32 and first.exact
    assert [h.name for h in first.hits[:2]] == ["army", "marks"]
    seen = [h.id for h in first.hits]
    after = first.after
    while after is not None:
        page = search(corpus, "الجيش", limit=10, after=after)
        seen += [h.id for h in page.hits]
        after = page.after
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == 32


def test_a_phrase_is_counted_by_the_documents_holding_all_its_words(corpus, tmp_path):
    scattered = [{"name": "scattered", "text": "الزور مدينة وفيها دير قديم"}]
    import_files(corpus, [write_jsonl(tmp_path / "scattered.jsonl", scattered)])
    results = search(corpus, "دير الزور")
    assert [h.name for h in results.hits] == ["deir"]
    assert results.documents == 2 and not results.exact


def test_the_index_normalises_exactly_as_the_core_does():
    text = "".join(ARTICLES.values()) + " ẞtraße İstanbul ﷲ ٱلله آمنة إسلام ئ ؤ ى ـ ً ٌ ٍ َ ُ ِ ّ ْ ٰ"
    assert normalise_fast(text) == normalise(text)


def test_index_terms_hold_each_word_with_and_without_its_proclitics():
    terms = set(index_terms("وبحلب والجيش الجيـــش أُمَّة").split())
    assert terms == {"وبحلب", "بحلب", "حلب", "والجيش", "الجيش", "امه"}


def test_the_same_search_object_sees_articles_imported_meanwhile(corpus, tmp_path):
    with CorpusSearch(corpus) as searching:
        assert searching.search("الميادين").hits == []
        import_files(corpus, [write_jsonl(tmp_path / "new.jsonl", [{"text": "قصف على الميادين"}])])
        assert searching.outdated() == 1
        assert [h.name for h in searching.search("الميادين").hits] == ["new-1"]
        assert searching.outdated() == 0
