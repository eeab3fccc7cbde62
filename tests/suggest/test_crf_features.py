"""What the CRF sees of a word, and a trained model copied for another thread: the words of
the names learned from say which labels they were in, Latin letters and digits are told
apart, and a copy suggests and doubts exactly as the model it was copied from."""

from __future__ import annotations

from annotator.core.suggestions import LabelledDocument, LabelledSpan
from annotator.suggest.crf import CrfRecommender
from annotator.suggest.features import name_words, sentence_features, word_features

TEXT = "قال محمد الحسن إن قوات الجيش دخلت حلب.\nوزار محمد علي دمشق.\n"


def test_the_words_of_names_learned_from_are_features_of_a_new_name_and_its_neighbours():
    known = name_words([("محمد الحسن", "PER"), ("والجيش", "ORG"), ("محمد", "PER")])
    assert known == {"محمد": {"PER"}, "حسن": {"PER"}, "جيش": {"ORG"}}
    words = ["وقال", "محمد", "خليل"]
    said, name, after = sentence_features(words, ["O"] * 3, known)
    assert "n=PER" in name and "-1n=PER" in after and "1n=PER" in said
    assert not any(f.startswith("n=") for f in said + after)


def test_latin_letters_digits_and_marks_have_features_of_their_own():
    assert {"latin", "ws=Lll", "shape=latin-cap"} <= set(word_features("Reuters"))
    assert {"digits", "ws=dd", "shape=digit"} <= set(word_features("2024"))
    assert "has-digit" in word_features("F16")
    assert "mark=،" in word_features("،")
    assert {"c=بال", "p4=مستش", "x4=فيات"} <= set(word_features("بالمستشفيات"))  # of the stem


def test_a_copy_suggests_and_doubts_as_the_model_it_was_copied_from():
    spans = []
    for words, label in (("محمد الحسن", "PER"), ("الجيش", "ORG"), ("حلب", "LOC")):
        start = TEXT.index(words)
        spans.append(LabelledSpan(start, start + len(words), label))
    documents = [LabelledDocument(TEXT, tuple(spans))] * 6
    model = CrfRecommender(clitics_outside=False)
    model.train(documents)
    copy = model.copy()
    assert copy.fingerprint() == model.fingerprint()
    assert copy.suggest(TEXT) == model.suggest(TEXT)
    assert ("حلب", "LOC") in {(s.text, s.label) for s in model.suggest(TEXT)}
    assert copy.uncertainty(TEXT) == model.uncertainty(TEXT)
    assert 0 <= model.uncertainty(TEXT) < 0.5
