"""Acronyms spelt like English words are read by the parser as names (norms.yaml)."""

from __future__ import annotations

from newsgraph.nlp import english, stock


def test_is_the_islamic_state_is_no_verb():
    text = "Fighters loyal to IS attacked the town."
    ours = {t.text: t.pos_ for t in english()(text)}
    assert ours["IS"] == "PROPN" and ours["attacked"] == "VERB"
    # the model as shipped reads it as the auxiliary: the norm is what changes it
    assert {t.text: t.pos_ for t in stock()(text)}["IS"] == "AUX"
    assert english()("The plan is ready.")[2].pos_ == "AUX"  # lower-case "is" untouched
