"""Fold-wise cross-validation of the date rules: the selection rule itself, and that the
resolver uses exactly the rules the data file keeps (plain htmldate otherwise)."""

from __future__ import annotations

from newsgraph.clean import date_rules
from newsgraph.clean.date_rules import RULES, Page, kept, resolve
from newsgraph.clean.html import parse
from newsgraph.evaluate.date_cv import Answers, cross_validate, fold_of, resolved
from newsgraph.model import RawDoc


def _answers(n: int, rule: str, right_on, wrong_on) -> list[Answers]:
    """n pages; htmldate is right on all but `right_on` (where the rule is right) and the rule
    is wrong where `wrong_on` holds."""
    out = []
    for i in range(n):
        key = f"page{i}"
        gold = "2020-01-02"
        rules = {name: None for name in RULES}
        html = gold
        if right_on(i):
            html, rules[rule] = "2020-01-01", gold
        elif wrong_on(i):
            rules[rule] = "2020-01-03"
        out.append(Answers(key, gold, html, rules))
    return out


def test_rule_kept_only_when_it_wins_on_every_fold() -> None:
    pages = _answers(100, "stamped", right_on=lambda i: True if i % 3 == 0 else False,
                     wrong_on=lambda i: False)
    assert "stamped" in cross_validate(pages)["kept"]
    # The same wins, but all losses land in one fold: the rule goes.
    fold0 = {a.key for a in pages if fold_of(a.key) == 0}
    mixed = _answers(100, "stamped", right_on=lambda i: i % 3 == 0 and f"page{i}" not in fold0,
                     wrong_on=lambda i: f"page{i}" in fold0)
    result = cross_validate(mixed)
    assert "stamped" not in result["kept"] and result["rules"]["stamped"]["fold_deltas"][0] < 0


def test_resolved_overrides_then_htmldate_then_fallback() -> None:
    rules = {name: None for name in RULES}
    a = Answers("k", "2020-01-01", None, {**rules, "dump": "2020-01-01", "meta": None})
    assert resolved(a, ()) is None and resolved(a, ("dump",)) == "2020-01-01"
    b = Answers("k", "2020-01-01", "2020-01-05", {**rules, "url": "2020-01-01",
                                                   "dump": "2020-01-09"})
    assert resolved(b, ("dump",)) == "2020-01-05" and resolved(b, ("url", "dump")) == "2020-01-01"


def test_default_resolver_is_htmldate_plus_the_kept_rules() -> None:
    page = (b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            b'"datePublished": "2020-05-02T02:30:00Z"}</script></head><body><article><p>'
            + b"Words of the article. " * 40 + b"</p></article></body></html>")
    raw = RawDoc("0" * 64, "https://news.example.ca/a", "a", "text/html", page, "2020-06-01")
    p = Page(parse(raw), raw.origin)
    assert set(kept()) <= set(RULES)
    if not kept():
        assert resolve(p)[0] == p.htmldate == "2020-05-02"
    assert date_rules.kept.cache_info().currsize == 1
