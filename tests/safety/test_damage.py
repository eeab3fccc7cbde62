"""A damaged project file: check names what is damaged and the backup to restore; export,
import, merge and backup refuse it instead of writing part of it; no command ends in a
traceback; a damaged backup is not restored."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.schema import load_preset
from annotator.ops import editing
from annotator.ops.checking import check
from annotator.store import backups
from annotator.store.findings import ProjectDamaged
from annotator.store.project import DATABASE, Project
from tests.conftest import write_jsonl
from tests.safety import damage
from tests.safety.conftest import add_document, big_text
from tests.safety.harness import run_annotator

NAMES = ("الأول", "الثاني", "الثالث")


def ending(n: int) -> str:
    """Words only document ``n`` has, at the end of its text."""
    return f"وانتهى التقرير رقم {n:04d} هنا"


@pytest.fixture
def whole(tmp_path: Path) -> Path:
    """Three long articles with a span each, backed up once, closed."""
    folder = tmp_path / "project"
    with Project.create(folder, load_preset("conflict")) as project:
        for n, name in enumerate(NAMES, start=1):
            add_document(project, name, f"{big_text(n)} {ending(n)}")
            editing.create_span(project, n, "samira", "ACTOR", 0, 1)
    backups.create(folder)
    return folder


def database(folder: Path) -> Path:
    return folder / DATABASE


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# -- check ---------------------------------------------------------------------------------


def test_check_names_a_text_whose_letters_changed_and_the_backup_to_restore(whole):
    (good,) = backups.all_backups(whole)
    damage.change_character(database(whole), ending(2), readable=True)
    result = run_annotator("check", whole)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"texts, document 2 ({NAMES[1]}): its text no longer matches its SHA-256" in (
        result.stderr
    )
    assert f"annotator backup {whole} --restore {good.path.stem}" in result.stderr


def test_check_names_a_text_that_is_no_longer_utf8(whole, capsys):
    damage.change_character(database(whole), ending(3), readable=False)
    code, _, err = run(capsys, "check", whole)
    assert code == 1
    assert f"texts, document 3 ({NAMES[2]}): its text is not valid UTF-8 any more" in err


def test_check_names_the_rows_of_a_zeroed_page(whole, capsys):
    damage.zero_page_at(database(whole), damage.offset_of(database(whole), ending(2)))
    code, _, err = run(capsys, "check", whole)
    assert code == 1 and "is damaged" in err
    assert "document 2" in err


DAMAGE = {
    "16 bits flipped": lambda db: damage.flip_bits(db, 16, seed=1),
    "200 bits flipped": lambda db: damage.flip_bits(db, 200, seed=2),
    "200 other bits flipped": lambda db: damage.flip_bits(db, 200, seed=3),
    "2000 bits flipped": lambda db: damage.flip_bits(db, 2000, seed=4),
    "a page of text zeroed": lambda db: damage.zero_page_at(db, damage.offset_of(db, ending(2))),
    "the first page zeroed": lambda db: damage.zero_page_at(db, 0),
    "the header zeroed": damage.zero_header,
    "cut short": lambda db: damage.cut_short(db, 0.6),
    "a row lost from the texts": lambda db: damage.drop_last_cell(db, "texts"),
    "an index entry lost": lambda db: damage.drop_last_cell(db, "documents_name"),
}


@pytest.mark.parametrize("harm", list(DAMAGE), ids=list(DAMAGE))
def test_no_command_ends_in_a_traceback_on_a_damaged_project(whole, tmp_path, capsys, harm):
    """Every command either works or says the project is damaged and how to restore its
    backup; check always says so."""
    colleague = tmp_path / "colleague"
    with Project.create(colleague, load_preset("conflict")):
        pass
    (good,) = backups.all_backups(whole)
    restore = f"annotator backup {whole} --restore {good.path.stem}"
    DAMAGE[harm](database(whole))
    out = tmp_path / "out.jsonl"
    articles = write_jsonl(tmp_path / "new.jsonl", [{"text": "نص جديد قصير."}])
    code, _, err = run(capsys, "check", whole)
    assert code == 1 and "is damaged" in err and restore in err, err
    commands = [
        ("export", whole, "--format", "jsonl", "--out", out),
        ("import", whole, articles),
        ("stats", whole),
        ("search", whole, "مصادر"),
        ("agree", whole),
        ("audit", whole),
        ("backup", whole),
        ("backup", whole, "--list"),
        ("merge", whole, colleague),
        ("merge", colleague, whole),
    ]
    for command in commands:
        code, _, err = run(capsys, *command)  # an exception escaping main fails the test
        if code != 0:
            damaged = "is damaged" in err and restore in err
            assert damaged or "agreement" in err, (command, err)
    assert not out.exists() or json.loads(out.read_text().splitlines()[0])


def test_a_file_that_was_never_a_project_is_not_a_project_database(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / DATABASE).write_text("ملاحظات الاجتماع، لا مشروع\n", encoding="utf-8")
    loose = tmp_path / "notes.sqlite"
    loose.write_text("ملاحظات\n", encoding="utf-8")
    for command, database_file in (
        (("stats", notes), notes / DATABASE),
        (("export", notes, "--format", "jsonl", "--out", out), notes / DATABASE),
        (("backup", notes), notes / DATABASE),
        (("stats", loose), loose),
    ):
        code, _, err = run(capsys, *command)
        assert code == 1 and f"{database_file}: not a project database" in err, err
        assert "is damaged" not in err


def test_a_project_whose_first_bytes_are_lost_names_the_backup_to_restore(whole, capsys):
    """SQLite says only "file is not a database"; the project's folder and its backups say
    which project it was, and which backup to put back."""
    (good,) = backups.all_backups(whole)
    damage.zero_header(database(whole))
    for command, doing in (("stats", "open it"), ("backup", "back it up")):
        code, _, err = run(capsys, command, whole)
        assert code == 1
        assert f"cannot {doing}: {whole} is damaged" in err
        assert "its first bytes are not those of an SQLite database" in err
        assert f"annotator backup {whole} --restore {good.path.stem}" in err
    code, out, _ = run(capsys, "backup", whole, "--restore", good.path.stem)
    assert code == 0, out
    assert check(whole).findings == []


def test_a_backup_of_a_project_cut_short_names_the_backup_to_restore(whole, capsys):
    (good,) = backups.all_backups(whole)
    damage.cut_short(database(whole), 0.6)
    code, _, err = run(capsys, "backup", whole)
    assert code == 1 and f"cannot back it up: {whole} is damaged" in err, err
    assert f"--restore {good.path.stem}" in err
    assert [b.name for b in backups.all_backups(whole)] == [good.name]


@pytest.mark.parametrize("harm", list(DAMAGE), ids=list(DAMAGE))
def test_the_restore_a_refusal_advises_puts_the_project_back_whatever_the_damage(whole, harm):
    """However damaged the file, the command the refusal gives brings the project back, and
    the damaged file is kept as a backup, byte for byte where SQLite cannot read it."""
    (good,) = backups.all_backups(whole)
    DAMAGE[harm](database(whole))
    damaged = fingerprint(database(whole))
    restore = f"annotator backup {whole} --restore {good.path.stem}"
    result = run_annotator("check", whole)
    assert result.returncode == 1 and restore in result.stderr
    result = run_annotator(*restore.split()[1:])
    assert result.returncode == 0, result.stderr
    assert check(whole).findings == []
    (kept,) = [b for b in backups.all_backups(whole) if b.reason == "before-restore"]
    assert kept.damage
    if kept.documents == 0:  # kept as it was: SQLite could not copy it
        assert fingerprint(kept.path) == damaged


# -- refusing instead of writing part of it --------------------------------------------------


def test_export_refuses_a_text_that_cannot_be_read_and_leaves_the_old_file(whole, tmp_path, capsys):
    out = tmp_path / "coded.jsonl"
    out.write_text("the export of yesterday\n", encoding="utf-8")
    damage.change_character(database(whole), ending(2), readable=False)
    code, _, err = run(capsys, "export", whole, "--format", "jsonl", "--out", out)
    assert code == 1
    assert err.startswith(f"error: cannot export it: {whole} is damaged")
    assert f"texts, document 2 ({NAMES[1]})" in err and "Nothing was written." in err
    assert out.read_text(encoding="utf-8") == "the export of yesterday\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".coded")] == []


def test_export_never_leaves_a_document_out_without_a_word(whole, tmp_path, capsys):
    """A page that lost its last row (one byte changed) drops that row without SQLite
    noticing: the export used to write the other documents and exit 0."""
    damage.drop_last_cell(database(whole), "texts")
    out = tmp_path / "coded.jsonl"
    code, _, err = run(capsys, "export", whole, "--format", "jsonl", "--out", out)
    assert code == 1 and "cannot export it" in err and "texts" in err
    assert not out.exists()


def test_import_into_a_damaged_project_is_refused_and_changes_nothing(whole, tmp_path, capsys):
    editing_folder = whole
    with Project.open(editing_folder) as project:
        editing.create_span(project, 1, "samira", "EVENT", 2, 3)  # changed since the backup
    damage.change_character(database(whole), ending(1), readable=True)
    before = fingerprint(database(whole))
    listed = [b.name for b in backups.all_backups(whole)]
    articles = write_jsonl(tmp_path / "a.jsonl", [{"text": "نص جديد قصير."}])
    code, _, err = run(capsys, "import", whole, articles)
    assert code == 1 and "cannot import into it" in err and "document 1" in err
    assert fingerprint(database(whole)) == before
    assert [b.name for b in backups.all_backups(whole)] == listed  # no copy of the damage


def test_a_damaged_project_is_not_backed_up_over_its_good_backups(whole):
    (good,) = backups.all_backups(whole)
    damage.change_character(database(whole), ending(3), readable=True)
    with pytest.raises(ProjectDamaged) as refused:
        backups.create(whole)
    assert refused.value.restore[0] == good.path.stem
    assert any(f.document_id == 3 and f.table == "texts" for f in refused.value.findings)
    assert [b.name for b in backups.all_backups(whole)] == [good.name]
    assert sorted(p.name for p in (whole / "backups").iterdir()) == sorted(
        [good.name, good.path.with_suffix(".json").name]
    )


def test_merging_from_a_damaged_colleague_names_their_project(whole, tmp_path, capsys):
    ours = tmp_path / "ours"
    with Project.create(ours, load_preset("conflict")):
        pass
    damage.change_character(database(whole), ending(2), readable=False)
    code, _, err = run(capsys, "merge", ours, whole)
    assert code == 1 and f"cannot merge from it: {whole} is damaged" in err


# -- restoring -------------------------------------------------------------------------------


def test_a_backup_whose_text_changed_passes_sqlites_check_but_is_not_restored(whole, capsys):
    (older,) = backups.all_backups(whole)
    with Project.open(whole) as project:
        editing.create_span(project, 2, "samira", "EVENT", 2, 3)
    newer = backups.create(whole)
    damage.change_character(newer.path, ending(2), readable=True)
    conn = sqlite3.connect(newer.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    before = fingerprint(database(whole))
    code, _, err = run(capsys, "backup", whole, "--restore", newer.path.stem)
    assert code == 1
    assert f"{newer.name}: this backup is damaged; nothing restored" in err
    assert "the file has changed on the disk since it was made" in err
    assert f"texts, document 2 ({NAMES[1]})" in err
    assert f"--restore {older.path.stem}" in err
    assert fingerprint(database(whole)) == before


def test_an_older_backup_without_a_recorded_hash_is_read_through_before_a_restore(whole):
    (made,) = backups.all_backups(whole)
    made.path.with_suffix(".json").unlink()  # as backups of earlier versions were
    damage.change_character(made.path, ending(1), readable=True)
    with pytest.raises(Exception, match=r"damaged; nothing restored") as refused:
        backups.restore(whole, made.name)
    assert "its text no longer matches its SHA-256" in str(refused.value)


def test_restoring_a_damaged_project_keeps_its_damaged_state_as_a_backup(whole, capsys):
    (good,) = backups.all_backups(whole)
    damage.change_character(database(whole), ending(2), readable=False)
    code, out, _ = run(capsys, "backup", whole, "--restore", good.path.stem)
    assert code == 0, out
    assert check(whole).findings == []
    kept = [b for b in backups.all_backups(whole) if b.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].damage
    code, out, _ = run(capsys, "backup", whole, "--list")
    assert "before-restore" in out and "DAMAGED" in out
    assert backups.newest_sound(whole) == backups.find(whole, good.name)
