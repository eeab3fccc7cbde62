"""Accepting suggestions makes the annotator's spans — and, on an event's word, its event —
in one transaction; undo takes them all back; a redo brings back the very same ids."""

from __future__ import annotations

from annotator.core.schema import load_preset
from annotator.core.suggestions import suggestion
from annotator.ops import suggest_verdicts
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl

TEXT = "قصفت طائرات التحالف مواقع التنظيم في الميادين"


def at(words: str, label: str):
    start = TEXT.index(words)
    return suggestion(TEXT, start, start + len(words), label, "dictionary", 0.9)


def test_an_event_word_accepted_gets_its_event_and_undo_takes_both(tmp_path):
    with Project.create(tmp_path / "p", load_preset("conflict")) as project:
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", [{"text": TEXT}])])
        chosen = [(at("قصفت", "EVENT"), "EVENT"), (at("الميادين", "LOCATION"), "LOCATION")]
        accepted = suggest_verdicts.accept(project, 1, "samira", chosen, "samira")
        (event,) = project.events.for_document(1, "samira")
        assert project.spans.get(event.trigger).text == "قصفت"
        assert accepted.events == [event.id, None]
        assert sorted(s.text for s in project.spans.for_document(1, "samira")) == [
            "الميادين", "قصفت"
        ]  # fmt: skip
        suggest_verdicts.undo_accept(project, accepted, "samira")
        assert project.events.for_document(1, "samira") == []
        assert project.spans.for_document(1, "samira") == []
        again = suggest_verdicts.accept(
            project, 1, "samira", chosen, "samira",
            [s.id for s in accepted.spans], accepted.events,
        )  # fmt: skip
        assert [s.id for s in again.spans] == [s.id for s in accepted.spans]
        assert again.events == accepted.events
