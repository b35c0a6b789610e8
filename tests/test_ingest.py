import codecs
import hashlib
import io
import os
from pathlib import Path

import pytest

from briefing import ingest
from briefing.ingest import Document, InputProblem, read_inputs
from briefing.resources import seed_paths

STORY = "The minister said “we will not back down”; the €40m plan – café owners cheered."


def only_document(paths: list[str], **kwargs) -> Document:
    documents, problems = read_inputs(paths, **kwargs)
    assert problems == []
    assert len(documents) == 1
    return documents[0]


def only_problem(paths: list[str], **kwargs) -> InputProblem:
    documents, problems = read_inputs(paths, **kwargs)
    assert documents == []
    assert len(problems) == 1
    return problems[0]


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8-sig"),
        (STORY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), "utf-32-le"),
        (STORY.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_each_encoding_exactly(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(raw)
    document = only_document([str(path)])
    assert document.text == STORY
    assert document.encoding == encoding
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.path == str(path)
    assert document.media == "text"


def test_latin1_accents_decode_without_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Le café est très bon, déclare le ministre.".encode("latin-1"))
    assert only_document([str(path)]).text == "Le café est très bon, déclare le ministre."


def test_latin1_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    # 0x81 and 0x8D have no cp1252 character; latin-1 maps them to C1 controls, which
    # cleaning removes, so the accented letters still come through.
    path = tmp_path / "odd.txt"
    path.write_bytes(b"R\xe9sum\xe9 \x81\x8d of the talks in Z\xfcrich.")
    document = only_document([str(path)])
    assert document.text == "Résumé  of the talks in Zürich."
    assert document.encoding == "latin-1"


def test_other_scripts_go_to_charset_detection(tmp_path: Path) -> None:
    text = "Президент России заявил во вторник, что переговоры продолжатся на следующей неделе."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    document = only_document([str(path)])
    assert document.text == text
    assert document.encoding == "cp1251"


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    body = "<html><head><meta charset='koi8-r'></head><body><p>Москва</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(body.encode("koi8-r"))
    document = only_document([str(path)])
    assert document.text == body
    assert document.encoding == "koi8-r"
    assert document.media == "html"


def test_newlines_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    assert only_document([str(path)]).text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    ("name", "text", "media"),
    [
        ("a.txt", "  <!DOCTYPE html><html><p>x</p></html>", "html"),
        ("a.txt", "<html lang='en'><p>x</p>", "html"),
        ("a.md", "<head></head>\n<body class='x'>hi</body>", "html"),
        ("a.HTM", "just words", "html"),
        ("a.txt", "an <html> tag mentioned mid-sentence", "text"),
    ],
)
def test_media_detection(tmp_path: Path, name: str, text: str, media: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert only_document([str(path)]).media == media


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "skipped: binary file (PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "skipped: binary file (PDF document)"),
        (b"PK\x03\x04\x14\x00", "skipped: binary file (ZIP archive)"),
        (b"\x7fELF\x02\x01\x01", "skipped: binary file (ELF executable)"),
        (b"\x1f\x8b\x08\x00", "skipped: binary file (gzip archive)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "skipped: binary file (JPEG image)"),
        (b"GIF89a\x01\x00", "skipped: binary file (GIF image)"),
        (b"plain words then \x00 a NUL", "skipped: binary file (NUL bytes)"),
        (bytes(range(1, 32)) * 4 + b"some text", "skipped: binary file (control characters)"),
        (b"", "skipped: empty file"),
        (b" \n\t\r\n ", "skipped: empty file"),
        (
            b"\x1b[2J\x1b]0;title\x07\n",
            "skipped: empty file (only whitespace or control characters)",
        ),
    ],
)
def test_unusable_files_are_reported(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(raw)
    assert only_problem([str(path)]) == InputProblem(str(path), message)


def test_utf16_with_bom_is_not_mistaken_for_binary(tmp_path: Path) -> None:
    # UTF-16 is full of NUL bytes; the BOM says it is text.
    path = tmp_path / "u16.txt"
    path.write_bytes("x".join(["abc"] * 100).encode("utf-16"))
    assert only_document([str(path)]).text == "x".join(["abc"] * 100)


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert only_problem([missing]) == InputProblem(missing, "skipped: not found")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    path.chmod(0)
    assert only_problem([str(path)]) == InputProblem(str(path), "skipped: permission denied")


def test_permission_error_while_opening_is_reported(tmp_path, monkeypatch) -> None:
    # Same path as the chmod test, without needing a non-root user.
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    assert only_problem([str(path)]) == InputProblem(str(path), "skipped: permission denied")


def test_oversized_file_is_skipped_without_reading(tmp_path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as huge:
        huge.truncate(50 * 1024 * 1024)

    def must_not_open(*args, **kwargs):
        raise AssertionError("an oversized file was opened")

    monkeypatch.setattr(ingest, "open", must_not_open, raising=False)
    problem = only_problem([str(path)], max_bytes=20_000_000)
    assert problem.message == "skipped: file too large (52,428,800 bytes; limit 20,000,000 bytes)"


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"a" * 100)
    assert only_document([str(path)], max_bytes=100).text == "a" * 100


def test_stdin(tmp_path: Path) -> None:
    document = only_document(["-"], stdin=io.BytesIO(STORY.encode("cp1252")))
    assert (document.path, document.text, document.encoding) == ("-", STORY, "cp1252")


def test_stdin_over_the_limit_is_skipped() -> None:
    problem = only_problem(["-"], stdin=io.BytesIO(b"x" * 101), max_bytes=100)
    assert problem == InputProblem("-", "skipped: file too large (more than that; limit 100 bytes)")


def test_folder_is_read_recursively_sorted_and_filtered(tmp_path: Path) -> None:
    files = {
        "b.txt": "bee",
        "a.md": "ay",
        "sub/c.HTML": "<p>see</p>",
        "sub/deeper/d.text": "dee",
        "sub/e.htm": "ee",
        "notes.docx": "ignored extension",
        "photo.jpg": "ignored extension",
        ".hidden.txt": "hidden file",
        ".git/f.txt": "hidden folder",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    documents, problems = read_inputs([str(tmp_path)])
    assert problems == []
    assert [(Path(d.path).relative_to(tmp_path).as_posix(), d.text) for d in documents] == [
        ("a.md", "ay"),
        ("b.txt", "bee"),
        ("sub/c.HTML", "<p>see</p>"),
        ("sub/e.htm", "ee"),
        ("sub/deeper/d.text", "dee"),
    ]


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".draft.txt").write_text("hidden", encoding="utf-8")
    assert only_problem([str(tmp_path)]) == InputProblem(
        str(tmp_path), "skipped: no articles (.txt .text .md .html .htm) in folder"
    )


def test_named_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "story.eml"
    path.write_text("a story", encoding="utf-8")
    assert only_document([str(path)]).text == "a story"


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("once", encoding="utf-8")
    documents, problems = read_inputs([str(path), str(tmp_path), str(path)])
    assert problems == [] and [d.text for d in documents] == ["once"]


def test_problems_do_not_stop_other_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    documents, problems = read_inputs([str(tmp_path / "missing.txt"), str(good)])
    assert [d.text for d in documents] == ["fine"]
    assert [p.message for p in problems] == ["skipped: not found"]


def test_inputs_are_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    raw = b"caf\xe9\r\n\x1b[2Jtext"
    path.write_bytes(raw)
    path.chmod(0o444)
    before = path.stat()
    assert only_document([str(path)]).text == "café\ntext"
    after = path.stat()
    assert path.read_bytes() == raw
    assert (after.st_mtime_ns, after.st_mode) == (before.st_mtime_ns, before.st_mode)


def test_hostile_markup_and_escapes_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(
        "[bold]Headline[/] [@click=app.quit]x[/] [link=file:///etc/passwd]y[/link]\n"
        "\x1b[2J\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x1b]52;c;SGVsbG8=\x07"
        "\u202eevil \x9b31m".encode()
    )
    text = only_document([str(path)]).text
    assert text == (
        "[bold]Headline[/] [@click=app.quit]x[/] [link=file:///etc/passwd]y[/link]\nlink evil "
    )


def test_hostile_file_name_is_shown_escaped(tmp_path: Path) -> None:
    # Escaped, not dropped: a newline in a name must not forge a line of its own on stderr.
    path = tmp_path / "evil\x1b[2J\nbriefing: forged.txt"
    path.write_text("text", encoding="utf-8")
    assert only_document([str(path)]).path == str(tmp_path) + "/evil\\x1b[2J\\nbriefing: forged.txt"


def test_bundled_seeds_read_as_utf8_text() -> None:
    documents, problems = read_inputs([str(p) for p in seed_paths()])
    assert problems == []
    assert len(documents) == len(seed_paths()) >= 2
    assert all(d.encoding == "utf-8" and d.media == "text" for d in documents)
    assert all("Assad" in d.text for d in documents)


def test_a_page_whose_text_was_let_go_is_read_again_only_as_the_same_bytes(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><p>Caf\xe9 opens.</p></body></html>")
    (kept,), _ = read_inputs([str(page)])
    (named,), _ = read_inputs([str(tmp_path)], keep_text=False)
    assert isinstance(named, ingest.PageFile)
    assert (named.path, named.media, named.sha256) == (kept.path, kept.media, kept.sha256)
    assert ingest.read_again(named) == kept
    page.write_bytes(b"<html><body><p>Cafe opens.</p></body></html>")  # other bytes
    assert ingest.read_again(named) is None
    page.unlink()
    assert ingest.read_again(named) is None
    os.mkfifo(page)  # a pipe in its place is not waited on
    assert ingest.read_again(named) is None


def test_stdin_keeps_its_text_when_files_let_theirs_go() -> None:
    (doc,), _ = read_inputs(["-"], stdin=io.BytesIO(b"Rebels took the town."), keep_text=False)
    assert isinstance(doc, Document) and doc.text == "Rebels took the town."
