"""The events table, read back as a spreadsheet, R or pandas user would read it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.model import Argument
from annotator.core.schema import from_json, load_preset
from annotator.formats.events_csv import _interaction
from annotator.ops import editing, event_editing
from annotator.ops.exporting import export
from annotator.store.project import Project
from tests.fixtures.article import ARTICLE, coded_article
from tests.fixtures.coding import import_article as import_own
from tests.ops.reference_events import NAME, at, code_events, import_article

ACLED = [
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]
FIXED = [
    "document",
    "event_id",
    "annotator",
    *ACLED,
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    "actor1_mention",
    "actor1_offsets",
    "actor2_mention",
    "actor2_offsets",
    "location_mention",
    "location_offsets",
]
INTER = {  # ACLED's inter codes, as EVENT-CODING.md lists them
    "State forces": 1,
    "Rebel groups": 2,
    "Political militias": 3,
    "Identity militias": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        return header, [dict(zip(header, row, strict=True)) for row in reader]


def sentence(text: str, first: str, last: str) -> str:
    """The stretch of the article from ``first`` to the end of ``last``, found by hand."""
    return text[at(text, first)[0] : at(text, last)[1]]


def place(*spans) -> str:
    return "; ".join(f"{s.start}-{s.end}" for s in spans)


@pytest.fixture
def coded(project, seed_article, tmp_path):
    coded = code_events(project, import_article(project, seed_article, tmp_path))
    # the takeover's actor is named twice: «قسد» in the event's sentence, the full name earlier
    full = editing.create_span(
        project,
        coded.document_id,
        "samira",
        "ACTOR",
        *at(coded.text, "«قوات سورية الديمقراطية- قسد»", "قوات سورية الديمقراطية"),
        entity_id=coded.spans["sdf"].entity_id,
    )
    event_editing.link(project, coded.spans["takeover"].id, full.id, "actor1", "samira")
    coded.spans["sdf_full"] = full
    with project.write():  # the oil field's canonical place has coordinates
        project.entities.place(coded.spans["jafra"].entity_id, 35.1525, 40.2761)
    return coded


def test_the_reference_article_as_acled_s_table(project, coded, tmp_path):
    out = tmp_path / "events.csv"
    report = export(project, "events-csv", out)
    assert report.documents == 1 and report.events == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 (and Arabic) only with the mark
    assert raw.count(b"\r\n") == 5 and b"\n" not in raw.replace(b"\r\n", b"")
    header, rows = read_rows(out)
    assert header == FIXED  # the conflict schema's event attributes all have ACLED columns
    text, spans, events = coded.text, coded.spans, coded.events
    attack_sentence = sentence(text, "وقال مصدر عسكري", "بريف دير الزور الجنوبي.")
    empty = dict.fromkeys(FIXED, "")
    expected = [
        empty
        | {
            "document": NAME,
            "event_id": str(events["attack"].id),
            "annotator": "samira",
            "event_date": "2017-09",
            "time_precision": "3",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "تنظيم داعش",
            "inter1": "2",  # Rebel groups
            "actor2": "الجيش العربي السوري",
            "assoc_actor_2": "الجيش",  # another name, not tied to the same canonical actor
            "inter2": "1",  # State forces
            "interaction": "12",
            "location": "الثردات",
            "trigger": "هاجمت",
            "trigger_start": str(spans["attack"].start),
            "trigger_end": str(spans["attack"].end),
            "sentence": attack_sentence,
            "actor1_mention": "تنظيم داعش",
            "actor1_offsets": place(spans["isis"]),
            "actor2_mention": "الجيش العربي السوري; الجيش",
            "actor2_offsets": place(spans["saa"], spans["army"]),
            "location_mention": "الثردات",
            "location_offsets": place(spans["thardat"]),
        },
        empty
        | {
            "document": NAME,
            "event_id": str(events["takeover"].id),
            "annotator": "samira",
            "event_date": "2017-09",
            "event_type": "Strategic developments",
            "sub_event_type": "Non-violent transfer of territory",
            "actor1": "Syrian Democratic Forces",  # two mentions of one canonical actor
            "inter1": "2",
            "interaction": "20",  # one actor type alone
            "location": "Al-Jafra oil fields",
            "latitude": "35.1525",
            "longitude": "40.2761",
            "trigger": "سيطرة",
            "trigger_start": str(spans["takeover"].start),
            "trigger_end": str(spans["takeover"].end),
            "sentence": sentence(text, "في الأثناء أكدت", "حقول الجفرة النفطية!"),
            "actor1_mention": "قسد; قوات سورية الديمقراطية",  # in the event's order
            "actor1_offsets": place(spans["sdf"], spans["sdf_full"]),
            "location_mention": "حقول الجفرة",
            "location_offsets": place(spans["jafra"]),
        },
        empty
        | {
            "document": NAME,
            "event_id": str(events["airstrike"].id),
            "annotator": "samira",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "actor1": "International Coalition",
            "inter1": "8",
            "actor2": "أطفال",
            "inter2": "7",
            "interaction": "78",
            "location": "قرية المعماري",
            "fatalities": "6",
            "trigger": "ضربات جوية",
            "trigger_start": str(spans["airstrike"].start),
            "trigger_end": str(spans["airstrike"].end),
            "sentence": sentence(text, "بموازاة ذلك", "بوقوع جرحى»."),
            "actor1_mention": "التحالف الدولي",
            "actor1_offsets": place(spans["coalition"]),
            "actor2_mention": "أطفال",
            "actor2_offsets": place(spans["children"]),
            "location_mention": "قرية المعماري",
            "location_offsets": place(spans["mamari"]),
        },
        empty
        | {
            "document": NAME,
            "event_id": str(events["omar_attack"].id),
            "annotator": "omar",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "تنظيم داعش",  # omar gave no actor type: no inter code
            "location": "طريق الميادين-دير الزور",
            "fatalities": "0",
            "trigger": "هاجمت",
            "trigger_start": str(spans["attack"].start),
            "trigger_end": str(spans["attack"].end),
            "sentence": attack_sentence,
            "actor1_mention": "تنظيم داعش",
            "actor1_offsets": place(spans["omar_isis"]),
            "location_mention": "طريق الميادين-دير الزور",
            "location_offsets": place(spans["omar_place"]),
        },
    ]
    assert rows == expected
    for row in rows:  # every piece of evidence can be found again in its document
        start, end = int(row["trigger_start"]), int(row["trigger_end"])
        assert text[start:end] == row["trigger"]
        assert row["trigger"] in row["sentence"]
        for role in ("actor1", "actor2", "location"):
            words = row[f"{role}_mention"].split("; ") if row[f"{role}_mention"] else []
            places = row[f"{role}_offsets"].split("; ") if row[f"{role}_offsets"] else []
            assert len(words) == len(places)
            for word, where in zip(words, places, strict=True):
                s, e = map(int, where.split("-"))
                assert text[s:e] == word


CLASHES = "اشتباكات عنيفة في الثردات والميادين"


def test_two_events_on_one_word_are_two_rows_and_an_event_without_one_is_a_row(project, tmp_path):
    """ACLED codes one event per place and day: «اشتباكات» in two villages is two events."""
    document = import_own(project, write_text(tmp_path, CLASHES), tmp_path, "clashes")

    def mark(label, words, **attributes):
        return editing.create_span(
            project, document, "samira", label, *at(CLASHES, words), attributes
        )

    clashes = mark("EVENT", "اشتباكات")
    thardat = mark("LOCATION", "الثردات", geo_precision=1)
    mayadin = mark("LOCATION", "الميادين", geo_precision=2)
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash", "date": "2017-09-12"}
    first = event_editing.create_event(
        project, document, "samira", "EVENT", clashes.id, attributes=battle
    )
    second = event_editing.create_event(
        project, document, "samira", "EVENT", clashes.id, attributes=battle
    )
    event_editing.add_argument(project, first.id, "samira", "location", thardat.id)
    event_editing.add_argument(project, second.id, "samira", "location", mayadin.id)
    whole = event_editing.create_event(  # what the report as a whole says
        project, document, "samira", "EVENT", None, attributes={"event_type": "Battles"}
    )
    out = tmp_path / "clashes.csv"
    export(project, "events-csv", out)
    _, rows = read_rows(out)
    assert [
        (r["event_id"], r["trigger"], r["trigger_start"], r["trigger_end"], r["location"])
        for r in rows
    ] == [
        (str(first.id), "اشتباكات", "0", "8", "الثردات"),
        (str(second.id), "اشتباكات", "0", "8", "الميادين"),
        (str(whole.id), "", "", "", ""),
    ]
    assert [r["geo_precision"] for r in rows] == ["1", "2", ""]  # from each place
    assert [r["event_date"] for r in rows] == ["2017-09-12", "2017-09-12", ""]
    assert rows[0]["sentence"] == rows[1]["sentence"] == CLASHES and rows[2]["sentence"] == ""


def write_text(folder: Path, text: str) -> Path:
    path = folder / "clashes.txt"
    path.write_text(text, encoding="utf-8")
    return path


@given(
    st.sampled_from([None, *INTER]),
    st.sampled_from([None, *INTER]),
)
def test_interaction_joins_both_inter_codes_the_smaller_first(first, second):
    one = str(INTER[first]) if first else ""
    two = str(INTER[second]) if second else ""
    codes = sorted(c for c in (one, two) if c)
    expected = {0: "", 1: f"{codes[0]}0" if codes else "", 2: "".join(codes)}[len(codes)]
    assert _interaction(one, two) == expected
    if one and two:
        assert _interaction(one, two) == _interaction(two, one)


def test_every_actor_type_of_the_conflict_schema_has_its_inter_code(project, tmp_path):
    actor_types = project.schema.label("ACTOR").attribute("actor_type").values
    assert list(actor_types) == list(INTER)  # the codes follow the codebook's order
    text = " و ".join(f"فاعل{n}" for n in range(1, 9)) + " هاجم"
    document = import_own(project, write_text(tmp_path, text), tmp_path, "actors")
    trigger = editing.create_span(project, document, "a", "EVENT", *at(text, "هاجم"))
    for number, actor_type in enumerate(actor_types, 1):
        actor = editing.create_span(
            project, document, "a", "ACTOR", *at(text, f"فاعل{number}"), {"actor_type": actor_type}
        )
        event = event_editing.create_event(project, document, "a", "EVENT", trigger.id)
        event_editing.add_argument(project, event.id, "a", "actor1", actor.id)
    export(project, "events-csv", tmp_path / "actors.csv")
    _, rows = read_rows(tmp_path / "actors.csv")
    assert [(r["actor1"], r["inter1"], r["interaction"]) for r in rows] == [
        (f"فاعل{INTER[t]}", str(INTER[t]), f"{INTER[t]}0") for t in actor_types
    ]


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


def test_ace_events_keep_acled_s_columns_and_add_their_own_roles(tmp_path):
    with Project.create(tmp_path / "ace", load_preset("ace")) as project:
        document = import_own(project, ARTICLE, tmp_path, "manara-attack")
        text = project.documents.get(document).text

        def mark(label: str, context: str, phrase: str | None = None, **attributes):
            return editing.create_span(
                project, document, "samira", label, *at(text, context, phrase), attributes
            )

        trigger = mark("CONFLICT", "هجوماً واسعاً", "هجوماً")
        attack = event_editing.create_event(
            project,
            document,
            "samira",
            "CONFLICT",
            trigger.id,
            attributes={"subtype": "Attack", "modality": "Asserted"},
        )
        front = mark("ORG", "«جبهة الأحرار»", "جبهة الأحرار", mention="NAM")
        posts = mark("FAC", "على نقاط يتمركز", "نقاط", mention="NOM")
        where = mark("GPE", "قرية تل الغزلان", "تل الغزلان", mention="NAM")
        for role, argument in (("Attacker", front), ("Target", posts), ("Place", where)):
            event_editing.add_argument(project, attack.id, "samira", role, argument.id)
        out = tmp_path / "ace.csv"
        export(project, "events-csv", out)

    header, rows = read_rows(out)
    assert header[: len(FIXED)] == FIXED
    roles = header[len(FIXED) : header.index("modality")]
    assert roles[:6] == [
        *("Agent", "Agent_mention", "Agent_offsets"),
        *("Victim", "Victim_mention", "Victim_offsets"),
    ]
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
    assert row["Attacker_offsets"] == f"{front.start}-{front.end}"
    assert (row["modality"], row["polarity"]) == ("Asserted", "")
    filled = {k for k, v in row.items() if v and k in roles}
    assert filled == {
        f"{role}{part}"
        for role in ("Attacker", "Target", "Place")
        for part in ("", "_mention", "_offsets")
    }


def with_reports(schema):
    """The schema and an event type whose role takes events: a report of another event."""
    report = {
        "id": "REPORT",
        "kind": "event",
        "names": {"en": "Report"},
        "color": "#888888",
        "key": "9",
        "attributes": [],
        "roles": [{"name": "reported", "kinds": ["event"]}],
    }
    data = schema.to_json()
    return from_json({**data, "labels": [*data["labels"], report]})


def test_a_nested_event_is_named_by_its_id_and_its_trigger_s_words(tmp_path):
    with Project.create(tmp_path / "p", with_reports(load_preset("conflict"))) as project:
        text = "أعلن المتحدث وقوع اشتباكات"
        document = import_own(project, write_text(tmp_path, text), tmp_path, "nested")
        clashes = editing.create_span(project, document, "a", "EVENT", *at(text, "اشتباكات"))
        inner = event_editing.create_event(project, document, "a", "EVENT", clashes.id)
        said = editing.create_span(project, document, "a", "REPORT", *at(text, "أعلن"))
        outer = event_editing.create_event(
            project, document, "a", "REPORT", said.id, [Argument("reported", event=inner.id)]
        )
        export(project, "events-csv", tmp_path / "nested.csv")
    _, rows = read_rows(tmp_path / "nested.csv")
    row = next(r for r in rows if r["event_id"] == str(outer.id))
    assert (row["event_type"], row["reported"]) == ("REPORT", f"event {inner.id}")
    assert (row["reported_mention"], row["reported_offsets"]) == (
        "اشتباكات",
        f"{clashes.start}-{clashes.end}",
    )


def test_a_schema_without_events_gives_a_header_and_says_so(tmp_path):
    with Project.create(tmp_path / "ner", load_preset("ner")) as project:
        import_own(project, ARTICLE, tmp_path, "manara-attack")
        report = export(project, "events-csv", tmp_path / "none.csv")
    header, rows = read_rows(tmp_path / "none.csv")
    assert header == FIXED and rows == []
    assert report.notes == ["the schema has no event labels: the table has only its header"]
