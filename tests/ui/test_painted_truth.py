"""What the window paints is what the project holds, whatever an annotator does.

A state machine drives a real window over a real project through what an annotator does —
open documents from the list, Page Down and Page Up, mark, click, relabel, delete, undo,
redo, review mode, a change from another process, zoom, a narrower or wider window,
invisible characters, a colour
changed in the schema, the list filtered, events made on a word or with none, arguments
linked, an event chosen in the events list — and after every step compares what every shown
text view paints, character by character, with the spans the store holds; the events list
with the layer's events; and the links drawn with the selected event's arguments.
"""

from __future__ import annotations

from contextlib import nullcontext

import hypothesis.strategies as st
from hypothesis import HealthCheck
from hypothesis import settings as examples
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from annotator.core.model import GOLD
from annotator.core.schema import load_preset
from annotator.ops import editing, schema_changes
from annotator.ops.importing import import_files
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.conftest import write_jsonl
from tests.ui.conftest import utf16
from tests.ui.painted import differences, incomplete

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

FULL = (
    "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية ومسلحين من تنظيم داعش 😀 في بلدة الشحيل\n"
    "وقال المرصد إن الاشتباكات أسفرت عن مقتل 12 مسلحاً قرب حقل العمر النفطي في ريف دير الزور\n"
    "Reuters 👨\u200d👩\u200d👧 reported clashes near al-Omar.\n"
    "وأضاف أن طائرات التحالف قصفت مواقع للتنظيم شرق نهر الفرات"
)
EMPTY = "خبر قصير بلا أي تعليق عن الطقس في المدينة 🌤 اليوم\nسطر ثان لا يحمل شيئاً"
MIXED = "English text 😀 then عربي «قسد» and 2359 numbers\nقال المتحدث إن الجيـــش قتل مسلحين"


def at(text: str, word: str, label: str, annotator: str = "samira", nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {"start": start, "end": start + len(word), "label": label, "annotator": annotator}


def records() -> list[dict]:
    full = [
        at(FULL, "قوات سوريا الديمقراطية", "ACTOR"),
        at(FULL, "سوريا", "LOCATION"),  # nested in the actor
        at(FULL, "تنظيم داعش", "ACTOR"),
        at(FULL, "اشتباكات عنيفة", "EVENT"),
        at(FULL, "بلدة الشحيل", "LOCATION"),
        at(FULL, "حقل العمر النفطي في ريف دير الزور", "LOCATION"),
        at(FULL, "دير الزور", "LOCATION"),
        at(FULL, "Reuters", "ACTOR"),
        at(FULL, "طائرات التحالف", "ACTOR"),
        at(FULL, "قصفت", "EVENT"),
        at(FULL, "نهر الفرات", "LOCATION"),
        at(FULL, "تنظيم داعش", "ACTOR", "omar"),
        at(FULL, "الشحيل", "LOCATION", "omar"),
        at(FULL, "قصفت", "EVENT", GOLD),
    ]
    mixed = [at(MIXED, "قسد", "ACTOR"), at(MIXED, "الجيـــش", "ACTOR", "omar")]
    return [
        {"name": "1 full", "text": FULL, "annotations": full},
        {"name": "2 empty", "text": EMPTY},
        {"name": "3 mixed", "text": MIXED, "annotations": mixed},
        {"name": "4 empty too", "text": EMPTY + "\nوسطر ثالث"},
    ]


class Driver:
    """What the test reads of the window; everything it does goes through keys and mouse."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window = qtbot, window

    @property
    def project(self):
        return self.window.session.project

    @property
    def text(self) -> str:
        return self.window.session.text

    def views(self):
        """Each shown text view with the layer it shows and its selected span."""
        window = self.window
        if window.review.active:
            for pane in window.review.view.panes.panes:
                yield pane.view, pane.layer, pane.view.highlighter.selected
        else:
            yield window.text_view, window.session.layer, window.session.selected

    def problems(self) -> list[str]:
        window = self.window
        if window.session.document_id is None:
            return []
        schema = self.project.schema
        colors = {label.id: label.color for label in schema.labels}
        found = []
        for view, layer, selected in self.views():
            stored = self.project.spans.for_document(window.session.document_id, layer)
            events = self.project.events.for_document(window.session.document_id, layer)
            found += [
                f"[{layer}] {p}"
                for p in differences(view, self.text, stored, colors, selected, schema, events)
            ]
        if not window.review.active:
            found += self.event_problems()
        return found

    def event_problems(self) -> list[str]:
        """The events list's rows and the drawn links, against the store."""
        session, project = self.window.session, self.project
        stored = project.events.for_document(session.document_id, session.layer)
        table = self.window.events_panel.table.model()
        rows = [table.index(r, 1).data() for r in range(table.rowCount())]
        words = [project.spans.get(e.trigger).text if e.trigger else "—" for e in stored]
        found = [] if rows == words else [f"events listed {rows}, stored {words}"]
        view = self.window.text_view
        view.repaint()
        drawn = [(link.role, link.argument) for link in view.drawn_links]
        chosen = session.selected_event()
        event = next((e for e in stored if chosen and e.id == chosen.id), None)
        links = [(a.role, a.span) for a in event.arguments] if event and event.trigger else []
        if drawn != links:
            found.append(f"links drawn {drawn}, the selected event's arguments {links}")
        return found + self.span_list_problems(stored)

    def span_list_problems(self, events) -> list[str]:
        """The spans list's rows (label, text, whether coding is flagged missing) and its
        selected row, against the store."""
        session, project = self.window.session, self.project
        spans = sorted(
            project.spans.for_document(session.document_id, session.layer),
            key=lambda s: (s.start, -s.end, s.id),
        )
        table = self.window.annotations
        model = table.model()
        rows = [
            (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())
        ]
        flagged = [(label, text, coding.startswith("⚠")) for label, text, coding in rows]
        schema = project.schema
        wanted = [(s.label, s.text, incomplete(s, schema, events)) for s in spans]
        found = [] if flagged == wanted else [f"spans listed {flagged}, stored {wanted}"]
        chosen = {i.row() for i in table.selectionModel().selectedRows()}
        at = [n for n, s in enumerate(spans) if s.id == session.selected]
        if chosen != set(at):
            found.append(f"rows {sorted(chosen)} selected in the spans list, the span is at {at}")
        return found

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.window.text_view, key, modifier)

    def window_key(self, sequence: str) -> None:
        """A window shortcut, as the keyboard would trigger it."""
        for action in self.window.actions():
            if any(s.toString() == sequence for s in action.shortcuts()):
                action.trigger()
                return
        raise AssertionError(f"no action has the shortcut {sequence}")


