import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.annotate.dates import DateMention, carry_written_years, resolve_dates

FRIDAY = datetime.date(2024, 12, 6)
SATURDAY = datetime.date(2024, 12, 7)


def resolved(text: str, published: datetime.date | None) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.precision) for m in resolve_dates(text, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Iran will send missiles, a senior Iranian official said on Friday.",
            FRIDAY,
            ("on Friday", "2024-12-06", "day"),
        ),
        # Published the next day (print edition): the same report means the day before.
        (
            "Iran will send missiles, a senior Iranian official said on Friday.",
            SATURDAY,
            ("on Friday", "2024-12-06", "day"),
        ),
        (
            "Thousands of people had begun fleeing from Homs on Thursday night towards the coast.",
            FRIDAY,
            ("on Thursday night", "2024-12-05", "day"),
        ),
        (
            "The security offices emptied on Friday morning, with members leaving the city.",
            FRIDAY,
            ("on Friday morning", "2024-12-06", "day"),
        ),
        ("The offensive began on Nov. 27.", FRIDAY, ("on Nov. 27", "2024-11-27", "day")),
        (
            "HTS broke from Al-Qaeda in 2016, says it poses no threat.",
            FRIDAY,
            ("in 2016", "2016", "year"),
        ),
        (
            "Iran has been focused on Israel since the Gaza war erupted in October 2023.",
            FRIDAY,
            ("in October 2023", "2023-10", "month"),
        ),
        ("Front lines hardened in 2020.", FRIDAY, ("in 2020", "2020", "year")),
        ("Russia has been focused on Ukraine since 2022.", FRIDAY, ("since 2022", "2022", "year")),
        ("Its defeat by a coalition in 2017, had now", FRIDAY, ("in 2017", "2017", "year")),
        (
            "The ministers of Iran, Russia and Turkiye will meet in Doha on Saturday to discuss.",
            SATURDAY,
            ("on Saturday", "2024-12-07", "day"),
        ),
        (
            "The ministers of Iran, Russia and Turkiye will meet in Doha on Saturday to discuss.",
            FRIDAY,
            ("on Saturday", "2024-12-07", "day"),
        ),
        (
            "On Saturday, the ministers are due to meet in Doha.",
            FRIDAY,
            ("On Saturday", "2024-12-07", "day"),
        ),
        ("The ministers met in Doha on Saturday.", FRIDAY, ("on Saturday", "2024-11-30", "day")),
        # "due to" a cause does not look ahead (the day before is not next year's)
        (
            "Death toll rises to 19 due to Russian strike on 5 December.",
            FRIDAY,
            ("on 5 December", "2024-12-05", "day"),
        ),
        (
            "The ministers were due to meet in Doha on 7 December.",
            FRIDAY,
            ("on 7 December", "2024-12-07", "day"),
        ),
        (
            "Rebel fighters gather in Hama, Syria December 5, 2024. REUTERS/Mahmoud Hassano",
            FRIDAY,
            ("December 5, 2024", "2024-12-05", "day"),
        ),
        (
            "An uprising mushroomed into civil war 13 years ago.",
            FRIDAY,
            ("13 years ago", "2011", "year"),
        ),
        (
            "BNP holds emergency meeting on 3 July 2025.",
            FRIDAY,
            ("on 3 July 2025", "2025-07-03", "day"),
        ),
        ("The deal was signed on 3 July.", FRIDAY, ("on 3 July", "2024-07-03", "day")),
        ("THURSDAY, JULY 03, 2025", FRIDAY, ("THURSDAY, JULY 03, 2025", "2025-07-03", "day")),
        (
            "Published in Dawn, December 7th, 2024",
            FRIDAY,
            ("December 7th, 2024", "2024-12-07", "day"),
        ),
        ("Updated 06 Dec, 2024", FRIDAY, ("06 Dec, 2024", "2024-12-06", "day")),
        ("date 2024-12-07 E-Paper", FRIDAY, ("2024-12-07", "2024-12-07", "day")),
        ("Leaders meet in Doha today", SATURDAY, ("today", "2024-12-07", "day")),
        ("The talks broke down yesterday.", FRIDAY, ("yesterday", "2024-12-05", "day")),
        ("The vote is tomorrow.", FRIDAY, ("tomorrow", "2024-12-07", "day")),
        ("Officials said last Friday that", FRIDAY, ("last Friday", "2024-11-29", "day")),
        ("They meet again next Friday.", FRIDAY, ("next Friday", "2024-12-13", "day")),
        ("Prices rose last month.", FRIDAY, ("last month", "2024-11", "month")),
        ("Elections are planned next year.", FRIDAY, ("next year", "2025", "year")),
        ("Exports fell two days ago.", FRIDAY, ("two days ago", "2024-12-04", "day")),
        # "A week ago" is four to ten days: only its month is sure (19 April -> 9-15 April).
        (
            "The camp fell a week ago.",
            datetime.date(2025, 4, 19),
            ("a week ago", "2025-04", "month"),
        ),
        ("The army withdrew in early March.", FRIDAY, ("early March", "2024-03", "month")),
        ("Supplies should last until mid-2025.", FRIDAY, ("mid-2025", "2025", "year")),
        ("Sales fell by the end of 2023.", FRIDAY, ("of 2023", "2023", "year")),
    ],
)
def test_resolves_single_mention(
    sentence: str, published: datetime.date, expected: tuple[str, str, str]
) -> None:
    assert resolved(sentence, published) == [expected]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # A year-less date takes the year that puts it nearest publication, leaning backwards
        # for reporting and forwards for plans.
        ("Security is tight before the Jan. 20 inauguration.", FRIDAY, "2025-01-20"),
        ("The leader said on Dec. 28 that", datetime.date(2025, 1, 5), "2024-12-28"),
        ("The summit will open on Jan. 15.", FRIDAY, "2025-01-15"),
        ("The accord was signed on Jan. 15.", FRIDAY, "2024-01-15"),
        # "would" after a past verb looks ahead from a moment gone: the nearest year, not
        # the next one only.
        (
            "When the SDF announced they would withdraw from Raqqa on January 18, crowds cheered.",
            datetime.date(2026, 2, 1),
            "2026-01-18",
        ),
        ("The talks would open on Jan. 15.", datetime.date(2026, 2, 1), "2027-01-15"),
        ("He said the talks would open on Feb. 15.", datetime.date(2026, 2, 1), "2026-02-15"),
        # A weekday written with the date names its year, even against a page date a day
        # early (2025-01-20 is a Monday; 2024-01-20 a Saturday).
        (
            "Prisoners were released early on Monday, January 20th, in the first phase.",
            datetime.date(2025, 1, 19),
            "2025-01-20",
        ),
    ],
)
def test_year_less_date_picks_the_nearest_year(
    sentence: str, published: datetime.date, expected: str
) -> None:
    assert [m.value for m in resolve_dates(sentence, published)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The town is 40 km (24 miles) from the border.",
        "They could take it within the next 24 hours.",
        "Rebels seized two major cities.",
        "The bridge on the M5 highway was destroyed.",
        "The company lost Tk1000cr this quarter.",
        "Some 500-600 factories have closed.",
        "Over the past two months, commanders were killed.",
        "About 2,000 fighters and 1,000 civilians crossed.",
        "An Al-Qaeda affiliate claimed the attack.",
        "The group was founded in the 1990s.",
        "Officials said it may take weeks.",
        "Forces march on Homs as the March 2,000 rally ends.",
        "May God protect the city, he said.",
        "He spoke to May and the cabinet.",
        "The candidate won by 2000 votes.",
        "Flights resume at 2030 GMT.",
        "The design earned a total score of 2072 and more.",
        "The season of Black Friday deals has begun.",
        "He read the Sunday Times at breakfast.",
        "They held the ceremony on a Monday.",
        "Rebels advanced overnight towards Homs.",
        "The tool was covered on TBS Today by reporters.",
        "Marchers recalled Bloody Sunday in Derry.",
        "Prices rose over the last year.",
    ],
)
def test_finds_no_date(sentence: str) -> None:
    assert resolve_dates(sentence, FRIDAY) == ()


