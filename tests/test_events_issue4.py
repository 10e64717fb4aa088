"""Issue 4 constructions: sanctions imposed on several parties, retaliation threats,
deployments with and without a named target, and events that name no party."""

from __future__ import annotations

from test_events_coder import claims, code, find


def test_imposed_measures_sanction_each_party_named():
    evs = code("Canadian ministers on Monday imposed asset freezes and travel bans on eight "
               "Iranian entities, as well as on three Russian companies.")
    assert find(evs, "SANCTION", "CAN", "IRN")
    assert find(evs, "SANCTION", "CAN", "RUS")


def test_warning_of_response_against_a_party_is_a_threat():
    evs = code("Iran warned that it would respond with reciprocal measures against Canada.")
    assert find(evs, "THREATEN", "IRN", "CAN")
    assert not find(evs, "ACCUSE", "IRN", "CAN")


def test_drills_around_a_party_target_it_and_own_forces_deploy():
    evs = code("China began large-scale naval exercises around Taiwan on Wednesday.")
    assert find(evs, "MOBILIZE", "CHN", "TWN")
    evs = code("Taiwan said it had dispatched its own aircraft and vessels in response.")
    (mob,) = find(evs, "MOBILIZE", "TWN")
    assert mob.target == () and not find(evs, "AID")


def test_conjoined_transfer_keeps_its_recipient():
    evs = code("North Korea shipped shells to Russia and dispatched 3,000 troops.")
    assert not find(evs, "MOBILIZE")


def test_scrambled_jets_is_mobilize_without_target():
    evs = code("Poland scrambled fighter jets while the attack lasted.")
    (mob,) = find(evs, "MOBILIZE", "POL")
    assert mob.target == ()


def test_a_date_or_a_document_is_never_a_target():
    evs = code("Serbia conceded on Wednesday that the talks had failed.")
    assert not [e for e in evs if e.target_text and "Wednesday" in e.target_text]
    evs = code("Russia released a separate statement on the talks.")
    assert not find(evs, "RETREAT")


def test_admission_gives_concedes_claim_not_a_concession():
    evs = code("Serbia admitted that it had sold shells to Ukraine.")
    (deed,) = find(evs, "AID", "SRB", "UKR")
    assert ("SRB", "concedes") in claims(deed)
    assert not find(evs, "CONCEDE")


def test_source_leaves_a_multi_party_target_but_domestic_events_stay():
    evs = code("Israeli police detained Israeli protesters in Tel Aviv.")
    (e,) = find(evs, "COERCE", "ISR")  # inside one state: target null (GUIDELINES rule 14)
    assert e.target == ()


def test_goods_made_by_a_party_ending_up_elsewhere_is_its_transfer():
    evs = code("Canada admitted that thousands of artillery shells made by Canadian factories "
               "had ended up in Ukraine.")
    (deed,) = find(evs, "AID", "CAN", "UKR")
    assert deed.item == "artillery_ammunition" and ("CAN", "concedes") in claims(deed)


def test_weapons_test_is_mobilize_and_a_weapon_is_no_target():
    evs = code("Russia test-fired a hypersonic missile on Tuesday.")
    (mob,) = find(evs, "MOBILIZE", "RUS")
    assert mob.target == () and not find(evs, "ASSAULT")
    assert not find(code("Hamas fired rockets."), "ASSAULT")
    assert find(code("Israel fired missiles at Syria."), "ASSAULT", "ISR", "SYR")


def test_ultimatum_and_warning_addressee_are_threats():
    evs = code("Russia told Moldova to withdraw its troops or face consequences.")
    assert find(evs, "THREATEN", "RUS", "MDA")
    evs = code("Beijing warned Washington that it would respond to any provocation.")
    assert find(evs, "THREATEN", "CHN", "USA")


def test_denial_answers_the_accuser_not_the_deeds_agent():
    evs = code("Canada said Iran had delivered drones to Russia. "
               "Iran's foreign minister on Tuesday denied that his country had sent drones.")
    assert find(evs, "REJECT", "IRN", "CAN")
