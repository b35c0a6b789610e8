"""Which day a line is dated by (briefing/model/dating.py): each article's reference day,
its news of the day, and the events the text does not date."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from briefing.annotate import Sentence
from briefing.annotate.actors import compile_profile
from briefing.annotate.date_mention import time_numbers
from briefing.annotate.dates import DateMention
from briefing.model.dating import (
    Dating,
    dated_by_telling,
    pins_down,
    relative_day,
    said_in_past,
    told_in_past,
    unwritten,
)
from briefing.model.facts import FactCandidate, score
from briefing.model.index import Index
from briefing.model.lines import Line, make_line
from briefing.pipeline import process_document, read_documents, resolve_profile

PAGES = {
    # The page's marker is right; its lede says the news happened on Sunday.
    "dated.txt": """ date 2025-01-20 Hamas frees three hostages as Gaza truce begins

On Sunday, Hamas released three Israeli hostages in Gaza City as a ceasefire took effect.

Israel freed 90 Palestinian prisoners from Ofer prison hours later.

Crowds gathered in Ramallah to welcome the prisoners.
""",
    # The page's date is an event its text names, not the day it was published.
    "misdated.txt": """ date 2023-10-07 Three hostages freed in Gaza

Hamas released three Israeli hostages in Gaza City on Sunday as a ceasefire took effect.

The women were abducted on October 7, 2023, during an attack on a music festival.

Crowds gathered in Tel Aviv to welcome the women.
""",
    # No date anywhere on the page.
    "undated.txt": """Gaza truce: three hostages home

Hamas released three Israeli hostages in Gaza City on Sunday, as a ceasefire took effect.

Israel freed 90 Palestinian prisoners from Ofer prison.

Crowds gathered in Ramallah to welcome the prisoners.
""",
}


# Pages written days after their news: a follow-up within the news's month, and one
# whose news fell in the month before.
LATER_PAGES = {
    "followup.txt": """ date 2025-01-23 Freed hostages recover in hospital

Hamas released three Israeli hostages in Gaza City on Sunday as a ceasefire took effect.

The women were taken to a hospital in Tel Aviv for checks.

Israeli officials criticised the way the handover was staged.
""",
    # The page's date is a day its text writes, year and all.
    "page-from-text.txt": """ date 2023-10-07 Three women freed after 15 months

Hamas freed the three women on Sunday afternoon, after they were abducted on October 7, 2023.

The women were taken to a hospital in Tel Aviv for checks.
""",
    "next-month.txt": """ date 2025-02-02 Hostages recover in hospital

Hamas released three Israeli hostages in Gaza City on Wednesday as the ceasefire held.

Israeli officials criticised the way the handover was staged.
""",
}


def _index(folder: Path, pages: dict[str, str]) -> Index:
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    tagger = compile_profile(resolve_profile("gaza-lebanon"))
    docs, problems = read_documents(sorted(str(p) for p in folder.glob("*.txt")))
    assert not problems
    return Index.of([process_document(doc, f"a{n}", tagger) for n, doc in enumerate(docs)])


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return _index(tmp_path_factory.mktemp("pages"), PAGES)


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Index]:
    """Each page briefed alone (together they would carry one report)."""
    return {
        name: _index(tmp_path_factory.mktemp("later"), {name: text})
        for name, text in LATER_PAGES.items()
    }


def _article(index: Index, name: str) -> str:
    return next(aid for aid, a in index.articles.items() if Path(a.path).name == name)


def _line_date(index: Index, name: str, opening: str) -> str | None:
    article = _article(index, name)
    sentence = next(
        s
        for s in index.sentences.values()
        if s.article_id == article and s.text.startswith(opening)
    )
    report = index.corroboration.report_of[sentence.id].id
    line = make_line(index, report, (sentence.id,), frozenset(), sentence)
    return line.date.value if line.date else None


def test_each_article_is_read_against_the_day_its_report_ran(index: Index) -> None:
    day = datetime.date(2025, 1, 20)
    assert index.dating.reference[_article(index, "dated.txt")] == day
    # Published before the report it carries existed: the page date is not the article's.
    assert index.articles[_article(index, "misdated.txt")].published == "2023-10-07"
    assert index.dating.reference[_article(index, "misdated.txt")] == day
    # An undated article takes the day of the articles carrying the same report.
    assert index.dating.reference[_article(index, "undated.txt")] == day
    # Both days are estimates, shown as such; the dated page's is its own.
    assert index.dating.estimated_days() == {
        _article(index, "misdated.txt"): "2025-01-20",
        _article(index, "undated.txt"): "2025-01-20",
    }


def test_weekdays_resolve_against_the_reference_day(index: Index) -> None:
    for name in ("misdated.txt", "undated.txt"):
        assert _line_date(index, name, "Hamas released three") == "2025-01-19"
    # History keeps its own date.
    assert _line_date(index, "misdated.txt", "The women were abducted") == "2023-10-07"


def test_an_undated_event_told_in_the_past_is_the_news_of_the_day(index: Index) -> None:
    assert index.dating.news_day(_article(index, "dated.txt")).value == "2025-01-19"
    assert _line_date(index, "undated.txt", "Israel freed 90") == "2025-01-19"
    # "Hours later" times it from another event, not from the news day: the prisoners
    # left Ofer in the early hours of Monday 20 January (the judged corpus's AFP report),
    # so Sunday's date would be wrong; with no date of its own the event stays undated.
    assert _line_date(index, "dated.txt", "Israel freed 90") is None


def test_an_undated_event_in_a_page_written_days_later_takes_its_news_month(
    later: dict[str, Index],
) -> None:
    # Sunday 19 January, four days before the page: not its news of the day, but what it
    # tells undated happened between that Sunday and its day, in January.
    index = later["followup.txt"]
    news = index.dating.news_day(_article(index, "followup.txt"))
    assert (news.value, news.precision) == ("2025-01", "month")
    assert _line_date(index, "followup.txt", "Israeli officials criticised") == "2025-01"
    # The event the text dates keeps its day.
    assert _line_date(index, "followup.txt", "Hamas released three") == "2025-01-19"
    # A page date taken from its text dates nothing else.
    index = later["page-from-text.txt"]
    assert index.dating.news_day(_article(index, "page-from-text.txt")) is None
    assert _line_date(index, "page-from-text.txt", "The women were taken") is None
    # Wednesday 29 January to Sunday 2 February spans two months: no month is sure.
    index = later["next-month.txt"]
    assert index.dating.news_day(_article(index, "next-month.txt")) is None
    assert _line_date(index, "next-month.txt", "Israeli officials criticised") is None


TOLD_PAGES = {
    "wire.txt": """ date 2024-05-26 134 dead at El Fasher hospital

MSF said one of its pharmacy watchmen was killed on Saturday when shelling hit his house.
""",
    "rewrite.txt": """ date 2024-05-26 MSF: 134 killed in El Fasher

At least 134 people have been killed in El Fasher since May 10, MSF said on Sunday.

MSF reported that one of its colleagues, a watchman at the organization's pharmacy, was killed \
when shelling hit his house near the city's main market while he was off duty.

