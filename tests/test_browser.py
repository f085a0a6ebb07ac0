"""The site as readers meet it: Debian's Chromium, every page, phone and desktop widths, both schemes."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from .browser import DESKTOP, PHONE, axe_violations, every_result, recorded_page, search
from .conftest import site_pages

ARTICLE = "articles/000_b2ab8aba2c0e3d24/"


@pytest.fixture(scope="module")
def paths(built_site) -> list[str]:
    found = site_pages(built_site)
    assert len(found) > 25
    return found


def test_every_page_loads_cleanly_and_stays_on_this_host(browser, site_url, paths):
    problems = []
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, recorder):
        for path in paths:
            page.goto(site_url + path, wait_until="networkidle")
            facts = page.evaluate(
                """() => ({
                    csp: document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content || '',
                    h1: document.querySelectorAll('h1').length,
                    title: document.title.trim(),
                    description: document.querySelector('meta[name=description]')?.content.trim() || '',
                    lang: document.documentElement.lang,
                })"""
            )
            if "script-src" not in facts["csp"] or "'unsafe-inline'" in facts["csp"].split("script-src")[1].split(";")[0]:
                problems.append(f"{path}: no Content-Security-Policy without 'unsafe-inline' scripts: {facts['csp']!r}")
            if facts["h1"] != 1:
                problems.append(f"{path}: {facts['h1']} h1 elements")
            if not facts["title"] or not facts["description"] or facts["lang"] != "en":
                problems.append(f"{path}: title/description/lang missing: {facts}")
        problems += [f"console error: {e}" for e in recorder.console_errors]
        problems += [f"CSP violation: {v}" for v in recorder.csp_violations]
        problems += [f"failed request: {f}" for f in recorder.failures]
        problems += [f"request to another host: {u}" for u in recorder.foreign_requests()]
        assert len(recorder.requests) > len(paths)  # the recorder really saw the traffic
    assert problems == []


def test_search_finds_hashimi_and_opens_his_page(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, recorder):
        page.goto(site_url, wait_until="networkidle")
        assert not [u for u in recorder.requests if "/pagefind/" in u]  # nothing of search before a reader searches
        results = search(page, "Hashimi")
        result = results.locator(".site-search__title a", has_text="Hisham al-Hashimi").first
        expect(result).to_be_visible()
        assert "actors/hisham-al-hashimi/" in result.get_attribute("href")
        result.click()
        page.wait_for_url("**/actors/hisham-al-hashimi/**")
        expect(page.locator("h1")).to_contain_text("Hisham al-Hashimi")
        assert recorder.console_errors == [] and recorder.foreign_requests() == []


def _titles(results) -> list[str]:
    """Every result's title, after pressing "More results" until all are shown."""
    return [t.strip() for t in every_result(results.page).locator(".site-search__title a").all_text_contents()]


@pytest.mark.parametrize(
    ("query", "title", "words"),
    [
        ("security analyst", "Hisham al-Hashimi", ("security analyst",)),  # his Who statement
        ("drones", "Surveillance of the Syrian border", ("drones",)),  # a pillar's What statement
        # the other names a reader types: the marked words are the alias or the name it stands for
        ("ISIS", "Islamic State group (IS)", ("ISIS", "Islamic State")),
        ("Daesh", "Islamic State group (IS)", ("Daesh", "Islamic State")),
        ("ISIL", "Islamic State group (IS)", ("ISIL", "Islamic State")),
        ("organized crime", "Organised crime to fund operations", ("Organised",)),  # either spelling finds the other
        ("Baghdad", "Baghdad", ("Baghdad",)),  # a place's page
        ("Syrian border", "Iraq–Syria border", ("Syrian border", "border")),  # a place's other name
    ],
)
def test_search_finds_the_statement_a_reader_asks_for(browser, site_url, query, title, words):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, recorder):
        page.goto(site_url + "threat/", wait_until="networkidle")
        results = search(page, query)
        assert title in _titles(results)[:3], _titles(results)
        hit = results.filter(has=page.locator(".site-search__title a", has_text=title)).first
        expect(hit.locator("mark").first).to_be_visible()  # the words that matched, marked in the result
        marked = " ".join(hit.locator("mark").all_text_contents()).casefold()
        assert any(w.casefold() in marked for w in words), marked
        assert recorder.console_errors == [] and recorder.foreign_requests() == []


def test_a_result_links_to_the_section_of_the_statement_that_matched(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url, wait_until="networkidle")
        results = search(page, "surgical airstrikes")
        section = results.locator("ul a[href*='#']").first
        expect(section).to_be_visible()
        href = section.get_attribute("href")
        section.click()
        page.wait_for_url("**" + href.split("#", 1)[0] + "*")
        anchor = href.split("#", 1)[1]
        expect(page.locator(f"[id='{anchor}']")).to_be_attached()


