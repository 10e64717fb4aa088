"""Language of each paragraph, and the body split into runs of one language.

Cheap first: the writing system settles most languages (Thai, Korean, Japanese, Greek...);
for Latin text the stop-word lists settle clear cases. Only the rest goes to lingua, with
detectors restricted to the common news languages of one script and built lazily in
low-accuracy mode (trigram models: ~35 MB, not the 1.3 GB of all preloaded models).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

from newsgraph.model import Block

# Scripts that name their language outright.
_SCRIPT_LANG = {"THAI": "th", "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh",
                "GREEK": "el", "HEBREW": "he", "GEORGIAN": "ka", "ARMENIAN": "hy", "LAO": "lo",
                "KHMER": "km", "MYANMAR": "my", "BENGALI": "bn", "TAMIL": "ta", "GUJARATI": "gu"}
# Scripts shared by several news languages: lingua decides among these ISO codes.
_SCRIPT_CANDIDATES = {
    "LATIN": ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "pl", "cs", "ro", "hu",
              "tr", "id", "ms", "vi", "tl", "hr", "sq", "fi"],
    "CYRILLIC": ["ru", "uk", "bg", "sr", "mk", "be", "kk"],
    "ARABIC": ["ar", "fa", "ur"],
    "DEVANAGARI": ["hi", "mr"],
}
_MIN_LETTERS = 20
_MIN_LINGUA_LETTERS = 120  # shorter paragraphs ("By CNN NEWS") take their neighbour's language
_PARA = re.compile(r"[^\n]+")


def detect_blocks(body: str) -> tuple[Block, ...]:
    """Runs of paragraphs in one language, with character offsets into `body`."""
    paras = [(m.start(), m.end(), paragraph_language(m.group())) for m in _PARA.finditer(body)
             if m.group().strip()]
    found = [lang for _, _, lang in paras]
    if paras and not any(found):
        # Every paragraph is short (a bare sentence, a caption): judge the text as a whole,
        # which is still better than leaving it undetermined and unparsed.
        found[0] = _whole_text_language(body)
    langs = _fill_short(found)
    blocks: list[Block] = []
    for (start, end, _), lang in zip(paras, langs, strict=True):
        if blocks and blocks[-1].lang == lang:
            blocks[-1] = Block(lang, blocks[-1].start, end)
        else:
            blocks.append(Block(lang, start, end))
    return tuple(blocks)


def _whole_text_language(text: str) -> str | None:
    scripts = _scripts(text)
    if not scripts:
        return None
    script = scripts.most_common(1)[0][0]
    if sum(scripts.values()) < _MIN_LETTERS or script not in _SCRIPT_CANDIDATES:
        return paragraph_language(text)
    if script == "LATIN" and scripts["LATIN"] < _MIN_LINGUA_LETTERS:
        # Trigram models guess wildly on one short sentence; English is the parse language.
        return _most_stopwords(text) or "en"
    return _lingua(script, text)


def _most_stopwords(text: str) -> str | None:
    """The Latin-script language with most stop-word hits; English wins ties (it is the
    parse language, so a wrong 'en' costs least)."""
    from newsgraph.clean.vocab import stopwords

    words = re.findall(r"[^\W\d_]+", text.lower())
    latin = _SCRIPT_CANDIDATES["LATIN"]
    hits = {lang: sum(w in s for w in words) for lang, s in stopwords().items() if lang in latin}
    best = max(hits.values(), default=0)
    if best == 0:
        return None
    return "en" if hits.get("en") == best else max(hits, key=hits.__getitem__)


@lru_cache(maxsize=4096)
def paragraph_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the paragraph is too short to tell."""
    scripts = _scripts(text)
    if not scripts or sum(scripts.values()) < _MIN_LETTERS:
        return None
    script = scripts.most_common(1)[0][0]
    if script in ("HIRAGANA", "KATAKANA", "CJK") and (scripts["HIRAGANA"] or scripts["KATAKANA"]):
        return "ja"
    if script in _SCRIPT_LANG:
        return _SCRIPT_LANG[script]
    if script == "LATIN":
        by_stops = _by_stopwords(text)
        if by_stops:
            return by_stops
        if scripts["LATIN"] < _MIN_LINGUA_LETTERS:
            return None  # too short for trigrams to tell Tagalog from English
    if script in _SCRIPT_CANDIDATES:
        return _lingua(script, text)
    return None


def _scripts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            counts[name.split(" ")[0]] += 1
    return counts


def _by_stopwords(text: str) -> str | None:
    """A language whose stop words clearly dominate (≥ 25% of words, 1.5× the runner-up)."""
    from newsgraph.clean.vocab import stopwords

    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 8:
        return None
    latin = set(_SCRIPT_CANDIDATES["LATIN"])
    scores = sorted(((sum(w in s for w in words) / len(words), lang)
                     for lang, s in stopwords().items() if lang in latin), reverse=True)
    (top, lang), (second, _) = scores[0], scores[1]
    return lang if top >= 0.25 and top >= 1.5 * second else None


@cache
def _detector(script: str):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in _SCRIPT_CANDIDATES[script]]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def _lingua(script: str, text: str) -> str | None:
    lang = _detector(script).detect_language_of(text)
    return lang.iso_code_639_1.name.lower() if lang else None


def _fill_short(langs: list[str | None]) -> list[str]:
    """Undecided paragraphs take the previous language (or the next one at the start)."""
    out: list[str | None] = list(langs)
    for i in range(len(out)):
        if out[i] is None and i > 0:
            out[i] = out[i - 1]
    nxt = next((x for x in out if x), "und")
    return [x or nxt for x in out]
