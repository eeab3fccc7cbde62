"""Kill the window with SIGKILL in the middle of annotating: nothing shown as done is lost."""

from __future__ import annotations

import subprocess
import sys

from annotator.core.schema import load_preset
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl
from tests.safety.harness import Child

TEXT = (
    "قال مصدر عسكري 😀 إن وحدات من الجيش خاضت اشتباكات عنيفة مع مجموعات مسلحة هاجمت نقاطاً "
    "عسكرية في منطقة الثردات\r\nوأكد المصدر أن الاشتباكات انتهت بإفشال الهجوم بعد تدمير 3 آليات"
)


def test_every_edit_shown_as_saved_survives_a_kill(tmp_path):
    folder = tmp_path / "project"
    with Project.create(folder, load_preset("conflict")) as project:
        import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])
    with Child(["-m", "tests.ui.window_child", folder]) as child:
        child.wait_for("ready")
        for _ in range(25):
            child.wait_for("ack")
        child.kill()
    acked = [line for line in child.lines if line.startswith("ack")]
    assert len(acked) >= 25
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "check", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with Project.open(folder) as project:
        text = project.documents.get(1).text
        stored = {s.id: s for s in project.spans.for_document(1, "samira")}
        for line in acked:
            _, span_id, start, end, label = line.split()
            span = stored[int(span_id)]
            assert (span.start, span.end, span.label) == (int(start), int(end), label)
            assert span.text == text[span.start : span.end]
