"""The cheap tests that let a unit skip a pattern never skip a row the pattern matches: the
caption's branches searched in groups, the first-character screens of the link and list
labels, the bare URL, bracket and image-name screens; and the capitals share picked in C is
the share the plain rule gives. Checked on thousands of random rows and on real pages' rows."""

from __future__ import annotations

import random
import re
from dataclasses import fields
from pathlib import Path
from re import _parser  # the parsed form of a pattern: what each branch opens on

from briefing.ascii_text import CASELESS_MARKS, ascii_shadow
from briefing.extract.dates import starts_with_date
from briefing.extract.headline import INNER_SENTENCE_END, row_shape
from briefing.extract.units import (
    _LOWERED_ROW_PATTERNS,
    _ROW_PATTERNS,
    CJK_CHAR,
    DIGIT,
    FIRST_LETTER,
    SHAPE_FEATURES,
    SHAPE_ROW,
    RowPatterns,
    _ascii_shadows,
    _fold_rows,
    forget_units,
    is_caption_row,
    is_credited_row,
    latin_shadow,
    lines_to_units,
    lower_words,
    make_units,
)
from briefing.extract.vocabulary import (
    AD_LABEL,
    AD_LABEL_OPENERS,
    ARTICLE_END,
    ARTICLE_END_OPENERS,
    BRACKETED_ONLY,
    BREADCRUMB,
    BULLET,
    CAPTION,
    CAPTION_COPYRIGHT,
    CAPTION_END_MARKS,
    CAPTION_ENDING,
    CAPTION_HINTS,
    CAPTION_LABEL,
    CAPTION_STOCK,
    CAPTION_STOCK_HINTS,
    IMAGE_NAME,
    LINK_PREFIX,
    LINK_PREFIX_OPENERS,
    LIST_LABEL,
    LIST_LABEL_OPENERS,
    PICTURE_CREDIT_HINTS,
    PROMO,
    SITE_CONTROL,
    URL_ONLY,
    URL_OPENINGS,
    WORD,
    _byline_vocabulary,
    byline_opener,
    caption_ending,
    case_openers,
    ends_a_sentence,
    ends_like_caption,
    fold_rows,
    folded,
    is_article_end,
    is_caption,
    local_byline,
    may_match,
    opener,
    row_openers,
    rows_ending_sentences,
)

ROOT = Path(__file__).resolve().parents[1]
PIECES = [
    "Photo", "photo by", "IMAGE", "Credit", "courtesy", ":", "/", " / ", "©", "(", ")", "[", "]",
    " ", "  ", ".", "!", "—", "–", "-", "Getty Images", "Shutterstock", "iStockphoto",
    "AP Photo", "AFP", "Reuters", "REUTERS/", "Associated Press", "via", " via AP)", "(source",
    "Jane", "Doe", "a", "x", "on Friday", "file photo", "İ", "ı", "ſ", "K", "ß", "é", "1",
    "http://", "www.", ".jpg", ".PNG", "Read also", "related", "Advertisement", "Lire aussi",
    "ſee also", "Àlire", "ähnliche", "\n", "\t", "\u00a0",
]  # fmt: skip


def _random_rows(seed: int, count: int) -> list[str]:
    chance = random.Random(seed)
    return ["".join(chance.choices(PIECES, k=chance.randint(1, 12))) for _ in range(count)]


def _real_rows() -> list[str]:
    """Rows of the seeds and, when the shared pages are here, of extraction-dev's pages."""
    folders = [ROOT / "seeds", ROOT.parent / "shared" / "extraction-dev" / "pages"]
    rows: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            rows += [text for text, _ in lines_to_units(path.read_text(encoding="utf-8"))]
    return rows


ROWS = [*_random_rows(3, 6000), *_real_rows()]


