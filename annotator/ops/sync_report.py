"""What a sync did: its counts, and what it has to tell beyond them, as notes of a kind.

The command line says each note in English (:meth:`SyncNote.english`); the window says the
same kind of note in its own language from the same values. ``GROUPS`` sorts the kinds into
what a sync's report lists: others' writes a push replaced, hub layers kept aside because
they were edited here too, what came from the hub and was not taken, and what stays here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENGLISH = {
    "replaced": (
        "the {0} layer of «{1}» was written by {2} at {3} since you last synced; yours "
        "replaced it (theirs is kept in the hub's history)"
    ),
    "kept_here": (
        "the {0} layer of «{1}» was changed here and on the hub (by {2}); yours is kept and "
        "sent next sync"
    ),
    "bad_layer": "the {0} layer of «{1}» on the hub (written by {2}): {3}",
    "bad_comments": "{0}'s comments on «{1}» on the hub: {2}",
    "bad_text": "document «{0}» on the hub: its text does not match its hash",
    "bad_meta": "document «{0}» on the hub: its metadata: {1}",
    "bad_schema": "the hub's schema: {0}",
    "documents_stay": "{0} documents added here stay here: only a lead adds documents to the hub",
    "schema_gives_way": (
        "the schema was changed here; only a lead changes the hub's schema, so the hub's "
        "replaces it"
    ),
    "layer_stays": "your layer of «{0}» stays here: the hub does not have that document",
    "others_stay": (
        "changes here to the layers of {0} are not yours to send: they stay in this copy "
        "only, until the hub's version of those layers changes"
    ),
}
GROUPS = {
    "replaced": ("replaced",),
    "kept_here": ("kept_here",),
    "refused": ("bad_layer", "bad_comments", "bad_text", "bad_meta", "bad_schema"),
    "not_sent": ("documents_stay", "schema_gives_way", "layer_stays", "others_stay"),
}


@dataclass(frozen=True)
class SyncNote:
    kind: str  # a key of ENGLISH
    values: tuple[str, ...] = ()  # names, times and reasons, as they are

    def english(self) -> str:
        return ENGLISH[self.kind].format(*self.values)


@dataclass
class SyncReport:
    """What moved, and what a user should know about it."""

    hub: str
    login: str
    pushed_layers: int = 0
    pushed_documents: int = 0
    pushed_schema: bool = False
    pulled_documents: int = 0
    pulled_layers: dict[str, int] = field(default_factory=dict)  # per annotator
    pulled_schema: bool = False
    pushed_comments: int = 0  # documents whose discussion this login sent
    pulled_comments: int = 0
    assignments: int = 0
    notes: list[SyncNote] = field(default_factory=list)

    def _said(self, group: str) -> list[str]:
        return [note.english() for note in self.notes if note.kind in GROUPS[group]]

    @property
    def replaced(self) -> list[str]:
        """Others' writes a push replaced."""
        return self._said("replaced")

    @property
    def kept_here(self) -> list[str]:
        """Hub layers not taken: they were edited here too."""
        return self._said("kept_here")

    @property
    def refused(self) -> list[str]:
        """What came from the hub and was not valid."""
        return self._said("refused")

    @property
    def not_sent(self) -> list[str]:
        """What stays here: only a lead may send it, or the hub lacks its document."""
        return self._said("not_sent")

    @property
    def pulled(self) -> int:
        return sum(self.pulled_layers.values())

    def lines(self) -> list[str]:
        sent = [f"{self.pushed_layers} layers"]
        if self.pushed_documents:
            sent.append(f"{self.pushed_documents} documents")
        if self.pushed_schema:
            sent.append("the schema")
        if self.pushed_comments:
            sent.append(f"comments on {self.pushed_comments} documents")
        out = [f"sent {', '.join(sent)} to {self.hub} as {self.login}"]
        got = [f"{self.pulled} layers"]
        if self.pulled_layers:
            got[0] += (
                " ("
                + ", ".join(f"{name}: {n}" for name, n in sorted(self.pulled_layers.items()))
                + ")"
            )
        if self.pulled_documents:
            got.append(f"{self.pulled_documents} documents")
        if self.pulled_schema:
            got.append("the schema")
        if self.pulled_comments:
            got.append(f"{self.pulled_comments} comments")
        if self.assignments:
            got.append(f"{self.assignments} assignments")
        out.append("received " + ", ".join(got))
        out += [f"note: {line}" for line in self.replaced + self.kept_here + self.not_sent]
        out += [f"not taken: {line}" for line in self.refused]
        return out
