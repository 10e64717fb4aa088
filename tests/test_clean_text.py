"""The plain-text dump cleaner on small noisy pages written for these tests."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from newsgraph.clean import clean, clean_batch
from newsgraph.clean.dates import parse_date
from newsgraph.errors import NewsgraphError
from newsgraph.model import Article, RawDoc

NOISY = "\n".join([
    "Wednesday, 05 June 2030 09:41 GMT",
    "Home | World | Politics | Business | Sport | Culture",
    "x",
    "x",
    "Русский",
    "Harbour Workers Strike Over Pay in Port Aurelia",
    "Dockers walk out at dawn as wage talks collapse",
    "",
    'A picket line outside the main container terminal in Port Aurelia, where several'
    ' hundred dock workers gathered before sunrise on Tuesday to protest over wages.',
    'A picket line outside the main container terminal in Port Aurelia, where several'
    ' hundred dock workers gathered before sunrise on Tuesday to protest over wages.',
    "By Maria Lopez, Coastline Daily",
    "Published: 14 March 2023",
    "",
    'PORT AURELIA — Hundreds of dock workers walked off the job on Tuesday after '
    'talks with the port authority over a new pay agreement broke down late on Monday'
    ' night, halting most cargo traffic.',
    'The union said its members had not received a real increase in four years, while'
    ' the cost of housing in the city has risen sharply over the same period.',
    "Share this article",
    'Officials at the port authority said they were still willing to meet the union '
    'and that an offer made last week remained on the table for the workers to '
    'consider.',
    "Follow us on Telegram for breaking news",
    'Shipping companies warned that a long strike could delay deliveries across the '
    'region, and several vessels were already waiting at anchor outside the harbour '
    'on Tuesday evening.',
    'The union has called a second meeting for Friday, when members are expected to '
    'vote on whether to extend the walkout into next week if no new proposal is made.',
    "CDX20230314000123456789ID99",
    "Cheap Flights NowCheap Flights NowCheap Flights Now",
    "Related stories",
    "Port authority names new director after long search",
    "Ferry fares to rise again this summer, operator says",
    "Tags",
    "Labour",
    "Comments",
    "Copyright © 2023 Coastline Daily. All rights reserved.",
    "back to top",
    "",
])


def _raw(text: str, name: str = "page.txt", fetched: str = "2023-03-15T12:00:00+00:00",
         **meta: str) -> RawDoc:
    data = text.encode("utf-8")
    return RawDoc(hashlib.sha256(data).hexdigest(), name, name, "text/plain", data, fetched,
                  meta=dict(meta))


@pytest.fixture(scope="module")
def page() -> Article:
    return clean(_raw(NOISY))


def test_body_boundaries(page: Article) -> None:
    assert page.body.startswith("PORT AURELIA — Hundreds of dock workers walked off")
    assert page.body.endswith("if no new proposal is made.")
    assert len(page.body.split("\n\n")) == 5


def test_furniture_removed_and_recorded(page: Article) -> None:
    for line in ["Home | World | Politics | Business | Sport | Culture", "x", "Русский",
                 "Share this article", "Follow us on Telegram for breaking news",
                 "CDX20230314000123456789ID99",
                 "Cheap Flights NowCheap Flights NowCheap Flights Now",
                 "Related stories", "Port authority names new director after long search",
                 "Tags", "Labour", "Comments", "back to top",
                 "Wednesday, 05 June 2030 09:41 GMT"]:
        assert line not in page.body.split("\n\n"), line
        assert line in page.removed, line
    caption = "A picket line outside the main container terminal"
    assert caption not in page.body
    assert "All rights reserved" not in page.body


def test_metadata(page: Article) -> None:
    assert page.title == "Harbour Workers Strike Over Pay in Port Aurelia"
    assert page.published == "2023-03-14"  # not the header clock (2030, also in the future)
    assert page.published_source == "text"
    assert (page.outlet, page.author) == ("Coastline Daily", "Maria Lopez")
    assert page.languages == ["en"]


_FARMERS = ("Monday, 02 January 2023 10:15 GMT\nNews    World    Sport    Money    Travel\n"
            "Farmers Block Roads Over Diesel Prices\n{dateline}\n"
            + "Farmers blocked several main roads with tractors on Friday to protest against "
              "the rising price of diesel, which they say has doubled in two years. " * 2
            + "\n\nThe agriculture minister said she would meet their representatives next "
              "week, but warned that the budget left little room for new subsidies this year.\n")


def test_clock_above_the_navigation_is_only_a_last_resort() -> None:
    a = clean(_raw(_FARMERS.format(dateline="")))
    assert a.title == "Farmers Block Roads Over Diesel Prices"
    # No dateline: the site's clock is the day the page was served, and says so.
    assert (a.published, a.published_source) == ("2023-01-02", "header")
    assert "Monday, 02 January 2023 10:15 GMT" in a.removed
    # A dateline, even an older one, beats the clock.
    a = clean(_raw(_FARMERS.format(dateline="Published 14 March 2021")))
    assert (a.published, a.published_source) == ("2021-03-14", "text")


def test_dates_of_other_things_are_not_the_publication_date() -> None:
    text = ("Where did it go?\nJoined May 11, 2017 Messages 3,066\n"
            + "I left my bag on the train this morning and nobody at the station seems to know "
              "where the lost property office has moved to since the works began. " * 2 + "\n")
    assert clean(_raw(text)).published is None


def test_spaced_dotted_dates_are_read() -> None:
    from newsgraph.clean.dates import parse_date

    assert parse_date("lassú kilábalás 2020. 08. 18. 21:35", "hu", None) == "2020-08-18"
    assert parse_date("2020.08.19. 08.00", "hu", None) == "2020-08-19"


def test_wire_marker_is_outlet_and_leaves_the_body() -> None:
    text = ("Ministers Meet on Grain Exports\n\n"
            "(Reuters) The foreign ministers of the two countries met in Istanbul on Friday to "
            "discuss grain exports through the Black Sea, according to officials on both sides.\n\n"
            "They agreed to meet again next month, and said that technical teams would continue "
            "the work in the meantime to prepare a detailed plan for shipping.\n")
    a = clean(_raw(text))
    assert a.outlet == "Reuters" and a.body.startswith("The foreign ministers")
    assert a.title == "Ministers Meet on Grain Exports"


def test_republication_credit_names_the_outlet() -> None:
    text = ("Council Approves New Budget\n\n" + ("The city council approved the budget on Monday "
            "after a long debate about spending on roads, schools and the public library. ") * 2
            + "\n\nThis story was first published on harbourtimes.example\n")
    a = clean(_raw(text))
    assert a.outlet == "harbourtimes.example" and "first published" not in a.body


def test_no_text_left_is_e009() -> None:
    with pytest.raises(NewsgraphError) as e:
        clean(_raw("Home | News | Sport | Weather\nx\nx\nback to top\n", name="menu.txt"))
    assert e.value.line() == "E009 menu.txt: no article text left after cleaning"


def test_a_one_sentence_document_keeps_its_sentence() -> None:
    # A bare short sentence (a feed item, `echo ... | newsgraph extract -`) is the article,
    # even when no prose region is long enough to be found.
    a = clean(_raw("Home | News | Sport\nChad expelled the envoy.\n", name="one.txt"))
    assert a.body == "Chad expelled the envoy."


def test_input_metadata_overrides_cleaning() -> None:
    a = clean(_raw(NOISY, published="2023-03-13", outlet="Wire Desk", title="Given Title"))
    assert (a.published, a.published_source, a.outlet, a.title) == (
        "2023-03-13", "input", "Wire Desk", "Given Title")


def test_batch_removes_lines_repeated_across_a_site() -> None:
    footer = ("Coastline Daily is an independent newspaper that has served the harbour towns of "
              "the region since 1921 and is owned by its readers through a cooperative.")
    bodies = [
        "Ferry Fares to Rise\n\n" + "The ferry operator said on Monday that fares on all routes "
        "would rise by five percent from July because of the higher price of fuel. " * 2,
        "Library Reopens\n\n" + "The central library reopened on Saturday after a renovation "
        "that took two years and cost more than the city had planned at the start. " * 2,
        "New Director Named\n\n" + "The port authority named a new director on Wednesday after "
        "a search that lasted nearly a year and drew candidates from across the country. " * 2,
    ]
    raws = [_raw(b + "\n\n" + footer + "\n", name=f"p{k}.txt") for k, b in enumerate(bodies)]
    assert all(footer in clean(r).body for r in raws)  # alone, the footer reads as prose
    for art in clean_batch(raws):
        assert isinstance(art, Article)
        assert footer not in art.body and footer in art.removed
        assert art.body.startswith("The ")


def test_batch_keeps_syndicated_copies_whole() -> None:
    story = NOISY
    raws = [replace(_raw(story), name=f"copy{k}.txt", origin=f"copy{k}.txt") for k in range(3)]
    for art in clean_batch(raws):
        assert isinstance(art, Article)
        assert art.body == clean(raws[0]).body


def test_batch_reports_undecodable_document_in_place() -> None:
    bad = RawDoc("0" * 64, "bad.txt", "bad.txt", "text/plain", b"\x81\x8d\x8f junk \x9d",
                 "2023-01-01T00:00:00+00:00")
    out = clean_batch([bad, _raw(NOISY)])
    assert isinstance(out[0], NewsgraphError) and out[0].code == "E003"
    assert isinstance(out[1], Article)


@pytest.mark.parametrize(("line", "lang", "expected"), [
    ("Published 28 กันยายน 2568", "th", "2025-09-28"),  # Buddhist era
    ("วันที่ 3 ม.ค. 2567 เวลา 10:00 น.", "th", "2024-01-03"),
    ("Mis à jour le 3 mars 2024 à 10h", "fr", "2024-03-03"),
    ("Updated 3 hours ago", "en", "2023-03-15"),  # relative to the fetch time, not another date
    ("Posted 2 days ago", "en", "2023-03-13"),
    ("Published 12 March 2031", "en", None),  # the future
    ("Published 12 March 1971", "en", None),  # before 1990
])
def test_dates_in_text(line: str, lang: str, expected: str | None) -> None:
    from datetime import date, datetime

    base = datetime(2023, 3, 15, 12, 0)
    assert parse_date(line, lang, base, today=date(2026, 1, 1)) == expected


def test_comment_section_and_teaser_cards_stay_out() -> None:
    para = ("The regional council voted on Thursday to expand the tram network to the northern "
            "suburbs, a plan that has been debated for more than a decade by local residents.")
    comments = "\n".join(
        f"{k}. reader{k} says:\nNovember {k}, 2022 at 9:0{k} am\nI have lived in the north for "
        "twenty years and I still do not believe that this tram will ever be built, whatever "
        "the council says in its press releases this week or next." for k in range(1, 6))
    text = ("Council Backs Tram Extension\n\n" + para + "\n\n" + para.replace("Thursday", "Friday")
            + "\n\nCouncil Delays Vote On New Bus LanesThe council postponed a vote on the bus "
              "lanes after objections from shop owners in the centre of town.\n"
            + "Residents in the old town say the new parking rules are unfair and want the "
              "council to...\n\n5 Comments\n" + comments + "\n")
    a = clean(_raw(text))
    assert a.body.endswith("by local residents.") and a.body.count("\n\n") == 1
    assert "5 Comments" in a.removed
    assert any(r.startswith("Council Delays Vote") for r in a.removed)
    assert all("says:" not in p for p in a.body.split("\n\n"))


MENU = "\n".join(f"* {w}" for w in ("Home", "Politics", "Economy", "Culture", "Sport"))


def test_short_sentences_on_their_own_lines_are_prose() -> None:
    # A page that sets every sentence on its own line has no long line to vouch for them;
    # a run of lines that each end a sentence is still the article, not furniture.
    sentences = ["The old bridge over the river will close for repairs next month.",
                 "Engineers found cracks in two of its supports during a routine check.",
                 "Drivers will have to use the ring road for at least half a year.",
                 "The city says a ferry will run every hour while the work goes on."]
    about = ("The Riverside Courier is an independent weekly newspaper that has covered the "
             "towns along the river since 1921 and is owned by a trust of its own readers.")
    text = "\n".join([MENU, "Image copyright City Archive", *sentences,
                      "Image copyright City Archive", MENU, "About us", about, MENU, ""])
    a = clean(_raw(text))
    assert a.body.split("\n\n") == sentences


def test_a_table_announced_by_a_sentence_is_kept() -> None:
    # Rows of a standings table look like a menu (cells in wide columns) and have no stop
    # words, but the sentence ending in ":" above them says they are the text.
    rows = [f"{k}   Rider Number{k}   {300 - 7 * k}   {k % 3}" for k in range(1, 9)]
    text = "\n".join([MENU, "Standings of the regional cycling cup after the seventh round:",
                      "Pos   Rider   Points   Wins", *rows, MENU, ""])
    a = clean(_raw(text))
    assert "Rider Number1" in a.body and "Rider Number8" in a.body
    assert "Home" not in a.body


def test_a_long_comment_thread_does_not_outweigh_a_short_post() -> None:
    # An open thread: one paragraph of post, then a long discussion under "Comments".
    post = ("This is our quarterly open thread, where readers can raise any question about our "
            "research, our grants or the way we work, and our staff will try to answer all of "
            "them in the comments below over the next few weeks.")
    def reply(k: int, n: int) -> str:  # distinct paragraphs, as real replies are
        return (f"Thank you for question {k}.{n}. We looked at study number {k * 10 + n} when "
                "it came out and we think its estimate of the effect is plausible, but it does "
                "not change our view of the programme, because the cost per person reached is "
                "still far too high for it to compete with the charities we recommend today.")

    thread = "\n".join(f"Reader{k} on March {k}, 2023 at 10:0{k} am said:\n" +
                       "\n".join(reply(k, n) for n in range(3)) for k in range(1, 8))
    text = "\n".join([MENU, "March 2023 open thread", "March 1, 2023 | by Staff Writer", post,
                      "Comments", thread, MENU, ""])
    a = clean(_raw(text))
    assert a.body == post


_WIRE = ("Grain Corridor Talks Resume\n"
         "ANKARA, June 29 (Reuters) - Negotiators from the two sides met again on Monday to "
         "discuss the reopening of the sea corridor for grain shipments, officials said.\n\n"
         "The talks, hosted by the foreign ministry, are expected to last three days and to cover "
         "inspections, insurance and the safety of crews on board the ships.\n{footer}")


def test_yearless_wire_dateline_takes_the_pages_year_or_the_fetch_time() -> None:
    # The newest year the page writes (its copyright notice) bounds the day from above.
    a = clean(_raw(_WIRE.format(footer="© 2021 Harbour Wire Services"),
                   fetched="2023-03-15T12:00:00+00:00"))
    assert (a.published, a.published_source) == ("2021-06-29", "text")
    # No year on the page: the latest 29 June on or before the file was fetched.
    assert clean(_raw(_WIRE.format(footer=""), fetched="2023-03-15T12:00:00+00:00")).published \
        == "2022-06-29"
    # A place in lower case with no agency is prose, not a dateline.
    prose = _WIRE.format(footer="").replace("ANKARA, June 29 (Reuters) -", "Then, June 29 -")
    assert clean(_raw(prose)).published is None


def test_relative_bylines_in_other_languages_are_date_lines_without_a_date() -> None:
    from newsgraph.clean.dates import looks_like_date_line

    text = ("Vijesti\nGradsko vijeće usvojilo novi proračun\nAutor: Ana Horvat prije 3 sata\n"
            + "Gradsko vijeće je u utorak navečer usvojilo proračun za iduću godinu, nakon "
              "rasprave koja je trajala gotovo šest sati i u kojoj su sudjelovali svi klubovi. " * 2
            + "\n\nOporba je najavila da će tražiti reviziju nekoliko stavki u proljeće.\n")
    a = clean(_raw(text))
    assert a.title == "Gradsko vijeće usvojilo novi proračun"
    assert a.published is None  # "3 hours ago" has no anchor in a dump
    assert "prije 3 sata" not in a.body
    # Cues are whole words: "потому" holds "тому" but is no relative date.
    assert looks_like_date_line("5 годин тому") and not looks_like_date_line("потому 5 лет")
