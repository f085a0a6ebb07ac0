"""schema.org data (JSON-LD) for a page's head: the news articles a page rests on and the claims it shows."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .briefing import Briefing, Place, Statement
from .corpus import Merged, Story
from .escape import front_matter_json


class JsonLd:
    """The template's ``jsonld``. ``address`` gives an article page's full address; one per build."""

    def __init__(self, address: Callable[[Briefing], str]) -> None:
        self._address = address

    def article(self, b: Briefing, statements: list[Statement]) -> Markup:
        """For a page about one article: the source NewsArticle and the Claims shown on the page."""
        return _script({"@context": "https://schema.org", "@graph": self._graph(b, statements)})

    def appearances(self, stories: list[Story], *parts: str) -> Markup:
        """For a page citing several articles: each NewsArticle with the Claims shown."""
        graph: list[dict[str, Any]] = []
        for ap in (ap for story in stories for ap in story.appearances):
            graph += self._graph(ap.briefing, [getattr(ap.item, part) for part in parts])
        return _script({"@context": "https://schema.org", "@graph": graph})

    def place(self, place: Merged[Place], stories: list[Story]) -> Markup:
        """For a place's page: the Place, with its coordinates, and each NewsArticle with what it says about it."""
        location = place.latest.location
        node: dict[str, Any] = {"@type": "Place", "name": place.name}
        if location is not None:
            node["geo"] = {"@type": "GeoCoordinates", "latitude": location.latitude, "longitude": location.longitude}
            if location.aliases:
                node["alternateName"] = list(location.aliases)
        graph: list[dict[str, Any]] = [node]
        for ap in (ap for story in stories for ap in story.appearances):
            graph += self._graph(ap.briefing, [ap.item.about])
        return _script({"@context": "https://schema.org", "@graph": graph})

    def _graph(self, b: Briefing, statements: list[Statement]) -> list[dict[str, Any]]:
        address = self._address(b)
        article_id = f"{address}#article"
        news = {
            "@type": "NewsArticle",
            "@id": article_id,
            "headline": b.article.title,
            "publisher": {"@type": "Organization", "name": b.article.outlet} if b.article.outlet else None,
            "isBasedOn": {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": b.article.wire_service}}
            if b.article.wire_service
            else None,
            "url": address,
        }
        claims = [
            {"@type": "Claim", "text": s.text, "additionalType": s.type, "appearance": {"@id": article_id}} for s in statements
        ]
        if b.date and not b.date.until:  # a range is no date to give machines
            news["datePublished"] = b.date.iso
        return [{k: v for k, v in news.items() if v is not None}, *claims]


def _script(graph: dict[str, Any]) -> Markup:
    # Inside <script>, "<" could end the element early; JSON allows it escaped.
    return front_matter_json(json.dumps(graph, ensure_ascii=False).replace("<", "\\u003c"))
