"""A Content-Security-Policy for every built page, allowing only this site's own scripts.

The theme's inline scripts are allowed by their SHA-256 hashes, computed from the page itself, so
the policy needs no 'unsafe-inline' for scripts: markup smuggled into a page could not run.
'wasm-unsafe-eval' lets the search engine (Pagefind, WebAssembly) compile its own module; it allows no
JavaScript eval.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group("type").lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue  # data blocks (application/json) are never executed
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def add_policy(html: str) -> str:
    head = _HEAD.search(html)
    if head is None:
        return html
    policy = POLICY.format(hashes=" ".join(inline_script_hashes(html))).replace("  ", " ")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: head.end()] + meta + html[head.end() :]
