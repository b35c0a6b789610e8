"""Which actor a line is about: who acts or speaks in it, not every actor it names."""

from __future__ import annotations

from collections.abc import Callable

from briefing.actors import ActorTagger
from briefing.model.clauses import main_clause_opening

# Tells whether a pane's actor acts or speaks in a sentence.
Acts = Callable[[str], bool]


def profile_actor_acts(tagger: ActorTagger, actor_id: str) -> Acts:
    return lambda text: actor_id in tagger.tag(main_clause_opening(text))


def named_actor_acts(name: str) -> Acts:
    return lambda text: name in main_clause_opening(text)
