"""Splits by document: exact sizes, the same for the same seed whatever the order."""

import hashlib

import pytest

from annotator.core.errors import InputError
from annotator.core.splits import parse_split, plan_split

PARTS = (("train", 0.8), ("dev", 0.1), ("test", 0.1))


def documents(n):
    return [(i, hashlib.sha256(f"article {i}".encode()).hexdigest()) for i in range(1, n + 1)]


def test_sizes_are_exact_by_largest_remainder():
    assert plan_split(PARTS, 0, documents(10)).counts() == {"train": 8, "dev": 1, "test": 1}
    assert plan_split(PARTS, 0, documents(7)).counts() == {"train": 5, "dev": 1, "test": 1}
    assert plan_split(PARTS, 0, []).counts() == {"train": 0, "dev": 0, "test": 0}


def test_the_same_seed_gives_the_same_split_whatever_the_order_and_the_ids():
    docs = documents(50)
    plan = plan_split(PARTS, 7, docs)
    by_text = {sha: plan.of(i) for i, sha in docs}
    renumbered = [(100 + n, sha) for n, (_, sha) in enumerate(reversed(docs))]
    again = plan_split(PARTS, 7, renumbered)
    assert {sha: again.of(i) for i, sha in renumbered} == by_text
    other = plan_split(PARTS, 8, docs)
    assert {sha: other.of(i) for i, sha in docs} != by_text


def test_parse_split_accepts_names_and_fractions_that_add_up():
    assert parse_split("train=0.8, dev=0.1,test=0.1") == PARTS
    assert parse_split("a=0.5,b=0.5") == (("a", 0.5), ("b", 0.5))


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("train=0.8,dev=0.1", "add up to 0.9"),
        ("train=0.8,dev=x", "'x' is not a number"),
        ("train", "not NAME=FRACTION"),
        ("train=0.5,train=0.5", "named twice"),
        ("train=1.2,dev=-0.2", "above 0"),
        ("tr ain=1", "not NAME=FRACTION"),
    ],
)
def test_bad_split_specifications_say_what_is_wrong(spec, message):
    with pytest.raises(InputError, match=message):
        parse_split(spec)
