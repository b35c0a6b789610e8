from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer

from briefing.annotate.sentences import SentenceTokenizer, split_sentences, words


def test_date_abbreviation_then_new_sentence() -> None:
    text = (
        "It was Abu Mohammed Al-Golani's first interview since his group began seizing "
        "territory from Assad's forces on Nov. 27. Rebels have captured two major cities so far."
    )
    assert split_sentences(text) == [
        "It was Abu Mohammed Al-Golani's first interview since his group began seizing "
        "territory from Assad's forces on Nov. 27.",
        "Rebels have captured two major cities so far.",
    ]


def test_dotted_acronym_hyphenated_and_decimal_do_not_split() -> None:
    text = (
        "The Islamic State group ran a reign of terror till its defeat by a U.S.-led coalition "
        "in 2017, losing 3.5 million people."
    )
    assert split_sentences(text) == [text]


def test_dotted_acronym_at_sentence_end_splits_before_an_opener_only() -> None:
    assert split_sentences("The aid came from the U.S. The move angered Moscow.") == [
        "The aid came from the U.S.",
        "The move angered Moscow.",
    ]
    one = "U.S. President Joe Biden spoke at 5 p.m. Friday in Washington."
    assert split_sentences(one) == [one]


def test_titles_initials_and_numbered_items() -> None:
    text = "Mr. Smith met Gen. Jones in St. Petersburg. J. R. R. Tolkien wrote No. 3 there."
    assert split_sentences(text) == [
        "Mr. Smith met Gen. Jones in St. Petersburg.",
        "J. R. R. Tolkien wrote No. 3 there.",
    ]


def test_month_abbreviation_ends_a_sentence_when_no_day_follows() -> None:
    assert split_sentences("He arrived on Dec. 5. Talks ended in Dec. Fighting resumed.") == [
        "He arrived on Dec. 5.",
        "Talks ended in Dec.",
        "Fighting resumed.",
    ]


def test_quotation_ending_the_sentence_stays_whole_and_splits_after_the_quote() -> None:
    text = (
        "A rebel operations room urged Homs residents in an online post to rise up, saying: "
        '"Your time has come." Residents stayed indoors.'
    )
    assert split_sentences(text) == [
        "A rebel operations room urged Homs residents in an online post to rise up, saying: "
        '"Your time has come."',
        "Residents stayed indoors.",
    ]


def test_question_inside_quote_followed_by_attribution_is_one_sentence() -> None:
    assert split_sentences('"Is it over?" he asked. “It is over.” She left!') == [
        '"Is it over?" he asked.',
        "“It is over.”",
        "She left!",
    ]


def test_ellipsis_inside_an_open_quotation_does_not_split() -> None:
    text = (
        '"It is likely that Tehran will need to send military equipment, missiles and drones '
        "to Syria... Tehran has taken all necessary steps to increase the number of its "
        'military advisers in Syria and deploy forces," the official said.'
    )
    assert split_sentences(text) == [text]


def test_ellipsis_outside_quotes_splits_before_a_capital() -> None:
    assert split_sentences("The city waited… Then the shelling began.") == [
        "The city waited…",
        "Then the shelling began.",
    ]


def test_wire_credit_after_caption_stays_attached() -> None:
    caption = "A truck pulls the toppled statue through Hama on Friday.—AFP"
    assert split_sentences(caption) == [caption]
    assert split_sentences("Fighters gather in Hama. —Reuters") == [
        "Fighters gather in Hama. —Reuters"
    ]


def test_glued_full_stop_from_scraping_splits() -> None:
    assert split_sentences("Shelling stopped on Friday.Meanwhile aid arrived.") == [
        "Shelling stopped on Friday.",
        "Meanwhile aid arrived.",
    ]


