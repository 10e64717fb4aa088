"""Cleaning: raw bytes → Article (body, title, date, outlet, author, language blocks).

HTML goes to `clean.html.clean_html`; plain-text dumps to `clean.text.clean_text`.
`clean_batch` also uses cross-document evidence: lines recurring across the batch are a
site's furniture (CCNet-style). Fields a JSONL line supplies override what cleaning finds.
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.clean.batch import repeated_lines
from newsgraph.clean.text import clean_text
from newsgraph.errors import NewsgraphError
from newsgraph.language import detect_blocks
from newsgraph.model import Article, RawDoc
from newsgraph.sources.decode import decode


def clean(raw: RawDoc) -> Article:
    """One document; raises NewsgraphError (E009 when no text is left, E003 on bad bytes)."""
    return _clean(raw, frozenset())


def clean_batch(raws: list[RawDoc]) -> list[Article | NewsgraphError]:
    """Each document in order, an error in place of a document that fails."""
    texts: dict[int, str] = {}
    out: list[Article | NewsgraphError | None] = [None] * len(raws)
    for k, raw in enumerate(raws):
        if raw.content_type != "text/html":
            try:
                texts[k] = decode(raw.data, raw.origin)
            except NewsgraphError as e:
                out[k] = e
    repeated = repeated_lines(list(texts.values()))
    for k, raw in enumerate(raws):
        if out[k] is None:
            try:
                out[k] = _clean(raw, repeated.get(texts.get(k, ""), frozenset()), texts.get(k))
            except NewsgraphError as e:
                out[k] = e
    return out  # type: ignore[return-value]


def _clean(raw: RawDoc, repeated: frozenset[str], text: str | None = None) -> Article:
    if raw.content_type == "text/html":
        from newsgraph.clean.html import clean_html  # another module; loaded only for HTML

        article = clean_html(raw)
    else:
        article = clean_text(raw, text if text is not None else decode(raw.data, raw.origin),
                             repeated)
    if not article.blocks and article.body:
        article = replace(article, blocks=detect_blocks(article.body))
    return apply_input_meta(article, raw)


def apply_input_meta(article: Article, raw: RawDoc) -> Article:
    """Metadata given with the input (a JSONL line) beats anything found by cleaning."""
    m = raw.meta
    if not m:
        return article
    return replace(
        article,
        title=m.get("title") or article.title,
        published=m.get("published", "")[:10] or article.published,
        published_source="input" if m.get("published") else article.published_source,
        outlet=m.get("outlet") or article.outlet,
        author=m.get("author") or article.author,
        url=m.get("url") or article.url,
    )


__all__ = ["clean", "clean_batch", "apply_input_meta"]