UNICEF reported that a nurse was killed when shelling hit a clinic near the market.
""",
}


def test_an_undated_event_takes_the_day_another_article_writes_for_it(
    tmp_path: Path,
) -> None:
    index = _index(tmp_path, TOLD_PAGES)

    def sentence(opening: str) -> Sentence:
        return next(s for s in index.sentences.values() if s.text.startswith(opening))

    # Saturday, as the wire writes it, not Sunday, the day the rewrite's news was told.
    told = index.dating.told_elsewhere(sentence("MSF reported that one"))
    assert (told.value, told.precision, told.text) == ("2024-05-25", "day", "")
    assert _line_date(index, "rewrite.txt", "MSF reported that one") == "2024-05-25"
    # Another body's killing is not the watchman's: it keeps its article's news day.
    assert index.dating.told_elsewhere(sentence("UNICEF reported")) is None
    assert _line_date(index, "rewrite.txt", "UNICEF reported") == "2024-05-26"


def test_only_a_written_date_or_a_news_day_pins_an_event_down() -> None:
    sunday = DateMention("on Sunday", "2025-01-19", "day", 60, 69)
    january = DateMention("on Sunday", "2025-01", "month", 60, 69)
    assert pins_down((sunday,))
    assert pins_down((unwritten(sunday),))
    assert pins_down((DateMention("in January", "2025-01", "month", 3, 13),))
    assert not pins_down((unwritten(january),))
    assert not pins_down(())


@pytest.mark.parametrize(
    ("sentence", "done"),
    [
        ("Israel freed 90 Palestinian prisoners from Ofer prison.", True),
        ("The army said it had repelled an attack on the airport.", True),
        ("US-backed Syrian Kurdish fighters have taken Deir el-Zor.", True),
        ("At least 134 people have been killed in two weeks of fighting.", True),
        ("More hostages are expected to be released in the coming weeks.", False),
        ("The ministers will meet in Doha to discuss the crisis.", False),
        ("War has raged for more than a year between the army and the RSF.", False),
        ("Food and medicine are scarce, and deliveries are limited.", False),
        ("The city remains cut off from aid.", False),
    ],
)
def test_an_event_told_as_done(sentence: str, done: bool) -> None:
    assert told_in_past(sentence) is done


def test_only_a_written_date_pins_a_fact_down() -> None:
    text = "Israel freed 90 Palestinian prisoners from Ofer prison in the West Bank."
    sunday = DateMention("on Sunday", "2025-01-19", "day", 60, 69)

    def candidate(dates: tuple[DateMention, ...]) -> FactCandidate:
        return FactCandidate(text, "body", dates, None, ("a0.s3",), 3)

    assert score(candidate((sunday,))) == score(candidate(())) + 2.0
    assert score(candidate((unwritten(sunday),))) == score(candidate(()))


@pytest.mark.parametrize(
    "sentence",
    [
        "The committees will implement the agreement by the end of this year, SANA reported.",
        "Troops must leave the buffer zone by Friday.",
    ],
)
def test_a_deadline_does_not_date_the_event(sentence: str) -> None:
    from briefing.annotate.dates import resolve_dates
    from briefing.model.dating import event_dates

    mentions = resolve_dates(sentence, datetime.date(2025, 3, 11))
    assert mentions
    assert event_dates(sentence, mentions) == ()


def _index_of(folder: Path, pages: dict[str, str], profile: str) -> Index:
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    tagger = compile_profile(resolve_profile(profile))
    docs, _ = read_documents(sorted(str(folder / name) for name in pages))
    return Index.of([process_document(doc, f"a{n}", tagger) for n, doc in enumerate(docs)])


def test_an_undated_article_alone_is_read_against_its_dateline(tmp_path: Path) -> None:
    upi = """Displaced Lebanese begin to head home

Nov. 27 (UPI) -- Thousands of Lebanese began to head south early Wednesday after a truce.

Cars loaded with families backed up on the main highway out of Beirut.

Israel said its troops would stay in the south for now.
"""
    # Another story of the briefing gives the year of the period.
    other = """ date 2024-11-25 Talks go on

Envoys met in Beirut on Monday to discuss the ceasefire proposal.

The talks will resume next week.
"""
    index = _index_of(tmp_path, {"upi.txt": upi, "other.txt": other}, "gaza-lebanon")
    upi_id = _article(index, "upi.txt")
    assert index.articles[upi_id].published is None
    assert index.dating.reference[upi_id] == datetime.date(2024, 11, 27)
    assert _line_date(index, "upi.txt", "Cars loaded with families") == "2024-11-27"


def test_an_article_read_again_keeps_the_year_it_wrote_for_a_day(tmp_path: Path) -> None:
    undated = """Hostages freed in Gaza

Hamas freed the last 20 living hostages taken on October 7, 2023, in a deal with Israel.

Crowds gathered in Tel Aviv as the buses crossed into Israel.

The hostages were all soldiers captured on October 7 by Hamas.
"""
    # Another story of the briefing gives the period the undated page is read in.
    other = """ date 2025-10-12 Hostages to be freed

Hamas will free the hostages on Monday, mediators said.
"""
    index = _index_of(tmp_path, {"undated.txt": undated, "other.txt": other}, "gaza-lebanon")
    assert index.articles[_article(index, "undated.txt")].published is None
    captured = next(s for s in index.sentences.values() if s.text.startswith("The hostages"))
    assert [m.value for m in index.dating.sentence_dates(captured)] == ["2023-10-07"]


@pytest.mark.parametrize(
    ("dateline", "sentence", "day"),
    [
        # A day told as past or present moves the estimate up to it.
        ("Sept. 4", "As of September 5, the number of dead has increased to 54.", "2024-09-05"),
        ("Sept. 4", "On Thursday, September 5, rescuers pulled two more bodies out.", "2024-09-05"),
        # ... a day-month date across the new year too ("8 January" read on 6 January
        # would be a year back).
        (
            "Dec. 30",
            "Airstrikes on the dam since 2 January have left 17 people dead.",
            "2025-01-02",
        ),
        # A day told of the future, or with no tense, is no lower bound.
        (
            "Sept. 4",
            "Officials will meet in Kyiv on September 10 to discuss air defence.",
            "2024-09-04",
        ),
        ("Sept. 4", "Talks on September 10 in Kyiv.", "2024-09-04"),
        # Nor a day counted from the page's, which has no day to count from.
        ("Sept. 4", "Two missiles struck the institute 3 days ago.", "2024-09-04"),
        # Nor is a day more than a week after it: the page's carriers ran within a week.
        ("Sept. 4", "On September 20, two missiles struck the institute.", "2024-09-04"),
        # Nor is a day before the estimate.
        ("Sept. 4", "On September 3, two missiles struck the institute.", "2024-09-04"),
    ],
)
def test_an_estimated_day_is_never_before_a_day_the_page_tells_as_done(
    tmp_path: Path, dateline: str, sentence: str, day: str
) -> None:
    page = f"""Rescue work goes on in Poltava

{dateline} (UPI) -- Rescuers searched the rubble of the institute on Wednesday.

{sentence}
"""
    year = "2024-12-30" if dateline.startswith("Dec") else "2024-09-03"
    other = f""" date {year} Strike on Poltava

Russian missiles struck a military institute in Poltava on Tuesday.
"""
    index = _index_of(tmp_path, {"upi.txt": page, "other.txt": other}, "ukraine")
    upi_id = _article(index, "upi.txt")
    assert index.articles[upi_id].published is None
    assert index.dating.reference[upi_id] == datetime.date.fromisoformat(day)
    estimated = index.dating.estimated_days()
    assert estimated[upi_id] == day


def test_an_article_with_no_day_to_read_it_against_keeps_the_days_it_writes_out(
    tmp_path: Path,
) -> None:
    # No page date, no dateline, no report shared with a dated article.
    undated = """Ceasefire holds in the city