def test_range_end_counts_only_after_a_date() -> None:
    assert resolved("Output doubled between 2019 and 2021.", FRIDAY) == [
        ("between 2019", "2019", "year"),
        ("2021", "2021", "year"),
    ]


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    sentence = (
        "Talks collapsed on Friday, yesterday and Nov. 27, after a truce in 2016,"
        " October 2023 and 5 December 2024."
    )
    assert resolved(sentence, None) == [
        ("in 2016", "2016", "year"),
        ("October 2023", "2023-10", "month"),
        ("5 December 2024", "2024-12-05", "day"),
    ]


def test_offsets_point_at_the_span() -> None:
    sentence = "Kurds seized the city on Friday, a year after a truce signed in October 2023."
    mentions = resolve_dates(sentence, FRIDAY)
    assert mentions == (
        DateMention("on Friday", "2024-12-06", "day", 22, 31),
        DateMention("in October 2023", "2023-10", "month", 61, 76),
    )
    assert all(sentence[m.start : m.end] == m.text for m in mentions)


def test_invalid_calendar_day_is_not_a_date() -> None:
    assert resolve_dates("The deadline was February 30, 2024.", FRIDAY) == ()


def test_a_week_ago_across_two_months_dates_nothing() -> None:
    # Friday 6 December minus a week is 29 November give or take three days: no one month.
    assert resolved("The camp fell a week ago.", FRIDAY) == []


