"""Language blocks: script first, stop words next, restricted lingua detectors last."""

from __future__ import annotations

from newsgraph import language
from newsgraph.language import detect_blocks, paragraph_language

THAI = "กระทรวงการต่างประเทศแถลงเมื่อวันจันทร์ว่าการเจรจาจะเริ่มขึ้นอีกครั้งในเดือนหน้าที่กรุงเทพฯ"
EN = ("The foreign ministry said on Monday that the talks would resume in Bangkok next month, "
      "after a pause of almost a year.")
FR = ("Le ministère des Affaires étrangères a indiqué lundi que les négociations reprendraient "
      "le mois prochain à Bangkok.")


def test_thai_then_english_gives_two_blocks_with_offsets() -> None:
    body = f"{THAI}\n\n{THAI}\n\n{EN}\n\nBy Staff\n\n{EN}"
    blocks = detect_blocks(body)
    assert [b.lang for b in blocks] == ["th", "en"]
    th, en = blocks
    assert body[th.start:th.end] == f"{THAI}\n\n{THAI}"
    assert body[en.start:en.end] == f"{EN}\n\nBy Staff\n\n{EN}"  # the short line joins its run


def test_short_opening_line_takes_the_next_language() -> None:
    body = f"Bangkok\n\n{EN}"
    assert [(b.lang, b.start) for b in detect_blocks(body)] == [("en", 0)]


def test_languages_by_script_and_detector() -> None:
    assert paragraph_language(FR) == "fr"
    assert paragraph_language("Министерство иностранных дел заявило в понедельник, что переговоры "
                              "возобновятся в следующем месяце.") == "ru"
    korean = "외교부는 월요일 회담이 다음 달 재개될 것이라고 밝혔다 외교부는 월요일"
    assert paragraph_language(korean) == "ko"
    arabic = "وقالت وزارة الخارجية يوم الاثنين إن المحادثات ستستأنف الشهر المقبل"
    assert paragraph_language(arabic) == "ar"
    assert paragraph_language("ok") is None


def test_detectors_are_built_per_script_only_when_needed() -> None:
    language._detector.cache_clear()
    language.paragraph_language.cache_clear()
    paragraph_language(EN)  # settled by English stop words: no detector at all
    paragraph_language(THAI)  # settled by script
    assert language._detector.cache_info().currsize == 0
    croatian = ("Ministarstvo vanjskih poslova objavilo je u ponedjeljak da će se pregovori "
                "nastaviti sljedećeg mjeseca u Zagrebu, nakon stanke od gotovo godinu dana.")
    assert paragraph_language(croatian) == "hr"
    assert language._lingua("LATIN", croatian) == "hr"  # what undecided Latin text goes to
    assert language._detector.cache_info().currsize == 1  # Latin only, not every language


def test_short_latin_line_is_left_to_its_neighbours() -> None:
    assert paragraph_language("Ministers Meet In Manila Today") is None


def test_empty_body_has_no_blocks() -> None:
    assert detect_blocks("") == ()


def test_one_short_sentence_is_judged_as_a_whole():
    # Too short for per-paragraph detection; without a whole-text judgement it stayed
    # undetermined and was never parsed.
    assert [b.lang for b in detect_blocks("China condemned the sanctions.")] == ["en"]
    assert [b.lang for b in detect_blocks("El gobierno de España anunció hoy sanciones.")] == ["es"]
