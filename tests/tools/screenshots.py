"""`make screenshots`: every page kind, light and dark, at 360 px and 1280 px, into build/screenshots/."""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from tests.browser import launch
from tests.tools.pagekinds import PAGE_KINDS, ROOT, build, serve

OUT = ROOT / "build" / "screenshots"
WIDTHS = {360: 740, 1280: 900}


def main() -> int:
    site = ROOT / "build" / "screenshot-site"
    server = serve(site)
    url = f"http://127.0.0.1:{server.server_port}/"
    build(site, url)
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for scheme in ("light", "dark"):
            for width, height in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                for kind, path in PAGE_KINDS.items():
                    page.goto(url + path, wait_until="networkidle")
                    target = OUT / f"{kind}-{scheme}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                context.close()
        browser.close()
    server.shutdown()
    count = len(PAGE_KINDS) * 2 * len(WIDTHS)
    print(f"screenshots: {count} PNGs of {len(PAGE_KINDS)} page kinds in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
