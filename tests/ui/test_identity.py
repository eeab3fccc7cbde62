"""One name for one person: what the window was told is what the command line credits."""

from __future__ import annotations

from annotator.cli import main
from annotator.ops import identity
from annotator.store.project import Project
from annotator.ui.settings import Settings
from tests.conftest import write_jsonl


def test_an_import_without_a_name_credits_the_name_given_to_the_window(project, tmp_path):
    folder = project.folder
    project.close()
    Settings(tmp_path / "window.ini").annotator = "Samira Haddad"  # the first start's question
    articles = write_jsonl(
        tmp_path / "a.jsonl", [{"text": "قصفت طائرات مواقع", "label": [[5, 11, "ACTOR"]]}]
    )
    assert main(["import", str(folder), str(articles)]) == 0
    with Project.open(folder) as reopened:
        assert [s.annotator for s in reopened.spans.iter_all()] == ["Samira Haddad"]


def test_a_name_kept_by_an_earlier_version_of_the_window_is_carried_over(tmp_path):
    settings = Settings(tmp_path / "window.ini")
    settings.q.setValue("annotator", "omar")  # where earlier versions kept it
    assert identity.configured_name() is None
    assert settings.annotator == "omar"
    assert identity.configured_name() == "omar" and identity.current_name() == "omar"


def test_without_a_chosen_name_the_system_user_stands_in(tmp_path):
    assert Settings(tmp_path / "window.ini").annotator == ""  # the window will ask
    assert identity.current_name() == identity.system_name()
