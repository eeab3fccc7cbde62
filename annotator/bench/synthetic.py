"""A synthetic Arabic news corpus for benchmarks: article-like text with emoji and spans."""

from __future__ import annotations

import random
from collections.abc import Iterator

WORDS = [
    "قال",
    "مصدر",
    "عسكري",
    "إن",
    "وحدات",
    "من",
    "الجيش",
    "خاضت",
    "اشتباكات",
    "عنيفة",
    "مع",
    "مجموعات",
    "مسلحة",
    "هاجمت",
    "نقاطاً",
    "عسكرية",
    "في",
    "منطقة",
    "الثردات",
    "على",
    "طريق",
    "الميادين",
    "بريف",
    "دير",
    "الزور",
    "الجنوبي",
    "وأكد",
    "المصدر",
    "أن",
    "الاشتباكات",
    "انتهت",
    "بإفشال",
    "الهجوم",
    "بعد",
    "تدمير",
    "آليات",
    "مفخخة",
    "واغتنام",
    "عربة",
    "مصفحة",
    "فيما",
    "أعلنت",
    "قوات",
    "سورية",
    "الديمقراطية",
    "سيطرتها",
    "على",
    "حقول",
    "الجفرة",
    "النفطية",
    "شمال",
    "شرق",
    "المدينة",
    "ونزحت",
    "عشرات",
    "العائلات",
    "إلى",
    "قرى",
    "الحسكة",
    "نتيجة",
    "المعارك",
    "الدائرة",
    "بين",
    "الطرفين",
    "منذ",
    "أيام",
]
LABELS = ("ACTOR", "LOCATION", "EVENT")
EMOJI = ("😀", "🇸🇾", "👨\u200d👩\u200d👧", "✊🏽")


def article(rng: random.Random, length: int = 2500) -> str:
    """About ``length`` characters of paragraphs, digits and now and then an emoji."""
    paragraphs, size = [], 0
    while size < length:
        words = []
        for _ in range(rng.randint(25, 60)):
            roll = rng.random()
            if roll < 0.03:
                words.append(str(rng.randint(2, 2500)))
            elif roll < 0.04:
                words.append(rng.choice(EMOJI))
            else:
                words.append(rng.choice(WORDS))
        paragraph = " ".join(words) + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)


def spans(rng: random.Random, text: str, count: int) -> list[list]:
    """``count`` word-aligned spans (some nested) as [start, end, label]."""
    starts = [
        i for i in range(len(text)) if (i == 0 or text[i - 1] in " \n") and text[i] not in " \n"
    ]
    chosen = sorted(rng.sample(starts, min(count, len(starts))))
    result = []
    for start in chosen:
        end = start
        words = rng.randint(1, 3)
        for _ in range(words):
            space = text.find(" ", end + 1)
            end = space if space != -1 else len(text)
        end = min(end, len(text))
        while end > start and text[end - 1] in " \n.":
            end -= 1
        if end > start:
            result.append([start, end, rng.choice(LABELS)])
    return result


def records(count: int, spans_each: int = 25, seed: int = 7) -> Iterator[dict]:
    """``count`` JSONL records of ~2,500-character articles with ~``spans_each`` spans."""
    rng = random.Random(seed)
    for number in range(count):
        text = article(rng)
        yield {"name": f"article-{number:06d}", "text": text, "label": spans(rng, text, spans_each)}


def colleague(record: dict, rng: random.Random) -> dict:
    """The same article as another annotator might have marked it: most spans the same, some
    relabelled, some a word shorter, some left out, and now and then one more."""
    text, marked = record["text"], []
    for start, end, label in record["label"]:
        roll = rng.random()
        if roll < 0.08:
            continue
        if roll < 0.16:
            label = rng.choice([other for other in LABELS if other != label])
        elif roll < 0.24:
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        marked.append([start, end, label])
    if rng.random() < 0.5:
        marked += spans(rng, text, 1)
    return {"name": record["name"], "text": text, "label": marked}
