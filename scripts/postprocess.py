"""The HTML post-processing of a built site, as a step of its own: for engines that run no MkDocs hooks.

The MkDocs hook rewrites each page as MkDocs writes it (``on_post_page``, ``on_post_template``): the
exact-sentence links (``scripts/fragments.py``), then the Content-Security-Policy (``scripts/csp.py``),
whose hashes are those of the page's inline scripts as finally written. This walks a finished site and
applies the same two functions in the same order, so a site built by another engine (Zensical) carries
the same links and the same policy.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import csp, fragments

# A page that already has a policy was finished before: a second one would be a second, stricter policy
# (browsers enforce both), and its hashes would no longer cover the page.
_HAS_POLICY = re.compile(r"<meta\s+http-equiv=[\"']?Content-Security-Policy", re.IGNORECASE)


def finish_page(html: str) -> str:
    """One built page as the MkDocs hook leaves it: text-fragment links, then the policy."""
    if _HAS_POLICY.search(html):
        return html
    return csp.add_policy(fragments.apply(html))


def finish_site(site: Path) -> int:
    """Every HTML file of ``site`` finished in place; returns how many were changed."""
    changed = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_bytes().decode("utf-8")  # bytes: line endings stay as the engine wrote them
        finished = finish_page(html)
        if finished != html:
            path.write_bytes(finished.encode("utf-8"))
            changed += 1
    return changed
