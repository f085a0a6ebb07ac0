"""The benchmark's synthetic corpus builds, and its articles are neither the real seed nor each other."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from scripts.generate import generate
from tests.tools.synth import REAL_SEED, make_corpus


def _paragraphs(path: Path) -> set[str]:
    return {block.strip() for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()}


def test_synthetic_corpus_with_a_wire_copy_generates(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    make_corpus(3, seeds, seed=1, copy_share=0.34)  # one of the three is a reprint of another
    site = generate(seeds)

    texts = sorted(seeds.glob("*.txt"))
    assert len(texts) == 3
    assert all(any(t.stem.lower() in path for path in site.pages) for t in texts)
    real = _paragraphs(REAL_SEED)
    for text in texts:
        assert len(_paragraphs(text) & real) <= 1, (
            f"{text.name} keeps the real seed's paragraphs"
        )  # the repeated real title at most
    shares = [len(_paragraphs(a) & _paragraphs(b)) / len(_paragraphs(a)) for a, b in combinations(texts, 2)]
    copies = [share for share in shares if share > 0.5]
    assert len(copies) == 1, shares  # the reprint and its original share most paragraphs…
    assert max(share for share in shares if share <= 0.5) < 0.2, shares  # …distinct articles hardly any
