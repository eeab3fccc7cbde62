"""The reference article of the shared corpus coded as a conflict-event set.

Three events, as a coder following the conflict guidelines would mark them:

- the attack by تنظيم داعش on army posts at الثردات (Battles / Armed clash), with both
  mentions of the army as actor2;
- the SDF («قسد») taking the al-Jafra oil fields without a fight (Strategic developments /
  Non-violent transfer of territory), actor and place tied to canonical entities;
- the coalition airstrike on the village of al-Ma'mari that killed six children
  (Explosions/Remote violence / Air/drone strike), the children as actor2.

A second annotator, omar, codes only the attack, with another location. Tests that need no
real article use our own, coded the same way: ``tests/fixtures/article.py``.
"""

from __future__ import annotations

from pathlib import Path

from annotator.store.project import Project
from tests.fixtures import coding
from tests.fixtures.coding import CodedArticle, at
from tests.fixtures.three_events import At, three_events

__all__ = ["NAME", "at", "code_events", "import_article"]

NAME = "alwatan-deir-ez-zor"

STEPS = three_events(
    {
        "attack": At("attack", "هاجمت"),
        "attacker": At("isis", "من تنظيم داعش هاجمت", "تنظيم داعش"),
        "named_army": At("saa", "لم يستكن الجيش العربي السوري", "الجيش العربي السوري"),
        "army": At("army", "وحدات من الجيش", "الجيش"),
        "village": At("thardat", "بمنطقة الثردات", "الثردات"),
        "takeover": At("takeover", "سيطرة قواتها", "سيطرة"),
        "taker": At("sdf", "تقودها «قسد»", "قسد"),
        "field": At("jafra", "على حقول الجفرة النفطية!", "حقول الجفرة"),
        "airstrike": At("airstrike", "ضربات جوية"),
        "coalition": At("coalition", "مجازر «التحالف الدولي»", "التحالف الدولي"),
        "children": At("children", "استشهاد 6 أطفال", "أطفال"),
        "hamlet": At("mamari", "قرية المعماري"),
        "omar_attack": At("omar_attack", "هاجمت"),
        "omar_attacker": At("omar_isis", "من تنظيم داعش هاجمت", "تنظيم داعش"),
        "omar_place": At("omar_place", "على طريق الميادين-دير الزور", "طريق الميادين-دير الزور"),
    },
    ("Syrian Democratic Forces", "Al-Jafra oil fields", "International Coalition"),
)


def import_article(project: Project, article: Path, folder: Path) -> int:
    return coding.import_article(project, article, folder, NAME)


def code_events(project: Project, document_id: int) -> CodedArticle:
    return coding.code(project, document_id, STEPS)
