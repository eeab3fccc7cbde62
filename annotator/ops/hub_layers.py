"""Taking layers from a hub into a copy: a changed layer replaces the one here, as a merge does;
a layer the copy does not have yet is written in bulk, as an import writes a new file's.

A fresh clone takes every layer of the hub the second way, a few statements for hundreds of
spans instead of one each; a later pull mostly takes few layers, either way.
"""

from __future__ import annotations

from annotator.core.errors import InputError
from annotator.ops.hub_content import fingerprint, incoming, read_layer
from annotator.ops.importing import Importer
from annotator.ops.merge_report import MergeReport
from annotator.ops.merge_sources import Unmatched
from annotator.ops.merging import Merger
from annotator.ops.sync_report import SyncNote, SyncReport
from annotator.store.hub.snapshot import LayerRow
from annotator.store.project import Project


class LayerTaker:
    """Writes hub layers into a project (inside the pull's transaction)."""

    def __init__(self, project: Project, login: str, report: SyncReport) -> None:
        self.project = project
        self.report = report
        self.merger = Merger(
            project,
            MergeReport(report.hub),
            add_documents=False,
            overwrite=(),
            annotators=None,
            by=login,
            gold=True,
        )
        self.importer = Importer(project, login)
        # a copy that holds no annotation yet: every layer the hub sends is new here
        self.fresh = project.spans.count() == 0 and project.events.count() == 0

    def take(self, document_id: int, row: LayerRow) -> bool:
        """Make the layer here the hub's; False (and said in the report) when the hub's is not
        valid, the layer here then left as it was."""
        project = self.project
        exists = False
        if not self.fresh:
            here = read_layer(project, document_id, row.annotator)
            exists = here.exists
            if exists and fingerprint(here, project.entities.names()) == row.fingerprint:
                return True
        document = project.documents.get(document_id)
        try:
            taken = incoming(
                document.text,
                document.sha256,
                document.name,
                row.annotator,
                row.content,
                project.schema,
                Unmatched(),
            )
        except InputError as error:
            said = (row.annotator, document.name, row.written_by, str(error))
            self.report.notes.append(SyncNote("bad_layer", said))
            return False
        if exists:
            self.importer.flush()  # what waits to be written goes first
            self.merger.overwrite.add(row.annotator)
            self.merger.merge(taken)
        else:
            self.importer.add(taken.record)
        pulled = self.report.pulled_layers
        pulled[row.annotator] = pulled.get(row.annotator, 0) + 1
        return True

    def finish(self) -> None:
        self.importer.flush()
