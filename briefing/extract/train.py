"""Fit the body classifier on the shared labelled pages and write it into the package.

    python -m briefing.extract.train [--shared DIR] [--function-words] [--cv]

Units are labelled from what people marked: on extraction-dev a unit is article text when most
of its word 4-grams are in the true body (none of them: furniture; in between: left out); on
extraction-segments a unit holding a "with" segment is article text, one holding a "without"
segment furniture, the rest unlabelled. Both renderings of every page are used. `--cv` first
prints each set's measure with models fitted on other web sites only (folds by site).
`--function-words` rebuilds function_words.json from jusText's stop-word lists.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from briefing.extract.article import Article
from briefing.extract.classifier import MODEL_FILE, BodyModel, article_path
from briefing.extract.evaluation import (
    RENDERINGS,
    SHARED,
    SHINGLE_WORD,
    LabelledPage,
    held_out,
    load_set,
    page_text,
    set_scores,
    site_folds,
)
from briefing.extract.features import (
    FEATURE_NAMES,
    SECOND_PASS_NAMES,
    second_pass_columns,
    unit_matrix,
)
from briefing.extract.page import extract_article, read_units
from briefing.extract.vocabulary import FUNCTION_WORDS_FILE

SETS = ("extraction-dev", "extraction-segments")
BODY_SHARE = 0.5  # of a unit's 4-grams in the true body, to call it article text
FURNITURE_SHARE = 0.1  # at most this share: furniture
SHORT_SEGMENT_UNIT = 15  # characters of a unit inside a longer segment, to take its label
# Pages whose every unit is labelled (extraction-dev) teach where an article starts and ends.
FULL_LABELS_WEIGHT = 3.0
TREES = 120
DEPTH = 4
BINS = 32  # candidate thresholds per feature
LEARNING_RATE = 0.1
RIDGE = 1.0  # on leaf values
MIN_CHILD = 0.5  # hessian weight a leaf needs
# In-sample probabilities are surer than held-out ones: some smoothing is always kept.
SWITCH_COSTS = (0.5, 1.0, 2.0)
THRESHOLDS = (0.3, 0.4, 0.5)
SECOND_PASS_FOLDS = 3  # of web sites: the second pass learns from first passes fitted without them
FUNCTION_WORD_CHARS = 5  # function words are short; longer list entries are mostly topic words
FUNCTION_WORDS_PER_LANGUAGE = 1000


@dataclass(frozen=True)
class LabelledUnits:
    """One rendering of a labelled page as the classifier sees it."""

    page: LabelledPage
    rendering: str
    matrix: np.ndarray
    labels: np.ndarray  # 1 article text, 0 furniture, -1 unlabelled


def unit_labels(texts: list[str], page: LabelledPage) -> np.ndarray:
    if page.body is not None:
        return _body_labels(texts, page.body)
    return _segment_labels(texts, page)


def _body_labels(texts: list[str], body: str) -> np.ndarray:
    words = SHINGLE_WORD.findall(body)
    grams = {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
    joined = f" {' '.join(words)} "
    labels = np.full(len(texts), -1)
    for index, text in enumerate(texts):
        unit_words = SHINGLE_WORD.findall(text)
        if len(unit_words) < 4:
            labels[index] = int(bool(unit_words) and f" {' '.join(unit_words)} " in joined)
            continue
        unit_grams = [tuple(unit_words[i : i + 4]) for i in range(len(unit_words) - 3)]
        share = sum(gram in grams for gram in unit_grams) / len(unit_grams)
        if share >= BODY_SHARE:
            labels[index] = 1
        elif share <= FURNITURE_SHARE:
            labels[index] = 0
    return labels


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _segment_labels(texts: list[str], page: LabelledPage) -> np.ndarray:
    labels = np.full(len(texts), -1)
    marked = [(_normalised(s), 1) for s in page.with_segments] + [
        (_normalised(s), 0) for s in page.without_segments
    ]
    for index, text in enumerate(texts):
        unit = _normalised(text)
        found = {
            label
            for segment, label in marked
            if segment
            and (segment in unit or (len(unit) >= SHORT_SEGMENT_UNIT and unit in segment))
        }
        if len(found) == 1:
            labels[index] = found.pop()
    return labels


def labelled_units(pages: list[LabelledPage], shared: Path) -> list[LabelledUnits]:
    examples = []
    for page in pages:
        for rendering in RENDERINGS:
            units = read_units(page_text(page, rendering, shared))
            matrix = unit_matrix(units.units, units.rule_span, units.rule_body)
            labels = unit_labels([unit.text for unit in units.units], page)
            examples.append(LabelledUnits(page, rendering, matrix, labels))
    return examples


def fit(examples: list[LabelledUnits]) -> BodyModel:
    """Gradient-boosted trees (logistic loss, Newton leaves, histogram splits) on the labelled
    units, each page weighing about the same whatever its number of labelled units; a second
    pass of trees over the same features and the first pass's probabilities along the page,
    those probabilities coming from first passes fitted on other web sites (as they will be
    on pages nobody fitted to); then the path's switch cost and threshold that label the
    training units best."""
    first = _boost(*_training_rows(examples, [example.matrix for example in examples]))
    folds = site_folds((example.page for example in examples), SECOND_PASS_FOLDS)
    # in-sample only for a page whose site is in every fold (a single fold of sites)
    first_pass = [first.tree_probabilities(example.matrix) for example in examples]
    for fold in range(SECOND_PASS_FOLDS):
        inside = [folds[example.page.site] == fold for example in examples]
        fitted = [example for example, held in zip(examples, inside, strict=True) if not held]
        if not fitted:
            continue
        model = _boost(*_training_rows(fitted, [example.matrix for example in fitted]))
        for index, held in enumerate(inside):
            if held:
                first_pass[index] = model.tree_probabilities(examples[index].matrix)
    stacked = [
        np.hstack([example.matrix, second_pass_columns(probabilities, example.matrix[:, 0])])
        for example, probabilities in zip(examples, first_pass, strict=True)
    ]
    second = _boost(*_training_rows(examples, stacked), (*FEATURE_NAMES, *SECOND_PASS_NAMES))
    # The path is fitted on what the second pass makes of first passes fitted on other sites:
    # the shipped first pass is surer on its own training pages than on anyone's.
    probabilities = [second.tree_probabilities(matrix) for matrix in stacked]
    return _fit_path(replace(first, second_pass=second), examples, probabilities)


def _training_rows(
    examples: list[LabelledUnits], matrices: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, targets, weights) of the labelled units, each page weighing about the same."""
    rows, targets, weights = [], [], []
    for example, matrix in zip(examples, matrices, strict=True):
        mask = example.labels >= 0
        if not mask.any():
            continue
        rows.append(matrix[mask])
        targets.append(example.labels[mask])
        share = FULL_LABELS_WEIGHT if example.page.body is not None else 1.0
        weights.append(np.full(int(mask.sum()), share / np.sqrt(mask.sum())))
    return np.vstack(rows), np.concatenate(targets).astype(float), np.concatenate(weights)


