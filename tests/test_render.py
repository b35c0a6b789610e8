"""Renderers: hostile article text stays text in every format."""

import json
import textwrap
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import ingest
from briefing.annotate import AnnotatedArticle, Sentence
from briefing.extract import Article, Block
from briefing.model import ActorBrief, Briefing, Fact, SummaryLine
from briefing.render import date_range, fill, indented_json, render, render_actor_markdown, wording
from briefing.render.wording import first_few, summary_shortfall

HOSTILE = (
    "Rebels [bold]took[/] *Homs* <b>today</b> [link=file:///etc/passwd]x[/link] # not a heading"
)


def _briefing() -> Briefing:
    sentence = Sentence("a1.s1", "a1", 0, "body", HOSTILE, ("hts",), ())
    article = Article(
        "in/[red]x.txt", "T [/]", "Out_let", "Reuters", "2024-12-06", None,
        (Block("body", HOSTILE),), (),
    )  # fmt: skip
    fact = Fact(HOSTILE, "2024-12-06", "day", "a `source`", ("a1.s1",))
    hts = ActorBrief("hts", "HTS", "#fff", ("a1.s1",), (SummaryLine(HOSTILE, ("a1.s1",)),), (fact,))
    empty = ActorBrief("is", "IS", "#fff", (), (), ())
    return Briefing(
        "syria", "Syria", "lex-rank", 5, (AnnotatedArticle("a1", article, (sentence,)),),
        (hts, empty), (),
    )  # fmt: skip


def test_text_keeps_markup_literally_and_says_when_an_actor_is_absent() -> None:
    out = render(_briefing(), "text", width=200)
    assert HOSTILE in out
    assert "\n\nNo reporting in these articles: IS.\n\nSOURCES\n" in out


def test_an_article_read_from_stdin_is_named_standard_input() -> None:
    briefing = _briefing()
    item = briefing.articles[0]
    piped = replace(item, article=replace(item.article, path="-"))
    briefing = replace(briefing, articles=(piped,))
    # (the wire credited as such, the page's outlet first)
    assert "[1] Out_let | via Reuters | “T [/]” | 2024-12-06 | standard input\n" in render(
        briefing, "text", width=200
    )
    assert "| 2024-12-06 | standard input\n" in render(briefing, "markdown")
    assert json.loads(render(briefing, "json"))["articles"][0]["path"] == "-"  # as named
    assert wording.STDIN_PATH == ingest.STDIN_PATH  # (a copy, so the view need not load ingest)


def test_actors_nobody_names_are_listed_once_after_the_others() -> None:
    briefing = _briefing()
    hts, empty = briefing.actors
    silent = replace(empty, id="hts2", name="HTS [2]")
    briefing = replace(briefing, actors=(empty, hts, silent))
    text, markdown = render(briefing, "text", width=200), render(briefing, "markdown")
    assert "IS:" not in text and "## IS" not in markdown  # no section of its own
    assert text.index("HTS: 1 sentence") < text.index(
        "No reporting in these articles: IS, HTS [2]."
    )
    assert markdown.index("## HTS") < markdown.index(
        "## No reporting in these articles\n\nIS, HTS \\[2\\]\n"
    )
    # One actor's brief (Y in the view) still says why it is empty.
    assert render_actor_markdown(briefing, empty) == "## IS\n\nNo reporting in these articles.\n"


def test_markdown_escapes_what_markdown_would_interpret() -> None:
    from markdown_it import MarkdownIt

    out = render(_briefing(), "markdown")
    html = MarkdownIt().render(out)
    assert "<em>Homs</em>" not in html and "<b>" not in html
    assert "*Homs*" in html and "&lt;b&gt;" in html
    assert "[bold]" in html


def test_json_round_trips_the_text_exactly() -> None:
    data = json.loads(render(_briefing(), "json"))
    assert data["articles"][0]["sentences"][0]["text"] == HOSTILE
    assert data["actors"][0]["facts"][0]["attribution"] == "a `source`"
    assert data["actors"][1] == {
        "id": "is", "name": "IS", "colour": "#fff", "sentence_ids": [], "summary": [],
        "summary_shortfall": None, "facts": [],
    }  # fmt: skip


