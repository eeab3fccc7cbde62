"""Agreement figures checked against values worked out by hand on small layers."""

from __future__ import annotations

import json
from dataclasses import replace
from fractions import Fraction

import krippendorff
import pytest

from annotator.core.model import Status
from annotator.core.schema import from_json, load_preset
from annotator.review.agreement import measure
from tests.review.layers import at, document, event, span

CONFLICT = load_preset("conflict")
LETTERS = "a b c d e f g h"  # eight one-letter tokens


def textbook_kappa(table: dict[tuple[str, str], int]) -> float:
    """Cohen (1960): kappa = (p_o - p_e) / (1 - p_e), written out independently of the app."""
    n = sum(table.values())
    labels = {label for pair in table for label in pair}
    p_o = Fraction(sum(v for (a, b), v in table.items() if a == b), n)
    p_e = sum(
        Fraction(sum(v for (a, _), v in table.items() if a == k), n)
        * Fraction(sum(v for (_, b), v in table.items() if b == k), n)
        for k in labels
    )
    return float((p_o - p_e) / (1 - p_e))


def letters(annotator: str, label: str, first: str, last: str | None = None):
    start = LETTERS.index(first)
    end = LETTERS.index(last or first) + 1
    return span(annotator, label, LETTERS, start, end)


def worked_example():
    a = [letters("A", "ACTOR", "a", "b"), letters("A", "LOCATION", "c"), letters("A", "ACTOR", "e")]
    b = [
        letters("B", "ACTOR", "a", "b"),
        letters("B", "LOCATION", "c", "d"),
        letters("B", "LOCATION", "e"),
        letters("B", "ACTOR", "g"),
    ]
    return document(LETTERS, a + b)


def test_span_figures_match_the_hand_computation():
    result = measure([worked_example()], CONFLICT, ["A", "B"])
    pair = result.pair("A", "B")
    assert pair.documents == 1
    # exact: only ACTOR "a b" is in both; A has 3 spans, B has 4
    assert pair.exact.precision == pytest.approx(1 / 4)
    assert pair.exact.recall == pytest.approx(1 / 3)
    assert pair.exact.f1 == pytest.approx(2 / 7)
    # overlap: LOCATION "c" and "c d" pair too
    assert pair.overlap.precision == pytest.approx(2 / 4)
    assert pair.overlap.recall == pytest.approx(2 / 3)
    assert pair.overlap.f1 == pytest.approx(4 / 7)
    assert pair.by_label["ACTOR"].exact.f1 == pytest.approx(2 / 4)
    assert pair.by_label["ACTOR"].overlap.f1 == pytest.approx(2 / 4)
    assert pair.by_label["LOCATION"].exact.f1 == 0
    assert pair.by_label["LOCATION"].overlap.f1 == pytest.approx(2 / 3)


def test_kappa_on_token_labels_matches_the_textbook_formula():
    # tokens a..h:  A: ACTOR ACTOR LOC O ACTOR O O O   B: ACTOR ACTOR LOC LOC LOC O ACTOR O
    table = {
        ("ACTOR", "ACTOR"): 2,
        ("LOCATION", "LOCATION"): 1,
        ("O", "LOCATION"): 1,
        ("ACTOR", "LOCATION"): 1,
        ("O", "O"): 2,
        ("O", "ACTOR"): 1,
    }
    result = measure([worked_example()], CONFLICT, ["A", "B"])
    pair = result.pair("A", "B")
    assert dict(pair.tokens) == table
    assert pair.cohen_kappa == pytest.approx(textbook_kappa(table))
    assert pair.cohen_kappa == pytest.approx(5 / 11)


def test_alpha_agrees_with_an_independent_implementation():
    result = measure([worked_example()], CONFLICT, ["A", "B"])
    codes = {"O": 0, "ACTOR": 1, "LOCATION": 2}
    a = ["ACTOR", "ACTOR", "LOCATION", "O", "ACTOR", "O", "O", "O"]
    b = ["ACTOR", "ACTOR", "LOCATION", "LOCATION", "LOCATION", "O", "ACTOR", "O"]
    expected = krippendorff.alpha(
        reliability_data=[[codes[x] for x in a], [codes[x] for x in b]],
        level_of_measurement="nominal",
    )
    assert result.alpha == pytest.approx(expected)


