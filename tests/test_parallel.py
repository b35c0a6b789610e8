"""Parallel ingest gives exactly the serial output."""

import gc
import pickle
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.model.index import Prepared
from briefing.options import BriefingOptions
from briefing.pipeline import (
    _chunk_bounds,
    build_briefing,
    process_documents,
    read_documents,
    resolve_profile,
    worker_count,
)
from briefing.render import render
from briefing.resources import seed_paths


def test_parallel_output_equals_serial(tmp_path: Path) -> None:
    # Twelve copies of the seeds, each slightly different so articles stay distinct.
    for n in range(12):
        for seed in seed_paths():
            text = seed.read_text(encoding="utf-8")
            (tmp_path / f"{n:02d}_{seed.name}").write_text(
                text.replace("Homs", f"Homs{n}", 1), encoding="utf-8"
            )
    paths = [str(tmp_path)]
    serial = build_briefing(paths, BriefingOptions(use_cache=False, jobs=1))
    parallel = build_briefing(paths, BriefingOptions(use_cache=False, jobs=2))
    assert len(serial.articles) == 24
    assert parallel == serial
    assert render(parallel, "json") == render(serial, "json")


def test_small_inputs_stay_serial() -> None:
    assert worker_count(2, None) == 1
    assert worker_count(10, 4) == 4
    assert worker_count(3, 8) == 3


def test_chunks_cover_every_page_once_in_order_and_shrink_to_single_pages() -> None:
    for count, jobs in ((1, 2), (7, 2), (64, 2), (1000, 2), (1000, 8)):
        bounds = list(_chunk_bounds(count, jobs))
        assert [start for start, _ in bounds] == [0, *(end for _, end in bounds[:-1])]
        assert bounds[-1][1] == count
        sizes = [end - start for start, end in bounds]
        assert max(sizes) <= 16
        assert sizes == sorted(sizes, reverse=True)  # the large ones first
        assert sizes[-min(count, jobs) :] == [1] * min(count, jobs)  # none left idle long
    assert len(list(_chunk_bounds(1000, 2))) < 100  # still large enough to amortise pickling


def test_what_is_worked_out_with_the_articles_is_what_the_model_would_work_out() -> None:
    from briefing.annotate.actors import compile_profile
    from briefing.corroborate import corroborate, report_words
    from briefing.corroborate.packed import _copy_key
    from briefing.model.attribution import attribute_sentences
    from briefing.model.index import prepare

    processed = process_documents(
        read_documents([])[0], resolve_profile(None), BriefingOptions(use_cache=False)
    )
    articles = processed.articles
    # As sent back from a worker: every sentence's words survive the trip unchanged.
    profile = resolve_profile(None)
    travelled = {a.id: _from_worker(prepare(a, profile)) for a in articles}
    assert travelled == processed.prepared
    tagger = compile_profile(profile)
    for article in articles:
        assert travelled[article.id].speakers == attribute_sentences(article.sentences)
        # The article's context, settled without its text, reads as the text itself does.
        settled = travelled[article.id].context
        read = tagger.context("\n".join(b.text for b in article.article.blocks))
        assert settled.text == "" and (settled.satisfied, settled.era_day) == (
            read.satisfied,
            read.era_day,
        )
        words = travelled[article.id].words
        assert len(words) == len(article.sentences)
        for n, sentence in enumerate(article.sentences):
            assert words.sentence(n) == report_words(sentence.text)
            assert words.copy_key(n) == _copy_key(sentence.text)
    assert sum(len(p.words.restated) for p in travelled.values()) > 0
    # The furniture worked out with each article is what the article alone gives.
    from briefing.model.index import Index
    from briefing.model.lines import furniture

    every = frozenset().union(*map(furniture, articles))
    assert every and Index.of(articles, travelled).furniture == every
    assert any(speaker for p in travelled.values() for speaker in p.speakers.values())
    # Other actors, from what each sentence names worked out with its article.
    from briefing.annotate.actors import find_other_actors

    sentences = [(s.id, s.text) for a in articles for s in a.sentences if s.kind != "caption"]
    known = {sid: names for p in travelled.values() for sid, names in p.names.items()}
    assert set(known) == {sid for sid, _ in sentences}
    others = find_other_actors(sentences, profile, known=known)
    assert others and others == find_other_actors(sentences, profile)
    together = corroborate(articles, {i: p.words for i, p in travelled.items()})
    assert together == corroborate(articles)
    assert any(len(report.sentence_ids) > 1 for report in together.reports)


