"""How fast the profiles' phrases are found: the word lookup the tagger uses against the
single alternation of every phrase it replaced (kept as the tests' reference), on the
seeds and the shared pages' sentences. Best of five runs each; quote ratios from one run.

    python benchmarks/tagging.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.annotate.actors import _key  # noqa: E402
from briefing.annotate.phrase_index import PhraseIndex  # noqa: E402
from briefing.annotate.sentences import split_sentences  # noqa: E402
from briefing.profile import list_profiles, load_profile  # noqa: E402
from tests.phrase_reference import Alternation  # noqa: E402
from tests.test_phrase_index import _texts  # noqa: E402

RUNS = 5


def _best(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    sentences = [
        s for text in _texts() for line in text.splitlines() for s in split_sentences(line)
    ]
    print(f"{len(sentences)} sentences (seeds and shared pages)")
    print("| profile | phrases | alternation s | lookup s | faster |")
    print("|---|---|---|---|---|")
    for info in list_profiles():
        profile = load_profile(info.path)
        phrases = [_key(alias) for actor in profile.actors for alias in actor.aliases]
        phrases += [_key(p) for a in profile.actors for rule in a.context for p in rule.phrases]
        reference, index = Alternation(phrases), PhraseIndex(phrases)
        old = _best(lambda r=reference: [list(r.matches(s)) for s in sentences])
        new = _best(lambda i=index: [list(i.finditer(s)) for s in sentences])
        print(f"| {profile.id} | {len(phrases)} | {old:.3f} | {new:.3f} | {old / new:.1f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