Fighting between the army and the militia came to a halt on Tuesday, October 7, after a truce.

Rockets hit the park area on the evening of Monday, October 6, the civil defence said.

On Sunday, troops attacked the northern districts, residents said.
"""
    other = """ date 2025-10-08 Envoy visits the capital

The envoy met the president in the capital on Wednesday to discuss the integration deal.
"""
    index = _index_of(tmp_path, {"undated.txt": undated, "other.txt": other}, "syria")
    undated_id = _article(index, "undated.txt")
    assert index.dating.reference[undated_id] is None
    # A calendar day written out dates its event, its year that of the briefing's period.
    assert _line_date(index, "undated.txt", "Fighting between") == "2025-10-07"
    assert _line_date(index, "undated.txt", "Rockets hit") == "2025-10-06"
    # "On Sunday" counts from a day the article does not give: no date rather than a guess.
    assert _line_date(index, "undated.txt", "On Sunday") is None


def test_an_article_with_no_day_has_the_news_its_lede_writes_out(tmp_path: Path) -> None:
    undated = """Hospital hit in Khan Younis

Israeli warplanes struck the Nasser hospital in Khan Younis on 25 August, killing 15 people, \
among them four journalists, health officials in the Gaza Strip said.

The hospital is the largest still working in the south of the territory.

The army said it had opened an investigation into the strike on the hospital.
"""
    history = """Remembering the hostages

Hamas fighters attacked southern Israel on October 7, 2023, taking 251 hostages back to \
the Gaza Strip, where many of them are still held.

Families said they had been waiting for news from the negotiators in Cairo.
"""
    other = """ date 2025-08-26 Ministers meet

The ministers met in Cairo on Tuesday to discuss the ceasefire proposal.
"""
    pages = {"undated.txt": undated, "history.txt": history, "other.txt": other}
    index = _index_of(tmp_path, pages, "gaza-lebanon")
    assert index.dating.reference[_article(index, "undated.txt")] is None
    assert index.dating.news_day(_article(index, "undated.txt")).value == "2025-08-25"
    assert _line_date(index, "undated.txt", "The army said") == "2025-08-25"
    # A day long before the briefing's period is history, not the article's news.
    assert index.dating.news_day(_article(index, "history.txt")) is None
    assert _line_date(index, "history.txt", "Families said") is None


def test_a_rewrite_that_dates_nothing_runs_the_news_of_its_carriers(tmp_path: Path) -> None:
    wire = """ date 2025-08-11 Journalists killed in Gaza strike

Five Al Jazeera journalists were killed in an Israeli strike on their tent in Gaza City on \
Sunday, the network said.

The Israeli military said the correspondent Anas al-Sharif had led a Hamas cell.
"""
    rewrite = """Strike on journalists' tent draws condemnation

Press freedom groups have voiced outrage over the deaths of the reporters.

The Israeli military said the correspondent Anas al-Sharif had led a Hamas cell.

Rescuers pulled the bodies of the reporters from the tent outside al-Shifa hospital.

UN human rights officials condemned the killing as a grave violation of international law.
"""
    index = _index_of(tmp_path, {"wire.txt": wire, "rewrite.txt": rewrite}, "gaza-lebanon")
    rewrite_id = _article(index, "rewrite.txt")
    assert index.articles[rewrite_id].published is None
    # Read against its carrier's day, it dates nothing itself: the carrier's news is its.
    assert index.dating.news_day(rewrite_id).value == "2025-08-10"
    assert _line_date(index, "rewrite.txt", "Rescuers pulled") == "2025-08-10"
    # A reaction to that news, in an article read against the next day, is of either day.
    assert _line_date(index, "rewrite.txt", "UN human rights officials") == "2025-08"


def test_a_report_many_articles_carry_is_dated_once_for_their_news(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each carrier's news is read from the report its lede carries: read again for each,
    # a wire report cost the square of its carriers' number.
    wire = (
        "Five journalists were killed in an Israeli strike on their tent in Gaza City, the "
        "network said.\n\nThe Israeli military said the correspondent had led a Hamas cell.\n"
    )
    pages = {
        f"outlet{n}.txt": f" date 2025-08-1{n} Journalists killed, outlet {n} reports\n\n{wire}"
        for n in range(1, 6)
    }
    index = _index_of(tmp_path, pages, "gaza-lebanon")
    read: list[tuple[str, ...]] = []
    report_dates = Dating.report_dates

    def counted(self: Dating, report, stated=None):
        read.append(tuple(report))
        return report_dates(self, report, stated)

    monkeypatch.setattr(Dating, "report_dates", counted)
    for article_id in index.articles:
        index.dating.news_day(article_id)
    carried = {index.corroboration.sources(sid) for sid in read[0]}
    assert len(carried) == 1 and len(read[0]) == len(pages)  # the lede's report: every outlet
    assert sorted(read) == sorted(set(read))  # each report read once


def test_words_said_are_dated_by_the_saying(tmp_path: Path) -> None:
    page = """ date 2024-09-28 Hezbollah chief Nasrallah killed

Israel said on Saturday it had killed Hezbollah chief Hassan Nasrallah in a strike on Beirut.

“Hassan Nasrallah is dead,” military spokesman Nadav Shoshani announced on X.

“He will no longer be able to terrorise the world,” the army added in a statement.

“Hezbollah will never surrender,” its supporters say.
"""
    index = _index_of(tmp_path, {"afp.txt": page}, "gaza-lebanon")
    # The words are in the present or future; the saying is the news of the day.
    assert _line_date(index, "afp.txt", "“Hassan Nasrallah is dead") == "2024-09-28"
    assert _line_date(index, "afp.txt", "“He will no longer") == "2024-09-28"
    # Said in the present: a habit or a stance, no day.
    assert _line_date(index, "afp.txt", "“Hezbollah will never") is None
    assert said_in_past("“It is over,” he said.") and not said_in_past("“It is over,” he says.")


def test_words_said_take_the_day_of_the_speakers_statement(tmp_path: Path) -> None:
    page = """ date 2024-11-27 Ceasefire takes hold in Lebanon

Thousands of displaced Lebanese headed south early Wednesday as a ceasefire took hold.

The 60-day cease-fire agreement, announced late Tuesday by U.S. President Joe Biden and \
French President Emmanuel Macron, came into force in Lebanon at 4 a.m. local time Wednesday.

Biden said the agreement was designed to be a permanent end to the fighting.

Hezbollah fighters were seen leaving their positions near the border, residents said.
"""
    index = _index_of(tmp_path, {"upi.txt": page}, "gaza-lebanon")
    # The day the agreement was announced describes it; it came into force on Wednesday.
    assert _line_date(index, "upi.txt", "The 60-day cease-fire") == "2024-11-27"
    # Biden's words: the day the article gives his announcement, not its news of the day.
    assert _line_date(index, "upi.txt", "Biden said the agreement") == "2024-11-26"
    # No statement of theirs is dated: the residents' words are the news of the day.
    assert _line_date(index, "upi.txt", "Hezbollah fighters were seen") == "2024-11-27"


def test_a_day_told_with_the_telling_verb_dates_the_telling_not_the_event(
    tmp_path: Path,
) -> None:
    # The Kalogi QA page's: the attack was on Thursday, the official told AFP on Sunday.
    page = """ date 2025-12-07 Drone attack on Kalogi