def test_alpha_reproduces_krippendorffs_published_example():
    """Krippendorff (2011), nominal data, four coders, missing values: alpha = 0.743."""
    from annotator.review.scores import krippendorff_alpha

    rows = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    units = zip(*(row.split() for row in rows), strict=True)
    alpha = krippendorff_alpha([v for v in unit if v != "."] for unit in units)
    assert alpha == pytest.approx(0.743, abs=0.0005)


def test_the_confusion_matrix_pairs_extents_and_has_a_row_for_nothing():
    result = measure([worked_example()], CONFLICT, ["A", "B"])
    labels, matrix = result.confusion(result.pair("A", "B"))
    assert labels == ["ACTOR", "LOCATION", None]
    # ACTOR "a b" = ACTOR; LOCATION "c" ~ "c d"; ACTOR "e" read as LOCATION; B alone has "g"
    assert matrix == [[1, 1, 0], [0, 1, 0], [1, 0, 0]]


def test_identical_layers_agree_perfectly():
    text = "قصفت طائرات حربية مدينة دير الزور"
    spans = []
    for name in ("A", "B"):
        spans += [
            span(name, "ACTOR", text, *at(text, "طائرات حربية")),
            span(name, "LOCATION", text, *at(text, "دير الزور")),
        ]
    result = measure([document(text, spans)], CONFLICT)
    pair = result.pair("A", "B")
    assert (pair.exact.f1, pair.overlap.f1, pair.cohen_kappa, result.alpha) == (1, 1, 1, 1)


def test_empty_layers_marked_done_agree_and_kappa_is_undefined():
    done = {"A": Status.DONE, "B": Status.DONE}
    result = measure([document(LETTERS, [], status=done)], CONFLICT)
    pair = result.pair("A", "B")
    assert pair.documents == 1
    assert (pair.exact.precision, pair.exact.recall, pair.exact.f1) == (1, 1, 1)
    assert pair.cohen_kappa is None  # every token is O for both: kappa is 0/0
    assert result.alpha is None


def test_one_empty_layer_against_spans_scores_zero():
    result = measure(
        [document(LETTERS, [letters("A", "ACTOR", "a")], status={"B": Status.DONE})], CONFLICT
    )
    pair = result.pair("A", "B")
    assert (pair.exact.precision, pair.exact.recall, pair.exact.f1) == (0, 0, 0)


def test_a_document_only_one_annotator_touched_is_not_compared():
    result = measure([document(LETTERS, [letters("A", "ACTOR", "a")])], CONFLICT, ["A", "B"])
    assert result.pairs == []
    assert result.documents == []


def test_no_overlap_at_all():
    spans = [letters("A", "ACTOR", "a"), letters("B", "ACTOR", "b")]
    pair = measure([document(LETTERS, spans)], CONFLICT).pair("A", "B")
    assert (pair.exact.f1, pair.overlap.f1) == (0, 0)
    table = {("ACTOR", "O"): 1, ("O", "ACTOR"): 1, ("O", "O"): 6}
    assert dict(pair.tokens) == table
    assert pair.cohen_kappa == pytest.approx(textbook_kappa(table))
    assert pair.cohen_kappa == pytest.approx(-1 / 7)


def test_a_label_only_one_annotator_used_scores_zero_for_that_label():
    spans = [
        letters("A", "ACTOR", "a"),
        letters("B", "ACTOR", "a"),
        letters("A", "EVENT", "c"),
    ]
    pair = measure([document(LETTERS, spans)], CONFLICT).pair("A", "B")
    assert pair.by_label["ACTOR"].exact.f1 == 1
    assert pair.by_label["EVENT"].exact.f1 == 0
    assert pair.by_label["EVENT"].exact.reference == 1
    assert pair.by_label["EVENT"].exact.candidate == 0


EVENT_TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات ثم قصفت الطائرات المنطقة"


