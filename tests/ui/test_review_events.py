"""Review of events in the window: what the events disagree on is listed in words, each
layer's version has its links drawn, and a number key accepts a whole event into gold."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import GOLD

TEXT = "اندلعت اشتباكات عنيفة بين قوات الحكومة وتنظيم داعش في الثردات والميادين"


def span(number: int, words: str, label: str, annotator: str) -> dict:
    start = TEXT.index(words)
    return {"id": number, "start": start, "end": start + len(words), "label": label,
            "annotator": annotator}  # fmt: skip


def layer(annotator: str, first: int, places: list[str]) -> tuple[list[dict], list[dict]]:
    """Spans and events of one annotator: a clash on «اشتباكات» in each place."""
    spans = [
        span(first, "اشتباكات", "EVENT", annotator),
        span(first + 1, "قوات الحكومة", "ACTOR", annotator),
        span(first + 2, "الثردات", "LOCATION", annotator),
        span(first + 3, "الميادين", "LOCATION", annotator),
    ]
    where = {"الثردات": first + 2, "الميادين": first + 3}
    events = [
        {"id": first + n, "type": "EVENT", "trigger": first, "annotator": annotator,
         "attributes": {"event_type": "Battles", "sub_event_type": "Armed clash"},
         "arguments": [{"role": "actor1", "span": first + 1},
                       {"role": "location", "span": where[place]}]}
        for n, place in enumerate(places)
    ]  # fmt: skip
    return spans, events


def review(qtbot, make_window):
    samira = layer("samira", 1, ["الثردات", "الميادين"])  # two events on the one word
    omar = layer("omar", 11, ["الثردات"])  # one: he missed the second
    record = {"text": TEXT, "name": "clashes", "annotations": samira[0] + omar[0],
              "events": samira[1] + omar[1]}  # fmt: skip
    window = make_window([record], annotator="lead")
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    return window


def test_a_missing_event_is_listed_in_words_and_its_links_are_drawn(qtbot, make_window):
    window = review(qtbot, make_window)
    view = window.review.view
    model = view.model
    shown = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert [row[0] for row in shown] == ["missing event"]
    (row,) = shown
    assert row[1] == "omar / samira"
    assert row[2] == "—" and row[3] == "EVENT event \u2068«اشتباكات»\u2069"
    assert "samira codes «اشتباكات»" in row[4] and "omar has no such event" in row[4]
    assert "الميادين" in row[4]  # which of the two it is
    view.go_to(0)
    samira = view.panes.pane("samira").view
    samira.repaint()
    assert [(k.role, samira.by_id[k.argument].text) for k in samira.drawn_links] == [
        ("actor1", "قوات الحكومة"), ("location", "الميادين")
    ]  # fmt: skip
    omar = view.panes.pane("omar").view
    omar.repaint()
    assert omar.drawn_links == []  # omar has no version of it


def test_a_number_accepts_the_whole_event_into_gold_and_undo_takes_it_back(qtbot, make_window):
    window = review(qtbot, make_window)
    view = window.review.view
    view.go_to(0)
    number = view.layers.index("samira") + 1
    view.table.setFocus()
    qtbot.keyClick(view.table, getattr(Qt.Key, f"Key_{number}"))
    project = window.session.project
    (gold,) = project.events.for_document(window.session.document_id, GOLD)
    words = [project.spans.get(a.span).text for a in gold.arguments]
    assert (project.spans.get(gold.trigger).text, words) == (
        "اشتباكات",
        ["قوات الحكومة", "الميادين"],
    )
    assert gold.attributes == {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert gold.provenance["adjudicator"] == "lead"
    assert [f["annotator"] for f in gold.provenance["from"]] == ["samira"]
    pane = view.panes.pane(GOLD).view
    assert {s.text for s in pane.spans} == {"اشتباكات", "قوات الحكومة", "الميادين"}
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.events.for_document(window.session.document_id, GOLD) == []
    assert project.spans.for_document(window.session.document_id, GOLD) == []
    assert view.panes.pane(GOLD).view.spans == []


def test_an_annotator_without_a_version_has_nothing_to_accept(qtbot, make_window):
    window = review(qtbot, make_window)
    view = window.review.view
    view.go_to(0)
    messages = []
    view.status.connect(messages.append)
    view.accept_version(view.layers.index("omar") + 1)
    assert messages == ["omar has no version of this; nothing to accept"]
    assert window.session.project.events.for_document(window.session.document_id, GOLD) == []
