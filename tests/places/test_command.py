"""annotator places, as a coder types it."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.store.project import Project
from tests.cli.test_startup import heavy, imported
from tests.conftest import snapshot, write_jsonl
from tests.places.gazetteer_file import ALEPPO, DEIR_EZ_ZOR, write_gazetteer

TEXT = "قصفت طائرات حربية أحياء في دير الزور، واشتباكات في حي الرمانة."


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def folder(tmp_path, capsys):
    """A project whose article ties «دير الزور» and «الرمانة» to canonical places."""
    folder = tmp_path / "deir-ez-zor"
    run(capsys, "new", folder, "--schema", "conflict")
    start = TEXT.index("دير الزور")
    rummanah = TEXT.index("الرمانة")
    record = {
        "name": "قصف",
        "text": TEXT,
        "annotations": [
            {"start": start, "end": start + 9, "label": "LOCATION", "entity": "دير الزور"},
            {"start": rummanah, "end": rummanah + 7, "label": "LOCATION", "entity": "الرمانة"},
        ],
    }
    article = write_jsonl(tmp_path / "article.jsonl", [record])
    assert run(capsys, "import", folder, article, "--annotator", "samira")[0] == 0
    return folder


def test_import_find_set_list_and_clear(folder, tmp_path, capsys):
    code, out, _ = run(capsys, "places", folder, "--list")
    assert code == 0 and out.startswith("2 canonical places, 0 with coordinates; no gazetteer.")
    gazetteer = write_gazetteer(tmp_path / "SY.txt")
    code, out, _ = run(capsys, "places", folder, "--import", gazetteer)
    assert code == 0 and "Imported SY.txt: 11 places (11 new, 0 updated)" in out

    code, out, _ = run(capsys, "places", folder, "--find", "ديرالزور")
    assert code == 0 and "2 candidates for «ديرالزور», best first:" in out
    first = out.splitlines()[1]
    assert first.split()[:3] == [str(DEIR_EZ_ZOR.id), "35.33600", "40.14100"]
    assert first.endswith("Deir ez-Zor «دير الزور»")

    code, out, _ = run(capsys, "places", folder, "--set", "دير الزور", DEIR_EZ_ZOR.id)
    assert code == 0
    assert out == "«دير الزور» is at 35.33600 40.14100 (GeoNames 9001 Deir ez-Zor «دير الزور»).\n"
    code, out, _ = run(capsys, "places", folder, "--set", "الرمانة", "35.1", "40.3")
    assert code == 0 and out == "«الرمانة» is at 35.10000 40.30000.\n"

    code, out, _ = run(capsys, "places", folder, "--list")
    lines = out.splitlines()
    assert lines[0] == "2 canonical places, 2 with coordinates; a gazetteer of 11 places."
    assert lines[1].split() == ["latitude", "longitude", "spans", "from", "place"]
    (deir,) = [line.split() for line in lines if line.endswith("دير الزور")]
    assert deir == ["35.33600", "40.14100", "1", "GeoNames", "9001", "دير", "الزور"]
    (rummanah,) = [line.split() for line in lines if line.endswith("الرمانة")]
    assert rummanah == ["35.10000", "40.30000", "1", "typed", "الرمانة"]

    code, out, _ = run(capsys, "places", folder, "--list", "--json")
    listed = {row["name"]: row for row in json.loads(out)}
    assert listed["دير الزور"] == {
        "id": listed["دير الزور"]["id"],
        "name": "دير الزور",
        "spans": 1,
        "latitude": 35.336,
        "longitude": 40.141,
        "gazetteer": DEIR_EZ_ZOR.id,
    }
    code, out, _ = run(capsys, "places", folder, "--clear", "الرمانة")
    assert out == "«الرمانة» has no coordinates now (was 35.10000 40.30000).\n"
    code, out, _ = run(capsys, "places", folder, "--list", "--json")
    assert [r["latitude"] for r in json.loads(out) if r["name"] == "الرمانة"] == [None]
    code, out, _ = run(capsys, "audit", folder)
    assert out.count(" place ") == 3
    code, out, _ = run(capsys, "check", folder)
    assert code == 0 and "OK (1 document, 2 spans)" in out


def test_find_prints_json_and_says_when_nothing_matches(folder, tmp_path, capsys):
    code, out, _ = run(capsys, "places", folder, "--find", "حلب")
    assert code == 0 and "the project has no gazetteer" in out
    run(capsys, "places", folder, "--import", write_gazetteer(tmp_path / "SY.txt"))
    code, out, _ = run(capsys, "places", folder, "--find", "Ḩalab", "--json")
    (found,) = json.loads(out)
    assert found == {
        "id": ALEPPO.id,
        "name": "Aleppo",
        "arabic": "حلب",
        "latitude": 36.202,
        "longitude": 37.134,
        "feature_class": "P",
        "feature_code": "PPLA",
        "country": "SY",
        "population": 1600000,
        "match": "exact",
        "matched": "Ḩalab",
    }


def project_content(folder) -> list[str]:
    with Project.open(folder) as project:
        return snapshot(project)


def test_mistakes_are_told_plainly_and_change_nothing(folder, tmp_path, capsys):
    before = project_content(folder)
    bad = write_gazetteer(tmp_path / "SY.txt", extra=(ALEPPO.line().replace("\t36.202", "\t96"),))
    code, _, err = run(capsys, "places", folder, "--import", bad)
    assert code == 1
    assert err == (f"error: {bad}, line 12: latitude (column 5) is «96»: not between -90 and 90\n")
    code, _, err = run(capsys, "places", folder, "--set", "الرمانة", "35", "240")
    assert code == 1 and err == "error: longitude 240 is not between -180 and 180\n"
    code, _, err = run(capsys, "places", folder, "--set", "حلب", "36.2", "37.1")
    assert code == 1 and "no canonical place is named «حلب»" in err
    code, _, err = run(capsys, "places", folder, "--set", "الرمانة", "nowhere")
    assert code == 1 and "«nowhere» is not a gazetteer id" in err
    code, _, err = run(capsys, "places", folder, "--set", "الرمانة", "35", "40", "1")
    assert code == 2 and "--set takes a name and either LATITUDE LONGITUDE" in err
    code, _, err = run(capsys, "places", folder, "--list", "--country", "SY")
    assert code == 2 and "--country, --classes and --encoding go with --import" in err
    code, _, err = run(capsys, "places", folder, "--import", bad, "--country", "Syria")
    assert code == 1 and "--country: «SYRIA» is not a list like SY,IQ" in err
    assert project_content(folder) == before


def test_places_starts_without_the_file_readers_unless_it_reads_a_file(folder, tmp_path):
    modules = imported(tmp_path, "places", "--help")
    commands = {m for m in modules if m.startswith("annotator.commands.")}
    assert commands == {"annotator.commands.places", "annotator.commands.base"}
    assert heavy(modules) == []
    modules = imported(tmp_path, "places", str(folder), "--list")
    assert heavy(modules) == [] and "annotator.ops.places" in modules
    assert not any(m.startswith("annotator.formats") for m in modules)
