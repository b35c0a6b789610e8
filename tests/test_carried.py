"""The day of an undated article, carried from the dated articles carrying its reports, keeps
it apart from reports published months before (briefing/corroborate/carried.py)."""

from datetime import date

from test_corroborate import _dated_article

from briefing.corroborate import corroborate
from briefing.corroborate.carried import carried_days
from briefing.corroborate.packed import Features, article_words

JANUARY = "WHO chief Tedros said a drone attack on the Saudi hospital in El Fasher killed 70."
OCTOBER = "A drone attack on El Fasher's Saudi hospital killed 70 people, WHO chief Tedros said."
WIRE = "The army withdrew from El Fasher after an 18-month siege by the RSF, its commander said."
FLED = "Thousands fled toward Tawila as RSF fighters entered El Fasher, the UN said."


def test_an_undated_article_copying_an_october_report_is_apart_from_january_s() -> None:
    result = corroborate(
        [
            _dated_article("a1", "2025-10-27", (WIRE, FLED)),
            _dated_article("a2", None, (WIRE, FLED, OCTOBER)),
            _dated_article("a3", "2025-01-26", (JANUARY,)),
        ]
    )
    assert result.sources("a2.s1") == ("a1.s1", "a2.s1")
    assert result.sources("a2.s3") == ("a2.s3",)  # undated, it joined January's


def test_carriers_that_disagree_on_the_day_carry_none() -> None:
    result = corroborate(
        [
            _dated_article("a1", "2025-10-27", (WIRE, FLED)),
            _dated_article("a2", None, (WIRE, FLED, OCTOBER)),
            _dated_article("a3", "2025-01-26", (JANUARY, WIRE, FLED)),
        ]
    )
    assert result.sources("a2.s3") == ("a2.s3", "a3.s1")


def _features(*articles) -> Features:
    return Features([article_words(a) for a in articles])


def test_a_day_is_carried_by_two_pairs_in_order_from_the_earliest_agreeing_carrier() -> None:
    texts = ("One thing.", "Two things.", "Three things.")
    undated = _dated_article("u", None, texts)
    features = _features(undated, *(_dated_article(f"d{n}", None, texts) for n in (1, 2)))
    # Sentences 0-2 of the undated article, 3-5 and 6-8 of two dated ones.
    on = [None] * 3 + [date(2025, 4, 14)] * 3 + [date(2025, 4, 13)] * 3
    alone = list(range(9))  # no sentence copies another
    ordered = [(0.9, 0, 3), (0.9, 1, 4)]
    assert carried_days(features, ordered, on, alone, 0.81) == {0: date(2025, 4, 14)}
    both = [*ordered, (0.85, 0, 6), (0.9, 2, 8)]
    assert carried_days(features, both, on, alone, 0.81) == {0: date(2025, 4, 13)}
    # One pair, pairs across the articles' order, or pairs under the threshold: no day.
    assert carried_days(features, ordered[:1], on, alone, 0.81) == {}
    assert carried_days(features, [(0.9, 0, 4), (0.9, 1, 3)], on, alone, 0.81) == {}
    assert carried_days(features, ordered, on, alone, 0.95) == {}
    # Carriers days apart disagree: no day.
    apart = on[:6] + [date(2025, 4, 20)] * 3
    assert carried_days(features, both, apart, alone, 0.81) == {}


def test_copied_sentences_carry_a_day_and_stock_phrases_do_not() -> None:
    stock = "Follow us on social media for more news."
    day = [None, None, date(2025, 4, 13), date(2025, 4, 13)]
    undated = _dated_article("u", None, (WIRE, FLED))
    copied = _features(undated, _dated_article("d", None, (WIRE, FLED)))
    assert carried_days(copied, [], day, [0, 1, 0, 1], 0.81) == {0: date(2025, 4, 13)}
    # One copy alone may be a site's furniture on a page of another day.
    assert carried_days(copied, [], day, [0, 1, 0, 3], 0.81) == {}
    shared = _features(
        _dated_article("u", None, (stock, WIRE)), _dated_article("d", None, (stock, WIRE))
    )
    assert carried_days(shared, [], day, [0, 1, 0, 1], 0.81) == {}
