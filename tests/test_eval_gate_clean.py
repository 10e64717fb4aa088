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
# (session 2, 2026-11-23): HTML bodies 0.9746, text-dump bodies 0.9303, text-dump dates 0.815.
# HTML dates are gated side by side with plain htmldate instead (issue 11: the rules fitted to
# these pages lost to htmldate on unseen ones): 0.885 = htmldate's 0.885, rules cross-validated.
BODY_F1_FLOOR = {"html": 0.97, "text": 0.93}
DATE_ACCURACY_FLOOR = {"text": 0.81}
HTML_DATE_FLOOR = 0.88


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["html", "text"])
def test_body_f1_floor(mode):
    result = score_bodies(BODIES, mode)
    assert result["n"] == 181
    assert result["f1"] >= BODY_F1_FLOOR[mode], format_report(result)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["text"])
def test_date_accuracy_floor(mode):
    result = score_dates(DATES, mode)
    assert result["n"] == 200
    assert result["accuracy"] >= DATE_ACCURACY_FLOOR[mode], format_report(result)


@pytest.mark.slow
def test_html_dates_cross_validated_against_htmldate():
    """The kept rules are what fold-wise cross-validation keeps today, and the resolver is
    right at least as often as plain htmldate, in and out of sample."""
    from newsgraph.clean.date_rules import kept
    from newsgraph.evaluate.clean_bench import date_pages, run_pool
    from newsgraph.evaluate.date_cv import cross_validate, format_report, page_answers

    result = cross_validate(run_pool(page_answers, date_pages(DATES), "html"))
    assert result["n"] == 200
    assert result["kept"] == list(kept()), format_report(result)
    assert result["cross_validated"] >= result["htmldate"], format_report(result)
    assert result["in_sample"] >= max(result["htmldate"], HTML_DATE_FLOOR), format_report(result)