def _from_worker(prepared: Prepared) -> Prepared:
    """`prepared` as it arrives from a worker process, whose word ids are not this one's:
    pickled, it is read by a side whose vocabulary holds other words under the same ids,
    and means the same words there."""
    from briefing.corroborate import packed

    sent = pickle.dumps(prepared)
    here = [prepared.words.sentence(n) for n in range(len(prepared.words))]
    kept = packed.VOCABULARY
    try:
        packed.VOCABULARY = packed.Vocabulary()
        packed.VOCABULARY.id("a word only the receiving side knows")
        there = pickle.loads(sent).words
        assert there.tokens != prepared.words.tokens or not here
        assert [there.sentence(n) for n in range(len(there))] == here
    finally:
        packed.VOCABULARY = kept
    return pickle.loads(sent)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_pages_text_is_let_go_once_it_is_handed_over(jobs: int) -> None:
    import weakref

    docs = read_documents([])[0]
    first = weakref.ref(docs[0])
    options = BriefingOptions(use_cache=False, jobs=jobs)
    processed = process_documents(docs, resolve_profile(None), options)
    assert docs == [] and first() is None
    assert [a.article.path for a in processed.articles] == [str(p) for p in seed_paths()]


def test_a_worker_imports_nothing_of_ours_to_process_a_page() -> None:
    # Imported before the workers are forked, they inherit it; each imported it again.
    code = """
import sys
from briefing.annotate.actors import compile_profile
from briefing.pipeline import (
    _load_worker_stages, _processed, process_document, read_documents, resolve_profile,
)
_load_worker_stages()
profile = resolve_profile(None)
tagger = compile_profile(profile)
doc = read_documents([])[0][0]
before = set(sys.modules)
_processed(process_document(doc, "a1", tagger), profile, True)
print(sorted(m for m in set(sys.modules) - before if m.split(".")[0] in ("briefing", "numpy")))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _collection_state(chunk: tuple[Sequence[object], Sequence[str], bool]) -> list[tuple[int, int]]:
    """In place of a worker's chunk: its collector's frozen objects and first threshold."""
    return [(gc.get_freeze_count(), gc.get_threshold()[0])] * len(chunk[1])


def test_workers_pass_over_nothing_they_inherit_and_collect_rarely(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gc.unfreeze()  # nothing frozen before the run
    monkeypatch.setattr(pipeline, "_process_chunk", _collection_state)  # forked: they see it
    docs = read_documents([])[0] * 4
    ids = [f"a{n}" for n in range(len(docs))]
    try:
        chunks = pipeline._process_all(zip(docs, ids, strict=True), resolve_profile(None), 2)
        states = [state for chunk in chunks for state in chunk]
    finally:
        gc.unfreeze()
    assert len(states) == len(docs)
    assert all(frozen > 10_000 for frozen, _ in states)  # the modules, at least
    assert {threshold for _, threshold in states} == {pipeline._WORKER_GC_THRESHOLD}
    assert gc.get_threshold()[0] < pipeline._WORKER_GC_THRESHOLD  # the main process's own


_WORKERS_DATEPARSER = """
import sys
from briefing import pipeline

def dateparser_english(chunk):
    loader = sys.modules.get("dateparser.languages.loader")
    loaded = loader is not None and "en" in loader.LocaleDataLoader._loaded_locales
    return [loaded] * len(chunk[1])

pipeline._WARM_PAGES_PER_WORKER = {pages}
pipeline._process_chunk = dateparser_english  # forked: the workers see it
docs = pipeline.read_documents([])[0] * 4
ids = [f"a{{n}}" for n in range(len(docs))]
chunks = pipeline._process_all(zip(docs, ids, strict=True), pipeline.resolve_profile(None), 2)
print(sorted({{loaded for chunk in chunks for loaded in chunk}}))
"""


@pytest.mark.parametrize(("pages", "inherited"), [(4, "[True]"), (5, "[False]")])
def test_workers_of_a_large_job_inherit_dateparser_with_its_english_data(
    pages: int, inherited: str
) -> None:
    # 8 pages for 2 workers: warmed before the fork at 4 pages a worker, not at 5.
    code = _WORKERS_DATEPARSER.format(pages=pages)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == inherited


def _small_pages(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(
            f"Rebels take the town of Kafr Nabl {n}\n\nRebels took the town of Kafr Nabl {n} on "
            "Monday after days of heavy fighting, officials and residents said.\n\nThe army "
            "withdrew its last units from the area overnight, a military source said.\n",
            encoding="utf-8",
        )


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_first_pages_are_processed_while_the_rest_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    # (the pages that tell whether workers pay are read first: `PARALLEL_THRESHOLD`)
    count = pipeline.PARALLEL_THRESHOLD + 16
    _small_pages(tmp_path, count)
    events: list[str] = []
    read, chunks, process = pipeline.read_listed, pipeline._chunks, pipeline.process_document

    def reading(files, max_bytes):
        for entry in read(files, max_bytes):
            events.append("read")
            yield entry

    def handing(*args):  # to the workers
        for chunk in chunks(*args):
            events.append("handed")
            yield chunk

    def processing(*args):  # here, with one job
        events.append("handed")
        return process(*args)

    monkeypatch.setattr(pipeline, "read_listed", reading)
    monkeypatch.setattr(pipeline, "_chunks", handing)
    monkeypatch.setattr(pipeline, "process_document", processing)
    briefing = build_briefing([str(tmp_path)], BriefingOptions(use_cache=False, jobs=jobs))
    assert len(briefing.articles) == count
    assert events.count("read") == count
    last_read = len(events) - 1 - events[::-1].index("read")
    assert events.index("handed") < last_read
