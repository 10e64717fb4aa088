"""Run-in subheadings of flattened article text, set apart for the parser.

Feeds and exports often flatten an article to one line, so a subheading runs into the
sentence after it: "... the spokesperson said. International reaction A U.S. State Department
spokesperson urged ...". The parser then takes "International reaction" for the subject. A
heading is a short run of words (at most MAX_WORDS, no punctuation) right after a sentence end,
followed by a capitalised word that opens sentences and never continues a noun phrase ("A",
"During", "Since"). Its trailing space becomes a newline in the parser's view only: offsets and
the stored body are unchanged.
"""

from __future__ import annotations

import re

MAX_WORDS = 4
OPENERS = ("A", "An", "The", "In", "On", "At", "During", "After", "Before", "But", "As", "When",
           "While", "Since", "For", "With", "According", "Despite", "Last", "This", "It", "He",
           "She", "They", "We", "Earlier", "Later", "Meanwhile", "Hours", "Days", "Weeks")
_WORD = r"[A-Za-z0-9][\w'’-]*"
_HEADING = re.compile(
    rf"(?:(?<=[.!?][”\"’'] )|(?<=[.!?] ))[A-Z0-9][\w'’-]*(?: {_WORD}){{0,{MAX_WORDS - 1}}}"
    rf"( )(?=(?:{'|'.join(OPENERS)}) (?!Hague\b|Gambia\b|Netherlands\b)[A-Za-z0-9])")


def break_run_in_headings(text: str) -> str:
    """`text` with a newline for the space after each run-in heading; only for text with no
    line breaks at all (a body that keeps its lines has its headings on lines of their own)."""
    if "\n" in text:
        return text
    spaces = [m.start(1) for m in _HEADING.finditer(text)]
    if not spaces:
        return text
    chars = list(text)
    for i in spaces:
        chars[i] = "\n"
    return "".join(chars)
