from annotator.core.arabic import normalise, normalised

TEXT = "أكدت مصادر أهلية أن الجيـــش استعاد مُبَادَرَةً\u200f في قريه المعماري ومستشفى أميركا"


def matches(query):
    return [TEXT[s:e] for s, e in normalised(TEXT).find_all(query)]


def test_alef_forms_ta_marbuta_alef_maqsura_diacritics_and_tatweel_fold_away():
    assert normalise("أإآٱ") == "اااا"
    assert normalise("قرية مستشفى") == "قريه مستشفي"
    assert normalise("مُبَادَرَةً") == "مبادره"
    assert normalise("الجيـــش") == "الجيش"


def test_a_match_points_at_the_original_characters():
    assert matches("الجيش") == ["الجيـــش"]
    assert matches("مبادرة") == ["مُبَادَرَةً"]
    assert matches("قرية") == ["قريه"]
    assert matches("مستشفي") == ["مستشفى"]
    assert matches("اميركا") == ["أميركا"]
    assert matches("اكدت") == ["أكدت"]


def test_every_match_is_found_and_bidi_marks_after_it_stay_out():
    text = "دير\u200f الزور ثم دير الزور"
    found = list(normalised(text).find_all("دير الزور"))
    assert [text[s:e] for s, e in found] == ["دير\u200f الزور", "دير الزور"]


def test_astral_characters_do_not_shift_matches():
    text = "😀 قسد 👨\u200d👩\u200d👧 قسد"
    assert [text[s:e] for s, e in normalised(text).find_all("قسد")] == ["قسد", "قسد"]


def test_an_empty_query_matches_nothing():
    assert list(normalised(TEXT).find_all("ـَ")) == []
