"""Report merging judged pair by pair on labelled sentences of real outlets (issue 13).

    python benchmarks/report_merging.py            # recall/precision per split (dev, test, all)
    python benchmarks/report_merging.py --worst 15 # also the worst misses and wrong merges

Labelled sentences come from the judged corpus (benchmarks/judged/*.toml, whole pages
labelled) and from pair sets (benchmarks/judged/pairs/*.toml, the same format, only the
sentences that carry a report labelled). Page texts are found as by briefing_eval.py.

Pairs, always of sentences in different articles:
- *copy*: same `report` key, the same words (two words of slack); *rewrite*: same key,
  other words. Both should merge.
- *negative*: labelled events of different stories (the part of `report` before `:`),
  in one story file naming a common actor (*near*, what briefing_eval counts as wrong
  merges) or in two story files; *hard*
  when they share 40% of the shorter sentence's content words (same actors, place,
  template). None should merge.

Two verdicts are scored: the pairwise test (`same_report`) and the grouping the briefing
shows (`corroborate`, run over every article of the split at once, so reports of
different stories can chain together as they would in a user's mixed folder). Tune on
`dev` stories, quote `test`: no story, and no web site, is in both.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing_eval import (  # noqa: E402
    HARD_NEGATIVE_OVERLAP,
    LABELS_DIR,
    PAGE_FOLDERS,
    Cluster,
    Label,
    is_copy,
    load_clusters,
    match_labels,
    overlap,
    pages_missing,
    story,
)

from briefing.actors import compile_profile  # noqa: E402
from briefing.annotate import AnnotatedArticle  # noqa: E402
from briefing.corroborate import (  # noqa: E402
    corroborate,
    pair_features,
    report_score,
    report_words,
    same_report,
)

if TYPE_CHECKING:
    from briefing.model.words import ReportWeights
from briefing.pipeline import process_document, read_documents  # noqa: E402
from briefing.profile import load_profile  # noqa: E402

PAIRS_DIR = LABELS_DIR / "pairs"
# Pair kinds: to merge (copy, rewrite); not to merge: events of different stories in one
# story file (near), in two (negative), and those sharing 40% of their content words
# wherever they are (hard).
KINDS = ("copy", "rewrite", "near", "negative", "hard")
NEGATIVES = ("near", "negative", "hard")


@dataclass(frozen=True)
class Labelled:
    id: str  # the briefing's sentence id
    article: str  # judged article id
    cluster: str
    text: str
    label: Label


@dataclass
class Counts:
    merged: int = 0
    total: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Split:
    """Pairwise and grouped verdicts of one split."""

    kinds: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {
            verdict: {kind: Counts() for kind in KINDS} for verdict in ("pairwise", "grouped")
        }
    )


def brief_cluster(cluster: Cluster, pages: Path, prefix: str) -> list[AnnotatedArticle]:
    """The cluster's pages extracted and annotated in-process, as the briefing does."""
    tagger = compile_profile(load_profile(cluster.profile))
    docs, problems = read_documents([str(pages / cluster.id / a.file) for a in cluster.articles])
    if problems:
        raise SystemExit(f"{cluster.id}: {problems[0]}")
    return [process_document(doc, f"{prefix}{n}", tagger) for n, doc in enumerate(docs, 1)]


def labelled_sentences(cluster: Cluster, articles: Sequence[AnnotatedArticle]) -> list[Labelled]:
    found = []
    for judged, article in zip(cluster.articles, articles, strict=True):
        texts = {s.id: s.text for s in article.sentences}
        matched = match_labels(judged.labels, [(s.id, s.text) for s in article.sentences])
        found += [
            Labelled(sid, judged.id, cluster.id, texts[sid], lab)
            for sid, lab in matched.items()
            if lab.report and not lab.furniture
        ]
        lost = [lab.text for lab in judged.labels if lab.report and lab not in matched.values()]
        for text in lost:
            print(f"  (labelled sentence missing from the briefing: {judged.id}: {text!r})")
    return found


def pair_kind(a: Labelled, b: Labelled) -> str | None:
    if a.article == b.article:
        return None
    if a.label.report == b.label.report:
        return "copy" if is_copy(a.text, b.text) else "rewrite"
    if not (a.label.event and b.label.event):
        return None
    if story(a.label.report) == story(b.label.report) and a.cluster == b.cluster:
        return None  # facets of one story: merging them is neither required nor wrong
    if overlap(a.text, b.text) >= HARD_NEGATIVE_OVERLAP:
        return "hard"
    if a.cluster != b.cluster:
        return "negative"
    # As briefing_eval counts wrong merges: events of one story file naming a common
    # actor (pair sets label no actors: all their events).
    common = a.label.actors & b.label.actors or not (a.label.actors or b.label.actors)
    return "near" if common else None


