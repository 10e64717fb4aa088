"""Run-in subheadings of flattened text are set on their own line for the parser only."""

from __future__ import annotations

from newsgraph.headings import break_run_in_headings
from test_events_coder import code, find

FLAT = ("The spokesman said the talks had failed. International reaction A spokesperson for "
        "the French foreign ministry condemned Russia on Friday.")


def test_a_run_in_heading_gets_a_newline_and_offsets_stay():
    view = break_run_in_headings(FLAT)
    assert len(view) == len(FLAT)
    assert "failed. International reaction\nA spokesperson" in view


def test_ordinary_sentences_and_lined_text_are_left_alone():
    for text in ("He told The Hague court on Monday. The case went to The Hague judges.",
                 "Officials said. Russia and China vetoed the text. In May, talks resumed.",
                 "Title line\nInternational reaction A spokesperson said so."):
        assert break_run_in_headings(text) == text


def test_the_heading_is_no_longer_the_speaker():
    events = code(FLAT)
    assert find(events, "ACCUSE", "FRA", "RUS")
