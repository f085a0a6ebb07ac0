from __future__ import annotations

import base64
import hashlib

from scripts.csp import add_policy, inline_script_hashes

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>var a = 1;</script>
<script src="x.js"></script><script id="__config" type="application/json">{"a": 1}</script></head>
<body><script type="module">import "./y.js";</script></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed():
    assert inline_script_hashes(PAGE) == sorted([sha("var a = 1;"), sha('import "./y.js";')])


def test_policy_comes_first_in_head_and_allows_no_inline_script():
    html = add_policy(PAGE)
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<meta charset")
    policy = html.split('content="', 1)[1].split('"', 1)[0]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert sha("var a = 1;") in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["default-src"] == "'self'"
