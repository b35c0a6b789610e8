"""What a sentence stating a report tells, read from its words alone: the event a line
states and whether those words tell no event at all. It depends on the sentence only, so
the workers read the sentences that name a profile actor (see `Prepared.readings`), and
the model stage reads the rest when a line asks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing.model.attribution import find_attribution
from briefing.model.background import tells_no_event
from briefing.model.dating import dateline_end
from briefing.model.events import event_span


@dataclass(frozen=True)
class Reading:
    start: int  # where the sentence goes on after its dateline (see `dateline_end`)
    event: str  # the event cut out of it (see `events.event_span`)
    tells_no_event: bool  # the event's words tell a habit, state or hypothetical

    def text(self, sentence: str) -> str:
        """The sentence after its dateline."""
        return sentence[self.start :]


# Deciding a report's pane reads the sentences its lines then state, just before or after.
@lru_cache(maxsize=4096)
def read_sentence(text: str) -> Reading:
    start = dateline_end(text)
    told = text[start:]
    event = event_span(told, find_attribution(told))
    return Reading(start, event, tells_no_event(event))
