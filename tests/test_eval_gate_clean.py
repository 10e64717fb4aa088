"""Evaluation gate for cleaning (like trafilatura's tests/eval_gate.py).

Runs the two public benchmarks in ../shared/data, on the HTML pages and on
text dumps of the same pages, and fails when a score drops below its pinned
floor. Floors are the scores reached when they were pinned, rounded down to
two decimals; raise them when cleaning improves, never lower them to pass.
About a minute on 2 cores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.clean_bench import format_report, score_bodies, score_dates

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
BODIES = SHARED / "article-extraction-benchmark"
DATES = SHARED / "htmldate-mediacloud-2020"

# mode -> floor: the achieved numbers rounded down, measured with `newsgraph evaluate clean|dates`
# (session 2, 2026-11-23): HTML bodies 0.9746, text-dump bodies 0.9303, HTML dates 0.945,
# text-dump dates 0.815.
BODY_F1_FLOOR = {"html": 0.97, "text": 0.93}
DATE_ACCURACY_FLOOR = {"html": 0.94, "text": 0.81}


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["html", "text"])
def test_body_f1_floor(mode):
    result = score_bodies(BODIES, mode)
    assert result["n"] == 181
    assert result["f1"] >= BODY_F1_FLOOR[mode], format_report(result)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["html", "text"])
def test_date_accuracy_floor(mode):
    result = score_dates(DATES, mode)
    assert result["n"] == 200
    assert result["accuracy"] >= DATE_ACCURACY_FLOOR[mode], format_report(result)