def _boost(
    matrix: np.ndarray,
    target: np.ndarray,
    weight: np.ndarray,
    features: tuple[str, ...] = FEATURE_NAMES,
) -> BodyModel:
    count, width = matrix.shape
    # Candidate thresholds per feature: quantiles of its values; bins[i, f] counts those below.
    edges = [
        np.unique(np.quantile(matrix[:, f], np.linspace(0, 1, BINS + 1)[1:-1]))
        for f in range(width)
    ]
    bins = np.column_stack(
        [np.searchsorted(edges[f], matrix[:, f], side="left") for f in range(width)]
    )
    offsets = np.arange(width) * (BINS + 1)
    base = float(
        np.log(np.average(target, weights=weight) / (1 - np.average(target, weights=weight)))
    )
    score = np.full(count, base)
    inner = 2**DEPTH - 1
    split_features = np.zeros((TREES, inner), dtype=np.int64)
    split_values = np.full((TREES, inner), np.inf)
    leaves = np.zeros((TREES, 2**DEPTH))
    for tree in range(TREES):
        probability = 1.0 / (1.0 + np.exp(-score))
        gradient = weight * (probability - target)
        hessian = weight * probability * (1 - probability)
        row_gradient, row_hessian = np.repeat(gradient, width), np.repeat(hessian, width)
        node = np.zeros(count, dtype=np.int64)
        for level in range(DEPTH):
            first = 2**level - 1
            nodes = 2**level
            keys = ((node - first)[:, None] * width * (BINS + 1) + offsets + bins).ravel()
            size = nodes * width * (BINS + 1)
            shape = (nodes, width, BINS + 1)
            g = np.bincount(keys, row_gradient, size).reshape(shape)
            h = np.bincount(keys, row_hessian, size).reshape(shape)
            g_left, h_left = np.cumsum(g, axis=2), np.cumsum(h, axis=2)
            g_all, h_all = g_left[:, :, -1:], h_left[:, :, -1:]
            g_right, h_right = g_all - g_left, h_all - h_left
            gain = (
                g_left**2 / (h_left + RIDGE)
                + g_right**2 / (h_right + RIDGE)
                - g_all**2 / (h_all + RIDGE)
            )
            gain[(h_left < MIN_CHILD) | (h_right < MIN_CHILD)] = 0.0
            for offset in range(nodes):
                best = int(np.argmax(gain[offset]))
                feature, cut = divmod(best, BINS + 1)
                at = first + offset
                if gain[offset, feature, cut] > 0 and cut < len(edges[feature]):
                    split_features[tree, at] = feature
                    split_values[tree, at] = edges[feature][cut]
            at = node
            right = matrix[np.arange(count), split_features[tree, at]] > split_values[tree, at]
            node = 2 * node + 1 + right
        leaf = node - inner
        g_leaf = np.bincount(leaf, gradient, 2**DEPTH)
        h_leaf = np.bincount(leaf, hessian, 2**DEPTH)
        leaves[tree] = -LEARNING_RATE * g_leaf / (h_leaf + RIDGE)
        score += leaves[tree, leaf]
    return BodyModel(
        features=features,
        split_features=split_features,
        split_values=split_values,
        leaves=leaves,
        base=base,
        switch_cost=1.0,
    )


