"""Who may fill an event's roles: the rule the window's edits and the importers share.

A span fills at most one role of an event: the same «قسد» as actor1 and actor2 of one clash
is a slip, not a coding, in ACLED's scheme and most others. A schema whose events can have
one span in several roles (ACE's Life:Die, where the Agent may be the Victim) says so on the
event label: ``"share_fillers": true``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from annotator.core.schema import Label


@dataclass(frozen=True)
class SecondRole:
    """A span given a role of an event it already fills in another role."""

    filler: Hashable  # the span: its id in a project, its key in a file
    role: str  # the role it fills already
    again: str  # the role it was given as well

    def reason(self, filler_text: str) -> str:
        """Why the link is refused, in the words of the annotator."""
        return (
            f"«{filler_text}» already fills {self.role} of this event; "
            f"one span cannot also be its {self.again}"
        )


def second_role(
    label: Label, links: Iterable[tuple[str, Hashable]], role: str, filler: Hashable
) -> SecondRole | None:
    """Whether linking ``filler`` in ``role`` to an event of ``label`` that has ``links``
    (role, filler) gives the filler a second role of it; None when the link may be made."""
    if label.share_fillers:
        return None
    for other_role, other in links:
        if other == filler and other_role != role:
            return SecondRole(filler, other_role, role)
    return None
