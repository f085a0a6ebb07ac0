"""The post-processing step for engines without MkDocs hooks: a built page gets the exact-sentence links and
the Content-Security-Policy the hook gives it, once."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from scripts.postprocess import finish_page, finish_site

SCRIPT = "document.body.dataset.ready = 1"
PAGE = (
    "<!doctype html><html><head><title>t</title></head><body>"
    '<a href="../a/#p3" data-text-fragment="text=%C2%B63-,drones">¶3</a>'
    f"<script>{SCRIPT}</script><script src=\"x.js\"></script>"
    '<script type="application/ld+json">{"a": 1}</script>'
    "</body></html>"
)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_a_page_gets_its_fragment_links_and_a_policy_hashing_its_inline_script() -> None:
    html = finish_page(PAGE)
    assert '<a href="../a/#p3:~:text=%C2%B63-,drones">' in html
    assert "data-text-fragment" not in html
    head = html.split("<title>", 1)[0]
    assert head.count('http-equiv="Content-Security-Policy"') == 1  # first in the head, before anything loads
    script_src = head.split("script-src", 1)[1].split(";", 1)[0]
    assert script_src.split() == ["'self'", "'wasm-unsafe-eval'", _sha256(SCRIPT)]  # not the JSON-LD, not x.js


def test_a_finished_page_is_left_as_it_is() -> None:
    once = finish_page(PAGE)
    assert finish_page(once) == once


def test_a_page_without_a_head_gets_no_policy() -> None:
    assert "Content-Security-Policy" not in finish_page("<p>fragment</p>")


def test_every_html_file_of_a_site_is_finished_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "articles" / "a").mkdir(parents=True)
    (tmp_path / "index.html").write_bytes(PAGE.replace("</head>", "</head>\r\n").encode("utf-8"))
    (tmp_path / "articles" / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "data.json").write_text('{"href": "data-text-fragment"}', encoding="utf-8")
    assert finish_site(tmp_path) == 2
    assert finish_site(tmp_path) == 0  # a second run changes nothing
    home = (tmp_path / "index.html").read_bytes()
    assert b"</head>\r\n" in home  # the engine's line endings are kept
    assert b"Content-Security-Policy" in home
    assert b"Content-Security-Policy" in (tmp_path / "articles" / "a" / "index.html").read_bytes()
    assert (tmp_path / "data.json").read_text(encoding="utf-8") == '{"href": "data-text-fragment"}'
