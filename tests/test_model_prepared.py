"""What the workers work out of one article for the model stage (`Prepared`), and the
model stage joining it: the same answers as reading the sentences there."""

from __future__ import annotations

import datetime
from pathlib import Path

from briefing.annotate.actors import compile_profile
from briefing.annotate.article import bounded_sentences, retag_article
from briefing.model.index import Index, prepare
from briefing.model.reading import Reading, read_sentence
from briefing.pipeline import process_document, read_documents, resolve_profile

# "Syrian army" is Assad's until his fall, the new government's after (the Syria profile):
# an undated page is tagged again against the day it is estimated to be of.
_DATED_PAGE = (
    " date 2025-10-07 Clashes near Deir Hafer\n\n"
    "Syrian army troops and SDF fighters clashed near Deir Hafer east of Aleppo on Tuesday, "
    "two local sources said.\n"
)
_UNDATED_PAGE = (
    "Calm returns to Deir Hafer\n\n"
    "Syrian army troops and SDF fighters clashed near Deir Hafer east of Aleppo on Tuesday, "
    "two local sources said.\n\n"
    "Residents of the district said the night was quiet.\n\n"
    # past the two paragraphs extraction reads a dateline in: the reading cuts it
    "Khartoum, October 28 : The SDF have regularly shelled the district, residents said.\n"
)


def _articles(folder: Path):  # type: ignore[no-untyped-def]
    (folder / "dated.txt").write_text(_DATED_PAGE, encoding="utf-8")
    (folder / "undated.txt").write_text(_UNDATED_PAGE, encoding="utf-8")
    profile = resolve_profile("syria")
    tagger = compile_profile(profile)
    docs, _ = read_documents(sorted(str(p) for p in folder.glob("*.txt")))
    articles = [process_document(doc, f"a{n}", tagger) for n, doc in enumerate(docs, 1)]
    return profile, tagger, articles


def _undated(articles):  # type: ignore[no-untyped-def]
    return next(a for a in articles if not a.article.published)


def test_the_worker_reads_the_event_of_each_sentence_naming_a_profile_actor(
    tmp_path: Path,
) -> None:
    profile, _, articles = _articles(tmp_path)
    undated = _undated(articles)
    prepared = prepare(undated, profile)
    named = [s for s in undated.sentences if s.actors and s.id not in prepared.furniture]
    assert named and set(prepared.readings) == {s.id for s in named}
    shelled = next(s for s in undated.sentences if "regularly shelled" in s.text)
    # The dateline is cut off, the attribution closing the sentence too; a habit is no event.
    assert prepared.readings[shelled.id] == Reading(
        start=len("Khartoum, October 28 : "),
        event="The SDF have regularly shelled the district.",
        tells_no_event=True,
    )
    quiet = next(s for s in undated.sentences if s.text.startswith("Residents"))
    assert quiet.id not in prepared.readings  # names no profile actor: read when asked


def test_the_model_stage_takes_the_workers_reading_and_reads_the_others_itself(
    tmp_path: Path,
) -> None:
    profile, _, articles = _articles(tmp_path)
    prepared = {a.id: prepare(a, profile) for a in articles}
    index = Index.of(articles, prepared)
    for sentence in index.sentences.values():
        reading = index.reading(sentence)
        assert reading == read_sentence(sentence.text)
        known = prepared[sentence.article_id].readings.get(sentence.id)
        assert reading is known or known is None


def test_an_undated_articles_sentences_naming_an_alias_bounded_in_time_are_found_with_it(
    tmp_path: Path,
) -> None:
    profile, tagger, articles = _articles(tmp_path)
    undated = _undated(articles)
    army = {s.id for s in undated.sentences if "Syrian army" in s.text}
    assert prepare(undated, profile).bounded == bounded_sentences(undated, tagger) == army
    dated = next(a for a in articles if a.article.published)
    assert prepare(dated, profile).bounded is None  # a dated article is never tagged again
    # Every alias some day reads otherwise than an undated article is among them.
    for day in ("2024-11-26", "2024-11-27", "2024-12-09", "2025-10-07"):
        changed = tagger.meaning_on(day)
        for sentence in undated.sentences:
            if changed is not None and changed.search(sentence.text):
                assert sentence.id in army


def test_tagging_an_undated_article_again_reads_only_its_sentences_with_such_an_alias(
    tmp_path: Path,
) -> None:
    profile, tagger, articles = _articles(tmp_path)
    undated = _undated(articles)
    after_the_fall = retag_article(undated, tagger, "2025-10-07")
    assert after_the_fall is not undated
    army = [n for n, s in enumerate(undated.sentences) if "Syrian army" in s.text]
    assert all("hts" not in undated.sentences[n].actors for n in army)
    assert all("hts" in after_the_fall.sentences[n].actors for n in army)
    # Told that none has one, it changes nothing: only those sentences are read again.
    assert retag_article(undated, tagger, "2025-10-07", bounded=frozenset()) is undated
    prepared = {a.id: prepare(a, profile) for a in articles}
    joined = Index.of(articles, prepared).retagged(tagger).annotated
    alone = Index.of(articles).retagged(tagger).annotated
    assert joined == alone
    assert [s.actors for s in _undated(joined).sentences] == [
        s.actors for s in after_the_fall.sentences
    ]


def test_the_worker_dates_what_its_sentences_tell_as_done_and_the_model_takes_it(
    tmp_path: Path,
) -> None:
    profile, _, articles = _articles(tmp_path)
    dated = next(a for a in articles if a.article.published)
    prepared = {a.id: prepare(a, profile) for a in articles}
    clashed = next(s for s in dated.sentences if "clashed near" in s.text)
    [done] = prepared[dated.id].done.values()
    assert prepared[dated.id].done == {clashed.id: done}
    assert (done.text, done.value) == ("on Tuesday", "2025-10-07")
    # Read against the day its page gives: the worker's date, not one read again.
    index = Index.of(articles, prepared)
    assert index.dating.reference[dated.id] == datetime.date(2025, 10, 7)
    assert index.dating._done_date(clashed) is done
