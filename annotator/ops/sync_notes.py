"""What a sync has to tell beyond its counts, as notes of a kind with their values.

The command line says each note in English (:meth:`SyncNote.english`); the window says the
same kind of note in its own language from the same values. ``GROUPS`` sorts the kinds into
what a sync's report lists: others' writes a push replaced, hub layers kept aside because
they were edited here too, what came from the hub and was not taken, and what stays here.
"""

from __future__ import annotations

from dataclasses import dataclass

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
