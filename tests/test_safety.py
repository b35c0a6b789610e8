import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.safety import clean_text, escape_markdown

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("before\x1b[2Jafter", "beforeafter"),
        ("\x1b[1;31mred\x1b[0m", "red"),
        ("see \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ here", "see link here"),
        ("copy\x1b]52;c;SGVsbG8=\x07 done", "copy done"),
        ("title\x1b]0;pwned\x1b\\!", "title!"),
        ("\x9b31mred", "red"),
        ("a\x9d8;;http://evil\x9cb", "ab"),
        ("x\x1bP1$r0m\x1b\\y", "xy"),
        ("reset\x1bc now", "reset now"),
        ("charset\x1b(B ok", "charset ok"),
        ("a\x00b\x07c\x7fd\x85e", "abcd\ne"),
        ("evil\u202etxt.exe \u2066x\u2069", "eviltxt.exe x"),
        ("mid\ufefftext", "midtext"),
        ("lone\ud800surrogate", "lonesurrogate"),
        ("one\r\ntwo\rthree\u2028four", "one\ntwo\nthree\nfour"),
    ],
)
def test_clean_text_removes_escapes_and_controls(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_unterminated_osc_stops_at_line_end() -> None:
    assert clean_text("a\x1b]8;;http://evil\nnext line") == "a\nnext line"


def test_lone_8bit_string_introducer_costs_only_itself() -> None:
    # A stray C1 byte (mojibake of a closing quote) must not take its paragraph with it.
    assert clean_text('\x9d"Due to the fighting," he said.\nnext') == (
        '"Due to the fighting," he said.\nnext'
    )
    assert clean_text("a\x9d52;c;SGVsbG8=\x1b\\b") == "ab"


def test_clean_text_keeps_normal_unicode_and_markup_literally() -> None:
    text = (
        "Arabic: مرحبا\u200f, CJK: 北京, emoji: 👩‍👩‍👧 🇬🇧, quotes “x” ‘y’ – — …\n"
        "\tmarkup [bold]x[/] [@click=app.quit] [link=file:///etc/passwd]"
    )
    assert clean_text(text) == text


def test_hostile_sample_keeps_brackets_and_drops_every_control() -> None:
    hostile = (
        "[bold]Breaking[/] [@click=app.quit]quit[/] [link=file:///etc/passwd]x[/link]"
        "\x1b[2J\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\x1b]52;c;SGVsbG8=\x07"
        "\x9b31m red \u202e reversed"
    )
    cleaned = clean_text(hostile)
    assert cleaned == (
        "[bold]Breaking[/] [@click=app.quit]quit[/] [link=file:///etc/passwd]x[/link]"
        "link red  reversed"
    )
    assert not UNSAFE.search(cleaned)
    assert "SGVsbG8" not in cleaned and "evil" not in cleaned


def test_escape_markdown_inline_characters() -> None:
    assert escape_markdown(r"a *b* _c_ `d` [e](f) <g> h|i ~j~ & \ $") == (
        r"a \*b\* \_c\_ \`d\` \[e\](f) \<g\> h\|i \~j\~ \& \\ \$"
    )


def test_escape_markdown_line_starts() -> None:
    text = "# not a heading\n- not a list\n+ nor this\n2024. a year\n3) three\n> no quote\n==="
    assert escape_markdown(text) == (
        "\\# not a heading\n\\- not a list\n\\+ nor this\n2024\\. a year\n3\\) three\n"
        "\\> no quote\n\\==="
    )


def test_escape_markdown_leaves_mid_line_punctuation() -> None:
    text = "Prices rose 3.5% - the most since 2020 #1 (officials said)."
    assert escape_markdown(text) == text


def test_escape_markdown_drops_indentation_that_would_make_code() -> None:
    assert escape_markdown("para\n\n    indented") == "para\n\nindented"


def _rendered_text(markdown: str) -> str:
    html_out = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", html_out)).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_escaped_line_renders_as_the_literal_text(line: str) -> None:
    # Leading/trailing blanks are not visible in Markdown output anyway.
    assert _rendered_text(escape_markdown(line)) == line.strip()


def test_escaped_lines_render_literally() -> None:
    text = "# Title\n* star\n1. one\n<script>x</script>\n---"
    rendered = _rendered_text(escape_markdown(text))
    assert rendered.splitlines() == text.splitlines()


def test_word_processor_breaks_keep_sentences_and_paragraphs() -> None:
    # A vertical tab breaks a line inside a paragraph; a form feed starts a new page.
    assert clean_text("of the spring.\x0bIt opens in 2026.") == "of the spring. It opens in 2026."
    assert clean_text("End of page.\x0cNew page.") == "End of page.\n\nNew page."
    assert clean_text("One.\u2029Two.\u2028Three.") == "One.\n\nTwo.\nThree."