def test_a_summary_lines_pronoun_is_named_in_every_format() -> None:
    warned = "He also warned the Syria government to call back the armed forces."
    line = SummaryLine(warned, ("a1.s1",), attribution="Israel Katz")
    briefing = _briefing()
    hts = briefing.actors[0]
    briefing = replace(briefing, actors=(replace(hts, summary=(line,)), *briefing.actors[1:]))
    assert f"{warned} (Israel Katz) [1]" in render(briefing, "text", width=200)
    assert f"{warned} *(Israel Katz)* \\[1\\]" in render(briefing, "markdown")
    assert json.loads(render(briefing, "json"))["actors"][0]["summary"][0]["attribution"] == (
        "Israel Katz"
    )


def test_markdown_names_the_other_actors_a_line_names_as_the_text_does() -> None:
    briefing = _briefing()
    hts = briefing.actors[0]
    line = SummaryLine("Rebels took Homs.", ("a1.s1",), also=("Iran", "*Russia*"))
    fact = replace(hts.facts[0], text="Rebels took Hama.", attribution=None, also=("Iran",))
    hts = replace(hts, summary=(line,), facts=(fact,))
    briefing = replace(briefing, actors=(hts, *briefing.actors[1:]))
    text, markdown = render(briefing, "text", width=200), render(briefing, "markdown")
    assert "Rebels took Homs. (also: Iran, *Russia*) [1]" in text
    assert "- Rebels took Homs. (also: Iran, \\*Russia\\*) \\[1\\]" in markdown
    assert "Rebels took Hama. (also: Iran) [1]" in text
    assert "**6 December 2024**: Rebels took Hama. (also: Iran) \\[1\\]" in markdown


def test_an_empty_summary_in_markdown_is_its_heading_alone() -> None:
    actor = replace(_briefing().actors[0], summary=(), facts=(), summary_length=5)
    briefing = replace(_briefing(), actors=(actor, *_briefing().actors[1:]))
    out = render(briefing, "markdown")
    why = "0 of 5: each line naming this actor stands under another actor's"
    assert f"**Summary** ({why})\n\n## No reporting" in out


class _Label(str):
    pass


class _Record(dict):  # type: ignore[type-arg]
    pass


class _Items(list):  # type: ignore[type-arg]
    pass


def test_indented_json_writes_what_json_dumps_writes() -> None:
    # Containers nested at every depth, empty ones among full ones, escapes, non-ASCII,
    # numbers json writes its own way, keys json converts, and types it refuses.
    values = [
        {
            "schema": "briefing/1",
            "problems": [],
            "articles": [
                {
                    "id": "a1",
                    "sentences": [
                        {
                            "text": 'He said "stop"\n\t\\ \u2028 é 😀 \x00',
                            "paragraph": 0,
                            "actors": [],
                            "dates": [{"value": "2024-12-06", "precision": "day"}],
                        },
                        {"text": "", "paragraph": 12, "actors": ["hts", "sdf"], "dates": []},
                    ],
                }
            ],
            "nothing": {},
            "flags": [True, False, None],
            "x": (1, 2.5, -0.0, 10**30),
        },
        [[[]], [[1]], [{}], [{"a": [{}]}]],
        {"n": float("nan"), "big": [float("inf"), -float("inf")], "f": 1e16},
        {7: "seven", 2.5: "two", None: [1], True: {"k": "v"}},
        [{7: "seven", 2.5: "two", None: "none", False: 0}],
        {"label": _Label("x"), "items": _Items([1, [2]]), "empty": _Items()},
        [{"a": 1}, _Label("y")],
        # Objects holding no container among other items, braces and separators inside
        # strings, an empty object closing an object.
        [
            {"t": "a},\n  {", "n": 1},
            {"t": "}", "z": {}},
            {"a": [1]},
            {"b": 1, "c": []},
            {},
            {"c": None, "d": "{"},
            [],
            _Record(e=1),
            {"f": 2.5},
        ],
        [{"only": "one"}],
        ([1], {"a": ()}),
        "alone",
        3,
        None,
        [],
        {},
    ]
    for value in values:
        dumped = json.dumps(value, ensure_ascii=False, indent=2)
        assert indented_json(value) == dumped
        assert indented_json(value, depth=2) == dumped.replace("\n", "\n    ")
    for refused in ({"a": [{1, 2}]}, [{"when": object()}], {(1, 2): "x"}):
        with pytest.raises(TypeError):
            indented_json(refused)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(alphabet='{}[],: \n"a'),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=24,
)