def test_passive_future_looks_forward() -> None:
    assert resolved("The meeting will be postponed to Friday.", datetime.date(2024, 12, 3)) == [
        ("Friday", "2024-12-06", "day")
    ]


def test_a_month_ending_an_opening_phrase_takes_the_main_clauses_tense() -> None:
    # "in December" closes the phrase the sentence opens with: the main clause's past tense
    # ("said it expanded") makes it the December before a November report, not the next.
    during = (
        "During the political transition in Syria in December, Israel said it expanded a "
        "buffer zone with its neighbor."
    )
    assert resolved(during, datetime.date(2025, 11, 28)) == [("in December", "2024-12", "month")]
    ahead = "During the talks in December, the ministers will sign a deal."
    assert resolved(ahead, datetime.date(2025, 11, 28)) == [("in December", "2025-12", "month")]
    # A subject ending in a date is no opening phrase: read as before (nearest, ahead).
    talks = "The talks in December, officials said, would settle the border."
    assert resolved(talks, datetime.date(2025, 11, 28)) == [("in December", "2025-12", "month")]


_VALUE_FORMAT = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
_WORDS = (
    "on in since last next will said Friday Thursday night Feb. 29 31 April 30 2,000 2016 1990s "
    "May may March 5, 2024 of the end today yesterday two days ago 13 years month year and to "
    "a week weeks "
    "Sept. 2023-02-29 2024-12-07 ( ) , . — mid-2025 early Today TBS"
).split()


@given(
    st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join),
    st.one_of(st.none(), st.dates(datetime.date(1990, 1, 1), datetime.date(2090, 12, 31))),
)
def test_any_sentence_gives_ordered_well_formed_mentions(
    sentence: str, published: datetime.date | None
) -> None:
    mentions = resolve_dates(sentence, published)
    for mention in mentions:
        assert sentence[mention.start : mention.end] == mention.text
        assert re.fullmatch(_VALUE_FORMAT[mention.precision], mention.value)
        if mention.precision == "day":
            datetime.date.fromisoformat(mention.value)  # a real calendar day
    ends = [0] + [m.end for m in mentions]
    assert all(m.start >= end for m, end in zip(mentions, ends, strict=False))


