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