@given(value=_JSON, depth=st.integers(0, 3))
def test_indented_json_writes_any_value_as_json_dumps_does(value: object, depth: int) -> None:
    dumped = json.dumps(value, ensure_ascii=False, indent=2)
    assert indented_json(value, depth) == dumped.replace("\n", "\n" + "  " * depth)


def test_date_ranges_read_naturally() -> None:
    assert date_range("2024-12-06", "2024-12-07") == "6–7 December 2024"
    assert date_range("2024-11-30", "2024-12-02") == "30 November to 2 December 2024"
    assert date_range("2023-12-30", "2024-01-02") == "30 December 2023 to 2 January 2024"
    assert date_range("2024-12-06", "2024-12-06") == "6 December 2024"


def test_every_format_says_why_a_summary_is_short() -> None:
    from dataclasses import replace

    briefing = _briefing()
    short = replace(briefing.actors[0], summary_length=5, summary_reports=1)
    briefing = replace(briefing, actors=(short, *briefing.actors[1:]))
    why = "1 of 5: only 1 distinct report about this actor to summarise beside its key facts"
    assert f"Summary ({why})" in render(briefing, "text", width=200)
    assert f"**Summary** ({why})" in render(briefing, "markdown")
    assert json.loads(render(briefing, "json"))["actors"][0]["summary_shortfall"] == why


def test_an_empty_summary_says_why_it_is_empty() -> None:
    from dataclasses import replace

    actor = replace(_briefing().actors[0], summary=(), summary_length=5, summary_reports=0)
    briefing = _briefing()
    # Every line naming it stands in another pane (where it is an "also").
    elsewhere = replace(actor, facts=())
    assert summary_shortfall(briefing, elsewhere) == (
        "0 of 5: each line naming this actor stands under another actor's"
    )
    # Its only reports are its key facts.
    assert actor.facts
    assert summary_shortfall(briefing, actor) == (
        "0 of 5: no report about this actor beside its key facts"
    )
    # Nothing names it at all.
    silent = replace(elsewhere, sentence_ids=())
    assert summary_shortfall(briefing, silent) == "0 of 5: no reporting about this actor"


def test_a_summary_as_long_as_asked_has_no_note() -> None:
    briefing = _briefing()  # the model does not say what was asked: nothing to explain
    assert "Summary\n" in render(briefing, "text", width=200)
    assert json.loads(render(briefing, "json"))["actors"][0]["summary_shortfall"] is None


def test_json_written_an_article_at_a_time_is_what_json_dumps_writes() -> None:
    from dataclasses import replace

    from briefing.render import briefing_json, render_pieces

    one = _briefing()
    two = replace(one, articles=(*one.articles, replace(one.articles[0], id="a2")))
    for briefing in (one, two, replace(one, articles=(), problems=('a [b] \\ " note',))):
        pieces = list(render_pieces(briefing, "json"))
        assert len(pieces) == len(briefing.articles) + 2  # head, each article, tail
        whole = json.dumps(briefing_json(briefing), ensure_ascii=False, indent=2) + "\n"
        assert "".join(pieces) == whole == render(briefing, "json")


