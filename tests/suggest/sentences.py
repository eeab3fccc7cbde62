"""Short Arabic news sentences with their names marked, for the suggestions' tests."""

from __future__ import annotations

SENTENCES = [
    ("قصفت قوات الجيش مدينة حلب صباح اليوم.", [("الجيش", "ORG"), ("حلب", "LOC")]),
    ("وقال أحمد الحسن إن الاشتباكات في دمشق مستمرة.", [("أحمد الحسن", "PER"), ("دمشق", "LOC")]),
    ("ونشرت وكالة سانا صورا من حمص.", [("سانا", "ORG"), ("حمص", "LOC")]),
]


def record(name: str, text: str, marks) -> dict:
    """A JSONL record of ``text`` with each (words, label) of ``marks`` marked in turn."""
    labels, at = [], 0
    for words, label in marks:
        start = text.index(words, at)
        labels.append([start, start + len(words), label])
        at = start + len(words)
    return {"name": name, "text": text, "label": labels}


def reports(count: int, repeat: int = 1) -> list[dict]:
    """``count`` annotated reports, each the sentences ``repeat`` times under a title of its
    own, with every name marked."""
    records = []
    for n in range(count):
        text, marks = f"تقرير {n + 1}\n", []
        for sentence, names in SENTENCES * repeat:
            text += sentence + "\n"
            marks += names
        records.append(record(f"a{n}", text, marks))
    return records
