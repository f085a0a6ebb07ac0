from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from scripts.escape import escape

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def render(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "![x](data:text/html,hi)",
        "# heading",
        "- list item",
        " - indented list item",
        "  3) numbered",
        "1. numbered",
        "!!! note",
        "text {: onclick=alert(1) }",
        '--8<-- "/etc/passwd"',
        "{{ config }} {% if %}",
        "&amp; &lt;b&gt;",
        "*em* _em_ `code` **strong**",
        "a | table | row",
        "line one\n\n# two",
    ],
)
def test_hostile_text_stays_literal_text(hostile):
    for template in ("{}", "- {}", "| a |\n| --- |\n| {} |", "[{}](#x)"):
        soup = render(template.format(escape(hostile)))
        assert soup.find_all(["script", "img", "iframe", "h1", "h2", "em", "strong", "code", "ol"]) == []
        assert len(soup.find_all("a")) == (1 if template.startswith("[") else 0)
        assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
        assert " ".join(hostile.split()) in soup.get_text()


def test_markup_is_trusted_and_plain_text_readable():
    assert escape(Markup("<mark>x</mark>")) == "<mark>x</mark>"
    assert escape("Iraq's \"army\"") == "Iraq's \"army\""
    assert escape("two\nlines") == "two lines"