def test_a_title_run_into_its_text_splits_before_the_text() -> None:
    # newsbytes (qa-pages #22): a section title and a subhead printed on the paragraph's line
    assert split_sentences(
        "Third attack Clashes broke out over the weekend The Syrian government got involved "
        "after clashes broke out. It said so."
    ) == [
        "Third attack Clashes broke out over the weekend",
        "The Syrian government got involved after clashes broke out.",
        "It said so.",
    ]
    assert split_sentences("Smiles in a throwback snap The couple share three children.") == [
        "Smiles in a throwback snap",
        "The couple share three children.",
    ]
    # ...but not a name after a word that takes one, nor a title, nor a title-case headline
    for text in (
        "Officials told The Associated Press that talks met in The Hague on Monday.",
        "She read a column in The Guardian, then heed The Mail on Sunday's appeal.",
        "Apple Improved Its Keyboard for the new laptop.",
    ):
        assert split_sentences(text) == [text]


def test_lowercase_continuation_and_whitespace() -> None:
    assert split_sentences("  Allies (e.g. Russia) helped, i.e. with jets.  ") == [
        "Allies (e.g. Russia) helped, i.e. with jets."
    ]
    assert split_sentences("   ") == []


def test_words_keep_names_and_numbers_whole() -> None:
    assert words("U.S.-led Al-Qaeda's anti-government 3.5 forces, 10,000 people") == [
        "U.S.",
        "led",
        "Al-Qaeda's",
        "anti-government",
        "3.5",
        "forces",
        "10,000",
        "people",
    ]


def test_sumy_parser_and_summarizer_run_without_nltk_data() -> None:
    text = (
        "Iran will send missiles to Syria, an official said on Friday.\n"
        "Rebels advanced on Homs. Kurds seized Deir el-Zor in 2024.\n\n"
        "Russia bombed the Rastan bridge. Government forces reinforced Homs."
    )
    tokenizer = SentenceTokenizer()
    parser = PlaintextParser.from_string(text, tokenizer)
    sentences = [str(s) for s in parser.document.sentences]
    assert sentences == [
        "Iran will send missiles to Syria, an official said on Friday.",
        "Rebels advanced on Homs.",
        "Kurds seized Deir el-Zor in 2024.",
        "Russia bombed the Rastan bridge.",
        "Government forces reinforced Homs.",
    ]
    assert tokenizer.to_words("Kurds seized Deir el-Zor in 2024.") == (
        "Kurds",
        "seized",
        "Deir",
        "el-Zor",
        "in",
    )
    summary = LexRankSummarizer(Stemmer("english"))(parser.document, 2)
    assert len(summary) == 2
    assert all(str(s) in sentences for s in summary)


def test_quote_state_is_what_reading_each_character_gives() -> None:
    import random

    from briefing.annotate.sentences import _quote_state

    def reading(text: str, start: int, end: int, quote_open: bool) -> bool:
        for char in text[start:end]:
            if char in "“”":
                quote_open = char == "“"
            elif char == '"':
                quote_open = not quote_open
        return quote_open

    chance = random.Random(12)
    for _ in range(20_000):
        text = "".join(chance.choice('ab “”"') for _ in range(chance.randint(0, 12)))
        start = chance.randint(0, len(text))
        end = chance.randint(start, len(text))
        for quote_open in (False, True):
            assert _quote_state(text, start, end, quote_open) == reading(
                text, start, end, quote_open
            )


def test_the_word_before_a_stop_and_the_boundaries_are_read_as_the_patterns_read_them() -> None:
    import re

    from briefing.annotate import sentences

    before = re.compile(r"(\S+)$")
    for text in ["He met Gen.", "at 5 p.m.\n", "x \n", "a\n\n", "", "  ", "U.S.\u3000", "word"]:
        for end in range(len(text) + 1):
            found = before.search(text, max(0, end - 64), end)
            assert sentences._word_before(text, end) == (found.group(1) if found else "")
    paragraph = 'He left.. . "No," she said!? Then… A. B. Mr. Smith went. U.S. The end... So'
    assert [m.span() for m in sentences._candidates(paragraph)] == [
        m.span() for m in sentences._CANDIDATE.finditer(paragraph)
    ]
    assert split_sentences("He met Gen. Smith. They left.\nDr. Ali stayed.") == [
        "He met Gen. Smith.",
        "They left.",
        "Dr. Ali stayed.",
    ]