MACHINE = examples(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_painted_is_stored_after_any_sequence_of_actions(qtbot, tmp_path, monkeypatch):
    refusals = []  # an argument the rules refuse is said in a message box, which is modal
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: refusals.append(args[2]))
    made = iter(range(10**6))

    def fresh_window():
        """Each example starts from the same project, in a window of its own."""
        number = next(made)
        folder = tmp_path / f"project-{number}"
        with Project.create(folder, load_preset("conflict")) as project:
            import_files(
                project, [write_jsonl(tmp_path / "in.jsonl", records())], annotator="samira"
            )
        window = MainWindow(Settings(tmp_path / f"settings-{number}.ini"), "samira")
        qtbot.addWidget(window)
        window.open_project(folder)
        window.session.watch.set_interval(20)
        window.annotating.events.choose_role = lambda roles, _argument: roles[-1].name
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window, folder

    class Annotating(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.window, self.folder = fresh_window()
            self.driver = Driver(qtbot, self.window)

        def teardown(self):
            self.window.close()

        @rule(row=st.integers(0, 3))
        def open_from_the_list(self, row):
            if self.window.review.active:
                return
            view = self.window.documents.view
            index = self.window.documents.model.index(row, 0)
            if index.isValid():
                rect = view.visualRect(index)
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

        @rule(forward=st.booleans())
        def page(self, forward):
            self.driver.key(Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp)

        @rule(a=st.floats(0, 1), b=st.floats(0, 1), key=st.sampled_from("123"))
        def mark(self, a, b, key):
            if self.window.review.active or not self.driver.text:
                return
            text = self.driver.text
            start, end = sorted((int(a * len(text)), int(b * len(text))))
            cursor = self.window.text_view.textCursor()
            cursor.setPosition(utf16(text, start))
            cursor.setPosition(utf16(text, max(end, start + 1)), QTextCursor.MoveMode.KeepAnchor)
            self.window.text_view.setTextCursor(cursor)
            self.driver.key(key)

        @rule(a=st.floats(0, 1))
        def click(self, a):
            if self.window.review.active or not self.driver.text:
                return
            view = self.window.text_view
            cursor = view.textCursor()
            cursor.setPosition(utf16(self.driver.text, int(a * (len(self.driver.text) - 1))))
            point = view.cursorRect(cursor).center()
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)

        @rule(key=st.sampled_from("123"))
        def relabel(self, key):
            if not self.window.review.active:
                self.window.text_view.clear_selection()
                self.driver.key(key)

        @rule()
        def delete(self):
            if not self.window.review.active:
                self.driver.key(Qt.Key.Key_Delete)

        @rule(choice=st.integers(0, 3))
        def code_the_selected_span(self, choice):
            """Pick a value in the coding panel's first list (its type, say)."""
            editors = [e for e in self.window.coding.editors.values() if hasattr(e, "activated")]
            if self.window.review.active or not editors or editors[0].count() <= choice:
                return
            editors[0].setCurrentIndex(choice)
            editors[0].activated.emit(choice)

        @rule(layer=st.sampled_from(["samira", "omar"]))
        def show_a_layer(self, layer):
            if not self.window.review.active:
                self.window.session.show_layer(layer)

        @rule(redo=st.booleans())
        def undo_or_redo(self, redo):
            self.driver.window_key("Ctrl+Shift+Z" if redo else "Ctrl+Z")

        @rule()
        def review_mode(self):
            self.driver.window_key("Ctrl+R")

        @rule(a=st.floats(0, 1), layer=st.sampled_from(["samira", "omar", GOLD]))
        def another_process_marks(self, a, layer):
            if self.window.session.document_id is None:
                return
            text = self.driver.text
            start = int(a * (len(text) - 3))
            noticed = self.window.session.changedElsewhere  # at the window's next look
            with qtbot.waitSignal(noticed, timeout=3000), Project.open(self.folder) as other:
                editing.create_span(
                    other,
                    self.window.session.document_id,
                    layer,
                    "LOCATION",
                    start,
                    start + 3,
                    by=layer,
                )
            qtbot.waitUntil(lambda: not self.driver.problems(), timeout=3000)

        @rule(step=st.sampled_from(["Ctrl+=", "Ctrl+-", "Ctrl+0"]))
        def zoom(self, step):
            self.driver.window_key(step)

        @rule(width=st.sampled_from([900, 1100, 1400]))
        def resize_the_window(self, width):
            self.window.resize(width, self.window.height())  # the text wraps anew

        @rule()
        def invisible_characters(self):
            self.driver.window_key("Ctrl+Shift+I")

        @rule(color=st.sampled_from(["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]))
        def colour_changed_in_the_schema(self, color):
            actor = next(
                label for label in self.driver.project.schema.labels if label.id == "ACTOR"
            )
            noticed = self.window.session.changedElsewhere  # unless the colour is the same
            waiting = (
                qtbot.waitSignal(noticed, timeout=3000) if actor.color != color else nullcontext()
            )
            with waiting, Project.open(self.folder) as other:
                schema_changes.update_label(other, "lead", "ACTOR", color=color)
            qtbot.waitUntil(lambda: not self.driver.problems(), timeout=3000)

        @rule(text=st.sampled_from(["", "empty", "1", "mixed", "x"]))
        def filter_the_list(self, text):
            if not self.window.review.active:
                self.window.documents.filter.setText(text)

        @rule(without_word=st.booleans())
        def new_event(self, without_word):
            """Another event on the selected word, or an event with no word."""
            if not self.window.review.active:
                self.driver.window_key("Ctrl+Shift+J" if without_word else "Ctrl+J")

        @rule(a=st.floats(0, 1))
        def link_an_argument(self, a):
            """Ctrl+L, then a click on one of the shown spans."""
            spans = self.window.session.spans
            if self.window.review.active or not spans:
                return
            self.driver.window_key("Ctrl+L")
            self.window.text_view.spanClicked.emit(spans[int(a * (len(spans) - 1))].id)

        @rule(row=st.integers(0, 3))
        def choose_an_event(self, row):
            table = self.window.events_panel.table
            index = table.model().index(row, 0)
            if not self.window.review.active and index.isValid():
                self.window.side_tabs.setCurrentWidget(self.window.events_panel)
                rect = table.visualRect(index)
                qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

        @invariant()
        def painted_is_stored(self):
            problems = self.driver.problems()
            assert not problems, "\n".join(problems[:10])

    run_state_machine_as_test(Annotating, settings=MACHINE)
