"""Event notes in the style of conflict-event datasets (tests/data/notes.yaml, written for
these tests): every note should give an event of its root. `build` is what the rules were
built on; `check` was written with it, before any tuning, and is only scored. The floors
sit a little under what each half reaches (README, "Accuracy")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.evaluate.notes import read_notes, score, top_type

NOTES = Path(__file__).parent / "data" / "notes.yaml"
# Lowered once, honestly: "On 9 March" had coded a PROTEST ("march") in 11 notes.
FLOORS = {
    "build": {"with_event": 0.90, "macro_f1": 0.85},
    "check": {"with_event": 0.73, "macro_f1": 0.41},
}


@pytest.fixture(scope="module")
def result():
    return score(NOTES)


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_notes_hold_their_floor(result, half):
    r = result["halves"][half]
    assert r["with_event"] >= FLOORS[half]["with_event"], r["misses"]
    assert r["macro_f1"] >= FLOORS[half]["macro_f1"], r["per_class"]


def test_halves_are_fixed_and_disjoint():
    halves = read_notes(NOTES)
    assert set(halves) == {"build", "check"}
    texts = [t for notes in halves.values() for _, t in notes]
    assert len(texts) == len(set(texts)) and all(len(n) >= 40 for n in halves.values())


def test_a_note_with_no_event_is_scored_none_not_skipped(tmp_path):
    path = tmp_path / "n.yaml"
    path.write_text("- {type: PROTEST, text: The weather was mild on Sunday.}\n"
                    "- {type: ASSAULT, text: Gunmen killed five villagers in a raid.}\n")
    r = score(path)["halves"]["all"]
    assert r["n"] == 2 and r["with_event"] == 0.5 and r["accuracy"] == 0.5
    assert r["misses"] == ["The weather was mild on Sunday."]
    assert top_type([]) == "NONE" and top_type([("ACCUSE", 0.4), ("ASSAULT", 0.6)]) == "ASSAULT"


def test_a_malformed_notes_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {text: no type here}\n")
    out = subprocess.run([sys.executable, "-m", "newsgraph", "evaluate", "notes", str(bad)],
                         capture_output=True, text=True)
    assert out.returncode != 0
    line = out.stderr.strip().splitlines()[-1]
    assert line.startswith("newsgraph: E010 ") and "bad.yaml" in line
    assert "`type` and `text`" in line