A recent drone attack on the town of Kalogi hit a kindergarten and a hospital, killing \
dozens of civilians including children, a local official told AFP on Sunday.

The attack, which took place on Thursday, involved three strikes, the official said.
"""
    index = _index_of(tmp_path, {"afp.txt": page}, "sudan")
    assert _line_date(index, "afp.txt", "A recent drone attack") == "2025-12-04"
    # Not taken up so, the day told stays the event's: a toll is as of its telling.
    from briefing.annotate.dates import resolve_dates

    died = "Twenty people died, officials said on Sunday."
    assert dated_by_telling(died, resolve_dates(died, datetime.date(2025, 12, 7)))
    said = "Israel said on Sunday it struck Hamas targets."
    assert not dated_by_telling(said, resolve_dates(said, datetime.date(2025, 12, 7)))


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # The only date is in the describing clause: it is kept.
        ("The truce, announced on Tuesday by the mediators, is holding.", "2024-11-26"),
        ("The truce, announced on Tuesday by the mediators, took effect Wednesday.", "2024-11-27"),
        # A clause opening the sentence is not one describing a thing inside it.
        ("Announced on Tuesday, the truce took effect at dawn.", "2024-11-26"),
    ],
)
def test_a_date_describing_a_thing_yields_to_the_events(sentence: str, day: str) -> None:
    from briefing.annotate.dates import resolve_dates
    from briefing.model.dating import best_date, event_dates

    mentions = resolve_dates(sentence, datetime.date(2024, 11, 27))
    assert best_date(event_dates(sentence, mentions)).value == day


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        # A phrase on a noun the verb acts on dates that thing: left out.
        (
            "The Syrian Ministry of Defense blamed paramilitary militias in Suwayda for violating "
            "the ceasefire agreement reached on Tuesday, which led Syrian army soldiers to resume "
            "military operations in the Druze-majority province.",
            None,
        ),
        ("Hamas condemned the strike that killed 20 people on Sunday.", None),
        ("Both sides accused each other of breaching the truce signed in Doha on Friday.", None),
        ("Egypt and Qatar welcomed the deal struck late on Monday.", None),
        # ... or a relative clause on it with no pronoun of its own (qa-pages15: the day the
        # constitution was signed dated the government formed two weeks later).
        (
            "The government will not have a prime minister, as Sharaa is expected to lead the "
            "executive branch based on the temporary constitution he had signed on Monday.",
            None,
        ),
        # Beside the event's own date, the thing's is left out.
        ("On Wednesday, the army said militants broke the truce agreed on Tuesday.", "2024-11-27"),
        # The phrase is the subject, or what was said: its date is the event's.
        ("A drone strike on the hospital killed 20 people on Sunday.", "2024-11-24"),
        ("Israel said the strike carried out on Tuesday killed five.", "2024-11-26"),
        ("The army was attacked on Tuesday near the border.", "2024-11-26"),
        ("Militants attacked the base on Tuesday.", "2024-11-26"),
        # A statement "issued on Sunday" dates the saying.
        ("Hamas condemned the killings in a statement issued on Sunday.", "2024-11-24"),
    ],
)
def test_a_date_describing_what_the_verb_acts_on_does_not_date_the_event(
    sentence: str, dated: str | None
) -> None:
    from briefing.annotate.dates import resolve_dates
    from briefing.model.dating import best_date, event_dates

    mentions = resolve_dates(sentence, datetime.date(2024, 11, 27))
    best = best_date(event_dates(sentence, mentions))
    assert (best.value if best else None) == dated


def test_a_sentence_of_an_article_with_no_day_goes_on_the_day_written_before_it(
    tmp_path: Path,
) -> None:
    # No page date, no dateline, no report shared with a dated article; the lede dates nothing.
    undated = """Search ends at the site of the strike

Search and rescue operations have been completed at the site of the strike on a tower block.

Twelve people died, the emergency service said.

Another 87 people were injured in the strike.

Emergency work is going on, with 73 rescuers at the scene.

On the night of April 24, Russian troops launched a massive missile attack on the capital.

The Russians targeted the civilian infrastructure of the city.
"""
    other = """ date 2025-04-25 Envoy visits Moscow

The envoy met the president in Moscow on Friday to discuss the ceasefire proposal.
"""
    index = _index_of(tmp_path, {"babel.txt": undated, "other.txt": other}, "ukraine")
    babel = _article(index, "babel.txt")
    assert index.dating.reference[babel] is None
    assert index.dating.news_day(babel) is None
    assert _line_date(index, "babel.txt", "The Russians targeted") == "2025-04-24"


def test_a_sentence_goes_on_telling_the_day_before_it(tmp_path: Path) -> None:
    page = """ date 2024-05-26 MSF: 134 dead in El Fasher

At least 134 people have died at a hospital in El Fasher, MSF said on Sunday.

Shelling and gunfire have spread across the city.

MSF said one of its pharmacy watchmen was killed Saturday when shelling hit his house.

He was taken to the Southern Hospital, where he died.

The charity called on the warring parties to do more to protect civilians, who are among those
losing their lives in the fighting between the army and the paramilitary Rapid Support Forces.

El Fasher, the last state capital in Darfur still held by the army, is a key humanitarian hub.
"""
    index = _index_of(tmp_path, {"msf.txt": page}, "sudan")
    assert index.dating.news_day(_article(index, "msf.txt")).value == "2024-05-26"
    assert _line_date(index, "msf.txt", "He was taken to") == "2024-05-25"
    assert _line_date(index, "msf.txt", "The charity called") == "2024-05-26"


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "Nov. 27 (UPI) -- Thousands of Lebanese began to head south early Wednesday.",
            "Thousands of Lebanese began to head south early Wednesday.",
        ),
        (
            "Khartoum [Sudan], October 28 : Sudan's army chief has announced the withdrawal.",
            "Sudan's army chief has announced the withdrawal.",
        ),
        (
            "Beirut/Jerusalem, Nov 27 (EFE).- People took to the streets of Lebanon.",
            "People took to the streets of Lebanon.",
        ),
        # A date that opens the sentence but ends no dateline stays.
        (
            "On Nov. 27, thousands of Lebanese began to head south after the truce.",
            "On Nov. 27, thousands of Lebanese began to head south after the truce.",
        ),
    ],
)
def test_a_line_opens_after_its_dateline(tmp_path: Path, sentence: str, event: str) -> None:
    page = f"""Displaced Lebanese begin to head home

{sentence} They carried mattresses and suitcases on the roofs of their cars.

Cars loaded with families backed up on the main highway out of Beirut for several hours as
soldiers waved them through checkpoints near the coastal city of Sidon.

Israel said its troops would stay in southern Lebanon for now and warned residents not to
return to villages close to the border until the army said it was safe.