def _event_layer(name: str, actor: str, sub_event: str):
    """An attack with its actor and place, and a shelling with none."""
    text = EVENT_TEXT
    attack = span(name, "EVENT", text, *at(text, "هاجم"))
    shelling = span(name, "EVENT", text, *at(text, "قصفت"))
    who = span(name, "ACTOR", text, *at(text, actor))
    where = span(name, "LOCATION", text, *at(text, "الثردات"))
    events = [
        event(
            name,
            "EVENT",
            attack,
            [("actor1", who), ("location", where)],
            event_type="Battles",
            sub_event_type="Armed clash",
        ),
        event(
            name,
            "EVENT",
            shelling,
            event_type="Explosions/Remote violence",
            sub_event_type=sub_event,
        ),
    ]
    return [attack, shelling, who, where], events


def test_events_agree_on_trigger_type_and_every_role_filler():
    a_spans, a_events = _event_layer("A", "تنظيم داعش", "Air/drone strike")
    b_spans, b_events = _event_layer("B", "داعش", "Shelling/artillery/missile attack")
    result = measure(
        [document(EVENT_TEXT, a_spans + b_spans, events=a_events + b_events)], CONFLICT
    )
    pair = result.pair("A", "B")
    events = pair.events
    # the attack: same trigger and type, actor1 differs in extent → only the overlap variant
    # the shelling: sub-event types differ → never
    assert (events["exact"].matched, events["exact"].reference) == (0, 2)
    assert events["exact"].f1 == 0
    assert events["overlap"].matched == 1
    assert events["overlap"].f1 == pytest.approx(0.5)
    assert pair.event_disagreements == {"event type": 1}


def test_events_with_a_missing_role_do_not_agree():
    a_spans, a_events = _event_layer("A", "تنظيم داعش", "Air/drone strike")
    b_spans, b_events = _event_layer("B", "تنظيم داعش", "Air/drone strike")
    attack = b_events[0]
    b_events[0] = replace(attack, arguments=attack.arguments[:1])  # no location
    result = measure(
        [document(EVENT_TEXT, a_spans + b_spans, events=a_events + b_events)], CONFLICT
    )
    pair = result.pair("A", "B")
    assert pair.events["overlap"].matched == 1  # only the shelling
    assert pair.event_disagreements == {"role filler": 1}


CLASHES = "اشتباكات عنيفة في الثردات والميادين"


def test_two_events_on_one_trigger_against_one_leave_a_missing_event():
    """ACLED codes one event per place: A codes the clashes in both places, B only the first."""
    events, spans = [], []
    for name, towns in (("A", ["الثردات", "الميادين"]), ("B", ["الثردات"])):
        trigger = span(name, "EVENT", CLASHES, *at(CLASHES, "اشتباكات"))
        spans.append(trigger)
        for town in towns:
            where = span(name, "LOCATION", CLASHES, *at(CLASHES, town))
            spans.append(where)
            battle = {"event_type": "Battles", "sub_event_type": "Armed clash"}
            events.append(event(name, "EVENT", trigger, [("location", where)], **battle))
    pair = measure([document(CLASHES, spans, events=events)], CONFLICT).pair("A", "B")
    assert (pair.events["exact"].reference, pair.events["exact"].candidate) == (2, 1)
    assert pair.events["exact"].matched == pair.events["overlap"].matched == 1
    assert pair.events["exact"].f1 == pytest.approx(2 / 3)
    assert pair.event_disagreements == {"missing event": 1}


def test_an_event_without_a_trigger_agrees_by_type_and_fillers():
    text = "قتل مدنيان في الثردات والميادين برصاص مجهولين"
    spans, events = [], []
    for name, town in (("A", "الثردات"), ("B", "الثردات"), ("C", "الميادين")):
        where = span(name, "LOCATION", text, *at(text, town))
        spans.append(where)
        attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
        events.append(event(name, "EVENT", None, [("location", where)], **attack))
    result = measure([document(text, spans, events=events)], CONFLICT)
    assert result.pair("A", "B").events["exact"].matched == 1
    assert result.pair("A", "C").events["overlap"].matched == 0
    assert result.pair("A", "C").event_disagreements == {"role filler": 1}


MAE = from_json(
    {
        "name": "mae",
        "labels": [{"id": label} for label in ("NAMED_ENTITY", "NOUN", "VERB", "ADJ_ADV")],
    }
)


