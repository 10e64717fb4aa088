"""Article -> AnnotatedDoc: parse the English blocks, split sentences, find actors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .focus import parse_view, with_skipped
from .headings import break_run_in_headings
from .model import AnnotatedDoc, Article, Sentence
from .nlp import english

# "und": text too short to tell is parsed as English rather than dropped.
PARSED_LANGS = {"en", "und"}


def english_view(article: Article) -> str:
    """The body with every non-English block blanked to spaces (newlines kept) and run-in
    subheadings set on lines of their own, so the parser sees only English sentences and
    token offsets stay body offsets."""
    body = article.body
    if not article.blocks:
        return break_run_in_headings(body)
    chars = list(body)
    for b in article.blocks:
        if b.lang not in PARSED_LANGS:
            for i in range(b.start, min(b.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
    return break_run_in_headings("".join(chars))


def _assemble(article: Article, parse) -> AnnotatedDoc:
    from .actors import find_mentions

    text = parse.text
    sentences = tuple(_sentence(s.start_char, text[s.start_char:s.end_char])
                      for s in parse.sents)  # slicing, not Span.text: no walk over tokens
    sentences = tuple(s for s in sentences if s is not None)
    sentences = with_skipped(article, sentences)  # parse less: sentences the parser never saw
    mentions = tuple(find_mentions(parse, article))
    return AnnotatedDoc(article, sentences, mentions, parse)


def _sentence(start: int, text: str) -> Sentence | None:
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    return Sentence(start + lead, start + lead + len(stripped), stripped)


def annotate(article: Article) -> AnnotatedDoc:
    return _assemble(article, english()(parse_view(article)))


def annotate_many(
    articles: Iterable[Article], n_process: int = 1, batch_size: int = 16
) -> Iterator[AnnotatedDoc]:
    """Parse many articles with `nlp.pipe`; order is preserved."""
    articles = list(articles)
    texts = (parse_view(a) for a in articles)
    parses = english().pipe(texts, n_process=n_process, batch_size=batch_size)
    for article, parse in zip(articles, parses, strict=True):
        yield _assemble(article, parse)
