"""The seeds directory's rules, held by one module at the bottom of the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts import seeds

from .conftest import ROOT


def _fresh_imports(statement: str) -> str:
    # A fresh interpreter: in this one, other tests have long imported the renderer.
    code = f"import sys; {statement}; print(sorted(m for m in sys.modules if m.startswith('scripts')))"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_make_new_does_not_load_the_renderer():
    result = subprocess.run(
        [sys.executable, "-c", "import scripts.draft, sys; print('scripts.render' in sys.modules)"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_seeds_module_imports_nothing_above_it():
    assert _fresh_imports("import scripts.seeds").strip() == str(["scripts", "scripts.article", "scripts.errors", "scripts.seeds"])


def test_split_lists_reserve_numbered_page_names():
    assert seeds.page_name(2) == "page-2"
    assert all(seeds.is_reserved(name) for name in ("page-2", "page-10", seeds.page_name(37)))
    assert not any(seeds.is_reserved(name) for name in ("page", "page-", "page-two", "page-2-b", "front-page-2", "pages-2"))


def test_a_curation_is_named_after_its_seed():
    assert seeds.curation_path(Path("seeds/Mosul Report.v2.txt")) == Path("seeds/Mosul Report.v2.yml")
    assert seeds.curation_path(Path("seeds/dam.html")) == Path("seeds/dam.yml")


def test_files_are_listed_by_suffix_without_judging_the_rest(tmp_path):
    assert seeds.files_ending(tmp_path / "not-yet", *seeds.SEED_SUFFIXES) == []
    for name in ("b.txt", "a.HTML", "a.yml", "notes.docx", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "folder.txt").mkdir()
    assert [p.name for p in seeds.files_ending(tmp_path, *seeds.SEED_SUFFIXES)] == ["a.HTML", "b.txt"]
    assert [p.name for p in seeds.files_ending(tmp_path, seeds.CURATION_SUFFIX)] == ["a.yml"]