def test_caption_groups_match_where_the_whole_pattern_does() -> None:
    found = 0
    for row in ROWS:
        # what make_units finds for the row among a page's rows (`rows_holding`), row alone
        hinted = may_match(CAPTION_HINTS, folded(row))
        marked = may_match(CAPTION_END_MARKS, folded(row))
        whole = CAPTION.search(row) is not None
        found += whole
        # each group's screen holds wherever the group matches
        assert not CAPTION_ENDING.search(row) or ends_like_caption(row), row
        assert caption_ending(row) == (CAPTION_ENDING.search(row) is not None), row
        assert not CAPTION_COPYRIGHT.search(row) or "©" in row, row
        assert not CAPTION_LABEL.search(row) or ":" in row or "/" in row, row
        assert not CAPTION_STOCK.search(row) or may_match(CAPTION_STOCK_HINTS, folded(row)), row
        # as units read it: hinted rows in full, rows ending like a caption for its endings
        if hinted or (marked and ends_like_caption(row)):
            assert is_caption(row, hinted) == whole, row
        else:
            assert not whole, row
    assert found > 300


def _opening_characters(pattern: re.Pattern[str]) -> set[str]:
    """The characters a match of the pattern may open on, read off its parsed branches."""

    def opening(items: list) -> tuple[set[str], bool]:  # (characters, may match nothing)
        chars: set[str] = set()
        for op, value in items:
            name = str(op)
            if name == "AT":
                continue
            if name == "LITERAL":
                return chars | {chr(value)}, False
            if name == "IN":  # letters, or a digit (\\d: "DIGIT")
                assert all(str(kind) in ("LITERAL", "CATEGORY") for kind, _ in value), value
                return chars | {
                    chr(code) if str(kind) == "LITERAL" else str(code).removeprefix("CATEGORY_")
                    for kind, code in value
                }, False
            if name == "SUBPATTERN":
                branches = [list(value[3])]
            elif name == "BRANCH":
                branches = [list(branch) for branch in value[1]]
            else:
                assert name == "MAX_REPEAT", name
                branches = [list(value[2])]
            empty = name == "MAX_REPEAT" and value[0] == 0
            for branch in branches:
                more, may_be_empty = opening(branch)
                chars |= more
                empty = empty or may_be_empty
            if not empty:
                return chars, False
        return chars, True

    chars, empty = opening(list(_parser.parse(pattern.pattern, pattern.flags)))
    assert not empty
    return chars


def test_label_patterns_open_only_on_their_openers() -> None:
    for pattern, openers in (
        (LIST_LABEL, LIST_LABEL_OPENERS),
        (LINK_PREFIX, LINK_PREFIX_OPENERS),
        (AD_LABEL, AD_LABEL_OPENERS),
        (ARTICLE_END, ARTICLE_END_OPENERS | {"DIGIT"}),  # is_article_end asks for a digit
    ):
        letters = _opening_characters(pattern)
        assert letters <= openers, letters - openers
        for row in ROWS:
            if pattern.match(row):
                assert opener(row) in openers or row[:1].isdecimal(), row
    for row in [*ROWS, "12 comments", "٣ comments", "Tags:", "Ähnliche Artikel", "TOPICS"]:
        assert is_article_end(row) == bool(ARTICLE_END.match(row)), row
    assert is_article_end("٣ comments") and is_article_end("ſtop") is False


def test_byline_openings_open_only_on_their_openers() -> None:
    vocabulary = _byline_vocabulary()
    letters = {letter.lower() for letter in _opening_characters(vocabulary.opening)}
    assert letters <= vocabulary.openers and "а" in letters  # Cyrillic: "Автор"
    # every character the opening's first letters take case-insensitively (beyond a-z too)
    any_letter = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF and any_letter.match(chr(code)):
            assert opener(chr(code)) in vocabulary.openers, hex(code)
    rows = [*ROWS, "By", " Von: ", "Автор: Иван Петров", "ſource", "Par Jean Dupont", ":", ""]
    bylines = 0
    for row in rows:
        match = vocabulary.opening.match(row.strip())
        bare = vocabulary.opening.match(row.strip().removesuffix(":"))
        assert byline_opener(row) == (bool(bare) and not bare["rest"]), row
        if match is None or not match["rest"]:
            assert local_byline(row) is None, row
        bylines += local_byline(row) is not None
    assert bylines > 5


