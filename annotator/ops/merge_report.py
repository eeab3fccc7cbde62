"""What a merge did, and what it could not do: counts per layer, and sentences for the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.ops.merge_sources import Unmatched


@dataclass
class LayerReport:
    documents: int = 0  # documents where this layer changed
    unchanged: int = 0  # documents where it was already as in the source
    spans_added: int = 0
    spans_changed: int = 0
    spans_removed: int = 0
    relations_added: int = 0
    relations_removed: int = 0
    events_added: int = 0
    events_changed: int = 0  # same type, trigger and arguments; other attributes
    events_removed: int = 0
    overwritten: list[str] = field(default_factory=list)  # documents where local edits went


@dataclass
class MergeReport:
    source: str
    documents_matched: int = 0
    documents_added: int = 0
    documents_missing: list[str] = field(default_factory=list)  # names, not in this project
    layers: dict[str, LayerReport] = field(default_factory=dict)
    unmatched: Unmatched = field(default_factory=Unmatched)
    roles_unknown: int = 0  # event arguments in a role the event's type does not have here
    events_refused: list[str] = field(default_factory=list)  # why, for each event left out
    gold_left_out: int = 0  # gold spans of the source (gold comes only from adjudication)
    gold_events_left_out: int = 0
    layers_left_out: set[str] = field(default_factory=set)  # not asked for
    threads_added: int = 0
    comments_added: int = 0

    def problems(self) -> list[str]:
        """What could not be merged: each a sentence for the user."""
        found = []
        if self.documents_missing:
            names = ", ".join(self.documents_missing[:5])
            more = len(self.documents_missing) - 5
            found.append(
                f"{len(self.documents_missing)} documents of the source are not in this project "
                f"({names}{f' and {more} more' if more > 0 else ''}); "
                "give --add-documents to add them"
            )
        if self.unmatched.labels:
            listed = ", ".join(
                f"{label} ({n})" for label, n in sorted(self.unmatched.labels.items())
            )
            found.append(f"spans with labels this project's schema lacks were left out: {listed}")
        if self.unmatched.relations:
            found.append(
                f"{self.unmatched.relations} links were left out because a span they join "
                "is missing or was left out"
            )
        if self.unmatched.event_labels:
            listed = ", ".join(
                f"{label} ({n})" for label, n in sorted(self.unmatched.event_labels.items())
            )
            found.append(f"events of types this project's schema lacks were left out: {listed}")
        if self.unmatched.events:
            found.append(
                f"{self.unmatched.events} events were left out because their trigger span "
                "was left out"
            )
        if self.unmatched.arguments:
            found.append(
                f"{self.unmatched.arguments} event arguments were left out because the span "
                "or event that filled them was left out"
            )
        if self.roles_unknown:
            found.append(
                f"{self.roles_unknown} event arguments were left out because their role is not "
                "in this project's schema"
            )
        if self.events_refused:
            found.append(
                f"{len(self.events_refused)} events were left out because this project's "
                f"schema does not allow them (the first: {self.events_refused[0]})"
            )
        return found

    def notes(self) -> list[str]:
        found = []
        if self.gold_left_out or self.gold_events_left_out:
            found.append(
                f"the source's gold layer ({self.gold_left_out} spans, "
                f"{self.gold_events_left_out} events) was left out: gold is written here only "
                "by adjudication"
            )
        if self.unmatched.schema_note:
            found.append(self.unmatched.schema_note)
        for name, layer in sorted(self.layers.items()):
            if layer.overwritten:
                found.append(
                    f"{name}'s layer had been edited here in {len(layer.overwritten)} documents; "
                    "those edits were replaced by the source's version, as asked"
                )
        return found

    def summary_lines(self, source: str) -> list[str]:
        """What the merge did, in words: the command line prints these, the window shows them."""
        lines = [
            f"Merged {source}: {self.documents_matched} document"
            f"{'s' * (self.documents_matched != 1)} matched, {self.documents_added} added."
        ]
        for name, layer in sorted(self.layers.items()):
            lines.append(
                f"  {name}: {layer.documents} document{'s' * (layer.documents != 1)} updated "
                f"({layer.unchanged} already as in the source); spans {layer.spans_added} added, "
                f"{layer.spans_changed} changed, {layer.spans_removed} removed; links "
                f"{layer.relations_added} added, {layer.relations_removed} removed; events "
                f"{layer.events_added} added, {layer.events_changed} changed, "
                f"{layer.events_removed} removed"
            )
        if self.threads_added or self.comments_added:
            lines.append(
                f"  discussion: {self.threads_added} threads, {self.comments_added} comments added"
            )
        return lines
