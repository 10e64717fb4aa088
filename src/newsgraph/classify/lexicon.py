"""Lexicons the classifier reads: our PLOVER cue file and the CAMEO-derived verb classes.

The CAMEO verb classes live with the event coder (`events/data/verbs_cameo.tsv`, or
`newsgraph.events.lexicon` once it exists); only classifier-specific cues live here.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
EVENTS_TSV = Path(__file__).parents[1] / "events" / "data" / "verbs_cameo.tsv"


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue file, indexed: verb/noun lemma -> type, phrase (lemma, word) -> type, word sets."""
    raw = yaml.safe_load((DATA / "cues.yaml").read_text(encoding="utf-8"))
    out: dict = {"verb": {}, "noun": {}, "adj": {}, "phrase": {}}
    for kind in ("verb", "noun", "adj"):
        for ptype, words in (raw.get(kind + "s") or {}).items():
            for w in words:
                out[kind].setdefault(w, ptype)
    for ptype, pairs in (raw.get("phrases") or {}).items():
        for pair in pairs:
            head, word = pair.split(None, 1)
            out["phrase"].setdefault((head, word), ptype)
    for key in ("light", "neutral", "request_control", "comm", "stop", "purpose", "promise",
                "future_aux", "peacekeeping", "concluded"):
        out[key] = frozenset(raw.get(key) or ())
    return out


@lru_cache(maxsize=1)
def cameo_verbs() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """CAMEO verb classes: bare lemma -> PLOVER type, and (lemma, object word) -> type."""
    bare: dict[str, str] = {}
    with_obj: dict[tuple[str, str], str] = {}
    if not EVENTS_TSV.exists():
        return bare, with_obj
    with EVENTS_TSV.open(encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows, None)
        for row in rows:
            if len(row) < 4 or not row[3]:
                continue
            lemma, obj, ptype = row[0].replace("_", " "), row[1], row[3]
            if obj:
                with_obj.setdefault((lemma, obj.lower()), ptype)
            else:
                bare.setdefault(lemma, ptype)
    return bare, with_obj


def verb_type(lemma: str, words: set[str]) -> str | None:
    """Type of a verb lemma given the lemmas of its dependents (phrases first)."""
    c = cues()
    for w in words:
        t = c["phrase"].get((lemma, w))
        if t:
            return t
    if lemma in c["verb"]:
        return c["verb"][lemma]
    ev = _events_lexicon()
    if ev is not None:
        for w in words:
            sense = ev.verb_object_sense(lemma, w)
            if sense:
                return sense.type
        classes = ev.verb_classes(lemma)
        return classes[0][0] if classes else None
    bare, with_obj = cameo_verbs()
    for w in words:
        t = with_obj.get((lemma, w))
        if t:
            return t
    return bare.get(lemma)


def noun_type(lemma: str) -> str | None:
    t = cues()["noun"].get(lemma)
    if t is None and " " not in lemma and (ev := _events_lexicon()) is not None:
        classes = ev.noun_classes(lemma)
        t = classes[0][0] if classes else None
    return t


@lru_cache(maxsize=1)
def _events_lexicon():
    """The event coder's lexicon module, when it is installed (it owns the verb classes)."""
    try:
        from ..events import lexicon
    except Exception:  # noqa: BLE001 - a half-built events package must not stop classify
        return None
    return lexicon


def adj_type(lemma: str) -> str | None:
    return cues()["adj"].get(lemma)
