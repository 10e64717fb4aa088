"""Norms for acronyms the parser would read as English words (norms.yaml).

The model's token embeddings hash the lexeme's NORM, which for "IS" is "is": the parser then
takes the Islamic State for a verb. Setting the norm of the exact (case-sensitive) form gives
it a proper noun's reading; every other token, and the text, stay as they were.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from spacy.language import Language

from .yaml_fast import safe_load


@cache
def norms() -> dict[str, str]:
    return {str(k): str(v) for k, v in
            safe_load(files("newsgraph").joinpath("norms.yaml").read_text("utf-8")).items()}


def install(nlp: Language) -> None:
    for form, norm in norms().items():
        nlp.vocab[form].norm_ = norm
