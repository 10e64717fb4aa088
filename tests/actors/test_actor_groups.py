"""Armed groups, blocs, UN agencies, NGOs and persons introduced with their state."""

from __future__ import annotations

import pytest
from _actors import code_in, code_of, mentions

from newsgraph.actors import dictionary as d
from newsgraph.actors import lookup


@pytest.mark.parametrize("text,code", [
    ("Baloch Liberation Army", "BLA"), ("ISWAP", "ISIS"), ("IS Sahel", "ISIS"),
    ("ISIS-K", "ISIS"), ("al-Shabab", "ALSHABAAB"), ("Al Shabaab", "ALSHABAAB"),
    ("anti-balaka", "ANTIBALAKA"), ("Tren de Aragua", "TDA"), ("Pakistani Taliban", "TTP"),
    ("Group of Seven", "G7"), ("Alliance of Sahel States", "AES"), ("ATMIS", "AU"),
    ("AUSSOM", "AU"), ("World Food Program", "UN"), ("UNICEF", "UN"), ("IMF", "UN"),
    ("World Bank", "UN"), ("American Civil Liberties Union", "ACLU"),
    ("Department of Homeland Security", "USA"), ("Kurdistan Regional Government", "IRQ"),
])
def test_names_resolve(text, code):
    assert lookup(text).code == code


def test_an_agency_keeps_its_own_name_under_the_un_code():
    assert lookup("World Food Programme").name == "World Food Programme"
    assert d.codes()["UN"].name == "United Nations"


def test_taliban_are_an_insurgency_before_august_2021_and_the_state_after():
    assert lookup("Taliban", "2021-05-01").code == "TALIBAN"
    assert lookup("Taliban", "2022-01-01").code == "AFG"
    assert code_in("The Taliban attacked a checkpoint.", "Taliban",
                   published="2020-02-01") == "TALIBAN"


def test_every_group_theatre_is_a_state():
    states = {c for c, a in d.codes().items() if a.kind == "state"}
    for code, where in d.theatres().items():
        assert set(where) <= states, code


def test_the_lede_s_militants_are_the_story_s_only_armed_group():
    ms = mentions("Militants stormed a police post on Sunday, killing three officers. The "
                  "Baloch Liberation Army claimed the attack. The group said it would strike "
                  "again.")
    assert code_of(ms, "Militants") == "BLA"
    assert code_of(ms, "The group") == "BLA"


def test_two_armed_groups_leave_bare_militants_alone():
    assert code_in("Militants stormed a police post. Both al-Shabab and the Islamic State "
                   "have fighters in the area.", "Militants") is None


def test_militants_named_as_someone_else_s_are_left_alone():
    assert code_in("Afghan militants crossed the border. The Baloch Liberation Army denied "
                   "any role.", "Afghan militants") != "BLA"


def test_the_group_takes_the_nearest_group_even_an_ngo():
    assert code_in("Human Rights Watch published a report on prisons. The group said "
                   "guards beat inmates.", "The group") == "HRW"


def test_a_person_introduced_with_a_state_keeps_it_for_the_surname():
    ms = mentions("Chilean activist Marisol Quintana Rojas was arrested in Santiago. "
                  "Rojas denied the charges.")
    assert code_of(ms, "Marisol Quintana Rojas") == "CHL"
    assert code_of(ms, "Rojas") == "CHL"


def test_a_person_introduced_by_a_group_title_codes_as_the_group():
    found = code_in("Hezbollah commander Samir Haddad was killed in a strike.",
                    "Samir Haddad")
    assert found == "HEZBOLLAH"


def test_a_person_s_office_is_the_one_held_on_the_date():
    assert lookup("Canadian Prime Minister", "2025-02-01").person == "Justin Trudeau"
    assert lookup("Canadian Prime Minister", "2025-04-01").person == "Mark Carney"
    assert lookup("Syrian President", "2025-03-01").person == "Ahmed al-Sharaa"
    assert lookup("Mawlawi Hibatullah Akhundzada", "2021-05-01").code == "TALIBAN"


def test_a_suspended_hyphen_demonym_is_the_state():
    assert code_in("Duties on Kenyan- and Ugandan-made shoes were lifted.", "Kenyan") == "KEN"


def test_state_media_codes_as_its_state():
    assert lookup("Xinhua").code == "CHN" and lookup("KCNA").code == "PRK"


def test_envoys_from_a_bloc_are_the_bloc():
    ms = mentions("Top diplomats from the Group of Seven condemned the missile launch.")
    assert code_of(ms, "Top diplomats") == "G7"
    assert code_in("Officials from the African Union visited the camp.", "Officials") == "AU"


def test_its_fighters_are_the_owner_s_not_the_only_group_s():
    assert code_in("Pakistan said its soldiers killed 16 fighters. The Baloch Liberation Army "
                   "denied it.", "its") == "PAK"


def test_a_state_named_as_a_topic_does_not_give_a_nationality():
    ms = mentions("North Korea expert Jonathan Pollack said talks had stalled.")
    assert code_of(ms, "Jonathan Pollack") is None


def test_a_spokesman_for_an_agent_found_later_still_gives_the_state():
    body = ("Police dispersed a rally in Nairobi on Monday, Kenya's interior ministry said. "
            "Kenya has banned rallies since June. Peter Mwangi, a spokesman for the ministry, "
            "said 20 people were arrested. Mwangi added that two officers were hurt.")
    ms = mentions(body)
    assert code_of(ms, "Peter Mwangi") == "KEN" and code_of(ms, "Mwangi") == "KEN"


def test_a_national_in_apposition_keeps_the_state_for_the_surname():
    ms = mentions("Marta Quiroga, a Guatemalan journalist, was arrested on Monday. Quiroga "
                  "denied the charges.")
    assert code_of(ms, "Marta Quiroga") == "GTM" and code_of(ms, "Quiroga") == "GTM"
