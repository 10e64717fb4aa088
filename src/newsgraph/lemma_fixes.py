"""Lemmas the model's rule lemmatizer gets wrong, set right after it ("raped" -> "rap":
its rules find the real verb "rap" first, and an exception cannot outrank a form the rules
also find). The forms and their lemmas are data (lemmas.yaml); one vectorised lookup per
document finds the few tokens to change."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from .yaml_fast import safe_load

NAME = "newsgraph_lemma_fixes"


@cache
def fixes() -> dict[tuple[str, str], str]:
    """(lowercase form, coarse part of speech) -> lemma."""
    data = safe_load(files("newsgraph").joinpath("lemmas.yaml").read_text("utf-8"))
    return {(form, pos.upper()): lemma for pos, forms in data.items()
            for form, lemma in forms.items()}


class LemmaFixes:
    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        self._fixes = {(strings.add(form), pos): lemma for (form, pos), lemma in fixes().items()}
        self._forms = numpy.array(sorted({k for k, _ in self._fixes}), dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        lowers = doc.to_array([LOWER])
        for i in numpy.flatnonzero(numpy.isin(lowers, self._forms)):
            tok = doc[int(i)]
            lemma = self._fixes.get((tok.lower, tok.pos_))
            if lemma is not None:
                tok.lemma_ = lemma
        return doc


@Language.factory(NAME)
def make_lemma_fixes(nlp: Language, name: str) -> LemmaFixes:  # noqa: ARG001 - spaCy's signature
    return LemmaFixes(nlp)


def install(nlp: Language) -> None:
    """After whatever assigns lemmas (morph.py's component, or spaCy's lemmatizer)."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="ner" if "ner" in nlp.pipe_names else None)
