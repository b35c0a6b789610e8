"""Stage 3: split an article into sentences and tag each with actors and resolved dates.

Modules, in the order data flows: `sentences` (the splitter), `phrase_index` and `countries`
(the lookup tables tagging reads), `actors` (who each sentence concerns), `coreference` (a
sentence that refers back to the previous one's actor), `date_mention` and `dates` (dates in
the text, resolved against the publication date), `article` (the stage itself).
"""

from briefing.annotate.article import (
    AnnotatedArticle,
    Sentence,
    annotate_article,
    publication_date,
    retag_article,
)

__all__ = [
    "AnnotatedArticle",
    "Sentence",
    "annotate_article",
    "publication_date",
    "retag_article",
]