def test_json_writes_sentences_with_actors_and_dates_as_json_dumps_does() -> None:
    """Sentences are written straight from the model (no dict of each): every field shape
    as json.dumps writes it, a value json writes otherwise than a string (null) too."""
    from dataclasses import replace

    from briefing.annotate.dates import DateMention
    from briefing.render import briefing_json

    one = _briefing()
    day = DateMention("on 6 Dec", "2024-12-06", "day", 3, 11)
    sentences = (
        Sentence(
            "a1.s1", "a1", 0, "body", 'He said "n\\o" \u00e9\u2028 \t.', ("hts", "is"), (day,)
        ),
        Sentence("a1.s2", "a1", 3, "headline", "Plain.", (), (day, replace(day, value="2024"))),
        Sentence("a1.s3", "a1", 4, "caption", "", ("is",), ()),
    )
    article = replace(one.articles[0], sentences=sentences)
    briefing = replace(one, articles=(article,), report_ids={"a1.s3": "a1.s1"})
    undated = replace(sentences[1], dates=(replace(day, value=None),))
    unwritten = replace(briefing, articles=(replace(article, sentences=(undated,)),))
    for each in (briefing, unwritten):
        whole = json.dumps(briefing_json(each), ensure_ascii=False, indent=2) + "\n"
        assert render(each, "json") == whole
    assert json.loads(render(briefing, "json"))["articles"][0]["sentences"][2]["report"] == "a1.s1"


def test_an_estimated_publication_day_is_shown_as_one() -> None:
    from dataclasses import replace

    briefing = _briefing()
    assert "| 2024-12-06 |" in render(briefing, "text", width=200)
    assert json.loads(render(briefing, "json"))["articles"][0]["published_estimate"] is None
    briefing = replace(briefing, estimated_published={"a1": "2024-12-08"})
    assert "~2024-12-08 (estimated, page says 2024-12-06)" in render(briefing, "text", width=200)
    assert "~2024-12-08 (estimated, page says 2024-12-06)" in render(briefing, "markdown")
    data = json.loads(render(briefing, "json"))["articles"][0]
    assert (data["published"], data["published_estimate"]) == ("2024-12-06", "2024-12-08")


# Words, runs of spaces, each whitespace character textwrap knows and some it does not
# (kept in words, dropped at line ends), long words, and indents wider than the width.
_PIECES = st.sampled_from(
    ["a", "word", "longer-word", "x" * 50, " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c",
     "\xa0", "\u3000", "\u201cé\u201d", "|"]
)  # fmt: skip


@settings(max_examples=500)
@given(
    text=st.lists(_PIECES, max_size=40).map("".join),
    width=st.sampled_from([1, 5, 12, 40, 80]),
    first=st.sampled_from(["", "  * ", "[12] ", " " * 90]),
    rest=st.sampled_from(["", "  ", "    ", " " * 100]),
)
def test_fill_wraps_as_textwrap_does(text: str, width: int, first: str, rest: str) -> None:
    expected = textwrap.fill(
        text, width, initial_indent=first, subsequent_indent=rest,
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
    assert fill(text, width, first, rest) == expected


def test_fill_cuts_at_the_last_word_that_fits() -> None:
    text = "one two three four five six seven"
    assert fill(text, 15, "- ", "  ") == "- one two three\n  four five six\n  seven"
    assert fill("a " + "x" * 20 + " b", 10, "", "") == "a\n" + "x" * 20 + "\nb"


def test_the_overview_counts_the_articles_of_the_outlets_it_names() -> None:
    briefing = _briefing()
    unnamed = AnnotatedArticle("a2", replace(briefing.articles[0].article, outlet=None), ())
    both = replace(briefing, articles=(*briefing.articles, unnamed))
    assert render(briefing, "text").startswith("BRIEFING: 1 article from Out_let, ")
    assert render(both, "text").startswith("BRIEFING: 2 articles, 1 from Out_let, ")


def test_first_few_names_the_first_and_counts_the_rest() -> None:
    assert first_few(["a", "b", "c", "d"], 2) == "a, b and 2 more"
    assert first_few(["a, x", "b", "c"], 2, "; ") == "a, x; b; and 1 more"
    assert first_few(["a", "b"], 2) == first_few(["a", "b"], None) == "a, b"