def test_openers_cover_every_character_case_insensitive_patterns_take() -> None:
    letters = "abcdefghijklmnopqrstuvwxyzàä"
    any_letter = re.compile(f"[{letters}]", re.IGNORECASE)
    taken = 0
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if any_letter.match(char):
            for letter in letters:
                if re.match(letter, char, re.IGNORECASE):
                    taken += 1
                    assert opener(char + "x") in case_openers(letter), (char, letter)
    assert taken > 2 * len(letters)  # both cases, and the letters taken for i, k, s, å


def test_url_bracket_and_image_rows_open_or_read_as_screened() -> None:
    for row in [*ROWS, "http://a.b/c", "www.x.org", "[image]", "[a] [b]", "photo.JPG", "a.png\n"]:
        assert not URL_ONLY.match(row) or row.startswith(URL_OPENINGS), row
        assert not BRACKETED_ONLY.match(row) or row.startswith("["), row
        assert not IMAGE_NAME.search(row) or " " not in row, row


def test_capitals_share_is_the_plain_rules() -> None:
    rows = [row for row in ROWS if row.split()]
    units = make_units([(row, False) for row in rows], frozenset({"the"}))
    for row, unit in zip(rows, units, strict=True):
        initials = [word[0] for word in row.split() if len(word) > 3 and word[0].isalpha()]
        share = sum(map(str.isupper, initials)) / len(initials) if initials else 0.0
        assert unit.capitals == share, row


def test_units_promo_and_site_control_are_the_patterns_searches() -> None:
    """The headline scorer's promo feature is read off the unit: PROMO's search, made with it,
    and SITE_CONTROL's, made when first asked."""
    controls = ["Sign in", "5 min read", "Listen to this article", "SAVE FOR LATER", "Blog"]
    # (a page's rows hold no newline: make_units finds the hints among the rows joined by them)
    rows = [row for row in [*ROWS, *controls] if row.split() and "\n" not in row]
    forget_units()  # (units other tests made among rows holding newlines)
    units = make_units([(row, False) for row in rows], frozenset({"the"}))
    for row, unit in zip(rows, units, strict=True):
        assert unit.promo == (PROMO.search(row) is not None), row
        assert unit.site_control == (SITE_CONTROL.search(row) is not None), row
    assert [unit.site_control for unit in units[-len(controls) :]] == [True] * 4 + [False]


def test_words_split_in_c_are_the_word_patterns_matches() -> None:
    lower_words.cache_clear()
    for row in [*ROWS, "Kelvin \u212a", "snake_case x-y 3.5%", "ÀB cd\u00a0ef"]:
        assert lower_words(row) == tuple(WORD.findall(row.lower())), row
    lower_words.cache_clear()


# Latin-1 characters the plain rules read apart: "²" matches FIRST_LETTER but is no letter,
# "µ" and "ÿ" lower to themselves but upper beyond Latin-1, a no-break space splits words.
LATIN_ROWS = [
    "²Abc 12 ½ Älter",
    "µmol ÿes ŸES",
    "„Élan“ — ’Über’ 3°",
    "\u00a0ÀB cd\u00a0ef",
    "Łódź 5",
]


def test_latin_rows_read_in_c_are_the_plain_patterns() -> None:
    """Digits, the first letter and the words of rows read through their Latin-1 shadow (or
    their ASCII one) are what DIGIT, FIRST_LETTER and WORD find in the row."""
    rows = [row for row in [*ROWS, *LATIN_ROWS] if row.split() and "\n" not in row]
    lower_words.cache_clear()
    units = make_units([(row, False) for row in rows], frozenset({"the"}))
    digit_share = SHAPE_FEATURES.index("digit_share")
    starts_lower = SHAPE_FEATURES.index("starts_lower")
    for row, unit in zip(rows, units, strict=True):
        shape = SHAPE_ROW.unpack(unit.shape)
        digits = len(DIGIT.findall(row)) / max(len(row) - row.count(" "), 1)
        letter = FIRST_LETTER.search(row)
        assert shape[digit_share] == digits, row
        assert shape[starts_lower] == (letter is not None and letter.group().islower()), row
        assert lower_words(row) == tuple(WORD.findall(row.lower())), row
    lower_words.cache_clear()
    assert latin_shadow("„Élan“ — x") == "?Élan? ? x"
    assert latin_shadow("Łódź —") is None and latin_shadow("İ") is None


