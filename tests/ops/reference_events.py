"""The reference article coded as a conflict-event set, through the editing operations.

Three events, as a coder following the conflict guidelines would mark them:

- the attack by تنظيم داعش on army posts at الثردات (Battles / Armed clash), with both
  mentions of the army as actor2;
- the SDF («قسد») taking the al-Jafra oil fields without a fight (Strategic developments /
  Non-violent transfer of territory), actor and place tied to canonical entities;
- the coalition airstrike on the village of al-Ma'mari that killed six children
  (Explosions/Remote violence / Air/drone strike), the children as actor2.

A second annotator, omar, codes only the attack, with another location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Span
from annotator.ops import editing
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl

NAME = "alwatan-deir-ez-zor"


@dataclass
class CodedArticle:
    document_id: int
    text: str
    spans: dict[str, Span] = field(default_factory=dict)  # by a short name used in tests


def at(text: str, context: str, phrase: str | None = None) -> tuple[int, int]:
    """Offsets of ``phrase`` inside the one place where ``context`` occurs in the text."""
    assert text.count(context) == 1, context
    phrase = phrase or context
    start = text.index(context) + context.index(phrase)
    return start, start + len(phrase)


def import_article(project: Project, article: Path, folder: Path) -> int:
    text = article.read_text(encoding="utf-8")
    records = [{"name": NAME, "text": text}]
    import_files(project, [write_jsonl(folder / "article.jsonl", records)])
    return project.documents.first_id()


def code_events(project: Project, document_id: int) -> CodedArticle:
    text = project.documents.get(document_id).text
    coded = CodedArticle(document_id, text)

    def mark(name: str, label: str, context: str, phrase: str | None = None, **extra) -> Span:
        annotator = extra.pop("annotator", "samira")
        span = editing.create_span(
            project, document_id, annotator, label, *at(text, context, phrase), **extra
        )
        coded.spans[name] = span
        return span

    def link(event: str, role: str, *arguments: str, annotator: str = "samira") -> None:
        for argument in arguments:
            editing.link(project, coded.spans[event].id, coded.spans[argument].id, role, annotator)

    sdf = editing.ensure_entity(project, "actor", "Syrian Democratic Forces")
    jafra = editing.ensure_entity(project, "location", "Al-Jafra oil fields")
    coalition = editing.ensure_entity(project, "actor", "International Coalition")

    mark(
        "attack",
        "EVENT",
        "هاجمت",
        attributes={
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "date": "2017-09",
            "time_precision": 3,
        },
    )
    mark(
        "isis",
        "ACTOR",
        "من تنظيم داعش هاجمت",
        "تنظيم داعش",
        attributes={"actor_type": "Rebel groups"},
    )
    mark(
        "saa",
        "ACTOR",
        "لم يستكن الجيش العربي السوري",
        "الجيش العربي السوري",
        attributes={"actor_type": "State forces"},
    )
    mark("army", "ACTOR", "وحدات من الجيش", "الجيش", attributes={"actor_type": "State forces"})
    mark("thardat", "LOCATION", "بمنطقة الثردات", "الثردات", attributes={"place_type": "village"})
    link("attack", "actor1", "isis")
    link("attack", "actor2", "saa", "army")
    link("attack", "location", "thardat")

    mark(
        "takeover",
        "EVENT",
        "سيطرة قواتها",
        "سيطرة",
        attributes={
            "event_type": "Strategic developments",
            "sub_event_type": "Non-violent transfer of territory",
            "date": "2017-09",
        },
    )
    mark(
        "sdf",
        "ACTOR",
        "تقودها «قسد»",
        "قسد",
        entity_id=sdf,
        attributes={"actor_type": "Rebel groups"},
    )
    mark(
        "jafra",
        "LOCATION",
        "على حقول الجفرة النفطية!",
        "حقول الجفرة",
        entity_id=jafra,
        attributes={"place_type": "facility"},
    )
    link("takeover", "actor1", "sdf")
    link("takeover", "location", "jafra")

    mark(
        "airstrike",
        "EVENT",
        "ضربات جوية",
        attributes={
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "fatalities": 6,
        },
    )
    mark(
        "coalition",
        "ACTOR",
        "مجازر «التحالف الدولي»",
        "التحالف الدولي",
        entity_id=coalition,
        attributes={"actor_type": "External/Other forces"},
    )
    mark(
        "children",
        "ACTOR",
        "استشهاد 6 أطفال",
        "أطفال",
        attributes={"actor_type": "Civilians"},
    )
    mark("mamari", "LOCATION", "قرية المعماري", attributes={"place_type": "village"})
    link("airstrike", "actor1", "coalition")
    link("airstrike", "actor2", "children")
    link("airstrike", "location", "mamari")

    mark(
        "omar_attack",
        "EVENT",
        "هاجمت",
        annotator="omar",
        attributes={
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "fatalities": 0,
        },
    )
    mark("omar_isis", "ACTOR", "من تنظيم داعش هاجمت", "تنظيم داعش", annotator="omar")
    mark(
        "omar_place",
        "LOCATION",
        "على طريق الميادين-دير الزور",
        "طريق الميادين-دير الزور",
        annotator="omar",
    )
    link("omar_attack", "actor1", "omar_isis", annotator="omar")
    link("omar_attack", "location", "omar_place", annotator="omar")
    return coded
