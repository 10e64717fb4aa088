"""Event frames: a trigger (verb or event noun) with its source, target and theme."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Sense
from .patterns import NONE, Actors


@dataclass
class Frame:
    trigger: Token
    sense: Sense
    source: Actors = NONE
    target: Actors = NONE
    theme: list[Token] = field(default_factory=list)
    confidence: float = 0.6
    denial: bool = False  # a REJECT/deny whose target comes from the accusation it answers
    about: list[Token] = field(default_factory=list)  # the denied/conceded phrase
    item: str | None = None  # fixed by the trigger ("supports militarily" -> weapons)

    @property
    def type(self) -> str:
        return self.sense.type