Lebanon's army said it would deploy thousands of soldiers to the south in the coming days.
"""
    index = _index_of(tmp_path, {"page.txt": page}, "gaza-lebanon")
    stated = next(s for s in index.sentences.values() if s.text.endswith(event[-20:]))
    report = index.corroboration.report_of[stated.id].id
    assert make_line(index, report, (stated.id,), frozenset(), stated).event == event


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("The strikes come two days after the base was hit.", ["two"]),
        ("Two people were killed on May 25, 2025 at 4 a.m.", ["25", "2025", "4"]),
        ("A 48-hour truce began at 0200 GMT; a 12-year-old died.", ["48", "0200", "12"]),
        ("Hamas's attack on Oct 7, 2023 killed 1,200 people.", ["7", "2023"]),
        ("Twenty-four hours later, 34 people were dead, as in mid-2024.", ["Twenty-four", "2024"]),
        # Counts stay counts: people, homes, a four-digit toll.
        ("Two people were killed and 2,000 homes destroyed; 1200 fled.", []),
    ],
)
def test_the_numbers_of_a_time_phrase_are_not_counts(sentence: str, numbers: list[str]) -> None:
    found = time_numbers(sentence)
    assert [n.text for n in found] == numbers
    assert all(sentence[n.start : n.end] == n.text for n in found)


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("Three Days later the talks resumed.", ["Three"]),
        ("Twenty-four hours and two and a half WEEKs later, nothing.", ["Twenty-four", "two"]),
        # Letters ignore-case matching takes for "s" and "i" ("ſ", dotless and dotted i).
        ("It lasted two ſeconds.", ["two"]),
        ("After five mınutes and six Mİnutes they left.", ["five", "six"]),
        ("Seven people were killed on Monday.", []),
    ],
)
def test_a_spelt_time_is_found_in_any_case(sentence: str, numbers: list[str]) -> None:
    assert [n.text for n in time_numbers(sentence)] == numbers


def test_every_letter_ignore_case_takes_for_an_ascii_one_is_screened() -> None:
    """`time_numbers` looks for a spelt unit in the lower-case text, unless the text
    holds a letter that ignore-case matching takes for an ASCII letter but `str.lower`
    does not turn into one: every such letter must be among those it checks for."""
    from briefing.ascii_text import OTHER_FOLDS, holds_any

    letters = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    taken = set(re.findall("(?i:[a-z])", letters))
    unlowered = {c for c in taken if not re.fullmatch("[a-z]", c.lower())}
    assert unlowered
    assert all(holds_any(c, OTHER_FOLDS) for c in unlowered)


@pytest.mark.parametrize(
    "text",
    [
        "In2016 and since2011, mid2024, mid-2024, October2023, Jan.2024 and Sept. 5, 2024.",
        "On 7th of October, 25 May 2025 at 4pm (0200 GMT, 10:30), 2025-01-26 and MAY 3.",
        "Seventeen days, twenty-five years and a half, someone days, two_days, 20٢٤.",
        "It lasted two ſeconds ın 2016, İN 2017 and 4 a.m.x; 1,1,1,2024-day truce.",
        "٣ days and 3٣ hours; officials of 2024 told today of 1990s until 2001.",
    ],
)
def test_time_phrases_are_found_at_words_as_in_the_whole_text(text: str) -> None:
    from briefing.annotate.date_mention import _patterns, _phrases

    phrase, _ = _patterns()
    found = [(m.start(), m.end()) for m in _phrases(phrase, text)]
    assert found == [(m.start(), m.end()) for m in phrase.finditer(text)]
    assert found


COUNTED_PAGES = {
    "wire.txt": """ date 2025-05-06 Drones hit Port Sudan

Drones attacked the military air base in Port Sudan on Sunday, the army said.

Drones struck the airport on Tuesday, two days after the military air base was hit, officials said.
""",
    "rewrite.txt": """ date 2025-05-06 Port Sudan attacked again

The attack on the airport came two days after drones attacked the military air base in Port Sudan.

The army said its air defences shot down several drones.
""",
    "later.txt": """ date 2025-05-06 A third day of strikes

Drones hit the main fuel depot in Port Sudan on Monday, the army said.

The next day, drones struck the airport and an army base.

The day after the truce, talks resumed in Jeddah, officials said.
""",
}


def test_a_day_counted_from_another_event_is_that_event_s_day_or_none(tmp_path: Path) -> None:
    index = _index_of(tmp_path, COUNTED_PAGES, "sudan")
    # "two days after" the air base was hit (Sunday 4 May, as the wire writes it): Tuesday.
    assert _line_date(index, "rewrite.txt", "The attack on the airport") == "2025-05-06"
    # "The next day" counts from the sentence before: Monday's depot strike.
    assert _line_date(index, "later.txt", "The next day") == "2025-05-06"
    # "the truce" is dated nowhere: no date rather than the news day, and the 2 of
    # "two days after" read as a count by no one.
    assert _line_date(index, "later.txt", "The day after the truce") is None
    counted = relative_day("Drones struck, two days after the air base was hit, officials said.")
    assert (counted.days, counted.hangs_on) == (2, "the air base was hit")
    assert relative_day("Nasrallah was killed in Beirut the day before.").days == -1
    assert relative_day("Israel freed 90 prisoners hours later.") is None


def test_an_event_weeks_ago_is_not_the_news_of_the_day(tmp_path: Path) -> None:
    page = """ date 2025-09-20 More than 70 killed in drone strike on Sudan mosque

A drone strike by the RSF hit a mosque in El Fasher on Friday, killing more than 70 people.

A military source said the RSF began using powerful drones two weeks ago.

Residents said the drones had destroyed several shelters.

The RSF denied responsibility, claiming that its forces had left the area months ago.
"""
    index = _index_of(tmp_path, {"tribune.txt": page}, "sudan")
    assert _line_date(index, "tribune.txt", "A drone strike") == "2025-09-19"
    # Two weeks before the 20th straddles two months, so no date is read: the event is of
    # some day before the news, not of the news day.
    assert _line_date(index, "tribune.txt", "A military source") is None
    assert _line_date(index, "tribune.txt", "Residents said") == "2025-09-19"
    # "months ago" of a clause inside: the denial is of the news day.
    assert _line_date(index, "tribune.txt", "The RSF denied") == "2025-09-19"


def test_an_event_of_last_week_is_not_the_news_of_the_day(tmp_path: Path) -> None:
    page = """ date 2025-01-28 Russian delegation visits Damascus

A Russian delegation arrived in Damascus on Tuesday for talks with the new authorities.

Last week, Syria's new ruling administration cancelled a contract to run the port of Tartus.
"""
    index = _index_of(tmp_path, {"times.txt": page}, "syria")
    assert _line_date(index, "times.txt", "A Russian delegation") == "2025-01-28"
    # Some day of the week before: not the news day.
    assert _line_date(index, "times.txt", "Last week") is None


def test_what_has_gone_on_since_a_day_gets_no_one_day(tmp_path: Path) -> None:
    page = """ date 2025-04-13 RSF says it has taken Zamzam camp

The RSF said on Sunday that it had taken control of Zamzam camp.

Since Friday, the RSF has launched ground and aerial assaults on the camp and the city.

Aid workers said thousands of families fled the camp.
"""
    index = _index_of(tmp_path, {"rsf.txt": page}, "sudan")
    assert index.dating.news_day(_article(index, "rsf.txt")).value == "2025-04-13"
    # Days of assaults: neither Friday nor the news day is the event's.
    assert _line_date(index, "rsf.txt", "Since Friday") is None
    assert _line_date(index, "rsf.txt", "Aid workers said") == "2025-04-13"


def test_what_was_said_of_a_time_since_a_day_is_the_news_of_the_day(tmp_path: Path) -> None:
    page = """ date 2024-09-28 Hezbollah chief Nasrallah killed

Israel said on Saturday it had killed Hezbollah chief Hassan Nasrallah in a strike on Beirut.

A source close to Hezbollah told AFP that contact with Nasrallah had been lost since Friday evening.

