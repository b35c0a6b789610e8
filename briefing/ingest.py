"""Stage 1: read inputs (files, folders, stdin) into decoded documents. Never writes."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import string
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Literal, overload

from briefing.safety import clean_text, shown_path


@dataclass(frozen=True)
class Document:
    """One input file, decoded to text."""

    path: str  # as the user named it ("-" for stdin)
    text: str
    media: str  # "text" or "html"
    sha256: str  # of the raw bytes; the cache key
    encoding: str  # what the bytes were decoded from


@dataclass(frozen=True)
class PageFile:
    """A regular file read and identified, its text let go (see `read_inputs`): it is
    read again where it is processed (`read_again`), and must then be the same bytes."""

    path: str  # as the document's
    file: str  # the name it was opened by
    media: str
    sha256: str
    size: int  # bytes, as listed when it was read: read again, it may not be more


@dataclass(frozen=True)
class InputProblem:
    """A path that could not be read or was skipped; reported, never fatal alone."""

    path: str
    message: str


ARTICLE_EXTENSIONS = (".txt", ".text", ".md", ".html", ".htm")
STDIN_PATH = "-"

# Known binary formats, by their leading bytes; checked before any decoding.
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
)
# Checked longest first: a UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never occur in text files (tab, newlines, form feed and ESC do).
_BINARY_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_MAX_CONTROL_SHARE = 0.1

# WHATWG: pages labelled latin-1 or ASCII are decoded as windows-1252.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}

# What Western European text decoded as cp1252 looks like: Latin-1 letters, NBSP and the
# usual typographic signs. Anything else (superscripts, box-drawing-ish symbols) suggests
# the bytes belong to another code page.
_WESTERN_CHARACTERS = set(
    "\u00a0\u00ad¡¢£¥§¨©ª«®¯°±²´µ¶·¸º»¼½¾¿×÷"
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
    "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
    # The bytes cp1252 leaves undefined, read as latin-1 C1 controls; cleaning drops them.
    "\x81\x8d\x8f\x90\x9d"
)
# Accented letters are a minority of the letters in Western languages; text in another
# script mis-decoded as cp1252 is almost all non-ASCII letters.
_MAX_WESTERN_ACCENTED_SHARE = 0.25
_LATIN1_FALLBACK = "briefing-latin1"
codecs.register_error(
    _LATIN1_FALLBACK,
    lambda error: (error.object[error.start : error.end].decode("latin-1"), error.end),
)
# A byte that is no part of valid UTF-8, as the surrogateescape error handler leaves it.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# UTF-8 with stray bytes: at least this many valid non-ASCII characters per stray byte.
_MIN_UTF8_EVIDENCE = 1
_UTF16_SAMPLE_BYTES = 4096
_UTF16_MIN_BYTES = 32  # fewer tell nothing: a few NULs in a short binary look alike
_UTF16_NUL_SHARE = 0.5  # Latin-script UTF-16: most characters have a NUL byte
_UTF16_STRAY_NUL_SHARE = 0.02
# Python codecs that are not text encodings a page could be in: "undefined" refuses every
# byte, the escape codecs would turn "\x1b" written in the text into a real escape.
_NOT_PAGE_ENCODINGS = frozenset(
    {"undefined", "unicode_escape", "raw_unicode_escape", "idna", "punycode", "mbcs", "oem"}
)
# HTML numeric character references; those naming a control character (&#x1b;, &#7;) made
# the HTML parser give up on the whole page, so they are replaced before it sees them.
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<dec>[0-9]{1,10}));?")
_ASCII_BYTES = bytes(range(0x80))
_ASCII_LETTER_BYTES = string.ascii_letters.encode("ascii")

_READ_CHUNK = 1 << 20

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>])", re.I)
_HTML_BODY = re.compile(r"<body[\s>]", re.I)


@overload
def read_inputs(
    paths: Sequence[str],
    *,
    max_bytes: int = ...,
    stdin: BinaryIO | None = ...,
    keep_text: Literal[True] = ...,
) -> tuple[list[Document], list[InputProblem]]: ...
@overload
def read_inputs(
    paths: Sequence[str],
    *,
    max_bytes: int = ...,
    stdin: BinaryIO | None = ...,
    keep_text: bool,
) -> tuple[list[Document | PageFile], list[InputProblem]]: ...
def read_inputs(
    paths: Sequence[str],
    *,
    max_bytes: int = 20_000_000,
    stdin: BinaryIO | None = None,
    keep_text: bool = True,
) -> (
    tuple[list[Document], list[InputProblem]] | tuple[list[Document | PageFile], list[InputProblem]]
):
    """Read files, folders (recursively) and "-" (stdin) into documents, in order.

    Nothing is raised for a bad input: it becomes an InputProblem and reading goes on.
    A file reached twice (named and inside a named folder) is read once. Without
    `keep_text`, a regular file's text is let go as soon as it is decoded: a `PageFile`
    names it instead (thousands of pages are not all held at once).
    """
    documents: list[Document | PageFile] = []
    problems: list[InputProblem] = []
    seen: set[tuple[int, int]] = set()

    def add(path: str, result: Document | str, info: os.stat_result | None = None) -> None:
        entry = _entry(path, result, info, keep_text)
        (problems if isinstance(entry, InputProblem) else documents).append(entry)

    for path in paths:
        if path == STDIN_PATH:
            source = stdin if stdin is not None else sys.stdin.buffer
            add(path, _read_stream(path, source, max_bytes))
            continue
        try:
            info = os.stat(path)
        except FileNotFoundError:
            add(path, "skipped: not found")
            continue
        except OSError as error:
            add(path, f"skipped: cannot read ({error.strerror})")
            continue
        if stat.S_ISDIR(info.st_mode):
            found, walk_problems = article_files(path)
            problems.extend(walk_problems)
            if not found and not walk_problems:
                add(path, f"skipped: no articles ({' '.join(ARTICLE_EXTENSIONS)}) in folder")
            for file_path, file_info in found:
                if (file_info.st_dev, file_info.st_ino) not in seen:
                    seen.add((file_info.st_dev, file_info.st_ino))
                    add(file_path, _read_file(file_path, file_info, max_bytes), file_info)
        elif (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            add(path, _read_file(path, info, max_bytes), info)
    return documents, problems


def read_listed(
    files: Sequence[tuple[str, os.stat_result]], max_bytes: int
) -> Iterator[Document | PageFile | InputProblem]:
    """The files `list_files` found, each read and identified when asked for (what
    `read_inputs` without `keep_text` gives for the same paths, in the same order): the
    first pages can be processed while the rest are still read."""
    for path, info in files:
        yield _entry(path, _read_file(path, info, max_bytes), info, keep_text=False)


def _entry(
    path: str, result: Document | str, info: os.stat_result | None, keep_text: bool
) -> Document | PageFile | InputProblem:
    """What reading `path` gave: a problem, the document, or without `keep_text` a regular
    file's `PageFile`."""
    if isinstance(result, str):
        return InputProblem(shown_path(path), result)
    if keep_text or info is None or not stat.S_ISREG(info.st_mode):
        return result  # a stream cannot be read again
    return PageFile(result.path, path, result.media, result.sha256, info.st_size)


