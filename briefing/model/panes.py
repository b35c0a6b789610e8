"""Which pane a line goes to: the actor it is about, not every actor it names.

A line is about the actor of its main clause's subject ("Iran will send missiles ...");
failing that, the speaker's actor ("the Sudanese army said ..."); failing that, the
first actor its event names (who is acted upon). The other actors it names are links
("also: Iran"), so no line stands in two panes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.actors import ActorTagger
from briefing.model.clauses import main_clause_opening

# "Iran-backed Hezbollah": the backer is named, the line is about who it backs.
_BACKER = re.compile(r"[\w'’ .-]*?-(?:backed|aligned|allied|supported|based|funded|armed)\b")
# "by" right before a mention: the agent of a passive.
_AGENT = re.compile(r"\bby\s+(?:the\s+)?$")
# Where a text names each pane's actor: pane id -> character offset of its first mention.
Mentions = Callable[[str], dict[str, int]]


@dataclass(frozen=True)
class PaneActor:
    """A pane before its lines are chosen."""

    id: str
    name: str
    colour: str
    sentence_ids: tuple[str, ...]  # every sentence naming the actor, reading order
    length: int  # summary sentences


def mentions_of(tagger: ActorTagger, others: Sequence[PaneActor]) -> Mentions:
    """Where a text names the profile's actors (by the profile's rules) and the other
    actors (by name)."""
    names = [(other.id, re.compile(rf"\b{re.escape(other.name)}\b")) for other in others]

    def mentions(text: str) -> dict[str, int]:
        found = tagger.positions(text)
        for actor_id, name in names:
            named = name.search(text)
            if named:
                found[actor_id] = named.start()
        return found

    return mentions


def line_actor(
    event: str, speaker: str | None, candidates: Sequence[str], mentions: Mentions
) -> str:
    """The one pane among `candidates` (the panes whose actor the line names, in pane
    order) that the line is about."""
    subject = main_clause_opening(event)
    for text in (subject, speaker or "", event):
        named = {
            a: at
            for a, at in mentions(text).items()
            if a in candidates and not _BACKER.match(text, at)
        }
        # Who acts in a passive ("were released by Hamas") before who is acted upon.
        agents = {a: at for a, at in named.items() if _AGENT.search(text, 0, at)}
        if agents or named:
            return min(agents or named, key=(agents or named).__getitem__)
    return candidates[0]
