"""The model's attribute ruler and rule lemmatizer, remembered per token kind.

spaCy runs the attribute ruler's 179 Matcher patterns over every token of every document and
lemmatizes token by token in Python: together a fifth of the parse's CPU. What either gives
a token depends only on the token itself (its text, tag, dependency label and what it has
so far) except for the few patterns of two tokens ("gon na", "there is"), so this component
works each token kind out once and copies the answer after; the patterns of several tokens
still run through spaCy's Matcher, in a window at each token that may start one. Same
annotation, same precedence (later patterns win), checked token for token against the stock
components by tests/test_morph.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

NAME = "newsgraph_morph"
COLS = [ORTH, POS, MORPH, LEMMA, TAG, DEP]  # what a token kind is (to_array columns)
MEMO = 100_000  # kinds remembered before starting afresh: a few tens of MB at most
Kind = tuple[int, ...]  # a row of COLS
Test = Callable[[dict], bool]  # one pattern token against a kind's features


class Unsupported(ValueError):
    """A ruler pattern this module does not evaluate itself (the stock pair stays)."""


def _test(spec: dict) -> Test:
    """One token of a Matcher pattern as a test (the keys and predicates the model uses)."""
    checks = []
    for key, want in spec.items():
        if key not in ("LOWER", "TAG", "DEP", "IS_SPACE"):
            raise Unsupported(key)
        if not isinstance(want, dict):
            checks.append(lambda f, k=key, w=want: f[k] == w)
            continue
        for op, arg in want.items():
            if op == "IN":
                checks.append(lambda f, k=key, s=frozenset(arg): f[k] in s)
            elif op == "NOT_IN":
                checks.append(lambda f, k=key, s=frozenset(arg): f[k] not in s)
            elif op == "REGEX":
                checks.append(lambda f, k=key, r=re.compile(arg): bool(r.search(f[k])))
            else:
                raise Unsupported(op)
    return lambda f: all(c(f) for c in checks)


def _file(spec: dict) -> tuple[str, object]:
    """Where a one-token pattern is filed: under the exact tag or form it needs, if any."""
    for key in ("TAG", "LOWER"):
        if isinstance(spec.get(key), str):
            return key, spec[key]
    return "", None


Filed = dict[tuple[str, object], list[tuple[int, Test]]]


def _matching(filed: Filed, features: dict) -> list[int]:
    """The rules of the filed one-token patterns that match, in rule order."""
    cands = [*filed.get(("TAG", features["TAG"]), ()),
             *filed.get(("LOWER", features["LOWER"]), ()), *filed.get(("", None), ())]
    return sorted(i for i, test in cands if test(features))


class Morph:
    """Attribute ruler + rule lemmatizer with a memory; same output as the pair."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        self.ruler, self.lemmatizer, self.vocab = ruler, lemmatizer, ruler.vocab
        # one-token patterns, filed under an exact tag or lowercase form they require
        self.single: Filed = {}
        self.starts: Filed = {}  # the first tokens of the longer ones
        self.multi = Matcher(self.vocab)  # the longer ones themselves
        self.width = 1
        for i, rule in enumerate(ruler.patterns):
            if set(rule["attrs"]) - {"POS", "MORPH", "LEMMA", "TAG", "DEP"}:
                raise Unsupported(str(rule["attrs"]))
            for pat in rule["patterns"]:
                if any("OP" in t for t in pat):
                    raise Unsupported("OP")
                if len(pat) == 1:
                    self.single.setdefault(_file(pat[0]), []).append((i, _test(pat[0])))
                else:
                    self.starts.setdefault(_file(pat[0]), []).append((i, _test(pat[0])))
                    self.multi.add(str(i), [pat])
                    self.width = max(self.width, len(pat))
        # kind -> ((POS, MORPH, LEMMA, TAG, DEP) after the one-token rules, may start a longer)
        self._ruled: dict[Kind, tuple[tuple[int, ...], bool]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(COLS).tolist()
        out, starts = [], []
        for i, row in enumerate(rows):
            kind = tuple(row)
            got = self._ruled.get(kind)
            if got is None:
                if len(self._ruled) >= MEMO:
                    self._ruled.clear()
                f = self._features(kind)
                got = self._ruled[kind] = (self._apply(kind, _matching(self.single, f)),
                                           bool(_matching(self.starts, f)))
            out.append(got[0])
            if got[1]:
                starts.append(i)
        extra: dict[int, list[int]] = {}  # token -> longer rules aimed at it
        for i in starts:  # a pattern without operators lies inside the window at its start
            for m_id, start, end in self.multi(doc[i:i + self.width], allow_missing=True):
                if start == 0:  # one starting later is found from its own first token
                    rule = int(self.vocab.strings[m_id])
                    index = self.ruler.indices[rule]
                    extra.setdefault(i + (index if index >= 0 else end + index), []).append(rule)
        for i, rules in extra.items():
            kind = tuple(rows[i])
            out[i] = self._apply(kind, sorted([*_matching(self.single, self._features(kind)),
                                               *rules]))
        self._write(doc, rows, out)
        self._lemmatize(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:  # noqa: ARG002
        for doc in docs:
            yield self(doc)

    def _features(self, kind: Kind) -> dict:
        lex = self.vocab[kind[0]]
        return {"LOWER": lex.lower_, "IS_SPACE": lex.is_space,
                "TAG": self.vocab.strings[kind[4]], "DEP": self.vocab.strings[kind[5]]}

    def _apply(self, kind: Kind, rules: list[int]) -> tuple[int, ...]:
        """The attributes after the rules, applied in rule order as AttributeRuler does."""
        values = dict(zip(COLS[1:], kind[1:], strict=True))
        for rule in dict.fromkeys(rules):  # a rule with two matching patterns sets once
            values.update(self.ruler.attrs[rule])
        return tuple(values[a] for a in COLS[1:])

    def _write(self, doc: Doc, rows: list[list[int]], out: list[tuple[int, ...]]) -> None:
        import numpy

        cols = numpy.array(out, dtype="uint64").reshape(len(out), 5)
        doc.from_array([POS, MORPH, LEMMA], cols[:, :3])
        for i, (row, v) in enumerate(zip(rows, out, strict=True)):
            if v[3] != row[4]:  # TAG and DEP: two rare rules, token by token
                doc[i].tag = v[3]
            if v[4] != row[5]:
                doc[i].dep = v[4]

    def _lemmatize(self, doc: Doc) -> None:
        """The lemmatizer's lemma for every token without one (it never overwrites)."""
        import numpy

        lemmas = []
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:
                key = (orth, pos, morph)
                lemma = self._lemmas.get(key)
                if lemma is None:
                    if len(self._lemmas) >= MEMO:
                        self._lemmas.clear()
                    lemma = self._lemmas[key] = self.vocab.strings.add(
                        self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))


@Language.factory(NAME)
def make_morph(nlp: Language, name: str) -> Morph:  # noqa: ARG001 - spaCy's signature
    return Morph(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def install(nlp: Language) -> bool:
    """Put Morph in the place of the stock pair (kept, disabled); False, and the pair
    stays, when it is not the kind Morph copies (a lookup lemmatizer, one that overwrites,
    patterns with other keys or operators)."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    ruler, lem = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    if not (isinstance(ruler, AttributeRuler) and isinstance(lem, Lemmatizer)
            and lem.mode == "rule" and not lem.overwrite):
        return False
    try:
        Morph(ruler, lem)
    except Unsupported:
        return False
    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
