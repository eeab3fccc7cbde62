"""Hub URLs: shown and stored without a password, for any login name, Arabic ones too."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from annotator.hub import urls
from annotator.ops import editing, hub_setup, syncing
from annotator.store.project import Project
from tests.hub.conftest import ARTICLES, make_team
from tests.hub.test_team_week import document_id


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://amal:s3cret@db.lab:5432/deir", "postgresql://amal@db.lab:5432/deir"),
        (
            "postgres://amal@db.lab/deir?sslmode=require",
            "postgres://amal@db.lab/deir?sslmode=require",
        ),
        ("postgresql://a%40b:p%3Aw@h/d", "postgresql://a%40b@h/d"),
    ],
)
def test_a_password_never_shows(url, shown):
    assert urls.without_password(url) == shown
    assert "s3cret" not in urls.without_password(url)


def test_another_login_on_the_same_hub_keeps_host_database_and_options():
    url = "postgresql://admin:x@db.lab:6543/deir?sslmode=verify-full"
    assert (
        urls.as_login(url, "أمل")
        == f"postgresql://{quote('أمل')}@db.lab:6543/deir?sslmode=verify-full"
    )
    assert urls.login(urls.as_login(url, "أمل", "p w")) == "أمل"
    assert urls.with_password("postgresql://omar@h/d", "p@ss") == "postgresql://omar:p%40ss@h/d"


@pytest.mark.parametrize("bad", ["http://h/d", "postgresql://h", "not a url", "postgresql://"])
def test_what_is_not_a_hub_url_is_said(bad):
    with pytest.raises(urls.BadHubUrl, match="not a hub URL"):
        urls.without_password(bad)


def test_an_arabic_login_clones_annotates_and_syncs(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=())
    name = "أمل" + lab.tag
    hub_setup.add_user(lab.admin, name, "annotator", "كلمة-سر")
    copy = tmp_path / "amal"
    hub_setup.clone(urls.as_login(lab.admin, name, "كلمة-سر"), copy)
    with Project.open(copy) as mine:
        assert mine.meta("hub.login") == name
        word = "البوكمال"
        start = ARTICLES["deir-3"].index(word)
        doc = document_id(mine, "deir-3")
        editing.create_span(mine, doc, name, "LOCATION", start, start + len(word))
        assert syncing.sync(mine, "كلمة-سر").pushed_layers == 1
    with Project.open(team.source) as lead:
        assert syncing.sync(lead).pulled_layers == {name: 1}