def test_search_shows_three_results_and_more_on_request(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, recorder):
        page.goto(site_url, wait_until="networkidle")
        fragments = lambda: [u for u in recorder.requests if "/pagefind/fragment/" in u]  # noqa: E731 - one texts' count
        results = search(page, "border")
        expect(results).to_have_count(3)
        page.wait_for_load_state("networkidle")
        assert len(fragments()) == 3  # the texts of the results shown, and no more
        total = int(re.search(r"(\d+) pages found", page.locator("#search-status").inner_text()).group(1))
        more = page.locator(".site-search__more button")
        expect(more).to_have_text(f"More results ({total - 3} left)")
        more.click()
        expect(results).to_have_count(min(total, 8))
        assert len(fragments()) == min(total, 8)


def test_search_filters_combine_with_a_query(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url, wait_until="networkidle")
        everything = _titles(search(page, "border"))
        pillars = _titles(search(page, "border", kind="pillar"))
        assert pillars and set(pillars) < set(everything)
        assert all(page.locator(".site-search__kind").all_text_contents()[i] == "pillar" for i in range(len(pillars)))
        mosul = _titles(search(page, "Mosul", kind="pillar"))
        assert {"A secured border with Syria", "Limiting escapes from Mosul"} <= set(mosul), mosul
        # a page holding a statement typed condition: the pillar that is one, not the immediate priority
        conditions = _titles(search(page, "Mosul", kind="pillar", type="condition"))
        assert "A secured border with Syria" in conditions and "Limiting escapes from Mosul" not in conditions, conditions
        # an article's own pages: its briefing (every statement of it) and its source notes
        page.locator("#search-kind").select_option("")
        page.locator("#search-type").select_option("")
        page.locator("#search-article").focus()  # as a reader opens the list: its articles are fetched then
        page.locator("#search-article").select_option(label="Iraq readies new strategy for fight against post-Mosul IS")
        expect(page.locator("#search-status")).to_contain_text("2 pages found for “Mosul”")
        hrefs = page.locator(".site-search__title a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert sorted(h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs) == ["000_b2ab8aba2c0e3d24", "source-notes"], hrefs
        page.wait_for_url(lambda url: "article=000_b2ab8aba2c0e3d24" in url and "q=Mosul" in url)  # the address keeps the search


def test_colour_scheme_toggle_switches_and_survives_reload(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP, color_scheme="light") as (page, _):
        page.goto(site_url + "threat/", wait_until="networkidle")
        scheme = "() => document.body.getAttribute('data-md-color-scheme')"
        assert page.evaluate(scheme) == "default"
        page.get_by_title("Switch to dark mode").click()
        assert page.evaluate(scheme) == "slate"
        page.reload(wait_until="networkidle")
        assert page.evaluate(scheme) == "slate"
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(255, 255, 255)"
        page.get_by_title("Switch to light mode").click()
        assert page.evaluate(scheme) == "default"


def test_keyboard_user_can_skip_to_content(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url + ARTICLE, wait_until="networkidle")
        page.keyboard.press("Tab")
        skip = page.locator(":focus")
        expect(skip).to_have_text("Skip to content")
        box = skip.bounding_box()
        assert box and box["y"] >= 0 and box["width"] > 0  # visible when focused, not off-screen
        page.keyboard.press("Enter")
        target = page.evaluate("() => location.hash")
        assert target
        assert page.evaluate(f"() => !!document.querySelector('.md-content {target}, .md-content{target}') || document.querySelector('{target}').closest('.md-content') !== null")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.closest('.md-content') !== null")


def test_paragraph_link_scrolls_to_and_marks_the_paragraph(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url + "actors/western-companies/", wait_until="networkidle")
        link = page.locator("p.evidence a.evidence-link", has_text="¶8").first
        assert ":~:text=" in link.get_attribute("href")  # the exact words, with the paragraph as fallback
        link.click()
        page.wait_for_url(lambda url: ARTICLE in url)
        # Smooth scrolling: wait until the paragraph has come to rest in view.
        page.wait_for_function(
            """() => { const box = document.querySelector('#p8').getBoundingClientRect();
                       const rest = box.top === window.__lastTop; window.__lastTop = box.top;
                       return rest && box.top >= 0 && box.top < innerHeight - box.height / 2; }""",
            polling=100,
        )
        assert page.evaluate("() => location.hash") == "#p8"  # the text directive is consumed by the browser
        paragraph = page.locator("#p8")
        box = paragraph.bounding_box()
        assert box and 0 <= box["y"] < DESKTOP["height"] - box["height"] / 2
        assert page.evaluate("() => window.scrollY") > 200
        # The browser highlights the quoted words (::target-text); look for the highlight's colour.
        assert highlighted_pixels(paragraph.screenshot()) > 200
        assert highlighted_pixels(page.locator("#p7").screenshot()) == 0


def highlighted_pixels(png: bytes) -> int:
    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if abs(r - 0xFF) < 8 and abs(g - 0xD5) < 8 and abs(b - 0x4F) < 8)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_layout_has_no_horizontal_scroll(browser, site_url, paths, viewport):
    overflowing = []
    with recorded_page(browser, site_url, viewport=viewport) as (page, _):
        for path in paths:
            page.goto(site_url + path, wait_until="load")
            width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                overflowing.append(f"{path}: {width[0]}px wide in a {width[1]}px window")
    assert overflowing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violation(browser, site_url, paths, scheme):
    violations = []
    # axe is injected as an inline script, which the site's own Content-Security-Policy rightly blocks.
    with recorded_page(browser, site_url, viewport=DESKTOP, color_scheme=scheme, bypass_csp=True) as (page, _):
        for path in [*paths, "no-such-page/"]:
            page.goto(site_url + (path if path != "no-such-page/" else "404.html"), wait_until="networkidle")
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == expected
            violations += [f"{path}: {v}" for v in axe_violations(page)]
    assert violations == []