def read_again(page: PageFile) -> Document | None:
    """The page's document, read again; None when the file is not the bytes first read
    (changed, grown, gone): a page is never processed as other than it was identified."""
    try:
        # Opened without waiting: a pipe put in the file's place must not block the run.
        fd = os.open(page.file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as source:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = read_limited(source, page.size)
    except OSError:
        return None
    if data is None or hashlib.sha256(data).hexdigest() != page.sha256:
        return None
    document = decode_document(page.file, data)
    return document if isinstance(document, Document) else None


def input_identities(paths: Sequence[str]) -> set[tuple[int, int]]:
    """(device, inode) of every file `read_inputs` reads for `paths`, stdin's source too:
    what an output file must never replace, whatever name it is given."""
    found: set[tuple[int, int]] = set()
    for path in paths:
        try:
            info = os.fstat(0) if path == STDIN_PATH else os.stat(path)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and path != STDIN_PATH:
            found.update((i.st_dev, i.st_ino) for _, i in article_files(path)[0])
        else:
            found.add((info.st_dev, info.st_ino))
    return found


def article_files(folder: str) -> tuple[list[tuple[str, os.stat_result]], list[InputProblem]]:
    """Regular article files under `folder`, sorted, skipping hidden files and folders:
    a folder's files, then its subfolders' in turn. Each folder is listed once, and a
    file's status comes from its listing entry (one stat, no second lookup by name)."""
    found: list[tuple[str, os.stat_result]] = []
    problems: list[InputProblem] = []

    def walk(directory: str) -> None:
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            problems.append(
                InputProblem(
                    shown_path(str(error.filename)),
                    f"skipped: cannot read folder ({error.strerror})",
                )
            )
            return
        folders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                # Symlinked folders are not entered: a link loop would never end.
                if not entry.is_symlink():
                    folders.append(entry.path)
                continue
            if not name.lower().endswith(ARTICLE_EXTENSIONS):
                continue
            try:
                info = entry.stat()
            except OSError as error:
                problems.append(
                    InputProblem(shown_path(entry.path), f"skipped: cannot read ({error.strerror})")
                )
                continue
            # FIFOs and devices with an article's name could block or never end.
            if stat.S_ISREG(info.st_mode):
                found.append((entry.path, info))
        for subfolder in folders:
            walk(subfolder)

    walk(folder)
    return found, problems


def _read_file(path: str, info: os.stat_result, max_bytes: int) -> Document | str:
    """Read one named file; a non-regular one (a pipe from `<(...)`) is read as a stream."""
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        return too_large(info.st_size, max_bytes)
    try:
        with open(path, "rb") as source:
            return _read_stream(path, source, max_bytes)
    except PermissionError:
        return "skipped: permission denied"
    except OSError as error:
        return f"skipped: cannot read ({error.strerror})"


def _read_stream(path: str, source: BinaryIO, max_bytes: int) -> Document | str:
    data = read_limited(source, max_bytes)
    if data is None:
        return too_large(None, max_bytes)
    return decode_document(path, data)


def read_limited(source: BinaryIO, max_bytes: int) -> bytes | None:
    """All of `source`, or None when it holds more than `max_bytes`."""
    # One byte past the limit tells "exactly at the limit" from "over it".
    data = read_at_most(source, max_bytes + 1)
    return None if len(data) > max_bytes else data


def read_at_most(source: BinaryIO, limit: int) -> bytes:
    """The first `limit` bytes of `source` (all of it when shorter), read in chunks: asking
    for `limit` at once allocates that much up front (a MemoryError on a 4 KB file with
    --max-bytes 100000000000), and a stream has no size to check first."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = source.read(min(_READ_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def too_large(size: int | None, max_bytes: int) -> str:
    actual = f"{size:,} bytes" if size is not None else "more than that"
    return f"skipped: file too large ({actual}; limit {max_bytes:,} bytes)"


def decode_document(path: str, data: bytes) -> Document | str:
    """Decode raw bytes into a cleaned Document, or return why they were skipped.

    Never raises: bytes no rule foresaw are one skipped input, not the end of the run.
    """
    try:
        return _decode_document(path, data)
    except Exception as error:  # noqa: BLE001  (any input may meet a codec's or parser's bug)
        return f"skipped: cannot decode ({type(error).__name__}: {error})"


# Enough of a file's start to tell a binary file from text without reading it all.
SNIFF_BYTES = 65536


def binary_file_reason(head: bytes, whole: bool) -> str | None:
    """Why a file starting with `head` (its first SNIFF_BYTES, or all of it when `whole`)
    is a binary file, or None when it may be text: what reading it all would say."""
    if magic := _magic_kind(head):
        return magic
    if _text_encoding_mark(head):
        return None
    if whole:
        return _binary_reason(head)
    # A share of control bytes is the whole file's to tell; one NUL byte is enough.
    return _binary_reason(head) if b"\x00" in head else None


def _magic_kind(data: bytes) -> str | None:
    kind = next((kind for magic, kind in _MAGIC_NUMBERS if data.startswith(magic)), None)
    return f"skipped: binary file ({kind})" if kind else None


def _text_encoding_mark(data: bytes) -> str | None:
    """The encoding a BOM or UTF-16's NUL pattern declares, or None."""
    bom_encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    return bom_encoding or _utf16_without_bom(data)


def _decode_document(path: str, data: bytes) -> Document | str:
    if not data.strip():
        return "skipped: empty file"
    if magic := _magic_kind(data):
        return magic
    bom_encoding = _text_encoding_mark(data)
    if bom_encoding is None:
        reason = _binary_reason(data)
        if reason:
            return reason
        text, encoding = _decode_without_bom(data)
    else:
        # The bytes said what they are: a bad sequence costs one character, not the file.
        if bom_encoding.startswith("utf-8"):
            text = _decode_utf8_repaired(data.removeprefix(codecs.BOM_UTF8))[0]
        else:
            text = data.decode(bom_encoding, errors="replace")
        encoding = bom_encoding
        reason = _binary_reason(text.encode("utf-8", errors="replace"))
        if reason:
            return reason
    # A UTF-8 BOM is consumed by utf-8-sig; UTF-16/32 keep it as U+FEFF.
    text = clean_text(text.removeprefix("\ufeff"))
    media = "html" if _looks_like_html(path, text) else "text"
    if media == "html":
        text = _CONTROL_REFERENCE.sub(_safe_reference, text)
    if not text.strip():
        return "skipped: empty file (only whitespace or control characters)"
    return Document(
        path=shown_path(path),
        text=text,
        media=media,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 told by its NUL pattern: text in Latin script has a NUL in every other byte,
    on the odd bytes in little-endian order, on the even ones in big-endian."""
    sample = data[: min(len(data), _UTF16_SAMPLE_BYTES) & ~1]
    if len(sample) < _UTF16_MIN_BYTES or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    if odd_nuls >= _UTF16_NUL_SHARE * half and even_nuls <= _UTF16_STRAY_NUL_SHARE * half:
        return "utf-16-le"
    if even_nuls >= _UTF16_NUL_SHARE * half and odd_nuls <= _UTF16_STRAY_NUL_SHARE * half:
        return "utf-16-be"
    return None


def _binary_reason(data: bytes) -> str | None:
    if b"\x00" in data:
        return "skipped: binary file (NUL bytes)"
    controls = len(data) - len(data.translate(None, _BINARY_CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(data):
        return "skipped: binary file (control characters)"
    return None


def _decode_without_bom(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with a few stray bytes (a file pasted together, one damaged byte):
    # UTF-8 it is, each stray byte read as the one cp1252 character it most likely was.
    repaired, stray = _decode_utf8_repaired(data)
    valid_non_ascii = len(repaired) - len(repaired.encode("ascii", errors="ignore")) - stray
    if valid_non_ascii >= _MIN_UTF8_EVIDENCE * stray:
        return repaired, "utf-8"
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeError, LookupError):
            pass
    legacy = _decode_cp1252(data)
    if _looks_western(data):
        return legacy
    # Imported for the rare page that gets this far: it costs more to import than all of
    # this module, on every start.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return legacy


def _decode_utf8_repaired(data: bytes) -> tuple[str, int]:
    """`data` as UTF-8, each byte outside a valid sequence read as the one cp1252
    character it most likely was; and how many such bytes there were."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(escaped))
    if not stray:
        return escaped, 0
    text = _ESCAPED_BYTE.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors=_LATIN1_FALLBACK),
        escaped,
    )
    return text, stray


