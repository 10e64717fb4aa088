"""Helpers for the actor tests: mentions of a body and the code found for a text."""

from __future__ import annotations

from newsgraph.actors import find_mentions
from newsgraph.model import Article, Mention
from newsgraph.nlp import english


def mentions(body: str, published: str | None = "2025-03-01",
             title: str | None = None) -> list[Mention]:
    art = Article("t", "t", title, body, published, None, None, None, None)
    return find_mentions(english()(body), art)


def code_of(ms: list[Mention], text: str) -> str | None:
    found = [m for m in ms if m.text == text]
    assert found, (text, [m.text for m in ms])
    return found[0].actor.code


def code_in(body: str, text: str, **kw) -> str | None:
    """The code the mention `text` of `body` resolves to."""
    return code_of(mentions(body, **kw), text)
