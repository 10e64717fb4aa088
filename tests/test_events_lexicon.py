"""The event vocabulary: verb and noun classes, items, dates (no parse needed)."""

from __future__ import annotations

import pytest

from newsgraph.events import registry
from newsgraph.events.dates import resolve
from newsgraph.events.lexicon import noun_classes, verb_classes, verb_object_sense


@pytest.mark.parametrize(("lemma", "expected"), [
    ("supply", ("AID", "military")),
    ("accuse", ("ACCUSE", None)),
    ("call on", ("REQUEST", None)),
    ("refute", ("REJECT", "deny")),
    ("veto", ("REJECT", "veto")),
    ("sanction", ("SANCTION", None)),
    ("meet", ("CONSULT", None)),
    ("sign", ("AGREE", None)),
    ("back", ("SUPPORT", None)),
    ("shell", ("ASSAULT", "military")),
    ("deploy", ("MOBILIZE", None)),
    ("detain", ("COERCE", None)),
    ("threaten", ("THREATEN", None)),
    ("cooperate", ("COOPERATE", "military")),
])
def test_verb_classes_hand_written(lemma, expected):
    assert verb_classes(lemma)[0] == expected


def test_verb_classes_fall_back_to_cameo_dictionary():
    # a verb we did not classify by hand still codes through the derived CAMEO table
    assert verb_classes("abhor") == [("ACCUSE", "disapprove")]
    assert verb_classes("frobnicate") == []


def test_cameo_verb_object_patterns_are_patched():
    # CAMEO 163 "impose sanctions" maps to SANCTION (the official table says COERCE)
    assert verb_object_sense("impose", "sanctions").type == "SANCTION"


@pytest.mark.parametrize(("lemma", "ptype"), [
    ("transfer", "AID"), ("veto", "REJECT"), ("sanctions", "SANCTION"), ("ties", "COOPERATE"),
    ("talks", "CONSULT"), ("agreement", "AGREE"), ("condemnation", "ACCUSE"),
    ("offensive", "ASSAULT"), ("contract", "AID"),
])
def test_noun_classes(lemma, ptype):
    assert noun_classes(lemma)[0][0] == ptype


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("on Thursday", "2025-09-28", ("2025-09-25", "day")),
    ("Friday", "2025-09-28", ("2025-09-26", "day")),
    ("in February", "2025-09-28", ("2025-02", "month")),
    ("in November", "2025-09-28", ("2024-11", "month")),
    ("since October 2024", None, ("2024-10", "month")),
    ("last year", "2025-09-28", ("2024", "year")),
    ("on October 7", "2025-09-28", ("2024-10-07", "day")),
    ("in 2006", None, ("2006", "year")),
    ("yesterday", "2025-03-01", ("2025-02-28", "day")),
])
def test_dates_resolve_against_publication(text, published, expected):
    assert resolve(text, published) == expected


@pytest.mark.parametrize("text", ["on Thursday", "last year", "on October 7", "last week"])
def test_relative_dates_stay_unknown_without_publication_date(text):
    assert resolve(text, None) == (None, None)


def test_registry_has_rule_coder_by_default():
    assert "rules" in registry.names()
    coder = registry.get("rules")
    assert isinstance(coder, registry.Coder)
    assert coder.version


def test_registry_plugs_in_a_second_coder():
    class Null:
        name = "null-test"
        version = "0"

        def code(self, doc):
            return []

    registry.register(Null())
    try:
        from newsgraph.events import extract

        assert extract(None, coder="null-test") == []  # type: ignore[arg-type]
    finally:
        registry._CODERS.pop("null-test")
    with pytest.raises(KeyError):
        registry.get("null-test")


def test_ontology_has_the_16_plover_types_and_the_symmetric_ones():
    from newsgraph.events.ontology import older_names, symmetric, types

    assert len(types()) == 16 and set(types()) >= {"AID", "REJECT", "SANCTION", "ASSAULT"}
    assert symmetric() == {"AGREE", "CONSULT", "COOPERATE"}
    assert older_names()["YIELD"] == ("CONCEDE", "RETREAT")
