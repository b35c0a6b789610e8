"""Make untrusted article text safe to show in a terminal and to embed in Markdown.

Every input passes through `clean_text` when it is read, so no escape sequence,
control character or bidi override reaches the pipeline, the cache or a renderer.

Rich and Textual interpret "[bold]" / "[@click=...]" markup in plain strings. This
module stays free of rich/textual imports (the headless path must not load Textual),
so display code is responsible for its half: build `rich.text.Text(...)` objects from
article text, or pass it through `rich.markup.escape`, never an f-string of markup.
"""

from __future__ import annotations

import re

# Terminal escape sequences, per ECMA-48, in both the 7-bit (ESC-prefixed) and the
# 8-bit (C1) forms. String sequences (OSC, DCS, SOS, PM, APC) are dropped with their
# payload: an OSC 8 link target or an OSC 52 clipboard payload is never article text.
# An unterminated ESC-prefixed string ends at the next ESC or line break, so a stray ESC]
# cannot eat the rest of the article. A lone 8-bit introducer is far more often a stray
# byte of mojibake (the '\x9d' of a misread closing quote) than a sequence: without its
# terminator it costs only itself (dropped with the other controls below), not its
# paragraph. Its payload stops at the next introducer, so the scans stay linear.
_C1_STRING = "\x90\x98\x9d\x9e\x9f"
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c|(?=[\x1b\n])|\Z)"
    + f"|[{_C1_STRING}][^\x07\x1b\x9c\n{_C1_STRING}]*"
    + r"(?:\x07|\x1b\\|\x9c)"
    # CSI: parameters, intermediates, final byte (a truncated CSI loses what it has).
    + r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    # Other escapes: optional intermediates then one final byte ("ESC c", "ESC ( B").
    + r"|\x1b[ -/]*[0-~]?"
)

# Where an escape sequence can start: looked for first, as one class of characters is
# searched for far faster than the alternation above (most pages have none).
_ESCAPE_START = re.compile(f"[\x1b\x9b{_C1_STRING}]")

_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028]")
# A vertical tab is a word processor's line break inside a paragraph; a form feed (a page
# break) and U+2029 end a paragraph.
_SOFT_BREAK = "\x0b"
_PARAGRAPH_BREAKS = re.compile(r"[\x0c\u2029]")

# C0 except tab and newline, DEL, C1; bidi embeddings, overrides and isolates (the
# "Trojan Source" characters; LRM/RLM/ALM are kept, Arabic and Hebrew text uses them);
# U+FEFF (a BOM mid-text is invisible noise); lone surrogates, which cannot be encoded.
_UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def clean_text(text: str) -> str:
    """Drop escape sequences and unsafe invisible characters; normalise line breaks to \\n."""
    if text.isascii() and text.isprintable():
        # Nothing below touches printable ASCII: most file names and titles are returned
        # at once (the passes below were a few per cent of a warm dump's 1,000 names).
        return text
    if _ESCAPE_START.search(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    if "\r" in text or "\x85" in text or "\u2028" in text:
        text = _LINE_BREAKS.sub("\n", text)
    if _SOFT_BREAK in text:
        text = _join_soft_breaks(text)
    text = _PARAGRAPH_BREAKS.sub("\n\n", text)
    return _UNSAFE_CHARACTERS.sub("", text)


def _join_soft_breaks(text: str) -> str:
    """Each vertical tab with the spaces and tabs around it becomes one space. Done by
    splitting, not by a pattern: one with leading spaces restarted at every space of a
    long run of them (quadratic)."""
    parts = text.split(_SOFT_BREAK)
    last = len(parts) - 1
    return " ".join(
        part.lstrip(" \t" if n else "").rstrip(" \t" if n < last else "")
        for n, part in enumerate(parts)
    )


# What a file name may hold that must not reach a terminal or a document as is: controls,
# line breaks, bidi overrides, lone surrogates (undecodable bytes of a name).
_UNSHOWABLE_IN_NAME = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def shown_path(path: str) -> str:
    """A file name as it can be shown: every control character or line break escaped
    (a newline reads as \\n), so a name cannot forge lines or move the cursor."""
    return _UNSHOWABLE_IN_NAME.sub(_escape_character, path)


def _escape_character(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name could not decode
        return f"\\x{code - 0xDC00:02x}"
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(match.group()) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


# Characters Markdown can interpret anywhere in running text. A backslash before ASCII
# punctuation always means the literal character in CommonMark.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# Characters that only matter at the start of a line: headings, lists, quotes, setext
# underlines, thematic breaks, ordered list markers ("1." / "1)").
_LINE_START_SPECIAL = re.compile(r"^([#+\-=>])|^(\d+)([.)])", re.MULTILINE)
# Leading indentation would turn a line into a code block.
_LINE_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Escape `text` so that Markdown renders it literally, as running text."""
    text = _LINE_INDENT.sub("", text)
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), text
    )