def _fit_path(
    model: BodyModel, examples: list[LabelledUnits], probabilities: list[np.ndarray]
) -> BodyModel:
    """The switch cost and threshold whose paths through the pages' unit `probabilities` get
    most labelled units right (page-weighted F1 of article units)."""
    scored = [
        (page_probabilities, example.labels)
        for example, page_probabilities in zip(examples, probabilities, strict=True)
        if (example.labels >= 0).any()
    ]
    best, best_f1 = (1.0, 0.5), -1.0
    for cost in SWITCH_COSTS:
        for threshold in THRESHOLDS:
            tp = fp = fn = 0.0
            for probabilities, labels in scored:
                path = article_path(probabilities, cost, threshold)
                share = 1.0 / np.sqrt((labels >= 0).sum())
                tp += share * float((path & (labels == 1)).sum())
                fp += share * float((path & (labels == 0)).sum())
                fn += share * float((~path & (labels == 1)).sum())
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 > best_f1:
                best, best_f1 = (cost, threshold), f1
    return replace(model, switch_cost=best[0], threshold=best[1])


def cross_validated_articles(
    pages: list[LabelledPage],
    examples: list[LabelledUnits],
    shared: Path,
    renderings: tuple[str, ...] = RENDERINGS,
) -> dict[str, list[tuple[Article, LabelledPage]]]:
    """Every page extracted by a model fitted on the other sites' pages, per rendering."""
    folds = site_folds(pages)
    results: dict[str, list[tuple[Article, LabelledPage]]] = {r: [] for r in renderings}
    for fold, _, test in held_out(pages, folds):
        model = fit([example for example in examples if folds[example.page.site] != fold])
        for page in test:
            for rendering in renderings:
                text = page_text(page, rendering, shared)
                results[rendering].append((extract_article(text, page.page_id, model=model), page))
    return results


def build_function_words() -> dict[str, list[str]]:
    """jusText's stop-word lists cut to their short words (list entries carry topic words too)."""
    import justext

    lists: dict[str, list[str]] = {}
    for language in sorted(justext.get_stoplists()):
        words = {
            word.lower()
            for word in justext.get_stoplist(language)
            if re.fullmatch(r"[^\W\d_]+", word)
        }
        length = FUNCTION_WORD_CHARS
        while (
            length > 1 and sum(len(word) <= length for word in words) > FUNCTION_WORDS_PER_LANGUAGE
        ):
            length -= 1
        lists[language.lower()] = sorted(word for word in words if len(word) <= length)
    return lists


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder of the shared sets")
    parser.add_argument("--function-words", action="store_true", help="rebuild the word lists")
    parser.add_argument("--cv", action="store_true", help="print site-held-out figures first")
    args = parser.parse_args(argv)
    if args.function_words:
        lists = build_function_words()
        FUNCTION_WORDS_FILE.write_text(
            json.dumps(lists, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        print(f"wrote {FUNCTION_WORDS_FILE} ({len(lists)} languages)")
    pages = [page for name in SETS for page in load_set(name, args.shared)]
    if not pages:
        print(f"no shared sets under {args.shared}: nothing to fit")
        return 1
    examples = labelled_units(pages, args.shared)
    if args.cv:
        for rendering, results in cross_validated_articles(pages, examples, args.shared).items():
            for name in SETS:
                scores = set_scores(name, [(a, p) for a, p in results if p.set_name == name])
                print(
                    f"{name} {rendering}: F1 {scores.f1:.3f} (P {scores.precision:.3f}"
                    f" R {scores.recall:.3f}), empty {scores.empty}/{scores.pages}"
                )
    model = fit(examples)
    MODEL_FILE.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE}: switch cost {model.switch_cost}, threshold {model.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