def test_sentence_ends_are_the_plain_patterns() -> None:
    plain = re.compile(r"[.!?…:;。！？][\"”’'»)\]]*$")  # TERMINAL as it was written
    for row in [*ROWS, *(row + end for row in ROWS[:2000] for end in (".", '."', ".)\n", "\n"))]:
        assert ends_a_sentence(row) == (plain.search(row) is not None), row


def test_row_starts_summed_in_c_are_where_each_rows_newline_ends() -> None:
    chance = random.Random(2)
    pieces = ["a", "ß", "İ", "ı", "\u0307", "x y", "\n", "ﬁ", "\u212a", ""]
    pages = [ROWS[:50], *([chance.choices(pieces, k=4) for _ in range(5)] for _ in range(3000))]
    for rows in pages:
        rows = ["".join(row) for row in rows]
        page = fold_rows(rows)
        starts = [0]
        for _ in range(len(rows) - 1):
            starts.append(page.text.index("\n", starts[-1]) + 1)
        assert page.text == folded("\n".join(rows))
        assert page.starts == starts, rows


def test_headline_row_shapes_read_as_their_patterns() -> None:
    full_stop = re.compile(r"[.;。][\"”’'»)\]]*$")  # SENTENCE_END as it was written
    arrow = re.compile(r"^[←→«»‹›<>]|[←→«»‹›]$")  # ARROW likewise, on the stripped row
    arrows = [f"{a}{row}{b}" for row in ROWS[:300] for a, b in (("← ", ""), ("", " »"), (">", ""))]
    for row in [*ROWS, *arrows, *LATIN_ROWS, "Weiter »\n", " ‹ Back ", "a;", "x。)\n", "²5 ٠"]:
        shape = row_shape(row)
        assert shape.sentence_end == (full_stop.search(row) is not None), row
        assert shape.arrow == (arrow.search(row.strip()) is not None), row
        assert shape.inner_sentence_end == (INNER_SENTENCE_END.search(row) is not None), row
        assert shape.breadcrumb == (BREADCRUMB.search(row) is not None), row
        words = [word for word in row.split() if word[:1].isalpha()]
        plain = sum(word[0].isupper() for word in words) / max(1, len(words))
        assert shape.title_case == plain, row
        assert shape.no_letters == (not any(char.isalpha() for char in row if char.isalnum()))
        letters = [char for char in row if char.isalnum()]
        assert shape.digits == sum(map(str.isdigit, letters)) / max(1, len(letters)), row
    row_shape.cache_clear()


# Rows of ASCII and the caseless marks, the row patterns' phrases in every case, and a few
# characters that are cased or word characters (a row holding one has no ASCII shadow).
MARKED_PIECES = [
    *CASELESS_MARKS, " ", ".", ":", "-", "|", "_", "1", "2024", "a", "X", "share", "SHARE",
    "Follow Us", "sign up", "Our site uses cookies", "the Guardian’s journalism", "© 2024",
    "All Rights Reserved", "Related", "READ MORE", "Read also:", "More from", "Tags", "topics",
    "12 comments", "Advertisement", "Continue reading below", "You may also like", "é", "İ",
    "ı", "ſ", "\u212a", "ß", "中", "，", "Lire aussi", "ähnliche Artikel", "\u00a0", "\t",
]  # fmt: skip


def _marked_rows(seed: int, count: int) -> list[str]:
    chance = random.Random(seed)
    return ["".join(chance.choices(MARKED_PIECES, k=chance.randint(1, 10))) for _ in range(count)]


def test_caseless_marks_are_neither_word_characters_digits_nor_cased() -> None:
    import _sre  # what the pattern compiler asks of a character before matching it in any case

    for mark in CASELESS_MARKS:
        assert not mark.isascii() and not mark.isalnum() and not mark.isspace(), mark
        assert mark.lower() == mark == mark.upper() == mark.casefold(), mark
        assert not _sre.unicode_iscased(ord(mark)) and not CJK_CHAR.match(mark), mark
        assert mark not in "，、", mark  # the commas a CJK row counts