Since Friday, Israeli jets have struck dozens of targets in Beirut's southern suburbs.
"""
    index = _index_of(tmp_path, {"afp.txt": page}, "gaza-lebanon")
    # The telling is past: the source spoke on the news day, whatever ran since Friday.
    assert _line_date(index, "afp.txt", "A source close to Hezbollah") == "2024-09-28"
    # A present perfect since a day: days of strikes, no one day.
    assert _line_date(index, "afp.txt", "Since Friday") is None


def test_only_a_sentence_with_a_relative_date_is_read_again_against_another_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article read against another day than its page date's: the sentences the worker
    found no relative date in keep their dates, without reading them again."""
    import briefing.model.dating as dating
    from briefing.model.index import prepare

    profile = resolve_profile("gaza-lebanon")
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    tagger = compile_profile(profile)
    docs, _ = read_documents(sorted(str(p) for p in tmp_path.glob("*.txt")))
    articles = [process_document(doc, f"a{n}", tagger) for n, doc in enumerate(docs)]
    index = Index.of(articles, {a.id: prepare(a, profile) for a in articles})
    read: list[str] = []
    resolve = dating.resolve_dates
    monkeypatch.setattr(
        dating, "resolve_dates", lambda text, day: read.append(text) or resolve(text, day)
    )
    misdated = [
        s for s in index.sentences.values() if s.article_id == _article(index, "misdated.txt")
    ]
    history, news = (
        next(s for s in misdated if s.text.startswith(opening))
        for opening in ("The women were abducted", "Hamas released")
    )
    assert index.dating.sentence_dates(history) == history.dates
    assert [d.value for d in index.dating.sentence_dates(news)] == ["2025-01-19"]
    assert read == [news.text]


def test_an_undated_event_takes_the_day_of_a_like_event_told_before_it(tmp_path: Path) -> None:
    page = """ date 2025-03-12 Truce in Tyre after border clashes

Israel and Hezbollah agreed a truce around Tyre on Wednesday after a day of exchanges of fire.

Lebanese officials said two soldiers and a farmer were killed in Tuesday's Israeli shelling.

The Lebanese army blamed Israel for the shelling of the town.

Tensions have risen along the border in recent months.

Residents said roads out of the town were blocked by rubble.

Al-Manar TV said a Lebanese soldier was killed and two others wounded in an Israeli drone strike.

Schools in the area stay shut.
"""
    index = _index_of(tmp_path, {"tyre.txt": page}, "gaza-lebanon")
    # The lede's day is Wednesday's truce; the killing it does not date is told like
    # Tuesday's (a soldier killed in shelling), not like the truce.
    assert _line_date(index, "tyre.txt", "Al-Manar TV said") == "2025-03-11"
    # A sentence telling nothing like an event dated before it keeps the news of the day.
    assert _line_date(index, "tyre.txt", "Residents said roads") == "2025-03-12"


def _line(index: Index, name: str, opening: str) -> Line:
    article = _article(index, name)
    sentence = next(
        s
        for s in index.sentences.values()
        if s.article_id == article and s.text.startswith(opening)
    )
    report = index.corroboration.report_of[sentence.id].id
    return make_line(index, report, (sentence.id,), frozenset(), sentence)


def test_a_paragraph_opening_on_an_old_date_goes_on_telling_history(tmp_path: Path) -> None:
    page = (
        " date 2025-08-11 Israel kills journalists in Gaza strike\n\n"
        "An Israeli strike killed four journalists in a tent in Gaza City on Sunday, officials "
        "said.\n\n"
        "In March of 2024, the Israeli army published files it said it found in Gaza. The army "
        "said the files named reporters as Hamas members. An Israeli court found a link "
        "between the channel and Hamas.\n\n"
        "Hamas was blamed for a rocket attack in 2021. The Israeli army also killed two Hamas "
        "commanders in the raid.\n"
    )
    index = _index_of(tmp_path, {"gaza.txt": page}, "gaza-lebanon")
    # Undated, in a paragraph that opens on a day a year and a half before: history.
    assert _line(index, "gaza.txt", "An Israeli court found").background
    # A date inside a paragraph's sentence sets no time for the sentences after it.
    assert not _line(index, "gaza.txt", "The Israeli army also killed").background


def test_time_phrases_are_tried_only_where_one_may_open() -> None:
    """`time_numbers` tries its phrases at the words that may open one, at a month or a
    word placing a year ("in", "since", "mid") only before a word opening with a digit, at
    a spelt number only before a unit, "and" or a number word, and at a number of digits
    alone only before those, digits or a word of a time or a date: what it finds is what a
    search of the whole text finds."""
    from briefing.annotate.date_mention import _TRIED_PAIRS, _opening
    from briefing.annotate.date_mention import _patterns as time_patterns
    from briefing.annotate.openings import places_tried

    words = "in 2016 Since killed mid2024 4pm May 25 two days two people".split()
    tried = places_tried([_opening(w) for w in words], _TRIED_PAIRS)
    assert [words[n] for n in tried] == ["in", "mid2024", "4pm", "May", "25", "two"]
    phrase, number = time_patterns()
    sentences = [
        "In 2016 and since 2011, 40 people died in 3 towns.",  # years: "in" and "since" open
        "Killed in 3 towns, 40 people died of 2 wounds.",  # no year: "in", "of" open nothing
        "In2016 the mid2024 and mid-2024 plans, 12 days after May 25.",
        "It rose by 20,000 in 19 days from 1999's level, in 1,999 places.",
        "The 7th of October, at 10:30, 2025-01-26, Nov. 27, 2024, and 0200 GMT.",
        "Two and a half years, twenty-four hours, two-day talks, in in 2016 in 2017.",
        "At 4 a.m., 5 PM, 6 o’clock and 0200 GMT on 25 of May, 1,000 people, 3.5 hours, 2016.",
    ]
    for sentence in sentences:
        whole = [
            (n.group(), n.start())
            for m in phrase.finditer(sentence)
            for n in number.finditer(sentence, m.start(), m.end())
        ]
        assert [(n.text, n.start) for n in time_numbers(sentence)] == whole
    assert [n.text for n in time_numbers(sentences[0])] == ["2016", "2011"]
    assert [n.text for n in time_numbers(sentences[1])] == []


def test_done_dates_are_read_only_where_the_worker_found_one_or_dates_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Filing the sentences that may date an event reads no date; the dated events of a key
    read the done date of the sentences the worker dated and of those whose dates are read
    again, not of every body sentence, and are those reading every sentence here gives."""
    import briefing.model.dating as dating
    from briefing.model.index import prepare

    profile = resolve_profile("gaza-lebanon")
    strike = (
        " date 2025-01-21 Strike in Tyre\n\nIsraeli warplanes struck a building in Tyre on "
        "Monday, killing five people.\n\nIsraeli warplanes also struck a depot near Sidon, "
        "killing two fighters.\n"
    )
    for name, text in {**PAGES, "strike.txt": strike}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    tagger = compile_profile(profile)
    docs, _ = read_documents(sorted(str(p) for p in tmp_path.glob("*.txt")))
    articles = [process_document(doc, f"a{n}", tagger) for n, doc in enumerate(docs)]
    prepared = {a.id: prepare(a, profile) for a in articles}
    index, alone = Index.of(articles, prepared), Index.of(articles)
    asked: list[str] = []
    done_date = dating.Dating._done_date
    monkeypatch.setattr(
        dating.Dating,
        "_done_date",
        lambda self, sentence: asked.append(sentence.id) or done_date(self, sentence),
    )
    keys = list(index.dating._event_sentences)
    assert keys and not asked
    filed = {key: index.dating._dated_events(key) for key in keys}
    datable = {sid for p in prepared.values() for sid in (*p.done, *p.relative)}
    assert asked and set(asked) <= datable
    # Sentences telling an event with names and no date: never dated.
    undated = {
        s.id
        for s in index.sentences.values()
        if s.kind == "body" and index.names_an_event(s) and s.id not in datable
    }
    assert undated and not undated & set(asked)
    every = {key: alone.dating._dated_events(key) for key in alone.dating._event_sentences}

    def dated(found: dict) -> dict:
        return {key: [(e.sentence.id, e.date) for e in found[key]] for key in found if found[key]}

    assert dated(filed) == dated(every)


def test_a_reaction_in_an_article_of_a_later_day_gets_only_the_news_month(
    tmp_path: Path,
) -> None:
    page = """ date 2025-08-28 Russian strike on Kyiv damages EU building

