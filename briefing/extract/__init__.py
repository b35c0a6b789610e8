"""Stage 2: find the article inside a page (see `page` for the method).

Modules, in the order data flows: `vocabulary` (word lists and patterns), `units` (lines to
paragraph units and their features), `region` (where the article runs), `dates` (the page's
own dates), `metadata` (headline, outlet, wire, dateline), `html` (trafilatura for HTML
input), `page` (the orchestration).
"""

from briefing.extract.article import BLOCK_KINDS, Article, Block
from briefing.extract.page import extract_article
from briefing.extract.vocabulary import DATELINE, STOPWORDS

__all__ = ["BLOCK_KINDS", "DATELINE", "STOPWORDS", "Article", "Block", "extract_article"]
