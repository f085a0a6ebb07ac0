"""What the build lets go of goes through attributes MkDocs documents, so an MkDocs release that changes
them fails here, not as a silent rise in memory."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from scripts import memory


def test_the_attributes_released_are_mkdocs_public_ones():
    assert {"markdown", "content"} <= Page.__annotations__.keys()
    assert isinstance(File.content_string, property) and File.content_string.fset is not None


def test_a_released_page_keeps_being_a_read_generated_page(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    file = File("a.md", None, str(tmp_path / "site"), use_directory_urls=True)
    file.content_string, file.generated_by = "# A\n\ntext", "the hook"  # as File.generated does during an event
    page = Page("A", file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    assert page.markdown and page.content
    memory.release_source(page)
    memory.release_content(page)
    assert (page.markdown, page.content, file.content_string) == ("", "", "")
    assert file.generated_by is not None  # still a generated file: MkDocs writes it from memory, never from disk
