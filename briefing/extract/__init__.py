"""Stage 2: find the article inside a page (see `page` for the method).

Modules, in the order data flows: `vocabulary` (word lists and patterns), `units` (lines to
paragraph units and their features), `region` (where the article runs), `dates` (the page's
own dates), `metadata` (headline, outlet, wire, dateline), `html` (trafilatura for HTML
input), `page` (the orchestration).
"""

from typing import Any

from briefing.extract.article import BLOCK_KINDS, Article, Block

__all__ = ["BLOCK_KINDS", "DATELINE", "STOPWORDS", "Article", "Block", "extract_article"]


def __getattr__(name: str) -> Any:
    # The extraction (with numpy under its classifier) and its vocabulary (dozens of
    # patterns to compile) load when first used: a run that finds its briefing in the cache
    # needs only the article types.
    if name == "extract_article":
        from briefing.extract.page import extract_article

        return extract_article
    if name in ("DATELINE", "STOPWORDS"):
        from briefing.extract import vocabulary

        return getattr(vocabulary, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
