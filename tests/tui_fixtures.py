"""A hand-made Briefing shaped like the engine's output, for TUI tests that need exact values."""

from __future__ import annotations

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.annotate.dates import DateMention
from briefing.extract import Article, Block
from briefing.model import ActorBrief, Briefing, Fact, SummaryLine

IRAN_SOURCE = "a senior Iranian official"
MARKUP_SENTENCE = "A rebel post read [bold]victory[/] and [@click=app.quit]click[/] here."

_DAWN_BLOCKS = (
    Block("headline", "Iran, Hezbollah aim to bolster Assad as rebels target Syria's Homs"),
    Block("caption", "A truck pulls the head of the toppled statue through Hama on Friday."),
    Block(
        "body",
        "Iran will send missiles, drones and more advisers to Syria, a senior Iranian "
        "official said on Friday. Rebels advanced on the central city of Homs.",
    ),
    Block("subhead", "Jordan closes Syria border"),
    Block(
        "body",
        "Jordan has closed its only passenger and commercial border crossing with Syria, "
        "the interior ministry said on Friday.",
    ),
    Block("body", MARKUP_SENTENCE),
)
_TBS_BLOCKS = (
    Block("headline", "Iran, Hezbollah aim to bolster Assad as rebels bear down on Homs"),
    Block("standfirst", "Tehran promises missiles and drones as Damascus loses ground."),
    Block(
        "body",
        "Iran will send missiles and drones to Syria, a senior Iranian official said on "
        "Friday. Hezbollah sent a small number of supervising forces to Syria overnight.",
    ),
    Block(
        "body",
        "Russia, Iran and Turkiye will meet in Doha on Saturday to discuss the war in Syria.",
    ),
)

# (text, block index, actors, date mention) per sentence, in reading order.
_DAWN_SENTENCES = (
    (_DAWN_BLOCKS[0].text, 0, ("iran", "hezbollah", "assad"), None),
    (_DAWN_BLOCKS[1].text, 1, (), ("on Friday", "2024-12-06")),
    (
        "Iran will send missiles, drones and more advisers to Syria, a senior Iranian "
        "official said on Friday.",
        2,
        ("iran",),
        ("on Friday", "2024-12-06"),
    ),
    ("Rebels advanced on the central city of Homs.", 2, ("rebels",), None),
    (_DAWN_BLOCKS[3].text, 3, ("jordan",), None),
    (_DAWN_BLOCKS[4].text, 4, ("jordan",), ("on Friday", "2024-12-06")),
    (MARKUP_SENTENCE, 5, ("rebels",), None),
)
_TBS_SENTENCES = (
    (_TBS_BLOCKS[0].text, 0, ("iran", "hezbollah", "assad", "rebels"), None),
    (_TBS_BLOCKS[1].text, 1, ("iran",), None),
    (
        "Iran will send missiles and drones to Syria, a senior Iranian official said on Friday.",
        2,
        ("iran",),
        ("on Friday", "2024-12-06"),
    ),
    (
        "Hezbollah sent a small number of supervising forces to Syria overnight.",
        2,
        ("hezbollah",),
        None,
    ),
    (_TBS_BLOCKS[3].text, 3, ("russia", "iran"), ("on Saturday", "2024-12-07")),
)


def _sentences(article_id: str, rows: tuple) -> tuple[Sentence, ...]:
    sentences = []
    for number, (text, paragraph, actors, date) in enumerate(rows, start=1):
        mentions = ()
        if date:
            span, value = date
            start = text.find(span)
            mentions = (DateMention(span, value, "day", start, start + len(span)),)
        sentences.append(
            Sentence(
                id=f"{article_id}.s{number}",
                article_id=article_id,
                paragraph=paragraph,
                kind=_kind(article_id, paragraph),
                text=text,
                actors=actors,
                dates=mentions,
            )
        )
    return tuple(sentences)


def _kind(article_id: str, paragraph: int) -> str:
    blocks = _DAWN_BLOCKS if article_id == "a1" else _TBS_BLOCKS
    return blocks[paragraph].kind


def _actor(
    actor_id: str,
    name: str,
    colour: str,
    articles: tuple[AnnotatedArticle, ...],
    summary: tuple[SummaryLine, ...],
    facts: tuple[Fact, ...],
) -> ActorBrief:
    tagged = tuple(s.id for a in articles for s in a.sentences if actor_id in s.actors)
    return ActorBrief(actor_id, name, colour, tagged, summary, facts)


def make_briefing() -> Briefing:
    dawn = AnnotatedArticle(
        "a1",
        Article(
            path="seeds/dawn.txt",
            title=_DAWN_BLOCKS[0].text,
            outlet="Dawn",
            wire="Agencies",
            published="2024-12-07T10:14",
            dateline="BEIRUT",
            blocks=_DAWN_BLOCKS,
            dropped=("E-Paper | December 07, 2024", "Published in Dawn, December 7th, 2024"),
        ),
        _sentences("a1", _DAWN_SENTENCES),
    )
    tbs = AnnotatedArticle(
        "a2",
        Article(
            path="seeds/tbs.txt",
            title=_TBS_BLOCKS[0].text,
            outlet="The Business Standard",
            wire="Reuters",
            published="2024-12-06",
            dateline="BEIRUT",
            blocks=_TBS_BLOCKS,
            dropped=("Skip to main content", "• Latest", "• Economy"),
        ),
        _sentences("a2", _TBS_SENTENCES),
    )
    articles = (dawn, tbs)
    iran_claim = "Iran will send missiles, drones and more advisers to Syria."
    actors = (
        _actor(
            "iran",
            "Iran",
            "#c0392b",
            articles,
            (
                SummaryLine(iran_claim, ("a1.s3", "a2.s3")),
                SummaryLine(_TBS_SENTENCES[4][0], ("a2.s5",)),
            ),
            (
                Fact(
                    iran_claim, "2024-12-06", "day", "a senior Iranian official", ("a1.s3", "a2.s3")
                ),
                Fact(_TBS_SENTENCES[4][0], "2024-12-07", "day", None, ("a2.s5",)),
            ),
        ),
        _actor(
            "hezbollah",
            "Hezbollah",
            "#27ae60",
            articles,
            (SummaryLine(_TBS_SENTENCES[3][0], ("a2.s4",)),),
            (Fact(_TBS_SENTENCES[3][0], None, None, None, ("a2.s4",)),),
        ),
        _actor(
            "rebels",
            "Rebels",
            "#8e44ad",
            articles,
            (
                SummaryLine("Rebels advanced on the central city of Homs.", ("a1.s4",)),
                SummaryLine(MARKUP_SENTENCE, ("a1.s7",)),
            ),
            (),
        ),
        _actor("assad", "Assad government", "#2980b9", articles, (), ()),
    )
    others = (
        _actor(
            "jordan",
            "Jordan",
            "#7f8c8d",
            articles,
            (SummaryLine(_DAWN_SENTENCES[5][0], ("a1.s6",)),),
            (
                Fact(
                    _DAWN_SENTENCES[5][0],
                    "2024-12-06",
                    "day",
                    "the interior ministry",
                    ("a1.s6",),
                ),
            ),
        ),
    )
    return Briefing(
        profile_id="syria-2024",
        profile_name="Syria, December 2024",
        summarizer="lex-rank",
        length=5,
        articles=articles,
        actors=actors,
        other_actors=others,
        problems=("missing.txt: no such file",),
    )
