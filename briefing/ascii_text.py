"""Reading text as ASCII where it can be. Most paragraphs of news are ASCII but for
typographic quotes and dashes, and the regex engine searches a Unicode string several times
slower than an ASCII one: such a text is read through its ASCII shadow (those marks made
spaces), split into words by the string methods in C."""

from __future__ import annotations

# Each ASCII character that is no word character (letters, digits, _) to a space.
_ASCII_WORD_GAPS = bytes(
    code if chr(code).isalnum() or chr(code) == "_" else ord(" ") for code in range(256)
)

# Non-ASCII characters common on English pages (typographic quotes and dashes, rules, arrows,
# currency and trade marks) that are neither word characters nor cased: a row whose other
# characters are ASCII has, for words, digits, letters and case-insensitive patterns, the
# reading of an ASCII row. In order of how often pages hold them.
CASELESS_MARKS = "’━“”—‘–©…›‹£»„→×«•·€°®™"


def ascii_shadow(text: str, marks: str = CASELESS_MARKS) -> str | None:
    """The text with every one of `marks` a space when that leaves it ASCII (the text itself
    when it is), None when it holds other non-ASCII characters."""
    for mark in marks:
        if text.isascii():  # a flag of the string: no scan
            return text
        text = text.replace(mark, " ")
    return text if text.isascii() else None


def ascii_words(text: str) -> list[str]:
    """The runs of word characters of an ASCII text (what `\\w+` finds), split in C as bytes:
    the regex engine's split costs more than a thousand instructions a word."""
    return text.encode("ascii").translate(_ASCII_WORD_GAPS).decode("ascii").split()
