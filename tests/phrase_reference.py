"""How the tagger used to find profile phrases: one case-insensitive alternation of every
phrase, longest first, tried at every position, and the same alternation with a group per
phrase matched where one starts, to name it. Kept here only as the reference the
word-lookup `PhraseIndex` must agree with (and, in benchmarks/tagging.py, beat)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from briefing.profile import phrase_body


class Alternation:
    def __init__(self, phrases: Sequence[str]) -> None:
        self.ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
        self.starts = self._pattern([f"(?:{phrase_body(p)})" for p in self.ordered])
        self.named = self._pattern(
            [f"(?P<p{n}>{phrase_body(p)})" for n, p in enumerate(self.ordered)]
        )

    def _pattern(self, branches: Sequence[str]) -> re.Pattern[str]:
        initials = {c for phrase in self.ordered for c in (phrase[:1].lower(), phrase[:1].upper())}
        first = re.escape("".join(sorted(initials)))
        return re.compile(rf"(?<!\w)(?<!anti-)(?=[{first}])(?:{'|'.join(branches)})", re.IGNORECASE)

    def matches(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(phrase, start, end) of each phrase found."""
        if not self.ordered:
            return
        for start in self.starts.finditer(text):
            match = self.named.match(text, start.start())
            if match:
                yield self.ordered[int((match.lastgroup or "p0")[1:])], match.start(), match.end()