def test_print_layout_keeps_the_briefing_and_its_source_links(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url + "actors/hisham-al-hashimi/", wait_until="networkidle")
        page.emulate_media(media="print")
        hidden = page.evaluate("() => ['.md-header', '.md-sidebar--primary', '.md-footer'].map(s => getComputedStyle(document.querySelector(s)).display)")
        assert hidden == ["none", "none", "none"]
        link = page.locator("a.evidence-link").first
        href = link.get_attribute("href")
        assert href.startswith("../../articles/000_b2ab8aba2c0e3d24/#p6:~:text="), href
        # On paper a link cannot be followed, so its address is printed after it.
        assert link.evaluate("a => getComputedStyle(a, '::after').content") == f'" ({href})"'
        assert page.locator("div.statement").first.is_visible()


def test_not_found_page_helps_the_reader_on(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, recorder):
        response = page.goto(site_url + "no/such/page/", wait_until="networkidle")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("This page does not exist")
        for name in ("Home: the briefing and its key points", "Actors", "Strategy pillars", "The threat"):
            page.locator(".md-content a", has_text=name).first.wait_for()
        page.locator(".md-content a", has_text="Actors").first.click()
        expect(page.locator("h1")).to_contain_text("Actors")
        # The only error the browser reports is the missing page's own 404 status.
        assert all("404" in e for e in recorder.console_errors) and len(recorder.console_errors) == 1
        assert recorder.foreign_requests() == []


BADGE_COLOURS = {  # the stylesheet's colour for each statement type
    "reported fact": "rgb(47, 93, 58)",
    "attributed claim": "rgb(59, 79, 143)",
    "plan": "rgb(31, 95, 168)",
    "forecast": "rgb(122, 75, 0)",
    "condition": "rgb(143, 29, 59)",
}


@pytest.mark.parametrize("path", ["", ARTICLE, "pillars/border-surveillance/", "types/"])
def test_type_badges_keep_their_own_colour_everywhere(browser, site_url, path):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url + path, wait_until="networkidle")
        badges = page.evaluate("() => [...document.querySelectorAll('.md-content .stype')].map(b => [b.textContent.trim(), getComputedStyle(b).backgroundColor])")
    assert badges
    by_type: dict[str, set[str]] = {}
    for kind, colour in badges:
        by_type.setdefault(kind, set()).add(colour)
    assert {kind: colours for kind, colours in by_type.items() if kind in BADGE_COLOURS} == {
        kind: {BADGE_COLOURS[kind]} for kind in by_type if kind in BADGE_COLOURS
    }
    assert len({colour for colours in by_type.values() for colour in colours}) == len(by_type)  # no two types alike


# The size a label is drawn at on screen: its font size times the picture's scale (rotation included).
RENDERED_LABEL_SIZES = """selector => [...document.querySelectorAll(selector)]
    .filter(t => t.getClientRects().length)
    .map(t => { const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); })"""
