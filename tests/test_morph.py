"""newsgraph's tuned spaCy (numpy BLAS, morph.Morph) annotates exactly as spaCy as shipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import nlp
from newsgraph.morph import NAME

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# The attribute ruler's two-token patterns and its rules for spaces and odd tags.
ODD = [
    "We're gonna win, ain't we? Y'all know there is a deal and there were two. Let's go, "
    "c'mon! Gotta   run.\n\n  There's  more:  \t(see above) -- 3.5% of $2bn, e.g. U.S.-led.",
    "LET'S GO. Gon na happen. y all ai n't it. Was there?",
]


def _annotation(docs) -> list[list[tuple]]:
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
              t.ent_type_, t.is_sent_start) for t in d] for d in docs]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    from newsgraph import pipeline

    raws = list(pipeline.read([str(EXAMPLES)], 1 << 30, lambda e: None))
    bodies = [a.body for _, a in pipeline.clean(raws, lambda e: None)]
    assert len(bodies) >= 6
    return bodies[:6] + ODD  # a few real articles keep the test quick


def test_tuned_pipeline_replaces_ruler_and_lemmatizer() -> None:
    names = nlp.english().pipe_names
    assert NAME in names and "attribute_ruler" not in names and "lemmatizer" not in names


def test_same_annotation_as_stock_spacy(texts: list[str]) -> None:
    tuned, stock = nlp.english(), nlp.stock()
    assert _annotation(tuned.pipe(texts)) == _annotation(stock.pipe(texts))
    # the second pass answers from Morph's memory: still the same
    assert _annotation(tuned.pipe(texts[-4:])) == _annotation(stock.pipe(texts[-4:]))


def test_blas_reports_a_library() -> None:
    assert nlp.blas() in ("numpy", "blis")
