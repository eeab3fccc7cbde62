"""Spans as tags and back: every scheme, irregular sequences, nested columns."""

import pytest

from annotator.core.tagging import (
    TagError,
    TokenSpan,
    decode,
    encode,
    parse_tag,
    scheme_of,
    stack,
    tag_labels,
)


def spans(*columns):
    return [(s.start, s.end, s.label, s.column) for s in decode([list(c) for c in columns]).spans]


def test_iob2_bioes_and_bilou_give_the_same_spans():
    iob2 = ["B-LOC", "I-LOC", "O", "B-PER", "B-PER", "I-PER"]
    bioes = ["B-LOC", "E-LOC", "O", "S-PER", "B-PER", "E-PER"]
    bilou = ["B-LOC", "L-LOC", "O", "U-PER", "B-PER", "L-PER"]
    expected = [(0, 2, "LOC", 0), (3, 4, "PER", 0), (4, 6, "PER", 0)]
    assert spans(iob2) == spans(bioes) == spans(bilou) == expected
    assert decode([bioes]).irregular == [] and decode([bilou]).irregular == []


def test_an_i_tag_after_o_or_another_type_starts_an_entity_and_is_noted():
    decoded = decode([["O", "I-PERS", "I-PERS", "I-ORG", "B-LOC"]])
    assert [(s.start, s.end, s.label) for s in decoded.spans] == [
        (1, 3, "PERS"),
        (3, 4, "ORG"),
        (4, 5, "LOC"),
    ]
    assert [(i.token, i.kind) for i in decoded.irregular if i.kind == "i-start"] == [
        (1, "i-start"),
        (3, "i-start"),
    ]


def test_iob1_files_are_told_from_iob2_by_where_b_appears():
    iob1 = decode([["I-ORG", "O", "I-PER", "B-PER", "O"]])
    assert scheme_of(iob1.prefixes, iob1.b_after_other) == "iob1"
    assert [(s.start, s.end) for s in iob1.spans] == [(0, 1), (2, 3), (3, 4)]
    iob2 = decode([["B-ORG", "O", "I-PER"]])
    assert scheme_of(iob2.prefixes, iob2.b_after_other) == "iob2"
    bilou = decode([["U-LOC"]])
    assert scheme_of(bilou.prefixes, bilou.b_after_other) == "bilou"


def test_broken_bioes_sequences_are_noted():
    decoded = decode([["B-LOC", "O", "E-PER", "I-ORG", "E-ORG"]])
    kinds = [(i.token, i.kind) for i in decoded.irregular]
    assert (0, "unclosed") in kinds and (2, "orphan-end") in kinds and (3, "i-start") in kinds


def test_stacked_columns_decode_to_nested_spans_outer_first():
    # Wojood: «مجلس الأمن ضد الأسد» is an ORG with a PERS inside
    outer = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    inner = ["O", "O", "O", "B-PERS", "O"]
    assert spans(outer, inner) == [(0, 4, "ORG", 0), (3, 4, "PERS", 1)]


def test_stack_puts_nested_spans_in_later_columns_and_encode_writes_them_back():
    nested = [(0, 4, "ORG"), (3, 4, "PERS"), (1, 2, "GPE"), (1, 3, "OCC")]
    columns = stack(nested)
    assert columns == [[(0, 4, "ORG")], [(1, 3, "OCC"), (3, 4, "PERS")], [(1, 2, "GPE")]]
    tags = [encode(5, column) for column in columns]
    assert tags[1] == ["O", "B-OCC", "I-OCC", "B-PERS", "O"]
    back = {(s.start, s.end, s.label) for s in decode(tags).spans}
    assert back == set(nested)


@pytest.mark.parametrize("scheme", ["iob2", "bioes", "bilou"])
def test_encode_then_decode_is_lossless_in_every_scheme(scheme):
    spans_in = [(0, 1, "LOC"), (1, 3, "LOC"), (4, 7, "PER")]
    tags = encode(8, spans_in, scheme)
    assert [(s.start, s.end, s.label) for s in decode([tags]).spans] == spans_in
    irregular = {i.kind for i in decode([tags]).irregular}
    assert irregular == ({"unclosed"} if scheme == "iob2" else set())


def test_unknown_tags_are_refused_with_the_tag_named():
    for tag in ("PER", "B-", "X-LOC", "b-LOC", ""):
        with pytest.raises(TagError, match="unknown tag"):
            parse_tag(tag)
    assert parse_tag("B-PER-X") == ("B", "PER-X")


def test_the_class_list_starts_with_o():
    assert tag_labels(["PER", "LOC"]) == ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    assert tag_labels(["LOC"], "bilou") == ["O", "B-LOC", "I-LOC", "L-LOC", "U-LOC"]
    assert TokenSpan(0, 1, "LOC").column == 0