def test_ascii_shadows_read_as_their_rows() -> None:
    shadowed = 0
    for row in [*ROWS, *_marked_rows(4, 6000)]:
        shadow = ascii_shadow(row)
        assert (shadow is not None) == all(c.isascii() or c in CASELESS_MARKS for c in row), row
        if shadow is None:
            continue
        shadowed += not row.isascii()
        assert shadow.isascii() and len(shadow) == len(row), row
        assert lower_words(row) == tuple(WORD.findall(row.lower())), row
        assert sum(map(str.isdigit, shadow)) == len(DIGIT.findall(row)), row
        letter = FIRST_LETTER.search(row)
        first = shadow.lstrip("".join(c for c in map(chr, range(128)) if not c.isalpha()))[:1]
        assert first == (letter.group() if letter else ""), row
        assert CJK_CHAR.search(row) is None, row
    lower_words.cache_clear()
    assert shadowed > 1000


def test_a_pages_shadows_are_its_rows_shadows() -> None:
    rows = [row for row in [*ROWS, *_marked_rows(7, 3000)] if "\n" not in row]
    for start in range(0, len(rows), 150):  # pages of 150 rows
        page = rows[start : start + 150]
        assert _ascii_shadows(page) == list(map(ascii_shadow, page))
    assert _ascii_shadows(["a\nb", "c’"]) == ["a\nb", "c "]  # a row holding a newline


def test_lower_case_twins_match_where_the_patterns_do() -> None:
    def letters(items: list) -> set[str]:  # every character the parsed pattern names
        found: set[str] = set()
        for op, value in items:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL"):
                found.add(chr(value))
            elif name == "RANGE":
                found.update(map(chr, range(value[0], value[1] + 1)))
            elif name == "SUBPATTERN":
                assert not value[1] and not value[2], "no flags of its own"
                found |= letters(list(value[3]))
            elif name == "BRANCH":
                for branch in value[1]:
                    found |= letters(list(branch))
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                found |= letters(list(value[2]))
            elif name in ("IN", "ASSERT", "ASSERT_NOT"):
                found |= letters(list(value if name == "IN" else value[1]))
        return found

    rows = [*ROWS, *_marked_rows(5, 8000)]
    caseless = [(row, row.lower()) for row in rows if ascii_shadow(row) is not None]
    assert len(caseless) > 5000
    for field in fields(RowPatterns):
        pattern = getattr(_ROW_PATTERNS, field.name)
        twin = getattr(_LOWERED_ROW_PATTERNS, field.name)
        assert pattern.flags & re.IGNORECASE and not twin.flags & re.IGNORECASE
        named = letters(list(_parser.parse(pattern.pattern, pattern.flags)))
        assert all(char.lower() == char for char in named), field.name
        matched = 0
        for row, lowered in caseless:
            assert bool(pattern.search(row)) == bool(twin.search(lowered)), (field.name, row)
            assert bool(pattern.match(row)) == bool(twin.match(lowered)), (field.name, row)
            matched += bool(pattern.search(row))
        assert matched > 50, field.name


def test_list_items_lose_their_marker_as_the_plain_rule_has_it() -> None:
    chance = random.Random(6)
    pieces = ["* ", "• ", "•", "- ", "+  ", "1. ", "12) ", "1. März 2019", "٣. ", "²", "x", " "]
    lines = [*ROWS[:3000], *("".join(chance.choices(pieces, k=4)) for _ in range(3000))]
    items = 0
    for line in (" ".join(line.split()) for line in lines):
        if not line:
            continue
        bullet = BULLET.match(line) is not None and not starts_with_date(line)
        text = BULLET.sub("", line, count=1).strip() if bullet and not line[0].isdigit() else line
        items += bullet
        assert lines_to_units(line) == ([(text, bullet)] if text else []), line
    assert items > 1000


def test_a_line_is_its_words_joined_by_single_spaces_whatever_spaces_it_holds() -> None:
    # lines holding only single spaces are taken as they are; any other space (a tab, a
    # no-break or an ideographic space, two in a row) or unprintable character, split and joined
    chance = random.Random(8)
    pieces = ["Word", "lower", " ", "  ", "\t", "\xa0", "\u3000", "\u2003", "\x1c", "\u00ad", "é",
              "\u200b", "x" * 30, "."]  # fmt: skip
    lines = ["".join(chance.choices(pieces, k=12)) for _ in range(4000)]
    joined = 0
    for line in lines:
        text = " ".join(line.split())
        if text and not BULLET.match(text):
            assert lines_to_units(line) == [(text, False)], repr(line)
            joined += text != line.strip()
    assert joined > 1000


