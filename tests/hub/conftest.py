"""A real PostgreSQL server for the hub's tests, and a lab on it: a database, logins, projects.

One cluster serves the whole run (started as an unprivileged user on a free loopback port,
see :mod:`tests.hub.server`); each test gets a database of its own, and logins named for it
(roles belong to the whole server, as on a lab's real one).
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from annotator.bench import cluster as server
from annotator.core.schema import load_preset
from annotator.core.text import sha256_text
from annotator.store.project import Project, now

ARTICLES = {
    "deir-1": "اشتباكات عنيفة في الثردات والميادين بين الجيش وتنظيم الدولة.\n"
    "قُتل ثلاثة مدنيين في قصف على حي الجورة 🕊️.",
    "deir-2": "انفجار سيارة مفخخة قرب دوار الحلبية في دير الزور، ولا إصابات.",
    "deir-3": "وصلت قافلة مساعدات إلى البوكمال صباح الأحد.",
    "deir-4": "اعتقلت قوات الأمن خمسة شبان في الميادين.",
}
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def cluster():
    started = server.start()
    yield started
    started.stop()


@dataclass
class Lab:
    """One test's hub database on the shared server, and the logins made for it."""

    cluster: server.Cluster
    database: str
    tag: str
    pgpass: Path

    @property
    def admin(self) -> str:
        return self.cluster.url(db=self.database)

    def url(self, login: str, password: str | None = None) -> str:
        return self.cluster.url(login, password, self.database)

    def name(self, person: str) -> str:
        """A login name for this test alone (roles are shared by the whole server)."""
        return f"{person}{self.tag}"

    def remember(self, login: str, password: str) -> None:
        """Put a login's password where libpq looks for it (as a user's ~/.pgpass)."""
        with self.pgpass.open("a") as stream:
            stream.write(f"127.0.0.1:{self.cluster.port}:{self.database}:{login}:{password}\n")
        self.pgpass.chmod(0o600)

    def connect(self, login: str, password: str) -> psycopg.Connection:
        return psycopg.connect(self.url(login, password), autocommit=True)


@pytest.fixture
def lab(cluster, tmp_path, monkeypatch) -> Lab:
    number = next(_numbers)
    database = f"lab{number}_{os.getpid()}"
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    pgpass = tmp_path / "pgpass"
    pgpass.touch(mode=0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return Lab(cluster, database, f"_{number}", pgpass)


def make_source(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    """A lead's project with a few articles of our own writing, not yet annotated."""
    with Project.create(folder, load_preset("conflict"), "deir-ez-zor") as project, project.write():
        for name, text in articles.items():
            project.documents.add(name, text, sha256_text(text), {"source": "test"}, now())
    return folder


@dataclass
class Team:
    """A hub made from a lead's project, with annotators who have each cloned it."""

    lab: Lab
    lead: str
    source: Path  # the lead's copy
    copies: dict[str, Path]  # each annotator's copy


def make_team(
    lab: Lab, folder: Path, annotators: tuple[str, ...] = ("amal", "omar"), blind: bool = False
) -> Team:
    from annotator.ops import hub_setup
    from annotator.ops.opening import open_to_change

    lead = lab.name("lina")
    source = make_source(folder / lead)
    project = open_to_change(source)
    try:
        hub_setup.init(lab.admin, project, lead, f"{lead}-pw", blind)
    finally:
        project.close()
    lab.remember(lead, f"{lead}-pw")
    copies = {}
    for person in annotators:
        login = lab.name(person)
        hub_setup.add_user(lab.admin, login, "annotator", f"{login}-pw")
        lab.remember(login, f"{login}-pw")
        hub_setup.clone(lab.url(login), folder / login)
        copies[person] = folder / login
    return Team(lab, lead, source, copies)
