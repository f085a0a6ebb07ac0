"""Shared entities declared once: the file's own errors, and how curations take names and kinds from it."""

from __future__ import annotations

import pytest

from scripts import curation, entities
from scripts.errors import BriefingError, CurationError

from .conftest import FIRST_SEED, FIXTURES, edited, line_of

ACTOR = "actors:\n  islamic-state:\n    name: Islamic State group (IS)\n    kind: armed group\n"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("actors:\n  islamic-state: [ISIS\n", "is not valid YAML", 3),  # where YAML finds the list unclosed
        ("people:\n  islamic-state: {name: IS, kind: armed group}\n", "unknown section 'people'", 1),
        ("actors:\n  Islamic State: {name: IS, kind: armed group}\n", "'Islamic State' is not an id", 2),
        (ACTOR + "  islamic-state:\n    name: IS\n    kind: armed group\n", "actor 'islamic-state' is listed twice (first on line 3)", 5),
        ("actors:\n  islamic-state:\n    name: IS\n    kind: terrorists\n", "'terrorists' is not one of", 4),
        ("actors:\n  islamic-state:\n    name: IS\n", "missing field 'kind'", 3),
        ("actors:\n  islamic-state:\n    name: IS\n    kind: armed group\n    aliases: [ISIS]\n    alias: [Daesh]\n", "unknown field 'alias'", 6),
        ("pillars:\n  border-watch: Border watch\n", "expected a mapping of fields", 2),
    ],
)
def test_a_bad_entities_file_is_one_line_with_file_and_line(tmp_path, text, message, line):
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        entities.load(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert caught.value.path == path and caught.value.line == line


def test_the_shared_file_declares_every_actor_pillar_and_move_of_the_first_seed():
    shared = entities.load()
    written = curation.read(curation.curation_path(FIRST_SEED))
    assert {a.id for a in written.actors} <= set(shared.actors)
    assert all(not a.name and a.kind is None for a in written.actors)  # migrated: the curation names ids only
    resolved = entities.resolve(written, shared, curation.curation_path(FIRST_SEED))
    islamic_state = next(a for a in resolved.actors if a.id == "islamic-state")
    assert (islamic_state.name, islamic_state.kind) == ("Islamic State group (IS)", "armed group")
    assert {"ISIS", "ISIL", "Daesh"} <= set(islamic_state.other_names)
    assert all(p.name for p in resolved.pillars) and all(m.name for m in resolved.threat.moves)


def test_an_id_declared_nowhere_says_where_to_declare_it(tmp_path):
    path = edited(tmp_path, FIXTURES / "corpus" / "dated_ap.yml", "  - id: iraqi-forces\n", "  - id: iraqi-army-units\n")
    path.write_text(path.read_text(encoding="utf-8").replace("[iraqi-forces]", "[iraqi-army-units]"), encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        entities.resolve(curation.read(path), entities.load(), path)
    assert "actor 'iraqi-army-units' is declared nowhere; add it to docs/entities.yml under actors" in str(caught.value)
    assert caught.value.line == line_of(path, "- id: iraqi-army-units")


def test_a_pillar_name_that_contradicts_the_shared_one_points_at_its_own_line(tmp_path):
    source = curation.curation_path(FIRST_SEED)
    path = edited(tmp_path, source, "  - id: border-surveillance\n", "  - id: border-surveillance\n    name: Drones on the border\n")
    with pytest.raises(CurationError) as caught:
        entities.resolve(curation.read(path), entities.load(), path)
    declared = line_of(entities.ENTITIES, "border-surveillance:") + 1
    assert f"pillar 'border-surveillance': name 'Drones on the border' contradicts docs/entities.yml:{declared}" in str(caught.value)
    assert caught.value.line == line_of(path, "name: Drones on the border")


# The gazetteer: one place, each field on its own line (line 2: the id, 3: name, 5: lat, 6: lon).
GAZETTEER = "places:\n  mosul:\n    name: Mosul\n    kind: city\n    lat: 36.335\n    lon: 43.119\n    source: GeoNames 99072\n"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (GAZETTEER.replace("    lat: 36.335\n", ""), "places.mosul: missing field 'lat'", 3),
        (GAZETTEER.replace("    source: GeoNames 99072\n", ""), "places.mosul: missing field 'source'", 3),
        (GAZETTEER.replace("lat: 36.335", "lat: 95"), "places.mosul.lat: '95' is not decimal degrees within ±90; write it like 36.335", 5),
        (GAZETTEER.replace("lat: 36.335", "lat: 36,3"), "places.mosul.lat: '36,3' is not decimal degrees within ±90; write it like 36.335", 5),
        (GAZETTEER.replace("lon: 43.119", "lon: -181"), "places.mosul.lon: '-181' is not decimal degrees within ±180; write it like 43.119", 6),
        (GAZETTEER.replace("lon: 43.119", "lon: 43°7′E"), "places.mosul.lon: '43°7′E' is not decimal degrees", 6),
        (GAZETTEER + "    between: [iraq, syria]\n", "places.mosul.between: only a border runs between places; give a border its two countries", 8),
        (GAZETTEER.replace("kind: city", "kind: border") + "    between: [iraq]\n", "places.mosul.between: only a border runs between places", 8),
        (GAZETTEER.replace("kind: city", "kind: border") + "    between: [iraq, lebanon]\n", "places.mosul.between: 'lebanon' is not a country of the map; use one of iran, iraq,", 8),
        (GAZETTEER.replace("  mosul:", "  Mosul:"), "places: 'Mosul' is not an id (lowercase letters, digits and single hyphens)", 2),
        (GAZETTEER.replace("  mosul:", "  mosul_city:"), "places: 'mosul_city' is not an id", 2),
        (GAZETTEER.replace("kind: city", "kind: village"), "places.mosul.kind: 'village' is not one of: city", 4),
        (GAZETTEER + GAZETTEER.removeprefix("places:\n"), "place 'mosul' is listed twice (first on line 3); keep one", 8),
    ],
    ids=["no-lat", "no-source", "lat-95", "decimal-comma", "lon-beyond-180", "degrees-minutes", "between-on-a-city",
         "border-with-one-country", "border-with-a-country-off-the-map", "capitalised-id", "underscore-id", "unknown-kind", "listed-twice"],
)
def test_a_bad_gazetteer_entry_names_file_line_and_fix(tmp_path, text, message, line):
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        entities.load(path)
    assert caught.value.path == path and caught.value.line == line, str(caught.value)
    assert str(caught.value) == f"{path}:{line}: {caught.value.message}" and "\n" not in str(caught.value)
    assert message in caught.value.message


