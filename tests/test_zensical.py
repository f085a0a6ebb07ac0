"""The site stays buildable by Zensical, the successor of Material for MkDocs (end of life May 2027):
the same pages at the same addresses, and no link in them leads nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tools.zensical_build import build_with_zensical

from .conftest import ROOT
from .links import check_links


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_zensical(ROOT, tmp_path_factory.mktemp("zensical"))


def _html_pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")}


def test_every_mkdocs_page_is_built_by_zensical(built_site: Path, zensical_site: Path) -> None:
    # No exclusions: Zensical renders 404.html too, and the MkDocs-only artefacts (sitemap.xml.gz,
    # search/search_index.json) are not pages.
    missing = sorted(_html_pages(built_site) - _html_pages(zensical_site))
    assert not missing, f"pages MkDocs builds but Zensical does not: {missing}"


def test_every_internal_link_of_the_zensical_site_resolves(zensical_site: Path) -> None:
    links = check_links(zensical_site)
    assert links.checked, "no internal link found: the check would pass on anything"
    assert not links.broken, f"{len(links.broken)} broken links, first ones:\n" + "\n".join(links.broken[:20])
