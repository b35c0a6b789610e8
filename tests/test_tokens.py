import datetime

from briefing.annotate.tokens import sentence_words


def test_a_sentence_is_split_into_words_once_for_every_reader() -> None:
    """Date resolution (annotation), then time phrases, report words, restatements and the
    copy key (the model's per-article work) read one split of a sentence."""
    from briefing.annotate.date_mention import time_numbers
    from briefing.annotate.dates import resolve_dates
    from briefing.corroborate.packed import _copy_key
    from briefing.corroborate.restatements import restatement_words
    from briefing.corroborate.words import report_word_sets

    text = "Rebels said 3 people died on May 5 in Hama, two days after the 2024 talks."
    sentence_words.cache_clear()
    dates = resolve_dates(text, datetime.date(2024, 5, 9))
    assert [mention.value for mention in dates] == ["2024-05-05"]
    assert [number.text for number in time_numbers(text)] == ["5", "two"]
    report_word_sets(text)
    restatement_words(text)
    _copy_key(text)
    split = sentence_words.cache_info()
    assert (split.misses, split.hits) == (1, 5)
    assert sentence_words(text)[:4] == ("Rebels", "said", "3", "people")
