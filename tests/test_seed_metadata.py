"""The gate: every metadata field of the five seeds matches the gold exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsgraph.clean import clean, clean_batch
from newsgraph.model import Article
from newsgraph.sources import read_paths

SHARED = Path(__file__).parents[2] / "shared"
GOLD = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text("utf-8"))


def _norm(s: str) -> str:
    return " ".join(s.split())


def _quotes(s: str) -> str:
    """Gold boundaries are typed with ASCII quotes where the text has typographic ones."""
    return s.translate(str.maketrans("‘’“”", "''\"\""))


def _article(doc: str) -> Article:
    [raw] = list(read_paths([str(SHARED / "seeds" / doc)]))
    return clean(raw)


@pytest.mark.parametrize("gold", GOLD, ids=[g["doc"] for g in GOLD])
def test_seed_fields(gold: dict) -> None:
    a = _article(gold["doc"])
    assert a.title == gold["title"]
    assert a.published == gold["published"]
    assert a.outlet == gold["outlet"]
    assert a.languages == gold["languages"]
    assert _quotes(a.body).startswith(_quotes(gold["body_first"]))
    assert _quotes(a.body).endswith(_quotes(gold["body_last"]))


@pytest.mark.parametrize("gold", GOLD, ids=[g["doc"] for g in GOLD])
def test_seed_boilerplate_removed(gold: dict) -> None:
    a = _article(gold["doc"])
    paragraphs = {_norm(p) for p in a.body.split("\n")}
    for line in gold["boilerplate"]:
        assert _norm(line) not in paragraphs, line
        if len(line) >= 30:
            assert _norm(line) not in _norm(a.body), line
        assert _norm(line) in {_norm(r) for r in a.removed}, line


def test_seed_blocks_are_offsets_into_body() -> None:
    a = _article("002_1ec2a02ca053b76d.txt")
    assert [b.lang for b in a.blocks] == ["th", "en"]
    th, en = a.blocks
    assert a.body[th.start:th.end].startswith(GOLD[2]["body_first"])
    assert _quotes(a.body[en.start:en.end]).endswith(_quotes(GOLD[2]["body_last"]))
    assert th.end <= en.start


def test_batch_gives_the_same_seed_results() -> None:
    raws = list(read_paths([str(SHARED / "seeds")]))
    for raw, art in zip(raws, clean_batch(raws), strict=True):
        assert isinstance(art, Article)
        assert art == clean(raw)
