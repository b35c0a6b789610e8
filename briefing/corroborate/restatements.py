"""An article's own headline, highlights and subheads restating one of its body sentences."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.ascii_text import sentence_words
from briefing.corroborate.tokens import WORD, one_word_countries
from briefing.corroborate.words import restated_tokens

_RESTATING_KINDS = frozenset({"headline", "standfirst", "subhead"})
# A restatement keeps most of what it restates: 5 of "Turkish, Iranian and Russian FMs
# meet in Doha today"'s 7 words are in the body sentence it summarises.
_RESTATEMENT_SHARE = 0.6


# A wire story's sentences recur across outlets word for word; most of a corpus's do not,
# and a set of strings per sentence remembered is memory (60 MB per worker at 65,536).
@lru_cache(maxsize=8_192)
def restatement_words(text: str) -> frozenset[str]:
    """Content words as a restatement shares them: "Turkish FMs meet" and "the foreign
    ministers of Turkiye will meet" both name turkiye and meet. Acronyms keep their case
    ("IS" the group is not "is"); other words lose common endings."""
    countries = one_word_countries(text)
    tokens = sentence_words(text) if countries is text else WORD.findall(countries)
    return frozenset(filter(None, restated_tokens(tokens)))


def _restated_in(short: Sentence, bodies: Sequence[Sentence]) -> Sentence | None:
    """The body sentence a headline, highlight or subhead restates, if any: the one
    holding most of its words, when that is most of them (and at least two), and
    concerning every actor it names (a line must not join a pane it does not concern).
    A body's `restatement_words` are read only where they can decide."""
    words = restatement_words(short.text)
    if len(words) < 2:
        return None  # it shares two words with none
    actors = set(short.actors)
    best, best_share = None, 0.0
    for body in bodies:
        if not actors <= set(body.actors):
            continue
        shared = len(words & restatement_words(body.text))
        share = shared / len(words)
        if shared >= 2 and share > best_share:
            best, best_share = body, share
    return best if best_share >= _RESTATEMENT_SHARE else None


def restatements(article: AnnotatedArticle) -> tuple[tuple[str, str], ...]:
    """(id, id of the body sentence it restates) for each of an article's headline,
    highlights and subheads that restates one."""
    shorts = [s for s in article.sentences if s.kind in _RESTATING_KINDS]
    if not shorts:
        return ()
    bodies = [s for s in article.sentences if s.kind == "body"]
    found = []
    for short in shorts:
        body = _restated_in(short, bodies)
        if body is not None:
            found.append((short.id, body.id))
    return tuple(found)
