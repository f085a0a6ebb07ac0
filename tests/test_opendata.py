"""The downloadable data on the built site: valid against its schema, and every offset exact."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from scripts import entities
from scripts.coverage import uses
from scripts.loading import load_corpus, load_entry
from scripts.opendata import SCHEMA, PartsCache, _cell, data_files, joined_data_files

from .conftest import FIRST_SEED, FIXTURES


@pytest.fixture(scope="module")
def data(built_site):
    return json.loads((built_site / "data" / "briefing.json").read_text(encoding="utf-8"))


def test_briefing_json_validates_against_its_schema(built_site, data):
    schema = json.loads((built_site / "data" / "briefing.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    broken = {**data, "statements": [{**data["statements"][0], "type": "rumour"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_every_evidence_offset_points_at_its_quote(data):
    briefing = load_entry(FIRST_SEED)
    (article,) = data["articles"]
    paragraphs = {p["number"]: p["text"] for p in article["paragraphs"]}
    assert len(data["statements"]) == len(uses(briefing))
    for statement in data["statements"]:
        assert statement["evidence"]
        for e in statement["evidence"]:
            assert paragraphs[e["paragraph"]][e["start"] : e["end"]] == e["quote"]
    assert article["text"] == "\n\n".join(paragraphs[n] for n in sorted(paragraphs))
    assert article["publication_date"] == {
        "date": "2016-10", "until": "2017-07", "precision": "inferred", "as_written": briefing.curation.published.reason
    }


def test_csv_tables_match_the_json(built_site, data):
    statements = list(csv.DictReader(io.StringIO((built_site / "data" / "statements.csv").read_text(encoding="utf-8"))))
    assert len(statements) == sum(len(s["evidence"]) for s in data["statements"])
    first = data["statements"][0]
    assert statements[0]["statement_id"] == first["id"] and statements[0]["quote"] == first["evidence"][0]["quote"]
    actors = list(csv.DictReader(io.StringIO((built_site / "data" / "actors.csv").read_text(encoding="utf-8"))))
    assert [a["id"] for a in actors] == [a["id"] for a in data["actors"]]
    pillars = list(csv.DictReader(io.StringIO((built_site / "data" / "pillars.csv").read_text(encoding="utf-8"))))
    assert [p["status"] for p in pillars] == [p["status"] for p in data["pillars"]]


def test_csv_cells_never_start_a_formula():
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("-1") == "'-1" and _cell("plain") == "plain" and _cell(3) == 3


def test_web_annotations_reanchor_on_the_article_text(built_site, data):
    collection = json.loads((built_site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))
    text = data["articles"][0]["text"]
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == sum(len(s["evidence"]) for s in data["statements"])
    for item in items:
        assert item["type"] == "Annotation" and item["body"]["value"]
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"]) and text[position["end"] :].startswith(quote["suffix"])
        assert item["target"]["source"].endswith("/articles/000_b2ab8aba2c0e3d24/")


def test_the_preview_joins_the_same_files_from_each_articles_kept_share(seeds):
    # The seed and a reprint of it (a wire copy), so the files join several articles' shares.
    for suffix in (".txt", ".yml"):
        (seeds / f"copy{suffix}").write_bytes((FIXTURES / "effort" / f"copy{suffix}").read_bytes())
    briefings = list(load_corpus(seeds).briefings)
    assert len(briefings) == 2
    urls = ("https://example.org/briefing/", lambda b: f"articles/{b.article.seed_id}/", lambda a: f"actors/{a}/")
    published = data_files(briefings, *urls)
    places = json.loads(published["data/briefing.json"])["places"]
    assert len(places) == sum(len(b.curation.places) for b in briefings) > 0  # the places' share is in what is compared
    assert len(published["data/places.csv"].splitlines()) == 1 + len(places)
    kept = PartsCache()
    assert joined_data_files(briefings, *urls, kept) == {name: text.encode() for name, text in published.items()}
    alone = joined_data_files(briefings[:1], *urls, kept)  # an article removed
    assert alone == {name: text.encode() for name, text in data_files(briefings[:1], *urls).items()}


URLS = ("https://example.org/briefing/", lambda b: f"articles/{b.article.seed_id}/", lambda a: f"actors/{a}/")


@pytest.fixture(scope="module")
def first_files():
    """The open-data files written from the first seed alone, as publishing writes them (no site built)."""
    return data_files([load_entry(FIRST_SEED)], *URLS)


def test_briefing_json_lists_each_place_with_coordinates_and_exact_mentions(first_files):
    data = json.loads(first_files["data/briefing.json"])
    (article,) = data["articles"]
    paragraphs = {p["number"]: p["text"] for p in article["paragraphs"]}
    places = {p["id"]: p for p in data["places"]}
    briefing = load_entry(FIRST_SEED)
    curated = {p.id: p for p in briefing.curation.places}
    assert list(places) == list(curated)
    mosul = places["mosul"]
    gazetteer = entities.load().places["mosul"]
    assert (mosul["name"], mosul["kind"], mosul["article"]) == ("Mosul", "city", article["id"])
    assert (mosul["latitude"], mosul["longitude"]) == (36.335, 43.11889) == (gazetteer.latitude, gazetteer.longitude)
    assert mosul["coordinates_source"] == gazetteer.source and mosul["coordinates_source"].startswith("GeoNames 99072")
    assert mosul["about"] == curated["mosul"].about.text
    words = [paragraphs[m["paragraph"]][m["start"] : m["end"]] for m in mosul["mentions"]]
    assert words.count("Mosul") >= 2 and set(words) <= set(curated["mosul"].mentioned_as)
    for place in places.values():
        mentions = [(m.paragraph, m.start, m.end) for m in briefing.place_mentions[place["id"]]]
        assert [(m["paragraph"], m["start"], m["end"]) for m in place["mentions"]] == mentions != []


def test_briefing_json_with_places_validates_against_its_schema(first_files):
    data = json.loads(first_files["data/briefing.json"])
    schema = json.loads(first_files["data/briefing.schema.json"])
    assert data["places"] and any(s["section"] == "place" for s in data["statements"])
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_requires_places_and_describes_each_one(first_files):
    data = json.loads(first_files["data/briefing.json"])
    schema = json.loads(first_files["data/briefing.schema.json"])
    assert schema == json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "places" in schema["required"]
    places = jsonschema.Draft202012Validator(schema["properties"]["places"])
    assert data["places"] and not list(places.iter_errors(data["places"]))
    place = data["places"][0]
    without_source = {k: v for k, v in place.items() if k != "coordinates_source"}
    broken = [
        {**place, "latitude": 95},
        {**place, "longitude": "43.1"},
        {**place, "kind": "village"},
        without_source,
        {**place, "mentions": [{"paragraph": 0, "start": 0, "end": 5}]},
        {**place, "population": 1},
    ]
    for broken_place in broken:
        assert list(places.iter_errors([broken_place])), broken_place


def test_places_csv_has_a_header_and_one_row_per_place(first_files):
    data = json.loads(first_files["data/briefing.json"])
    text = first_files["data/places.csv"]
    assert text.splitlines()[0] == "id,article,name,kind,latitude,longitude,coordinates_source,about"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [p["id"] for p in data["places"]]
    mosul = next(r for r in rows if r["id"] == "mosul")
    assert (mosul["name"], mosul["kind"], float(mosul["latitude"]), float(mosul["longitude"])) == ("Mosul", "city", 36.335, 43.11889)
    assert mosul["coordinates_source"].startswith("GeoNames 99072") and mosul["about"] == next(p["about"] for p in data["places"] if p["id"] == "mosul")


def test_the_preview_joins_places_byte_for_byte(first_files):
    briefing = load_entry(FIRST_SEED)
    joined = joined_data_files([briefing], *URLS, PartsCache())
    assert joined == {name: text.encode() for name, text in first_files.items()}
    assert json.loads(joined["data/briefing.json"])["places"] and joined["data/places.csv"].count(b"\n") == 1 + len(briefing.curation.places)