def test_leap_day_without_year_takes_the_leap_year() -> None:
    assert resolved("Voting closed on Feb. 29.", datetime.date(2025, 3, 1)) == [
        ("on Feb. 29", "2024-02-29", "day")
    ]
    assert resolved("Voting closed on Feb. 29.", datetime.date(2026, 3, 1)) == []


def test_a_feast_named_for_its_weekday_is_that_weekday() -> None:
    monday = datetime.date(2025, 4, 14)
    assert resolved("Missiles struck Sumy on Palm Sunday, killing 34.", monday) == [
        ("Sunday", "2025-04-13", "day")
    ]
    assert resolve_dates("The Good Friday Agreement was signed.", monday) == ()


# Any-case spellings the regex engine matches ("ſ" as "s", "İ" and "ı" as "i").
_ODD_WORDS = ("ſince", "İn", "ın", "THIS", "ToDay", "LAST", "Twenty", "AN", "mid-", "_May", "٣")


@given(st.lists(st.sampled_from([*_WORDS, *_ODD_WORDS]), max_size=14).map(" ".join))
def test_candidates_are_found_as_a_search_at_every_position_finds_them(sentence: str) -> None:
    from briefing.annotate.dates import _CANDIDATE, _candidates

    expected = [m.span() for m in _CANDIDATE.finditer(sentence)]
    assert [m.span() for m in _candidates(sentence)] == expected


@given(
    st.lists(st.sampled_from([*_WORDS, *_ODD_WORDS]), max_size=14).map(" ".join),
    st.dates(datetime.date(1990, 1, 1), datetime.date(2090, 12, 31)),
)
def test_a_sentence_not_reading_the_day_has_the_same_dates_against_any(
    sentence: str, day: datetime.date
) -> None:
    from briefing.annotate.dates import reads_the_day

    if not reads_the_day(sentence):
        assert resolve_dates(sentence, day) == resolve_dates(sentence, None)


@pytest.mark.parametrize(
    ("sentence", "reads"),
    [
        ("The women were abducted on October 7, 2023, during an attack.", False),
        ("The war began in 2023 and the talks on 2024-12-07.", False),
        ("Fighting resumed in March 2024.", False),
        ("Hamas released three hostages on Sunday.", True),
        ("The talks ended on May 5.", True),
        ("The offensive began two weeks ago.", True),
        ("Officials met yesterday.", True),
        ("Aid arrived last month.", True),
        ("No date here at all.", False),
    ],
)
def test_a_sentence_reads_the_day_with_a_relative_or_yearless_date(
    sentence: str, reads: bool
) -> None:
    from briefing.annotate.dates import reads_the_day

    assert reads_the_day(sentence) is reads


def test_a_month_of_last_or_next_year_is_that_year_s() -> None:
    published = datetime.date(2025, 11, 23)
    assert resolved("The truce took effect in November of last year.", published) == [
        ("in November of last year", "2024-11", "month")
    ]
    assert resolved("The vote is due in May next year, he said.", published) == [
        ("in May next year", "2026-05", "month")
    ]
    # Without the year named, the nearest November that fits the tense: this one.
    assert resolve_dates("Fighting erupted in November.", published)[0].value == "2025-11"


def test_a_day_of_last_or_this_year_is_that_year_s() -> None:
    published = datetime.date(2025, 12, 8)
    assert resolved("On December 8 last year, the Baath Party's rule collapsed.", published) == [
        ("On December 8 last year", "2024-12-08", "day")
    ]
    assert resolved("Talks opened on 3 March this year.", published) == [
        ("on 3 March this year", "2025-03-03", "day")
    ]
    # A day the article wrote before with another year does not lend it that year.
    earlier = resolve_dates("Damascus fell on December 8, 2025.", published)
    later = resolve_dates("On December 8 last year, the rule collapsed.", published)
    carried = list(carry_written_years([earlier, later]))
    assert carried[1][0].value == "2024-12-08"


