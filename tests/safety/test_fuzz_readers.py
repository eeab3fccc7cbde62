"""Damaged files of every readable format, made by a seeded mutator (tests/safety/fuzzing.py):
an import either refuses with our own error and leaves the project as it was, or accepts
what then passes ``check`` and exports in every writable format. Never a traceback.

``ANNOTATOR_FUZZ_INPUTS=20000 ANNOTATOR_FUZZ_SECONDS=3600 python -m pytest -s
tests/safety/test_fuzz_readers.py`` runs a longer campaign (``ANNOTATOR_FUZZ_SEED`` picks
another sequence of damage); the summary line gives inputs tried, accepted, refused and
failures.
"""

from __future__ import annotations

import os
import random
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.schema import load_preset
from annotator.formats.registry import FORMATS, writable
from annotator.ops.checking import problems
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import snapshot
from tests.safety.fuzzing import Input, Workspace, write_seeds

INPUTS = int(os.environ.get("ANNOTATOR_FUZZ_INPUTS", "800"))
SECONDS = float(os.environ.get("ANNOTATOR_FUZZ_SECONDS", "40"))
SEED = int(os.environ.get("ANNOTATOR_FUZZ_SEED", "15"))
EXPORT_OPTIONS = {"drop_unaligned": True, "tab": True}


@dataclass
class Campaign:
    """What the mutated inputs did."""

    folder: Path
    tried: Counter[str] = field(default_factory=Counter)
    accepted: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    projects: int = 0

    def project(self) -> Project:
        self.projects += 1
        return Project.create(self.folder / f"project-{self.projects}", load_preset("conflict"))

    def fail(self, item: Input, what: str) -> None:
        damaged = item.changed.read_bytes()[:300]
        self.failures.append(
            f"{item.fmt} ({' + '.join(item.mutations)}, {item.changed.name}): {what}\n"
            f"  file begins {damaged!r}"
        )

    def summary(self) -> str:
        return (
            f"{sum(self.tried.values())} inputs tried: {sum(self.accepted.values())} accepted "
            f"(checked and exported in {len(writable())} formats), "
            f"{sum(self.refused.values())} refused cleanly, {len(self.failures)} failures; "
            + ", ".join(
                f"{fmt} {self.tried[fmt]}/{self.refused[fmt]}" for fmt in sorted(self.tried)
            )
        )


def _export_everywhere(project: Project, out: Path) -> list[str]:
    """Export in every writable format; what failed, in words."""
    layers = project.annotators()
    failed = []
    for fmt in writable():
        target = out / fmt / "out"
        target.parent.mkdir(parents=True)
        layer = layers[0] if (FORMATS[fmt].training or FORMATS[fmt].one_layer) and layers else None
        try:
            export(project, fmt, target, layer, dict(EXPORT_OPTIONS))
        except Exception as error:  # an export refusing an accepted project is a failure too
            failed.append(f"export {fmt}: {type(error).__name__}: {error}")
    return failed


def _attempt(campaign: Campaign, item: Input, project: Project, add_labels: bool) -> bool:
    """Import one input; True when it was accepted (the project has changed)."""
    before = snapshot(project)
    try:
        import_files(project, [item.path], item.fmt, annotator="fuzz", add_labels=add_labels)
    except AnnotatorError as error:
        campaign.refused[item.fmt] += 1
        if snapshot(project) != before:
            campaign.fail(item, "refused, but the project changed")
        try:
            str(error).encode("utf-8")  # what the command line prints
        except UnicodeEncodeError:
            campaign.fail(item, f"refused with a message that cannot be printed: {error!r}")
        return False
    except Exception:
        campaign.fail(item, traceback.format_exc(limit=-4))
        return True
    campaign.accepted[item.fmt] += 1
    found = problems(project)
    if found:
        campaign.fail(item, f"accepted, then check found: {found[:3]}")
    out = campaign.folder / "exports" / str(sum(campaign.accepted.values()))
    for failure in _export_everywhere(project, out):
        campaign.fail(item, f"accepted, then {failure}")
    return True


def test_damaged_files_are_refused_cleanly_or_accepted_whole(tmp_path):
    seeds = write_seeds(tmp_path / "seeds")
    workspace = Workspace(seeds, tmp_path / "inputs")
    campaign = Campaign(tmp_path)
    rng = random.Random(SEED)
    formats = sorted(seeds)
    projects: dict[str, Project] = {}
    started = time.monotonic()
    try:
        for number in range(INPUTS):
            if time.monotonic() - started > SECONDS:
                break
            fmt = formats[number % len(formats)]
            item = workspace.damage(fmt, rng)
            campaign.tried[fmt] += 1
            project = projects.get(fmt) or campaign.project()
            projects[fmt] = project
            if _attempt(campaign, item, project, add_labels=rng.random() < 0.5):
                project.close()
                del projects[fmt]  # the next input of this format starts from an empty project
            workspace.restore(item)
    finally:
        for project in projects.values():
            project.close()
    print(campaign.summary())
    assert sum(campaign.tried.values()) >= min(INPUTS, 200), campaign.summary()
    assert set(campaign.tried) == {name for name, spec in FORMATS.items() if spec.read}
    assert not campaign.failures, "\n".join(campaign.failures[:10])
