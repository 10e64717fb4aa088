"""Unnamed state agents take the state the story is set in (actors/setting.py, agents.py)."""

from __future__ import annotations

from _actors import code_in, code_of, mentions

KENYA = ("Gunmen ambushed a bus in Kenya's Lamu county on Monday, killing four passengers. "
         "Police said the attackers fled into the forest. Kenya has deployed more units to "
         "the coast. ")


def test_police_take_the_setting_with_a_sector():
    ms = mentions(KENYA + "Authorities imposed a curfew.", title="Bus attacked in Kenya")
    police = [m for m in ms if m.text == "Police"][0]
    assert (police.actor.code, police.via) == ("KEN", "setting") and police.actor.sector
    assert code_of(ms, "Authorities") == "KEN"


def test_a_demonym_beats_the_setting():
    assert code_in(KENYA + "Ugandan troops crossed the border.", "Ugandan troops") == "UGA"


def test_a_foreign_or_named_modifier_blocks_the_setting():
    ms = mentions(KENYA + "International forces withdrew. Kurdish fighters watched. "
                  "Rebel soldiers looted shops.")
    assert code_of(ms, "International forces") is None
    assert code_of(ms, "Rebel soldiers") is None


def test_no_clear_setting_leaves_agents_unresolved():
    assert code_in("France, Germany and Italy discussed the budget. France wants cuts, Italy "
                   "wants investment and Germany wants neither. Officials disagreed on the "
                   "numbers.", "Officials") is None


def test_a_clause_set_elsewhere_takes_its_own_state():
    found = code_in(KENYA + "In Somalia, soldiers arrested two suspects on Tuesday.",
                    "soldiers")
    assert found == "SOM"


def test_the_president_is_the_setting_s_holder_on_the_date():
    body = ("Nigeria's army said it freed 20 hostages in northwestern Nigeria on Friday. "
            "Kidnapping gangs have plagued Nigeria's northwest for years. The president "
            "praised the soldiers.")
    ms = mentions(body, published="2025-03-01")
    president = [m for m in ms if m.text == "president"][0]
    assert president.actor.code == "NGA" and president.actor.person == "Bola Tinubu"
    ms = mentions(body, published="2020-06-01")
    assert [m for m in ms if m.text == "president"][0].actor.person == "Muhammadu Buhari"


def test_troops_sent_belong_to_the_sender_not_the_setting():
    found = code_in(KENYA + "Tanzania's president sent 500 troops to the frontier.",
                    "500 troops")
    assert found == "TZA"


def test_a_named_court_takes_the_setting():
    assert code_in(KENYA + "The High Court suspended the curfew on Friday.", "High Court") == "KEN"


def test_a_spokesman_for_a_leader_is_the_leader_s_state():
    found = code_in("A spokesman for Kenyan President William Ruto rejected the claims.",
                    "spokesman")
    assert found == "KEN"


def test_several_governments_are_vague_not_the_setting():
    found = code_in(KENYA + "National governments in the region closed their borders.",
                    "National governments")
    assert found is None


def test_a_wire_dateline_sets_the_story():
    assert code_in("MOMBASA, KENYA — Fishermen returned to port on Monday. Authorities "
                   "reopened the harbour.", "Authorities") == "KEN"


def test_a_dateline_of_two_capitals_sets_nothing():
    ms = mentions("NAIROBI/KAMPALA — Talks resumed on Monday. Officials were hopeful.")
    assert code_of(ms, "Officials") is None


def test_a_province_or_city_sets_the_story():
    assert code_in("Gunmen attacked a market in Mosul on Friday. Police said the attackers "
                   "escaped.", "Police") == "IRQ"
