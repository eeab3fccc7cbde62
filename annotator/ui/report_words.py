"""What an import, a merge or a sync did, said in the window's language from the report's counts.

The operations' own summaries are the command line's (English); the window says the same
from the same numbers, each phrase a translated string, so that an Arabic window reports in
Arabic. Names (of people, labels and files) are shown as they are.
"""

from __future__ import annotations

from annotator.ops.importing import ImportReport
from annotator.ops.merge_report import MergeReport
from annotator.ops.sync_report import GROUPS, SyncReport
from annotator.ui.language import figure, fill, listed, translate


def _counted(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (translated already) with the count put in."""
    return one if count == 1 else fill(many, figure(count))


def import_summary(report: ImportReport) -> str:
    parts = [
        _counted(
            report.documents_added,
            translate("reports", "1 new document"),
            translate("reports", "%1 new documents"),
        ),
        fill(translate("reports", "%1 already in the project"), figure(report.documents_matched)),
        _counted(
            report.spans_added,
            translate("reports", "1 span added"),
            translate("reports", "%1 spans added"),
        ),
    ]
    if report.spans_already_there:
        parts.append(
            fill(translate("reports", "%1 already there"), figure(report.spans_already_there))
        )
    if report.events_added:
        parts.append(
            _counted(
                report.events_added,
                translate("reports", "1 event added"),
                translate("reports", "%1 events added"),
            )
        )
    if report.relations_added:
        parts.append(
            _counted(
                report.relations_added,
                translate("reports", "1 link added"),
                translate("reports", "%1 links added"),
            )
        )
    if report.threads_added:
        parts.append(
            _counted(
                report.threads_added,
                translate("reports", "1 discussion added"),
                translate("reports", "%1 discussions added"),
            )
        )
    if report.labels_added:
        parts.append(
            fill(
                translate("reports", "labels added to the schema: %1"), listed(report.labels_added)
            )
        )
    return listed(parts)


def merge_lines(report: MergeReport, source: str) -> list[str]:
    lines = [
        fill(
            translate("reports", "Merged %1: %2 matched, %3 added."),
            source,
            _counted(
                report.documents_matched,
                translate("reports", "1 document"),
                translate("reports", "%1 documents"),
            ),
            figure(report.documents_added),
        )
    ]
    for name, layer in sorted(report.layers.items()):
        lines.append(
            "  "
            + fill(
                translate(
                    "reports",
                    "%1: %2 updated (%3 already as in the source); spans: %4 added, %5 changed, "
                    "%6 removed; links: %7 added, %8 removed; events: %9 added, changed or "
                    "removed",
                ),
                name,
                _counted(
                    layer.documents,
                    translate("reports", "1 document"),
                    translate("reports", "%1 documents"),
                ),
                figure(layer.unchanged),
                figure(layer.spans_added),
                figure(layer.spans_changed),
                figure(layer.spans_removed),
                figure(layer.relations_added),
                figure(layer.relations_removed),
                "/".join(
                    figure(n)
                    for n in (layer.events_added, layer.events_changed, layer.events_removed)
                ),
            )
        )
    if report.threads_added or report.comments_added:
        lines.append(
            "  "
            + fill(
                translate("reports", "discussions: %1 threads and %2 comments added"),
                figure(report.threads_added),
                figure(report.comments_added),
            )
        )
    return lines


def sync_summary(report: SyncReport) -> str:
    """What moved, in a line: "Synced: sent 1 layer; received 3 layers (amal: 2, …)"."""
    sent = [
        _counted(
            report.pushed_layers, translate("reports", "1 layer"), translate("reports", "%1 layers")
        )
    ]
    if report.pushed_documents:
        sent.append(
            _counted(
                report.pushed_documents,
                translate("reports", "1 document"),
                translate("reports", "%1 documents"),
            )
        )
    if report.pushed_schema:
        sent.append(translate("reports", "the schema"))
    if report.pushed_comments:
        sent.append(
            _counted(
                report.pushed_comments,
                translate("reports", "comments on 1 document"),
                translate("reports", "comments on %1 documents"),
            )
        )
    received = [
        _counted(report.pulled, translate("reports", "1 layer"), translate("reports", "%1 layers"))
    ]
    if report.pulled_layers:
        by = (f"{name}: {figure(n)}" for name, n in sorted(report.pulled_layers.items()))
        received[0] += f" ({listed(by)})"
    if report.pulled_documents:
        received.append(
            _counted(
                report.pulled_documents,
                translate("reports", "1 document"),
                translate("reports", "%1 documents"),
            )
        )
    if report.pulled_schema:
        received.append(translate("reports", "the schema"))
    if report.pulled_comments:
        received.append(
            _counted(
                report.pulled_comments,
                translate("reports", "1 comment"),
                translate("reports", "%1 comments"),
            )
        )
    if report.assignments:
        received.append(
            _counted(
                report.assignments,
                translate("reports", "1 assignment"),
                translate("reports", "%1 assignments"),
            )
        )
    return fill(
        translate("reports", "Synced: sent %1; received %2."), listed(sent), listed(received)
    )


def _note_templates() -> dict[str, str]:
    """Each kind of sync note (:mod:`annotator.ops.sync_report`), in the window's language."""
    return {
        "replaced": translate(
            "reports",
            "the %1 layer of «%2» was written by %3 at %4 since you last synced; yours "
            "replaced it (theirs is kept in the hub's history)",
        ),
        "kept_here": translate(
            "reports",
            "the %1 layer of «%2» was changed here and on the hub (by %3); yours is kept and "
            "sent at the next sync",
        ),
        "bad_layer": translate("reports", "the %1 layer of «%2» on the hub (written by %3): %4"),
        "bad_comments": translate("reports", "%1's comments on «%2» on the hub: %3"),
        "bad_text": translate(
            "reports", "document «%1» on the hub: its text does not match its hash"
        ),
        "bad_meta": translate("reports", "document «%1» on the hub: its metadata: %2"),
        "bad_schema": translate("reports", "the hub's schema: %1"),
        "documents_stay": translate(
            "reports", "%1 documents added here stay here: only a lead adds documents to the hub"
        ),
        "schema_gives_way": translate(
            "reports",
            "the schema was changed here; only a lead changes the hub's schema, so the hub's "
            "replaces it",
        ),
        "layer_stays": translate(
            "reports", "your layer of «%1» stays here: the hub does not have that document"
        ),
        "others_stay": translate(
            "reports",
            "changes here to the layers of %1 are not yours to send: they stay in this copy "
            "only, until the hub's version of those layers changes",
        ),
    }


def sync_notes(report: SyncReport, groups: tuple[str, ...]) -> list[str]:
    """The report's notes of these groups (``replaced``, ``kept_here``, ``refused``,
    ``not_sent``), each in the window's language; reasons from the hub's data are as given."""
    templates = _note_templates()
    kinds = {kind for group in groups for kind in GROUPS[group]}
    return [fill(templates[note.kind], *note.values) for note in report.notes if note.kind in kinds]