PICTURE_PAGES = {"threat/": "table", ARTICLE: ".relations li", ARTICLE + "source-notes/": "p.chain"}
MAP_PAGES = {"": ".places-table table", "places/": ".places-table table", "places/mosul/": "figcaption a[href='../']", "threat/": "table"}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_pictures_are_readable_or_give_way_to_their_text(browser, site_url, viewport):
    with recorded_page(browser, site_url, viewport=viewport) as (page, _):
        for path, equivalent in PICTURE_PAGES.items():
            page.goto(site_url + path, wait_until="networkidle")
            sizes = page.evaluate(RENDERED_LABEL_SIZES, ".md-content svg:not(.map-svg) text")
            if viewport is PHONE:
                assert sizes == [], f"{path}: a picture is drawn at 360 px"
            else:
                assert sizes and min(sizes) >= 12, f"{path}: labels drawn at {min(sizes):.1f} px"
            expect(page.locator(f".md-content {equivalent}").first).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_maps_are_drawn_readable_at_every_width_with_their_text_beside(browser, site_url, viewport):
    """Unlike the diagrams, a map stays at 360 px (it shrinks with the column): its labels must stay readable."""
    with recorded_page(browser, site_url, viewport=viewport) as (page, _):
        for path, equivalent in MAP_PAGES.items():
            page.goto(site_url + path, wait_until="networkidle")
            sizes = page.evaluate(RENDERED_LABEL_SIZES, ".md-content svg.map-svg text")
            assert len(sizes) >= 5, f"{path}: {len(sizes)} map labels drawn"
            assert min(sizes) >= 12, f"{path}: map labels drawn at {min(sizes):.1f} px"
            box = page.locator(".md-content svg.map-svg").bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"{path}: the map leaves the screen"
            expect(page.locator(f".md-content {equivalent}").first).to_be_visible()


def test_a_mark_on_the_map_opens_its_place_page(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url, wait_until="networkidle")
        page.locator("svg.map-svg a", has=page.locator("title", has_text="Baghdad")).locator("circle").click()
        page.wait_for_url(site_url + "places/baghdad/")
        expect(page.locator("h1")).to_have_text(re.compile(r"^Baghdad\b"))  # the theme adds a permalink after it
        # On the place's page, its mark is the highlighted one.
        highlighted = page.locator("svg.map-svg .map-place--highlighted")
        expect(highlighted).to_have_count(1)
        expect(highlighted.locator("xpath=..").locator("title")).to_have_text("Baghdad")


def test_the_address_keeps_the_link_the_reader_opened(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url + ARTICLE + "#p7", wait_until="networkidle")
        for y in (0, 1500, 3000, 600):
            page.evaluate(f"() => window.scrollTo(0, {y})")
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            assert page.evaluate("() => location.hash") == "#p7"


def test_a_new_paragraph_link_clears_the_previous_highlight(browser, site_url):
    with recorded_page(browser, site_url, viewport=DESKTOP) as (page, _):
        page.goto(site_url + ARTICLE, wait_until="networkidle")
        page.locator("p.evidence a.evidence-link", has_text="¶1").first.click()
        page.wait_for_function("() => location.hash === '#p1'")
        expect(page.locator("#p1")).to_be_in_viewport()
        assert highlighted_pixels(page.locator("#p1").screenshot()) > 200
        page.locator("p.evidence a.evidence-link", has_text="¶3").first.click()
        page.wait_for_function("() => location.hash === '#p3'")
        expect(page.locator("#p3")).to_be_in_viewport()
        assert highlighted_pixels(page.locator("#p3").screenshot()) > 200
        assert highlighted_pixels(page.locator("#p1").screenshot()) == 0


def test_the_home_page_opens_with_a_grounded_bottom_line(browser, site_url):
    with recorded_page(browser, site_url, viewport=PHONE) as (page, _):
        page.goto(site_url, wait_until="networkidle")
        first = page.evaluate("() => document.querySelector('.md-content h1').nextElementSibling.className")
        assert first == "bottom-line"
        line = page.locator(".bottom-line p")
        expect(line).to_be_in_viewport()  # on a phone, without scrolling
        words = line.evaluate("p => { const c = p.cloneNode(true); c.querySelectorAll('strong, sup').forEach(e => e.remove()); return c.textContent; }").split()
        assert 20 <= len(words) <= 40
        links = line.locator("sup a.evidence-link")
        count = links.count()
        assert count >= 4
        for n in range(count):
            page.goto(site_url, wait_until="networkidle")
            link = page.locator(".bottom-line sup a.evidence-link").nth(n)
            target = link.get_attribute("href").split("#")[1].split(":~:")[0]
            assert ":~:text=" in link.get_attribute("href")
            link.click()
            page.wait_for_function(f"() => location.hash === '#{target}'")
            expect(page.locator(f"#{target}")).to_be_in_viewport()
            assert highlighted_pixels(page.locator(f"#{target}").screenshot()) > 100, target