def _decode_cp1252(data: bytes) -> tuple[str, str]:
    """cp1252, or latin-1 for the five bytes cp1252 leaves undefined (as browsers do)."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors=_LATIN1_FALLBACK), "latin-1"


def _declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares, resolved to a Python codec name."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        codec = codecs.lookup(label)
    except LookupError:
        return None
    if codec.name in _NOT_PAGE_ENCODINGS or not getattr(codec, "_is_text_encoding", True):
        return None
    return codec.name


def _looks_western(data: bytes) -> bool:
    """Whether the cp1252 reading of `data` is plausible Western European text.

    charset-normalizer often names cp1250 or cp775 for short English/French text with
    curly quotes or accents, which garbles them; cp1252 is the likelier legacy encoding
    whenever its reading is plausible.
    """
    # cp1252 is one byte per character, so the counts can run on bytes, at C speed.
    non_ascii = data.translate(None, _ASCII_BYTES).decode("cp1252", errors=_LATIN1_FALLBACK)
    if not set(non_ascii) <= _WESTERN_CHARACTERS:
        return False
    accented = sum(1 for c in non_ascii if c.isalpha())
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
    return accented <= _MAX_WESTERN_ACCENTED_SHARE * (accented + ascii_letters)


def _safe_reference(match: re.Match[str]) -> str:
    """A character reference as it is when it names a character that may be shown; what
    the page meant otherwise (windows-1252 for 128-159, as browsers read them), or nothing."""
    code = int(match["hex"], 16) if match["hex"] else int(match["dec"])
    if code > sys.maxunicode:
        return ""
    import html  # its entity table is large; only pages with such references need it

    meant = html.unescape(match.group())
    return match.group() if meant == chr(code) and clean_text(meant) == meant else clean_text(meant)


def _looks_like_html(path: str, text: str) -> bool:
    if path.lower().endswith((".html", ".htm")):
        return True
    return bool(_HTML_START.match(text)) or bool(_HTML_BODY.search(text))


def list_files(paths: Sequence[str]) -> list[tuple[str, os.stat_result]] | None:
    """The files `read_inputs` would read, with their status, without reading any; None
    when that cannot be known without reading (stdin, or a path it would report)."""
    files: list[tuple[str, os.stat_result]] = []
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if path == STDIN_PATH:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        if stat.S_ISDIR(info.st_mode):
            found, problems = article_files(path)
            if problems or not found:
                return None
        elif stat.S_ISREG(info.st_mode):
            found = [(path, info)]
        else:
            return None
        for file_path, file_info in found:
            if (file_info.st_dev, file_info.st_ino) not in seen:
                seen.add((file_info.st_dev, file_info.st_ino))
                files.append((file_path, file_info))
    return files