def test_pages_fold_as_their_rows_do() -> None:
    chance = random.Random(7)
    rows = _marked_rows(8, 4000)
    caseless = [row for row in rows if ascii_shadow(row) is not None]
    pages = [chance.sample(caseless, 20) for _ in range(100)]
    pages += [[*page[:5], "İstanbul", *page[5:]] for page in pages[:30]]  # one row not caseless
    pages += [[*page[:5], "two\nlines", *page[5:]] for page in pages[:30]]  # a row not a line
    for page in pages:
        shadows = [ascii_shadow(row) for row in page]
        folded_rows, lowered = _fold_rows(page, shadows)
        assert folded_rows == fold_rows(page)
        assert lowered == [
            row if shadow is None else row.lower()
            for row, shadow in zip(page, shadows, strict=True)
        ]


def test_an_indented_first_line_of_a_wrapped_page_opens_the_first_unit() -> None:
    # Found by fuzzing: on a page read as hard-wrapped, an indented first line whose first
    # word would not fit the width asked whether the unit before it was a list item; there
    # is none, and the IndexError had the page skipped as unprocessable.
    text = (
        "\u3000(xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx(\xa0Word \u2003   \n"
        " \u3000Word \u2003lower \n\x1c• (Word \xa0\xad1. \xa0\n\xa0b Word "
    )
    assert lines_to_units(text) == [
        ("(xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx( Word", False),
        ("Word lower", False),
        ("(Word \xad1. b Word", True),
    ]


def test_page_columns_are_each_rows_own_reading() -> None:
    rows = [row for row in ROWS if "\n" not in row]  # a page's rows hold no newline
    assert rows_ending_sentences(rows) == list(map(ends_a_sentence, rows))
    assert row_openers(rows) == list(map(opener, rows))
    assert sum(rows_ending_sentences(rows)) > 500 and "i" in row_openers(["İstanbul"])


def test_rows_neither_hinted_nor_closing_on_a_credit_are_no_captions_nor_credited() -> None:
    asked = 0
    for row in ROWS:
        hinted = may_match(CAPTION_HINTS, folded(row))
        marked = may_match(CAPTION_END_MARKS, folded(row))
        credit_hinted = may_match(PICTURE_CREDIT_HINTS, folded(row))
        words = len(row.split())
        # what make_units asks of a row before it calls either test
        if hinted or marked or row[-1:] == "]":
            asked += 1
            continue
        assert not is_caption_row(row, words, hinted, marked), row
        if not credit_hinted:
            assert not is_credited_row(row, words, marked, credit_hinted), row
    assert 0 < asked < len(ROWS)


def test_the_stamp_twin_matches_where_the_stamp_pattern_does() -> None:
    from briefing.extract.dates import _STAMP_MONTH_DAY, _STAMP_MONTH_DAY_LOWERED, shows_stamp

    assert not _STAMP_MONTH_DAY_LOWERED.flags & re.IGNORECASE
    assert _STAMP_MONTH_DAY.pattern == _STAMP_MONTH_DAY_LOWERED.pattern
    letters = _STAMP_MONTH_DAY.pattern.replace("(?P<month>", "")
    assert letters == letters.lower()  # its letters (and escapes) lower case
    chance = random.Random(6)
    pieces = ["Nov", "NOV.", "Sept", "ſept", "März", "MAI", "Updated", "Mon", " ", "  ", ",", "1"]
    pieces += ["19", "3rd", "9:41", "AM", "2 hours ago", "’", "—", "x"]
    stamps = ["".join(chance.choices(pieces, k=chance.randint(1, 8))) for _ in range(6000)]
    caseless = [row for row in [*ROWS, *stamps] if ascii_shadow(row) is not None]
    shown = [shows_stamp(row) for row in caseless]
    assert shown == [shows_stamp(row, row.lower()) for row in caseless]
    assert 500 < sum(shown) < len(caseless) - 500