def judge(
    labelled: Sequence[Labelled],
    grouped_pairs: set[frozenset[str]],
    into: Split,
    pairwise: bool = True,
) -> None:
    for a, b in combinations(labelled, 2):
        kind = pair_kind(a, b)
        if kind is None:
            continue
        verdicts = {"grouped": frozenset((a.id, b.id)) in grouped_pairs}
        if pairwise:
            verdicts["pairwise"] = same_report(a.text, b.text)
        for verdict, merged in verdicts.items():
            counts = into.kinds[verdict][kind]
            counts.total += 1
            counts.merged += merged
            wrong = merged if kind in NEGATIVES else not merged
            if wrong:
                counts.misses.append((a.text, b.text))


def grouped(
    clusters: Sequence[Sequence[AnnotatedArticle]], weights: ReportWeights | None = None
) -> set[frozenset[str]]:
    """The sentence pairs the briefing puts in one report: within a story, as it groups
    that story's articles alone (a folder per story, as briefing_eval briefs them); across
    stories, as it groups all of them at once (a mixed folder)."""

    def pairs(articles: Sequence[AnnotatedArticle]) -> set[frozenset[str]]:
        reports = corroborate(articles, weights=weights).reports
        return {frozenset(p) for r in reports for p in combinations(r.sentence_ids, 2)}

    cluster_of = {a.id: n for n, group in enumerate(clusters) for a in group}
    within = set().union(*(pairs(group) for group in clusters))
    pooled = pairs([a for group in clusters for a in group])
    across = {pair for pair in pooled if len({cluster_of[s.split(".")[0]] for s in pair}) == 2}
    return within | across


def pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%} ({part}/{whole})" if whole else "-"


def report(splits: dict[str, Split], worst: int) -> None:
    print(
        "| split | verdict | copies merged | rewrites merged | negatives merged: same story "
        "| other stories | hard ones | precision | recall |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, split in splits.items():
        for verdict, kinds in split.kinds.items():
            c, r, near, n, h = (kinds[k] for k in KINDS)
            good = c.merged + r.merged
            bad = near.merged + n.merged + h.merged
            precision = pct(good, good + bad)
            recall = pct(good, c.total + r.total)
            print(
                f"| {name} | {verdict} | {pct(c.merged, c.total)} | {pct(r.merged, r.total)} "
                f"| {pct(near.merged, near.total)} | {pct(n.merged, n.total)} "
                f"| {pct(h.merged, h.total)} | {precision} "
                f"| {recall} |"
            )
    if not worst:
        return
    for name in ("dev", "test"):
        if name not in splits:
            continue
        kinds = splits[name].kinds["grouped"]
        for kind, title in (
            ("rewrite", "rewrites not merged"),
            ("hard", "hard negatives merged"),
            ("near", "negatives of one story file merged"),
            ("negative", "negatives of two story files merged"),
        ):
            misses = kinds[kind].misses
            if not misses:
                continue
            print(f"\n{name}: {title} ({len(misses)}; first {min(worst, len(misses))})")
            for a, b in misses[:worst]:
                print(f"  - {a[:150]}\n    {b[:150]}\n    {why(a, b)}")


def why(a: str, b: str) -> str:
    """The pair as the score sees it: its score, the features that are not 0, and the
    compared words the two share."""
    wa, wb = report_words(a), report_words(b)
    features = {name: round(value, 2) for name, value in pair_features(wa, wb).items() if value}
    shared = " ".join(sorted(wa.words & wb.words))
    return f"score {report_score(wa, wb):.2f} {features} shared: {shared}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    found = next((folder for folder in PAGE_FOLDERS if folder.is_dir()), PAGE_FOLDERS[0])
    default = os.environ.get("BRIEFING_JUDGED_PAGES", str(found))
    parser.add_argument("--pages", type=Path, default=Path(default))
    parser.add_argument("--worst", type=int, default=0, help="show this many misses per kind")
    args = parser.parse_args(argv)
    clusters = load_clusters() + load_clusters(PAIRS_DIR)
    if pages_missing(clusters, args.pages):
        return 0
    by_split: dict[str, list[tuple[Cluster, list[AnnotatedArticle]]]] = defaultdict(list)
    for n, cluster in enumerate(clusters):
        by_split[cluster.split].append((cluster, brief_cluster(cluster, args.pages, f"c{n}a")))
    splits: dict[str, Split] = {}
    everything = Split()
    for name in sorted(by_split):
        briefed = by_split[name]
        grouped_pairs = grouped([group for _, group in briefed])
        labelled = [
            item for cluster, group in briefed for item in labelled_sentences(cluster, group)
        ]
        splits[name] = Split()
        judge(labelled, grouped_pairs, splits[name])
        for verdict, kinds in splits[name].kinds.items():
            for kind, counts in kinds.items():
                total = everything.kinds[verdict][kind]
                total.merged += counts.merged
                total.total += counts.total
    splits["all"] = everything
    stories = {split: len(group) for split, group in by_split.items()}
    print(f"Labelled stories: {stories}; pages under {args.pages}")
    report(splits, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
