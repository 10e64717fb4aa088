"""The facts issue 9 asks of the seed articles, from a real ingest into a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _corpus import newsgraph

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    assert newsgraph("ingest", str(SEEDS), db=db).returncode == 0
    return db


def _facts(db: Path, *args: str) -> list[dict]:
    out = newsgraph("facts", *args, "--format", "jsonl", db=db)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def test_north_korean_missiles_to_russia_is_one_fact_from_two_seeds_under_embargo(store):
    missiles = [f for f in _facts(store, "--actor", "PRK", "--type", "AID")
                if f["source"] == ["PRK"] and f["target"] == ["RUS"]
                and f["item"] in ("missile", "ballistic_missile")]
    assert len(missiles) == 1
    (fact,) = missiles
    assert fact["documents"] >= 2
    assert {e["regime"] for e in fact["embargo"]} == {"DPRK"}


def test_iran_drones_to_russia_ledger_has_every_claimant_and_stance(store):
    (fact,) = [f for f in _facts(store, "--actor", "IRN", "--type", "AID")
               if f["target"] == ["RUS"] and f["item"] == "drone"]
    out = newsgraph("fact", fact["id"], "--format", "json", db=store)
    ledger = [(c["claimant"], c["stance"]) for c in json.loads(out.stdout)["ledger"]]
    assert {("UKR", "asserts"), ("IRN", "denies"), ("IRN", "concedes"), ("GBR", "asserts"),
            ("AUS", "asserts")} <= set(ledger)
    # Ukraine's allegation comes before Iran's denial, the denial before the admission
    assert ledger.index(("UKR", "asserts")) < ledger.index(("IRN", "denies")) < ledger.index(
        ("IRN", "concedes"))
    assert fact["contested"]
