"""The events table, read back as a spreadsheet, R or pandas user would read it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.schema import load_preset
from annotator.ops import editing
from annotator.ops.exporting import export
from annotator.store.project import Project
from tests.fixtures.article import ARTICLE, coded_article
from tests.fixtures.coding import import_article as import_own
from tests.ops.reference_events import NAME, at, code_events, import_article

FIXED = [
    "document",
    "event_id",
    "event_type",
    "sub_event_type",
    "trigger",
    "actor1",
    "actor2",
    "location",
    "date",
    "fatalities",
    "annotator",
    "sentence",
]
AFTER_FIXED = [
    "trigger_start",
    "trigger_end",
    "actor1_mention",
    "actor2_mention",
    "location_mention",
]


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        return header, [dict(zip(header, row, strict=True)) for row in reader]


def sentence(text: str, first: str, last: str) -> str:
    """The stretch of the article from ``first`` to the end of ``last``, found by hand."""
    return text[at(text, first)[0] : at(text, last)[1]]


@pytest.fixture
def coded(project, seed_article, tmp_path):
    coded = code_events(project, import_article(project, seed_article, tmp_path))
    # the takeover's actor is named twice: the full name earlier, «قسد» in the event's sentence
    full = editing.create_span(
        project,
        coded.document_id,
        "samira",
        "ACTOR",
        *at(coded.text, "«قوات سورية الديمقراطية- قسد»", "قوات سورية الديمقراطية"),
        entity_id=coded.spans["sdf"].entity_id,
    )
    editing.link(project, coded.spans["takeover"].id, full.id, "actor1", "samira")
    coded.spans["sdf_full"] = full
    return coded


def test_the_reference_article_as_an_event_table(project, coded, tmp_path):
    out = tmp_path / "events.csv"
    report = export(project, "events-csv", out)
    assert report.documents == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 (and Arabic) only with the mark
    assert raw.count(b"\r\n") == 5 and b"\n" not in raw.replace(b"\r\n", b"")
    header, rows = read_rows(out)
    assert header[:12] == FIXED
    assert header[12:] == [*AFTER_FIXED, "time_precision"]
    text, spans = coded.text, coded.spans

    attack_sentence = sentence(text, "وقال مصدر عسكري", "بريف دير الزور الجنوبي.")
    expected = [
        {
            "document": NAME,
            "event_id": str(spans["attack"].id),
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "trigger": "هاجمت",
            "actor1": "تنظيم داعش",
            "actor2": "الجيش العربي السوري; الجيش",
            "location": "الثردات",
            "date": "2017-09",
            "fatalities": "",
            "annotator": "samira",
            "sentence": attack_sentence,
            "trigger_start": str(spans["attack"].start),
            "trigger_end": str(spans["attack"].end),
            "actor1_mention": "تنظيم داعش",
            "actor2_mention": "الجيش العربي السوري; الجيش",
            "location_mention": "الثردات",
            "time_precision": "3",
        },
        {
            "document": NAME,
            "event_id": str(spans["omar_attack"].id),
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "trigger": "هاجمت",
            "actor1": "تنظيم داعش",
            "actor2": "",
            "location": "طريق الميادين-دير الزور",
            "date": "",
            "fatalities": "0",
            "annotator": "omar",
            "sentence": attack_sentence,
            "trigger_start": str(spans["attack"].start),
            "trigger_end": str(spans["attack"].end),
            "actor1_mention": "تنظيم داعش",
            "actor2_mention": "",
            "location_mention": "طريق الميادين-دير الزور",
            "time_precision": "",
        },
        {
            "document": NAME,
            "event_id": str(spans["takeover"].id),
            "event_type": "Strategic developments",
            "sub_event_type": "Non-violent transfer of territory",
            "trigger": "سيطرة",
            "actor1": "Syrian Democratic Forces",
            "actor2": "",
            "location": "Al-Jafra oil fields",
            "date": "2017-09",
            "fatalities": "",
            "annotator": "samira",
            "sentence": sentence(text, "في الأثناء أكدت", "حقول الجفرة النفطية!"),
            "trigger_start": str(spans["takeover"].start),
            "trigger_end": str(spans["takeover"].end),
            "actor1_mention": "قوات سورية الديمقراطية; قسد",
            "actor2_mention": "",
            "location_mention": "حقول الجفرة",
            "time_precision": "",
        },
        {
            "document": NAME,
            "event_id": str(spans["airstrike"].id),
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "trigger": "ضربات جوية",
            "actor1": "International Coalition",
            "actor2": "أطفال",
            "location": "قرية المعماري",
            "date": "",
            "fatalities": "6",
            "annotator": "samira",
            "sentence": sentence(text, "بموازاة ذلك", "بوقوع جرحى»."),
            "trigger_start": str(spans["airstrike"].start),
            "trigger_end": str(spans["airstrike"].end),
            "actor1_mention": "التحالف الدولي",
            "actor2_mention": "أطفال",
            "location_mention": "قرية المعماري",
            "time_precision": "",
        },
    ]
    assert rows == expected
    for row in rows:  # every trigger can be found again in its document
        start, end = int(row["trigger_start"]), int(row["trigger_end"])
        assert text[start:end] == row["trigger"]
        assert row["trigger"] in row["sentence"]


def test_one_annotators_events_from_the_command_line(project, tmp_path, capsys):
    coded_article(project, tmp_path)
    out = tmp_path / "omar.csv"
    project.close()
    code = main(
        [
            *("export", str(tmp_path / "project"), "--format", "events-csv"),
            *("--out", str(out), "--annotator", "omar"),
        ]
    )
    assert code == 0, capsys.readouterr().err
    _, rows = read_rows(out)
    assert [(r["annotator"], r["trigger"], r["location"]) for r in rows] == [
        ("omar", "هجوماً", "مدينة المنارة")
    ]


def test_ace_events_keep_the_conflict_columns_and_add_their_own_roles(tmp_path):
    with Project.create(tmp_path / "ace", load_preset("ace")) as project:
        document = import_own(project, ARTICLE, tmp_path, "manara-attack")
        text = project.documents.get(document).text

        def mark(label: str, context: str, phrase: str | None = None, **attributes):
            span = editing.create_span(
                project, document, "samira", label, *at(text, context, phrase), attributes
            )
            return span.id

        attack = mark("CONFLICT", "هجوماً واسعاً", "هجوماً", subtype="Attack", modality="Asserted")
        front = mark("ORG", "«جبهة الأحرار»", "جبهة الأحرار", mention="NAM")
        posts = mark("FAC", "على نقاط يتمركز", "نقاط", mention="NOM")
        place = mark("GPE", "قرية تل الغزلان", "تل الغزلان", mention="NAM")
        for role, argument in (("Attacker", front), ("Target", posts), ("Place", place)):
            editing.link(project, attack, argument, role, "samira")
        out = tmp_path / "ace.csv"
        export(project, "events-csv", out)

    header, rows = read_rows(out)
    assert header[:17] == FIXED + AFTER_FIXED
    roles = header[17 : header.index("modality")]
    assert roles[:4] == ["Agent", "Agent_mention", "Victim", "Victim_mention"]
    assert "role_Sentence" in roles and "Sentence" not in roles  # "sentence" is taken
    assert len(roles) == len(set(r.lower() for r in roles))
    assert header[header.index("modality") :] == ["modality", "polarity", "genericity", "tense"]
    [row] = rows
    assert (row["event_type"], row["sub_event_type"], row["trigger"]) == (
        "CONFLICT",
        "Attack",
        "هجوماً",
    )
    assert (row["actor1"], row["actor2"], row["location"]) == ("", "", "")
    assert (row["Attacker"], row["Target"], row["Place"]) == ("جبهة الأحرار", "نقاط", "تل الغزلان")
    assert row["Attacker_mention"] == "جبهة الأحرار"
    assert (row["modality"], row["polarity"]) == ("Asserted", "")
    filled = {k for k, v in row.items() if v and k in roles}
    assert filled == {"Attacker", "Attacker_mention", "Target", "Target_mention"} | {
        "Place",
        "Place_mention",
    }


def test_a_schema_without_events_gives_a_header_and_says_so(tmp_path):
    with Project.create(tmp_path / "ner", load_preset("ner")) as project:
        import_own(project, ARTICLE, tmp_path, "manara-attack")
        report = export(project, "events-csv", tmp_path / "none.csv")
    header, rows = read_rows(tmp_path / "none.csv")
    assert header == FIXED + AFTER_FIXED and rows == []
    assert report.notes == ["the schema has no event labels: the table has only its header"]