Russia launched a barrage of missiles on Kyiv on Wednesday night, killing at least 10 people.

No casualties have been reported in the strike on the delegation building.

Ambassador Katarina Mathernova strongly condemned the strike, calling it "terror."

European Commissioner for Enlargement Marta Kos also criticised Russia for the strike.

Antonio Costa, the President of the European Council, said he was "horrified" by the strike.

Rescuers said the missiles destroyed a residential building in the Darnytskyi district.

A spokesman said no injuries had been reported among the embassy staff.
"""
    same_day = """ date 2025-08-27 Russian strike on Kyiv

Russia launched a barrage of missiles on Kyiv on Wednesday, killing at least 10 people.

Ambassador Katarina Mathernova strongly condemned the strike.
"""
    index = _index_of(tmp_path, {"later.txt": page, "same.txt": same_day}, "ukraine")
    assert _line_date(index, "later.txt", "Russia launched") == "2025-08-27"
    # Condemned the night of the strike or the next day: the words do not say which.
    assert _line_date(index, "later.txt", "Ambassador Katarina") == "2025-08"
    assert _line_date(index, "later.txt", "European Commissioner") == "2025-08"
    # A saying of the speaker's feeling about the strike is a reaction too.
    assert _line_date(index, "later.txt", "Antonio Costa") == "2025-08"
    # What the strike did is of its day, and so is a saying of what it did.
    assert _line_date(index, "later.txt", "Rescuers said") == "2025-08-27"
    assert _line_date(index, "later.txt", "A spokesman said") == "2025-08-27"
    # A reaction in an article of the news's own day is of that day.
    assert _line_date(index, "same.txt", "Ambassador Katarina") == "2025-08-27"


def _stated_and_credited(folder: Path, sentence: str) -> tuple[Index, Sentence, Sentence]:
    """An index of two copies of `sentence`: one as it stands, one credited to "Syrian
    officials"; with each copy's body sentence."""
    opening = f"{sentence[0].upper()}{sentence[1:]}"
    index = _index(
        folder,
        {
            "a.txt": f" date 2025-11-28 Raid\n\nRaid\n\n{opening}\n",
            "b.txt": f" date 2025-11-28 Raid\n\nRaid\n\nSyrian officials said {sentence}\n",
        },
    )
    stated, other = (
        next(s for s in index.sentences.values() if s.article_id == article and s.kind == "body")
        for article in ("a0", "a1")
    )
    return index, stated, other


def test_a_named_subjects_response_borrows_no_other_copys_source(tmp_path: Path) -> None:
    # The Beit Jinn QA pages': "The Syrian foreign ministry condemned ... (Syrian officials
    # and local residents)", the source another copy of the report named.
    condemned = "the Syrian foreign ministry condemned the raid on Beit Jinn as a war crime."
    index, stated, other = _stated_and_credited(tmp_path, condemned)
    assert index.speakers[other.id] == "Syrian officials"
    assert make_line(index, stated.id, (stated.id, other.id), frozenset(), stated).speaker is None
    # An event, even one a named subject does, is told on the account of the copy naming
    # one (the Sanaa QA pages': "Israeli strikes on Sanaa killed ... (Houthi-run health
    # ministry and government officials)").
    killed = "Israeli strikes on the village of Beit Jinn killed 13 people, two of them children."
    index, stated, other = _stated_and_credited(tmp_path, killed)
    line = make_line(index, stated.id, (stated.id, other.id), frozenset(), stated)
    assert line.speaker == "Syrian officials"


def test_a_lede_telling_the_scene_dates_the_news_by_what_it_came_after(tmp_path: Path) -> None:
    # The lede's main clause describes the scene; its one day is in the clause telling
    # what the scene came after, the strike: the article's news day, which the next
    # sentence's undated telling of the strike is dated by.
    scene = """ date 2024-08-10 Strike on school at dawn prayers

White body bags littered the floor and mourning filled the air after a school housing \
displaced Palestinians was struck with Israeli missiles Saturday.

Dawn prayers were shattered by the early morning air strike from Israeli warplanes, which \
gutted the school and its mosque in Gaza City.
"""
    # What the news came after, days before it, is not the news day.
    earlier = """ date 2024-08-10 Talks resume in Cairo

Negotiators returned to Cairo after talks collapsed on Tuesday.

The delegations met the mediators at a hotel in the city.
"""
    # Beside the day of its own clause, the lede tells a later day's news: the raids of
    # the night after the bombing are not of the bombing's day.
    later = """ date 2025-06-23 Mourners gather at Damascus church

Christians in Damascus grappled Monday with grief after a suicide bomber killed 25 \
worshippers during Sunday Mass at the church.

Security forces raided suspected hideouts in Damascus overnight, killing two militants.
"""
    pages = {"scene.txt": scene, "earlier.txt": earlier, "later.txt": later}
    index = _index_of(tmp_path, pages, "gaza-lebanon")
    assert index.dating.news_day(_article(index, "scene.txt")).value == "2024-08-10"
    assert _line_date(index, "scene.txt", "Dawn prayers") == "2024-08-10"
    assert index.dating.news_day(_article(index, "earlier.txt")) is None
    assert index.dating.news_day(_article(index, "later.txt")).value == "2025-06-23"
    # Read alone (its article's day unknown, or Monday's taken for after it), the lede's
    # after-clause does not date the news: the lede writes another day.
    from briefing.model.dating import _after_day

    lede = next(s for s in index.sentences.values() if s.text.startswith("Christians"))
    assert [d.text for d in index.dating.sentence_dates(lede)] == ["Monday", "during Sunday"]
    assert _after_day(lede.text, index.dating.sentence_dates(lede)) is None
    alone = index.dating.sentence_dates(lede)[1:]
    assert _after_day(lede.text, alone).value == "2025-06-22"


def test_a_deed_the_press_reports_in_the_past_perfect_is_not_of_the_reports_day(
    tmp_path: Path,
) -> None:
    # qa-pages14 #9: Reuters's finding, reported on Tuesday, of a deed done years before.
    page = """ date 2025-10-15 Putin hosts Sharaa in Moscow

Russian President Vladimir Putin met Syria's President Ahmed al-Sharaa in Moscow on Wednesday.

On Tuesday, Reuters reported the Assad government had carried out a secret operation to move \
bodies from a mass grave to a hidden site in the desert.

On Tuesday, the army reported that its troops had carried out raids near Homs.

On Tuesday, Reuters reported the death toll had risen to nine.
"""
    index = _index_of(tmp_path, {"moscow.txt": page}, "syria")
    assert _line_date(index, "moscow.txt", "On Tuesday, Reuters reported the Assad") is None
    # A party's own report of what it did, and a toll counted, are of the day told.
    assert _line_date(index, "moscow.txt", "On Tuesday, the army") == "2025-10-14"
    assert _line_date(index, "moscow.txt", "On Tuesday, Reuters reported the death") == (
        "2025-10-14"
    )


