"""Formats that know only links (Label Studio, doccano, WebAnno TSV) write each event as its
trigger with a link to each argument, read back as the same event; the report counts what
links cannot say."""

import pytest

from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import write_jsonl
from tests.formats.interchange import round_trip

TEXT = "هاجم التنظيم مواقع الجيش في الثردات"
SPANS = [
    {"id": 1, "start": 0, "end": 4, "label": "EVENT"},
    {"id": 2, "start": 5, "end": 12, "label": "ACTOR"},
    {"id": 3, "start": 28, "end": 35, "label": "LOCATION"},
    {"id": 4, "start": 19, "end": 24, "label": "ACTOR"},
    {"id": 5, "start": 13, "end": 18, "label": "ACTOR"},
]
CODED = {"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 3}
WRITTEN = {
    "type": "EVENT",
    "trigger": 1,
    "arguments": [
        {"role": "actor1", "span": 2},
        {"role": "location", "span": 3},
        {"role": "actor2", "span": 4},
        {"role": "actor1", "span": 5},
    ],
    "attributes": CODED,
}
ON_THE_SAME_TRIGGER = {"type": "EVENT", "trigger": 1, "arguments": [{"role": "actor1", "span": 4}]}
WITHOUT_TRIGGER = {"type": "EVENT", "arguments": [{"role": "actor1", "span": 2}]}


def coded(project, tmp_path, events):
    record = {"format": "annotator/2", "text": TEXT, "annotations": SPANS, "events": events}
    import_files(project, [write_jsonl(tmp_path / "coded.jsonl", [record])], annotator="samira")


def described(project):
    """(layer, type, trigger, [(role, text)…], attributes) of every event."""
    texts = {s.id: s.text for s in project.spans.iter_all()}
    return sorted(
        (
            e.annotator,
            e.label,
            texts.get(e.trigger),
            [(a.role, texts[a.span]) for a in e.arguments],
            e.attributes,
        )
        for e in project.events.iter_all()
    )


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "webanno"])
def test_an_event_goes_out_as_links_and_comes_back_as_the_same_event(project, tmp_path, fmt):
    coded(project, tmp_path, [WRITTEN])
    out = tmp_path / ("out" if fmt == "webanno" else "out.json")
    again = round_trip(project, fmt, out, tmp_path / "again")
    arguments = [("actor1", "التنظيم"), ("location", "الثردات"), ("actor2", "الجيش")]
    arguments.append(("actor1", "مواقع"))  # in the order they were coded
    ((_, label, trigger, found, coding),) = described(again)
    if fmt == "webanno":  # a link is written on the line of its target: in the text's order
        found, arguments = sorted(found), sorted(arguments)
    assert (label, trigger, found) == ("EVENT", "هاجم", arguments)
    assert coding == (CODED if fmt == "labelstudio" else {})  # the others hold no attributes


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "webanno"])
def test_what_links_cannot_say_is_left_out_and_counted(project, tmp_path, fmt):
    coded(project, tmp_path, [WRITTEN, ON_THE_SAME_TRIGGER, WITHOUT_TRIGGER])
    out = tmp_path / ("out" if fmt == "webanno" else "out.json")
    report = export(project, fmt, out)
    notes = "\n".join(report.notes)
    assert "1 events written as their trigger span with a link to each argument" in notes
    assert "1 events with no trigger left out" in notes
    assert "1 events on the trigger of an event written before them left out" in notes


def test_doccano_s_label_shape_says_it_leaves_events_out(project, tmp_path):
    coded(project, tmp_path, [WRITTEN])
    report = export(project, "doccano", tmp_path / "out.jsonl", options={"doccano_shape": "label"})
    assert any(n.startswith("1 events not written: the label shape") for n in report.notes)
