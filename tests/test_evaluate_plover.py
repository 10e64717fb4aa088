"""The PLOVER scorer on tiny files, and the given-actors gate on PLV_train."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.plover import (
    _overlaps,
    format_report,
    metrics,
    read_gsr,
    read_plv,
    score_plv,
    unmark,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
PLV = SHARED / "data" / "plover" / "PLV_train.tsv"
GIVEN_FLOOR = 0.81  # macro-F1 reached on PLV_train (0.813), rounded down
# End-to-end macro-F1 on PLV_train (0.498): in-state events now have a null target (GUIDELINES
# rule 14) and speech acts aimed at no one are dropped, which costs PLV's marked target pairs.
E2E_FLOOR = 0.49

HEADER = "\tsentence_id\tsentence\tmarked_sentence\tgold_root\n"


def _tsv(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = [HEADER]
    for i, (marked, gold) in enumerate(rows):
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "")
        plain = plain.replace("</t>", "")
        lines.append(f"{i}\t{i}\t{plain}\t{marked}\t{gold}\n")
    path = tmp_path / "mini.tsv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_unmark_gives_plain_text_and_first_spans():
    text, spans = unmark("<s>Norland </s>praised <t>Westria</t> and <t>Westria</t> again.")
    assert text == "Norland praised Westria and Westria again."
    assert text[slice(*spans["s"])] == "Norland"  # trailing space inside the tag dropped
    assert spans["t"] == (16, 23)


def test_yield_counts_for_concede_or_retreat():
    r = metrics(["YIELD", "YIELD", "YIELD", "ACCUSE"], ["CONCEDE", "RETREAT", "AID", "ACCUSE"])
    assert r["accuracy"] == 0.75
    assert r["per_class"]["YIELD"]["recall"] == pytest.approx(2 / 3)
    assert r["per_class"]["YIELD"]["precision"] == 1.0


def test_concede_is_not_yield_when_gold_uses_new_names():
    r = metrics(["CONCEDE", "RETREAT"], ["CONCEDE", "CONCEDE"])
    assert r["accuracy"] == 0.5
    assert r["per_class"]["RETREAT"]["f1"] == 0.0


def test_macro_f1_arithmetic():
    # A: tp 1, fp 1, fn 1 -> P .5 R .5 F .5 ; B: tp 1, fp 0, fn 1 -> P 1 R .5 F 2/3
    # C: tp 0, fp 1, fn 0 -> not a gold class, ignored by the macro average
    r = metrics(["A", "A", "B", "B"], ["A", "C", "A", "B"])
    assert r["per_class"]["A"]["f1"] == pytest.approx(0.5)
    assert r["per_class"]["B"]["f1"] == pytest.approx(2 / 3)
    assert set(r["per_class"]) == {"A", "B"}
    assert r["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 2)
    assert r["confusion"]["A|C"] == 1


def test_overlap_matching_is_by_characters():
    body = "The Norland army shelled Westria."
    assert _overlaps("Norland", body, (0, 16))
    assert _overlaps("the Norland army", body, (4, 11))  # case-tolerant location
    assert not _overlaps("Westria", body, (0, 16))
    assert not _overlaps(None, body, (0, 16))
    assert not _overlaps("Norland", body, None)


def test_score_plv_given_on_a_tiny_file(tmp_path):
    path = _tsv(tmp_path, [
        ("<s>Norland</s> condemned <t>Westria</t> for the raid.", "ACCUSE"),
        ("<s>The governor</s> lifted the curfew in <t>the capital</t>.", "YIELD"),
        ("<s>Norland</s> held talks with <t>Westria</t>.", "CONSULT"),
    ])
    r = score_plv(path, setting="given", workers=1)
    assert r["n"] == 3 and r["accuracy"] == 1.0 and r["macro_f1"] == 1.0
    report = format_report(r)
    assert "macro-F1=1.000" in report and "YIEL" in report


def test_score_plv_limit_and_bad_file(tmp_path):
    path = _tsv(tmp_path, [("<s>A</s> met <t>B</t>.", "CONSULT")] * 5)
    assert len(read_plv(path, limit=2)) == 2
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(NewsgraphError) as e:
        read_plv(bad)
    assert e.value.code == "E010"
    with pytest.raises(NewsgraphError):
        read_plv(tmp_path / "missing.tsv")


def test_read_gsr_maps_old_names_and_mutual_actors(tmp_path):
    recs = [
        {"id": "doc", "event": "DOCUMENT"},
        {"id": "1", "event": "DISAPPROVE", "text": "Norland criticised Japan.",
         "source": [{"actorText": "Norland", "code": "NOR"}],
         "target": [{"actorText": "Japan", "code": "JAP"}], "textInfo": {"markup": ""}},
        {"id": "2", "event": "AGREE", "text": "Norland and Westria agreed to cooperate.",
         "source": [{"code": "NOR"}, {"code": "WES"}], "target": None,
         "textInfo": {"markup": "(SRC/TAR: Norland) and (SRC/TAR: Westria) agreed"}},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(recs), encoding="utf-8")
    rows = read_gsr(path)
    assert [r["gold"] for r in rows] == ["ACCUSE", "AGREE"]
    assert rows[0]["triples"] == [("NOR", "ACCUSE", "JPN")]  # CAMEO JAP -> ISO3 JPN
    assert set(rows[1]["triples"]) == {("NOR", "AGREE", "WES"), ("WES", "AGREE", "NOR")}


@pytest.mark.slow
@pytest.mark.skipif(not PLV.exists(), reason="PLV_train.tsv not in ../shared")
def test_gate_given_actors_on_plv_train():
    r = score_plv(PLV, setting="given")
    assert r["n"] == 1050
    assert r["macro_f1"] >= GIVEN_FLOOR, format_report(r)


@pytest.mark.slow
@pytest.mark.skipif(not PLV.exists(), reason="PLV_train.tsv not in ../shared")
def test_gate_end_to_end_on_plv_train():
    r = score_plv(PLV, setting="e2e")
    assert r["n"] == 1050
    assert r["macro_f1"] >= E2E_FLOOR, format_report(r)
