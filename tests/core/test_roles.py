"""The one-role-per-span rule, as the importers call it with the ids a file gives its spans."""

from dataclasses import replace

from annotator.core.roles import second_role
from annotator.core.schema import load_preset

EVENT = load_preset("conflict").label("EVENT")
LINKS = [("actor1", "T2"), ("actor2", "T3"), ("location", "T4")]


def test_a_file_giving_one_span_two_roles_of_an_event_is_told_which():
    clash = second_role(EVENT, LINKS, "actor2", "T2")
    assert (clash.filler, clash.role, clash.again) == ("T2", "actor1", "actor2")
    assert clash.reason("قسد") == (
        "«قسد» already fills actor1 of this event; one span cannot also be its actor2"
    )


def test_the_same_role_again_or_another_span_is_no_second_role():
    assert second_role(EVENT, LINKS, "actor1", "T2") is None
    assert second_role(EVENT, LINKS, "actor2", "T5") is None
    assert second_role(EVENT, [], "actor1", "T2") is None


def test_a_label_that_shares_fillers_allows_it():
    assert second_role(replace(EVENT, share_fillers=True), LINKS, "actor2", "T2") is None
