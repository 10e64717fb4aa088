"""Given-actors classification on sentences written for each construction."""

from __future__ import annotations

import pytest

from newsgraph.classify import classify, classify_many, spans_of

CASES = [
    # plain transitive verbs, mapped through verb classes
    ("Norland condemned Westria for the border incident.", "Norland", "Westria", "ACCUSE"),
    ("The rebels attacked a police station in Eastport.", "The rebels", "a police station",
     "ASSAULT"),
    ("Police in Eastport arrested three opposition activists.", "Police in Eastport",
     "three opposition activists", "COERCE"),
    ("The foreign minister met his Westrian counterpart in Geneva.", "The foreign minister",
     "his Westrian counterpart", "CONSULT"),
    ("Norland rejected the Westrian proposal outright.", "Norland", "the Westrian proposal",
     "REJECT"),
    # passive: the type does not depend on voice
    ("The strikes were condemned by several delegates from Westria.", "several delegates",
     "The strikes", "ACCUSE"),
    # control: the controlling verb wins over the embedded deed
    ("The council called on Norland to halt the shelling.", "The council", "Norland",
     "REQUEST"),
    ("The envoy urged the militia to release the hostages.", "The envoy", "the militia",
     "REQUEST"),
    # light-verb constructions take the type of the event noun
    ("Norland held talks with Westria on Tuesday.", "Norland", "Westria", "CONSULT"),
    ("The government imposed a curfew on the northern provinces.", "The government",
     "the northern provinces", "COERCE"),
    ("The army launched an offensive against the rebels.", "The army", "the rebels", "ASSAULT"),
    ("Norland exercised its veto against the Westrian resolution.", "Norland",
     "the Westrian resolution", "REJECT"),
    # reported speech is looked through to the reported deed
    ("Officials said the navy shelled positions held by the rebels.", "the navy",
     "positions held by the rebels", "ASSAULT"),
    # stopping a conflict is a concession; refusing to stop it a rejection
    ("The union called off the strike against the ministry.", "The union", "the ministry",
     "YIELD"),
    ("The governor lifted the curfew in the capital.", "The governor", "the capital", "YIELD"),
    ("The dockers said they will not end the strike against the port authority.",
     "The dockers", "the port authority", "REJECT"),
    # promises: a promised concession is AGREE, a promised sanction THREATEN
    ("The rebels said they will release the captured engineers.", "The rebels",
     "the captured engineers", "AGREE"),
    ("Norland will impose sanctions on Westrian banks, the minister said.", "Norland",
     "Westrian banks", "THREATEN"),
    # signing an agreement is SUPPORT; agreeing to do something is AGREE
    ("Norland and Westria signed a trade agreement on Monday.", "Norland", "Westria",
     "SUPPORT"),
    ("Norland agreed to hold joint naval exercises with Westria.", "Norland", "Westria",
     "AGREE"),
    # a purpose clause of a phone call or summons gives the type
    ("The president called his Westrian counterpart to congratulate him on the election.",
     "The president", "his Westrian counterpart", "SUPPORT"),
    ("Norland summoned the Westrian ambassador to complain about the incident.", "Norland",
     "the Westrian ambassador", "ACCUSE"),
    # nominal events and mobilisation
    ("Norland sent troops to the Westrian border.", "Norland", "the Westrian border",
     "MOBILIZE"),
    ("Norland sent peacekeeping troops to Eastport.", "Norland", "Eastport", "AID"),
    ("Norland gave $5 million to the Eastport relief fund.", "Norland",
     "the Eastport relief fund", "AID"),
    ("Thousands of teachers went on strike against the education ministry.",
     "Thousands of teachers", "the education ministry", "PROTEST"),
    ("Norland suspended military aid to Westria.", "Norland", "Westria", "SANCTION"),
    ("Norland withdrew its troops from Westria.", "Norland", "Westria", "YIELD"),
]

YIELD = {"CONCEDE", "RETREAT"}


def _ok(pred: str, gold: str) -> bool:
    return pred == gold or (gold == "YIELD" and pred in YIELD)


@pytest.mark.parametrize(("sentence", "source", "target", "gold"), CASES)
def test_classify_construction(sentence, source, target, gold):
    assert _ok(classify(sentence, source, target), gold)


def test_classify_many_keeps_order_and_matches_single():
    rows = [(s, a, b) for s, a, b, _ in CASES[:6]]
    batch = list(classify_many(rows))
    assert batch == [classify(*r) for r in rows]


def test_classify_many_accepts_dicts_and_spans():
    sentence = "Norland condemned Westria for the border incident."
    rows = [{"sentence": sentence, "source": "Norland", "target": "Westria"},
            (sentence, (0, 7), (18, 25))]
    assert list(classify_many(rows)) == ["ACCUSE", "ACCUSE"]


def test_missing_mention_backs_off_to_the_sentence():
    # the target is not in the sentence: the sentence-level cue still types it
    assert classify("Norland condemned the border incident.", "Norland", "Westria") == "ACCUSE"
    assert classify("The weather was mild.", "Norland", "Westria") == "NONE"


def test_spans_tolerate_whitespace_and_pick_nearest_target():
    s = "Norland  praised Westria, and Westria thanked Norland."
    src, tgt = spans_of(s, "Norland", "Westria")
    assert src == (0, 7) and tgt == (17, 24)
    assert spans_of("The  European Union met.", "European Union", "x")[0] == (5, 19)


def test_without_backoff_only_the_linking_predicate_counts():
    from newsgraph.classify import classify_parsed
    from newsgraph.nlp import english

    sentence = "Norland met Westria, while the rebels attacked Eastport."
    doc = english()(sentence)
    src, tgt = spans_of(sentence, "Norland", "Westria")
    assert classify_parsed(doc, src, tgt, backoff=False) == "CONSULT"
    # a pair with no linking predicate: nothing with backoff off
    lone = "Norland. Westria."
    doc = english()(lone)
    assert classify_parsed(doc, (0, 7), (9, 16), backoff=False) == "NONE"