def _mae_layers():
    """MAE's five-annotator example: doc2 has no a2; a4 marks "house r" in doc1."""
    import re

    from tests.conftest import corpus_file

    folder = corpus_file("mae", "iaa_example")
    documents = []
    for number in (1, 2):
        spans = []
        text = None
        for name in ("a1", "a2", "a3", "a4", "a5"):
            path = folder / f"doc{number}_{name}.xml"
            if not path.exists():
                continue
            xml = path.read_text(encoding="utf-8")
            text = re.search(r"<!\[CDATA\[(.*?)\]\]>", xml, re.S).group(1)
            for tag, start, end in re.findall(r"<(\w+) id=\"\w+\" spans=\"(\d+)~(\d+)\"", xml):
                spans.append(span(name, tag, text, int(start), int(end)))
        documents.append(document(text, spans, document_id=number, name=f"doc{number}"))
    return documents


def test_three_or_more_annotators_with_one_missing_on_a_document():
    result = measure(_mae_layers(), MAE)
    assert result.annotators == ["a1", "a2", "a3", "a4", "a5"]
    assert result.pair("a1", "a2").documents == 1  # a2 did not annotate doc2
    assert result.pair("a1", "a3").documents == 2
    a1_a4 = result.pair("a1", "a4")
    # doc1: 5 of 6 spans identical (a4's NOUN is "house r"); doc2: all 6
    assert a1_a4.exact.f1 == pytest.approx(22 / 24)
    assert a1_a4.overlap.f1 == 1
    # tokens: Mrs Miller wants the entire house repainted . — per document, a4 alone reads
    # "repainted" (doc1) as NOUN: its 29~36 NOUN is shorter than the ADJ_ADV 35~44
    row = ["NAMED_ENTITY", "NAMED_ENTITY", "VERB", "O", "ADJ_ADV", "NOUN", "ADJ_ADV", "O"]
    a4_doc1 = [*row[:6], "NOUN", "O"]
    table: dict[tuple[str, str], int] = {}
    for x, y in zip(row + row, a4_doc1 + row, strict=True):
        table[x, y] = table.get((x, y), 0) + 1
    assert a1_a4.cohen_kappa == pytest.approx(textbook_kappa(table))
    codes = {label: n for n, label in enumerate(sorted(set(row)))}
    missing = float("nan")
    reliability = []
    for name in ("a1", "a2", "a3", "a4", "a5"):
        doc1 = a4_doc1 if name == "a4" else row
        doc2 = [missing] * 8 if name == "a2" else [codes[x] for x in row]
        reliability.append([codes[x] for x in doc1] + doc2)
    expected = krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal")
    assert result.alpha == pytest.approx(expected)


def test_documents_are_listed_worst_first():
    good = [letters("A", "ACTOR", "a"), letters("B", "ACTOR", "a")]
    bad = [letters("A", "ACTOR", "a"), letters("B", "LOCATION", "c")]
    result = measure(
        [
            document(LETTERS, good, document_id=1, name="good"),
            document(LETTERS, bad, document_id=2, name="bad"),
        ],
        CONFLICT,
    )
    assert [(d.name, d.exact_f1) for d in result.documents] == [("bad", 0), ("good", 1)]


def test_the_json_has_the_documented_shape():
    data = json.loads(json.dumps(measure([worked_example()], CONFLICT).to_json()))
    pair = data["pairs"][0]
    assert pair["annotators"] == ["A", "B"]
    assert pair["documents"] == 1
    assert set(pair["exact"]) == set(pair["overlap"]) == {"precision", "recall", "f1"}
    assert set(pair["by_label"]["ACTOR"]) >= {"exact_f1", "overlap_f1"}
    assert pair["cohen_kappa"] == pytest.approx(5 / 11, abs=1e-6)
    assert "krippendorff_alpha" in data
    assert pair["events"] == {
        "exact": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
        "overlap": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
        "count": [0, 0],
        "disagreements": {
            "missing event": 0,
            "event type": 0,
            "role filler": 0,
            "event attribute": 0,
        },
    }
    assert data["documents"] == [
        {
            "id": 1,
            "name": "doc",
            "annotators": ["A", "B"],
            "exact_f1": pytest.approx(2 / 7, abs=1e-6),
            "overlap_f1": pytest.approx(4 / 7, abs=1e-6),
        }
    ]
