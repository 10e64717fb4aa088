"""UN arms-embargo flags from the regimes data file."""

from __future__ import annotations

from newsgraph.link.embargo import flags, regimes


def test_every_regime_cites_its_resolutions_with_dates():
    names = {r["regime"] for r in regimes()}
    assert {"DPRK", "Iran", "Libya", "South Sudan", "al-Shabaab", "Central African Republic",
            "Democratic Republic of the Congo", "Sudan (Darfur)", "Yemen (Houthis)",
            "Haiti (gangs)", "ISIL (Da'esh) and al-Qaida"} <= names
    for r in regimes():
        for m in r["measures"]:
            assert m["resolution"] and m["from"] and m["source"] and m["direction"]


def test_dprk_both_directions_and_only_for_arms():
    assert flags("AID", "military", "missile", ["PRK"], ["RUS"], "2024-01-02") == [
        {"regime": "DPRK", "resolution": "1718", "direction": "from"}]
    assert flags("AID", "military", "weapons", ["RUS"], ["PRK"], None) == [
        {"regime": "DPRK", "resolution": "1718", "direction": "to"}]
    assert flags("AID", "humanitarian", None, ["CHN"], ["PRK"], "2024") == []
    assert flags("ACCUSE", None, None, ["USA"], ["PRK"], "2024") == []
    assert flags("AID", "military", "missile", ["PRK"], ["RUS"], "2005") == []


def test_iran_gap_between_2231_expiry_and_the_2025_snapback():
    assert flags("AID", "military", "artillery_ammunition", ["IRN"], ["RUS"], "2022-10") == []
    assert flags("AID", "military", "drone", ["IRN"], ["RUS"], "2022-10")[0]["resolution"] == "2231"
    assert flags("AID", "military", "drone", ["IRN"], ["RUS"], "2025-09-27") == []
    assert flags("AID", "military", "drone", ["IRN"], ["RUS"], "2025-09-28") == [
        {"regime": "Iran", "resolution": "1747", "direction": "from"}]
    assert flags("AID", "military", "air_defense", ["RUS"], ["IRN"], "2025-10") == [
        {"regime": "Iran", "resolution": "1929", "direction": "to"}]


def test_somalia_embargo_moves_to_al_shabaab_and_drc_government_leaves():
    assert flags("AID", "military", None, ["TUR"], ["SOM"], "2020")[0]["resolution"] == "733"
    assert flags("AID", "military", None, ["TUR"], ["SOM"], "2024-05") == []
    assert flags("AID", "military", None, ["ERI"], ["ALSHABAAB"], "2024-05")[0][
        "regime"] == "al-Shabaab"
    assert flags("AID", "military", None, ["RWA"], ["COD"], "2012") == []
    assert flags("AID", "military", None, ["RWA"], ["M23"], "2012")[0]["resolution"] == "1493"


def test_undated_facts_only_under_regimes_never_lifted():
    assert flags("AID", "military", "drone", ["IRN"], ["RUS"], None) == []
    assert flags("AID", "military", "missile", ["PRK"], ["RUS"], None)[0]["regime"] == "DPRK"
