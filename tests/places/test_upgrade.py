"""A project of the first format, opened now, can take a gazetteer and place its places."""

from __future__ import annotations

from annotator.core.schema import load_preset
from annotator.ops import editing, places
from annotator.ops.gazetteer import import_gazetteer
from annotator.store.project import Project
from tests.places.gazetteer_file import RUMMANAH, write_gazetteer
from tests.safety.test_upgrades import FIXTURES, copy_fixture

PLACE_TABLES = ("gazetteer", "gazetteer_names", "gazetteer_names_place", "place_origins")


def definitions(project: Project) -> dict[str, str]:
    marks = ", ".join("?" * len(PLACE_TABLES))
    rows = project.db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE name IN ({marks})", PLACE_TABLES
    )
    return dict(rows.fetchall())


def test_an_upgraded_project_has_the_place_tables_of_a_new_one(tmp_path):
    folder = copy_fixture(FIXTURES / "format-1", tmp_path)
    with Project.create(tmp_path / "new", load_preset("conflict")) as new:
        expected = definitions(new)
    assert sorted(expected) == sorted(PLACE_TABLES)
    with Project.open(folder) as project:
        assert definitions(project) == expected
        import_gazetteer(project, write_gazetteer(tmp_path / "SY.txt"))
        rummanah = editing.ensure_entity(project, "location", "الرمانة")
        assert places.candidates(project, "بلدة الرمانة")[0].place.id == RUMMANAH.id
        places.choose(project, rummanah, RUMMANAH.id, "samira")
        assert project.entities.coordinates() == {rummanah: (35.10, 40.30)}