def test_a_gazetteer_entry_keeps_its_coordinates_and_source(tmp_path):
    path = tmp_path / "entities.yml"
    border = "  iraq-syria-border:\n    name: Iraq–Syria border\n    kind: border\n    lat: -35.29\n    lon: 41\n    source: a point on the line\n"
    path.write_text(GAZETTEER + border + "    aliases: [Syrian border]\n    between: [iraq, syria]\n", encoding="utf-8")
    places = entities.load(path).places
    mosul = places["mosul"]
    assert (mosul.name, mosul.kind, mosul.latitude, mosul.longitude, mosul.source) == ("Mosul", "city", 36.335, 43.119, "GeoNames 99072")
    assert (mosul.line, mosul.line_of("lat")) == (3, 5)  # the entry begins at its first field
    border_entry = places["iraq-syria-border"]
    assert (border_entry.latitude, border_entry.longitude, border_entry.between, border_entry.aliases) == (-35.29, 41.0, ("iraq", "syria"), ("Syrian border",))


def test_a_place_missing_from_the_gazetteer_says_to_add_it_there(tmp_path):
    path = edited(tmp_path, curation.curation_path(FIRST_SEED), "  - id: baghdad\n", "  - id: basra\n")
    with pytest.raises(CurationError) as caught:
        entities.resolve(curation.read(path), entities.load(), path)
    line = line_of(path, "- id: basra")
    assert caught.value.path == path and caught.value.line == line
    assert str(caught.value) == (
        f"{path}:{line}: place 'basra' has no coordinates; add it to docs/entities.yml under places, "
        "with name, kind, lat, lon and where the coordinates come from (source)"
    )


def test_a_known_place_takes_its_name_kind_and_coordinates_from_the_gazetteer():
    written = curation.read(curation.curation_path(FIRST_SEED))
    unresolved = next(p for p in written.places if p.id == "mosul")
    assert unresolved.location is None and unresolved.name == "mosul"  # the curation names the id only
    shared = entities.load()
    resolved = entities.resolve(written, shared, curation.curation_path(FIRST_SEED))
    assert [p.id for p in resolved.places] == [p.id for p in written.places]
    assert all(p.location is shared.places[p.id] for p in resolved.places)
    mosul = next(p for p in resolved.places if p.id == "mosul")
    assert (mosul.name, mosul.kind) == ("Mosul", "city")
    assert (mosul.location.latitude, mosul.location.longitude) == (36.335, 43.11889)
    assert mosul.location.source.startswith("GeoNames 99072")
    border = next(p for p in resolved.places if p.id == "iraq-syria-border")
    assert (border.kind, border.location.between) == ("border", ("iraq", "syria"))