_DATE_PIECES = [
    "on", "Friday", "FRIDAY", "friday", "toDay", "TODAY", "yeſterday", "tonight", "this",
    "Morning", "last", "Night", "next", "month", "Year", "year", "days", "ago", "3", "two",
    "May", "mar", "Mar.", "SEPT", "Sept", "27th", "of", "2024", "1990s", "2024-12-06", "mid-",
    "the", "Marines", "holiday", "İn", "a", "week", "weeks", ",", "\u212aiev", "November", "LAST",
]  # fmt: skip


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=8), st.sampled_from([" ", "  ", "-"]))
def test_the_date_screen_lets_through_every_sentence_holding_a_candidate(pieces, gap) -> None:
    """`_may_hold_date` is only a quicker way to find sentences without dates: wherever a
    candidate matches (in any case the candidate allows), the screen lets the text through."""
    from briefing.annotate.dates import _candidates, _may_hold_date

    text = gap.join(pieces)
    assert _may_hold_date(text) or not list(_candidates(text))


def test_the_date_screen_passes_real_dates_and_stops_words_that_date_nothing() -> None:
    from briefing.annotate.dates import _candidates, _may_hold_date
    from briefing.ingest import read_inputs
    from briefing.resources import seed_paths

    texts = [
        line
        for doc in read_inputs(list(map(str, seed_paths())))[0]
        for line in doc.text.splitlines()
    ]
    dated = [text for text in texts if list(_candidates(text))]
    assert len(dated) > 20 and all(map(_may_hold_date, dated))
    for text in ("fighting went on for days", "a year of war", "a week of talks"):
        assert not _may_hold_date(text) and not resolve_dates(text, FRIDAY)
    for text in ("it ended 3 weeks ago", "TODAY they left", "due LAST month", "on Friday"):
        assert _may_hold_date(text) and resolve_dates(text, FRIDAY)


_DIGIT_PIECES = [
    "7", "2024", "٣", "१२", "²", "½", "Ⅻ", "_", "a1", "x_y", "killed", "“", "”", "—", "’s",
    "Déjà", "ĳ", "", " ", "\n", "-", "3rd", "abc٤def",
]  # fmt: skip


@given(st.lists(st.sampled_from(_DIGIT_PIECES), max_size=6), st.sampled_from(["", " ", "-"]))
def test_a_text_holds_a_digit_as_a_search_for_one_finds(pieces, gap) -> None:
    """`holds_digit` reads the text's words, not the text: it answers as searching it for a
    decimal digit of any script does (a numeral that is no decimal digit, "²", "Ⅻ", is none)."""
    from briefing.annotate.date_mention import holds_digit

    text = gap.join(pieces)
    assert holds_digit(text) is (re.search(r"\d", text) is not None)


def test_a_year_less_day_repeating_one_written_with_its_year_takes_that_year() -> None:
    published = datetime.date(2025, 10, 13)
    sentences = [
        "Hamas freed the last hostages taken on October 7, 2023, in exchange for prisoners.",
        "The hostages were all soldiers captured on October 7 by Hamas.",
        "Most prisoners freed had been held since October 7.",
        # Another day, or one a weekday names, keeps the year nearest the page's.
        "Talks resume on Oct. 20.",
        "The envoys met on Tuesday, October 7.",
    ]
    carried = carry_written_years(resolve_dates(s, published) for s in sentences)
    assert [[m.value for m in mentions] for mentions in carried] == [
        ["2023-10-07"],
        ["2023-10-07"],
        ["2023-10-07"],
        ["2025-10-20"],
        ["2025-10-07"],
    ]
    # Only a day written before: read alone, a year-less day is the nearest year's.
    assert [m.value for m in resolve_dates(sentences[1], published)] == ["2025-10-07"]