def test_a_date_after_the_day_an_article_was_written_is_not_its_events(tmp_path: Path) -> None:
    # qa-pages15 #8: a report merged across two meetings gave a past meeting the day another
    # article announced for the next one, read a year ahead.
    told = """ date 2025-07-20 Syrian and Israeli officials meet in Paris

Syrian Foreign Minister Asaad al-Shibani and Israeli minister Ron Dermer attended a \
US-brokered meeting in Paris, officials said.

The talks focused on security in southern Syria.
"""
    announced = """ date 2025-07-23 Syrian and Israeli officials to meet in Paris

Syrian Foreign Minister Asaad al-Shibani and Israeli minister Ron Dermer will attend a \
US-brokered meeting in Paris on July 24, officials said.

The talks will focus on security in southern Syria.
"""
    index = _index_of(tmp_path, {"told.txt": told, "announced.txt": announced}, "syria")
    told_id = _article(index, "told.txt")
    sentence = next(
        s for s in index.sentences.values() if s.article_id == told_id and "attended" in s.text
    )
    report = index.corroboration.report_of[sentence.id]
    assert len({index.sentences[sid].article_id for sid in report.sentence_ids}) == 2
    line = make_line(index, report.id, report.sentence_ids, frozenset(), sentence)
    # Told with no day of its own: none rather than the day the other article announced.
    assert line.date is None
    assert _line_date(index, "announced.txt", "Syrian Foreign Minister") == "2025-07-24"


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # A possessive day naming what a stance or reaction is about dates that thing only.
        ("Turkey holds the PKK responsible for orchestrating Wednesday’s attack.", None),
        ("The army blamed Hamas for Monday's strike on the base.", None),
        ("Egypt condemned Monday's strike on the camp.", None),
        # A deed of that thing, or of the event it was part of, is of its day.
        ("Wednesday's attack killed five people at the plant.", "2024-10-23"),
        (
            "A member of the Islamic State group was behind Sunday's attack on a church.",
            "2024-10-20",
        ),
        ("Five people were killed in Wednesday's attack on the plant.", "2024-10-23"),
    ],
)
def test_a_possessive_day_dates_the_thing_it_names(sentence: str, day: str | None) -> None:
    from briefing.annotate.dates import resolve_dates
    from briefing.model.dating import best_date, event_dates

    mentions = resolve_dates(sentence, datetime.date(2024, 10, 24))
    assert mentions
    best = best_date(event_dates(sentence, mentions))
    assert (best.value if best else None) == day


def test_a_report_is_dated_by_its_copies_event_day_before_a_telling_day(
    tmp_path: Path,
) -> None:
    # qa-pages16 #2: the stating copy writes only the day the toll was confirmed; the other
    # copies write the day of the strikes.
    summary = """ date 2025-08-28 Israeli drone strikes kill eight Syrian soldiers

Israeli drone strikes have resulted in the death of eight Syrian soldiers in the southern \
Damascus suburb of Kiswah, officials and a war monitor confirmed on Wednesday.
"""
    wire = """ date 2025-08-27 Israeli drones kill Syrian soldiers near Damascus

Israeli drone strikes on Tuesday resulted in the death of eight Syrian soldiers in the \
southern Damascus suburb of Kiswah, a war monitor said.
"""
    index = _index_of(tmp_path, {"summary.txt": summary, "wire.txt": wire}, "syria")
    stated = next(s for s in index.sentences.values() if "confirmed on" in s.text)
    report = index.corroboration.report_of[stated.id]
    line = make_line(index, report.id, report.sentence_ids, frozenset(), stated)
    assert len({index.sentences[sid].article_id for sid in report.sentence_ids}) == 2
    assert line.date.value == "2025-08-26"


def test_a_pronoun_speaker_takes_the_day_of_the_statement_just_before(tmp_path: Path) -> None:
    # qa-pages16 #3: the article gives its speaker statements of two days; "It said ..."
    # goes on from the one just before it.
    page = """ date 2025-08-28 Israeli strikes near Damascus kill Syrian soldiers

Israeli drone strikes killed six Syrian soldiers near Kiswah on Tuesday, Syria's state \
news agency SANA said on Tuesday.

Later on Wednesday night, Syria's state news agency SANA reported more Israeli strikes in \
the area, along with an airdrop commando raid.

It said details of the raid were still unclear.
"""
    index = _index_of(tmp_path, {"newsx.txt": page}, "syria")
    assert _line_date(index, "newsx.txt", "It said details") == "2025-08-27"


def test_an_undated_article_takes_the_day_most_of_its_carriers_agree_on(tmp_path: Path) -> None:
    strike = (
        "Russia launched a barrage of drones and missiles against Kyiv overnight,"
        " killing at least 14 people and injuring 135."
    )
    tariffs = (
        "The attack came shortly after U.S. President Donald Trump threatened to impose"
        " new tariffs on Russia within 10 days."
    )
    pages = {
        "a.txt": f" date 2025-07-31 Russia strikes Kyiv\n\n{strike}\n",
        "b.txt": f" date 2025-08-01 Kyiv mourns its dead\n\n{strike}\n",
        # A page of another day carrying one sentence of the undated page's.
        "c.txt": f" date 2025-08-28 Another attack on Kyiv\n\n{tariffs}\n",
        "undated.txt": f"Kyiv under attack\n\n{strike}\n\n{tariffs}\n",
    }
    index = _index_of(tmp_path, pages, "ukraine")
    undated = _article(index, "undated.txt")
    assert len(index.dating.carriers[undated]) == 3
    # The latest of the two near each other, not the one weeks from them.
    assert index.dating.reference[undated] == datetime.date(2025, 8, 1)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # A day told of the future, before the estimate: the estimate may be weeks late.
        ("Ministers are expected to meet in Paris on July 24.", "2025-07-24"),
        # A day read back stays a year back, past as it is: "began its offensive on May 10"
        # in an April page.
        ("Ministers first met in Paris on October 2.", "2024-10-02"),
        # A weekday written with the date names its year itself.
        ("Ministers will meet on Thursday, July 24.", "2025-07-24"),
    ],
)
def test_a_day_without_its_year_read_ahead_of_an_estimate_takes_the_year_before_if_nearer(
    tmp_path: Path, sentence: str, day: str
) -> None:
    page = f"""Syria and Israel hold talks

Sept. 18 (UPI) -- Syria's foreign minister held talks with an Israeli minister on Wednesday.

{sentence}
"""
    other = """ date 2025-09-17 Talks in London

Envoys met in London on Wednesday to discuss a security agreement.
"""
    index = _index_of(tmp_path, {"upi.txt": page, "other.txt": other}, "syria")
    upi_id = _article(index, "upi.txt")
    assert index.articles[upi_id].published is None
    assert index.dating.reference[upi_id] == datetime.date(2025, 9, 18)
    told = next(s for s in index.sentences.values() if s.text.startswith("Ministers"))
    assert [m.value for m in index.dating.sentence_dates(told)] == [day]
