"""Accuracy gate: `newsgraph evaluate linking` on the linking gold (seeds + VOA stories).
Floors a little under what we reach (README, "Facts, the claim ledger and copies")."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.linking import score

SHARED = Path(__file__).parents[3] / "shared"
GOLD = SHARED / "gold" / "linking.yaml"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared beside the checkout")


@pytest.fixture(scope="module")
def report():
    return score(GOLD, SHARED / "seeds", SHARED / "data" / "voa" / "stories.jsonl")


def test_pairwise_linking_floor(report):
    assert report["reports_found"] >= 30
    assert report["recall"] >= 0.9
    assert report["f1"] >= 0.82
    assert report["end_to_end"] >= 0.2


def test_copies_found_and_nothing_folded(report):
    c = report["copies"]
    assert c["share"] >= 0.95
    assert c["originals_folded"] == []
    assert c["facts_sources_changed"] <= 0.05 * c["facts_kept"] + 1
