"""Protest and violence snippets as wire services write them, one sentence each and no
state named (CASE 2021-style): each must give an event of its kind at the default threshold.
Written for these tests. BUILD is what the rules were built on; CHECK was written after
and never tuned on: its floor is what it scored when written (README, "Accuracy")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from test_events_coder import code

DATA = yaml.safe_load((Path(__file__).parent / "data" / "snippets.yaml").read_text("utf-8"))
BUILD = [(s["type"], s["text"]) for s in DATA["build"]]
CHECK = [(s["type"], s["text"]) for s in DATA["check"]]


def _scores(snippets: list[tuple[str, str]]) -> tuple[float, float]:
    found = [{e.type for e in code(text)} for _, text in snippets]
    anything = sum(bool(f) for f in found) / len(snippets)
    right = sum(want in f for (want, _), f in zip(snippets, found, strict=True)) / len(snippets)
    return anything, right


@pytest.mark.parametrize("want, text", BUILD)
def test_build_snippet_gives_its_event(want, text):
    assert want in {e.type for e in code(text)}


def test_check_snippets_hold_their_floor():
    anything, right = _scores(CHECK)
    assert anything >= 0.6 and right >= 0.6
