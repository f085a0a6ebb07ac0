"""The preview's checked articles, kept by content: unchanged articles are not read again, changed ones are."""

from __future__ import annotations

import shutil

import pytest

from scripts.entry_cache import EntryCache
from scripts.errors import BriefingError
from scripts.loading import load_corpus

from .conftest import SEEDS


@pytest.fixture
def seeds(tmp_path):
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def test_an_unchanged_article_is_taken_from_the_cache_and_a_changed_one_read_again(seeds, tmp_path):
    cache = EntryCache(tmp_path / "cache")
    first = load_corpus(seeds, cache=cache)
    assert (cache.hits, cache.misses) == (0, 1)
    again = load_corpus(seeds, cache=cache)
    assert (cache.hits, cache.misses) == (1, 1)
    assert again.entries[0] is first.entries[0]
    curation = next(seeds.glob("*.yml"))
    curation.write_text(curation.read_text().replace("When the article was written", "At the time the article was written", 1))
    changed = load_corpus(seeds, cache=cache)
    assert (cache.hits, cache.misses) == (1, 2)
    assert "At the time the article was written" in changed.briefings[0].curation.summary.text
    # Only the curation changed: the seed is not parsed again, so what depends on the articles alone
    # (the comparison of wire copies) sees the same objects.
    assert changed.entries[0].article is first.entries[0].article


def test_a_seed_or_its_intake_marks_changed_is_parsed_again(seeds, tmp_path):
    cache = EntryCache(tmp_path / "cache")
    first = load_corpus(seeds, cache=cache).entries[0].article
    seed = next(seeds.glob("*.txt"))
    seed.write_bytes(seed.read_bytes() + b"\n")
    reread = load_corpus(seeds, cache=cache).entries[0].article
    assert reread is not first and reread.paragraphs == first.paragraphs
    curation = next(seeds.glob("*.yml"))
    curation.write_text(curation.read_text() + "intake:\n  furniture: ['1']\n")
    marked = load_corpus(seeds, cache=cache).entries[0].article
    assert marked is not reread and marked != reread  # parsed under the new marks


def test_a_restarted_preview_reads_the_cache_from_disk(seeds, tmp_path):
    first = load_corpus(seeds, cache=EntryCache(tmp_path / "cache"))
    restarted = EntryCache(tmp_path / "cache")
    again = load_corpus(seeds, cache=restarted)
    assert (restarted.hits, restarted.misses) == (1, 0)
    assert again.briefings[0] == first.briefings[0]
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1  # one version of each article is kept


def test_a_curation_that_fails_its_checks_is_not_kept(seeds, tmp_path):
    cache = EntryCache(tmp_path / "cache")
    load_corpus(seeds, cache=cache)
    curation = next(seeds.glob("*.yml"))
    good = curation.read_text()
    curation.write_text(good.replace("key_points:", "keypoints:", 1))
    for _ in range(2):  # found again on every build, never served from the cache
        with pytest.raises(BriefingError, match="keypoints"):
            load_corpus(seeds, cache=cache)
    curation.write_text(good)
    load_corpus(seeds, cache=cache)
    assert cache.misses == 3 and cache.hits == 1
