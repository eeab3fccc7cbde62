"""In a hub's copy the document list puts the documents assigned to the listed annotator
first; its pages, a document's row and Page Up/Down agree on that one order."""

from __future__ import annotations

import random

import pytest

from annotator.core.schema import load_preset
from annotator.core.text import sha256_text
from annotator.ops import discussing
from annotator.ops.viewing import DocumentListing, ListFilter
from annotator.store import hub_link
from annotator.store.project import Project, now

DOCUMENTS = 1200


def make_project(folder, linked: bool = True) -> tuple[Project, set[int]]:
    """A project of numbered documents; in a hub's copy, a scattered tenth of them assigned
    to amal, others to omar."""
    project = Project.create(folder, load_preset("conflict"))
    rng = random.Random(7)
    with project.write():
        created = now()
        ids = []
        for number in range(DOCUMENTS):
            text = f"خبر رقم {number} من دير الزور"
            name = f"{'hasaka' if number % 3 else 'deir'}-{number}"
            ids.append(project.documents.add(name, text, sha256_text(text), {}, created))
        amal = set(rng.sample(ids, DOCUMENTS // 10))
        if linked:
            hub_link.link(
                project, {"hub.url": "postgresql://amal@hub.lab/team", "hub.login": "amal"}
            )
            hub_link.set_assignments(project, [(i, "amal", True) for i in amal])
            hub_link.set_assignments(project, [(i, "omar", True) for i in rng.sample(ids, 300)])
    return project, amal


def whole_list(listing: DocumentListing) -> list[int]:
    rows = []
    while len(rows) < listing.count():
        rows += [summary.id for summary in listing.page(len(rows), 97)]  # pages across groups
    return rows


def agrees(listing: DocumentListing, rows: list[int]) -> None:
    """Every row is where row_of says, and its neighbours are the rows around it."""
    assert len(rows) == listing.count() == len(set(rows))
    for row, document_id in enumerate(rows):
        assert listing.row_of(document_id) == row
        assert listing.neighbour(document_id, 1) == (rows[row + 1] if row + 1 < len(rows) else None)
        assert listing.neighbour(document_id, -1) == (rows[row - 1] if row else None)


@pytest.mark.parametrize(
    "shown", [ListFilter(), ListFilter("deir"), ListFilter("", True), ListFilter("deir-1", True)]
)
def test_assigned_documents_come_first_and_every_way_of_reading_the_list_agrees(tmp_path, shown):
    project, amal = make_project(tmp_path / "copy")
    with project:
        threads = sorted(amal)[::3] + sorted(set(range(1, DOCUMENTS + 1)) - amal)[::40]
        for document_id in threads:
            discussing.start_thread(project, document_id, "amal", "what is this place?")
        listing = DocumentListing(project, "amal", shown)
        rows = whole_list(listing)
        listed = set(rows)
        first = listing.assigned()
        assert first == len(amal & listed) > 0
        assert set(rows[:first]) == amal & listed
        assert rows[:first] == sorted(rows[:first])  # each group in import order
        assert rows[first:] == sorted(rows[first:])
        agrees(listing, rows)
        assert listing.row_of(max(set(range(1, DOCUMENTS + 1)) - listed, default=-1)) is None


def test_each_annotator_sees_their_own_assignments_first(tmp_path):
    project, amal = make_project(tmp_path / "copy")
    with project:
        for_omar = DocumentListing(project, "omar")
        rows = whole_list(for_omar)
        assert for_omar.assigned() == 300
        assert set(rows[:300]) != amal and rows[:300] == sorted(rows[:300])
        agrees(for_omar, rows)
        nobody = DocumentListing(project, "samira")  # no assignments: import order
        assert nobody.assigned() == 0
        assert whole_list(nobody) == sorted(whole_list(nobody))


def test_a_project_that_is_no_hub_copy_lists_in_import_order(tmp_path):
    project, _ = make_project(tmp_path / "plain", linked=False)
    with project:
        listing = DocumentListing(project, "amal")
        rows = whole_list(listing)
        assert rows == sorted(rows) and listing.assigned() == 0
        for row in (0, 1, 599, len(rows) - 1):
            assert listing.row_of(rows[row]) == row
