"""Pilot tests: drive the TUI as a reader would and check what it shows and does."""

from __future__ import annotations

import asyncio
import functools
import re
import threading
import tomllib
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, Footer, Input, Label, OptionList, RadioSet, Static, Tab

from briefing import pipeline
from briefing.model import Briefing
from briefing.options import BriefingOptions
from briefing.render import render
from briefing.resources import seed_paths, themes_dir
from briefing.tui import config
from briefing.tui.app import BriefingApp, run_app
from briefing.tui.citations import (
    actor_style,
    display_path,
    fact_line,
    masthead,
    source_markers,
    sourced,
)
from briefing.tui.screens import search
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.export import ExportScreen, default_export_path
from briefing.tui.screens.failure import FailureScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import ActorList, MainScreen
from briefing.tui.screens.search import SearchResults, SearchScreen
from briefing.tui.screens.sources import SourcesScreen
from briefing.tui.screens.timeline import TimelineScreen, timeline_entries
from briefing.tui.sections import HELP_SECTIONS
from briefing.tui.theming import ACTOR_SLOTS, bundled_themes
from briefing.tui.widgets import SourcedLineList
from tests.tui_fixtures import IRAN_SOURCE, MARKUP_SENTENCE, make_briefing
from tests.tui_waiting import DEADLINE_SECONDS, keep_notifications, notifications

SMALL = (80, 24)
LARGE = (120, 40)
NO_CACHE = BriefingOptions(use_cache=False)


def synchronously(test: Callable[..., Coroutine]) -> Callable[..., None]:
    """Run an async pilot test on a fresh event loop (no async pytest plugin is installed)."""

    @functools.wraps(test)
    def run(*args, **kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(config.CONFIG_DIR_ENV, str(folder))
    return folder


def screen_text(widget: Static) -> str:
    return str(widget.visual)


async def settle(app: BriefingApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def detail(app: BriefingApp) -> SourcedLineList:
    return app.screen.query_one("#detail", SourcedLineList)


async def choose_actor(app: BriefingApp, pilot, actor_id: str) -> None:
    actors = app.screen.query_one(ActorList)
    actors.highlighted = actors.get_option_index(actor_id)
    await pilot.pause()


async def open_detail_line(app: BriefingApp, pilot, text: str) -> None:
    """Focus the detail pane and move (with j) to the first line that contains `text`."""
    await pilot.press("tab")
    lines = detail(app)
    assert app.focused is lines
    for _ in range(lines.option_count):
        current = lines.current_line
        if current is not None and text in current.text:
            break
        await pilot.press("j")
    assert lines.current_line is not None and text in lines.current_line.text
    await pilot.press("enter")
    await pilot.pause()


@synchronously
async def test_main_screen_lists_profile_actors_then_others(seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        ids = [option.id for option in actors.options if option.id]
        expected = [a.id for a in seed_briefing.actors + seed_briefing.other_actors]
        assert ids == expected
        assert len(seed_briefing.actors) == 7
        masthead = screen_text(app.screen.query_one("#masthead", Static))
        # At 80 columns the outlets are counted, so the summary method still fits.
        assert masthead.startswith("2 articles · 2 outlets · ")
        assert seed_briefing.profile_name in masthead
        assert masthead.endswith(f" · {seed_briefing.summarizer}·{seed_briefing.length}")
        # The actor with the most key facts (HTS, 4; the first, Assad government, has 1) is
        # shown at once: its name, then its summary lines.
        first = seed_briefing.actors[1]
        assert [len(a.facts) for a in seed_briefing.actors[:2]] == [1, 4]
        shown = [str(option.prompt) for option in detail(app).options]
        assert shown[0] == first.name == "HTS"
        assert shown[2].startswith("• " + first.summary[0].text)


@synchronously
async def test_actors_list_widens_to_show_every_count_where_the_brief_keeps_its_room() -> None:
    # At 120 columns a profile name as long as "Sudanese Armed Forces" cost the sentence
    # counts, the brief beside the list 84 columns wide.
    briefing = make_briefing()
    long_name = replace(briefing.actors[0], name="Sudanese Armed Forces")
    briefing = replace(briefing, actors=(long_name, *briefing.actors[1:]))
    for size, counted in (
        ((120, 40), ["sent", "fact", "src"]),
        ((100, 30), ["src"]),  # the list at its least, the brief 68 columns
        ((80, 24), ["src"]),
    ):
        app = BriefingApp(briefing)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            actors = app.screen.query_one(ActorList)
            assert str(actors.options[0].prompt).split() == ["actors", *counted], size
            row = str(actors.options[1].prompt)
            assert row.startswith(" ▶ Sudanese Armed Forces "), (size, row)  # whole


@synchronously
async def test_lines_keep_a_reading_measure_on_a_wide_terminal(seed_briefing: Briefing) -> None:
    # At 200 columns the brief's lines ran 150 characters and the article's 196.
    iran = next(a for a in seed_briefing.actors if a.id == "iran")
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        await choose_actor(app, pilot, "iran")
        assert detail(app).region.width == 120  # its padding and scrollbar within
        await open_detail_line(app, pilot, iran.summary[0].text)
        await pilot.pause()
        paragraphs = app.screen.query(".paragraph")
        assert paragraphs and max(p.size.width for p in paragraphs) == 118


@synchronously
async def test_opens_on_the_actor_with_most_news_keeping_jump_numbers(
    seed_briefing: Briefing,
) -> None:
    # Key facts count first, then sources, then profile order: Iran (4th) given as many key
    # facts and sources as HTS (2nd) ties and HTS opens; a source more and Iran opens;
    # Kurdish forces (3rd), with more sources but fewer key facts, never does.
    profile = seed_briefing.actors
    hts, kurds, iran = profile[1:4]
    kurds = replace(kurds, sentence_ids=kurds.sentence_ids + ("a3.s1", "a4.s1"))
    iran = replace(iran, facts=iran.facts + hts.facts[:1])
    assert len(iran.facts) == len(hts.facts) == 4 and len(kurds.facts) == 2
    assert iran.source_count == hts.source_count == 2 and kurds.source_count == 4
    more = replace(iran, sentence_ids=iran.sentence_ids + ("a3.s2",))
    for shown_iran, opened in ((iran, hts), (more, more)):
        actors = (profile[0], hts, kurds, shown_iran, *profile[4:])
        app = BriefingApp(replace(seed_briefing, actors=actors))
        async with app.run_test(size=SMALL) as pilot:
            await settle(app, pilot)
            listed = app.screen.query_one(ActorList)
            assert listed.highlighted_option.id == opened.id
            assert str(detail(app).options[0].prompt) == opened.name
            # The list and its number keys keep the profile's order.
            assert [o.id for o in listed.options if o.id][:7] == [a.id for a in actors]
            await pilot.press("1")
            assert listed.highlighted_option.id == profile[0].id


@synchronously
async def test_digit_jumps_to_actor(seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        assert app.screen.query_one(ActorList).highlighted_option.id == seed_briefing.actors[3].id
        assert str(detail(app).options[0].prompt) == seed_briefing.actors[3].name


@synchronously
async def test_open_fact_lands_on_cited_sentence(seed_briefing: Briefing) -> None:
    iran = next(a for a in seed_briefing.actors if a.id == "iran")
    # A dated fact that is not also a summary line, so the helper reaches the fact itself.
    fact = next(f for f in iran.facts if f.date and f.text not in {s.text for s in iran.summary})
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await choose_actor(app, pilot, "iran")
        await open_detail_line(app, pilot, fact.text)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        # The article's sentence closest to the fact: its body sentence, not the headline
        # restating it.
        assert screen.cited_sentence_id in fact.sources
        assert seed_briefing.sentence(screen.cited_sentence_id).kind == "body"
        cited = screen.query_one(".cited", Static)
        assert seed_briefing.sentence(screen.cited_sentence_id).text in screen_text(cited)
        # Scrolled into view: the cited paragraph starts inside the text viewport.
        text = screen.query_one("#text")
        assert text.region.y <= cited.region.y < text.region.bottom


@synchronously
async def test_corroborated_line_switches_sources_and_escape_returns() -> None:
    briefing = make_briefing()
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await open_detail_line(app, pilot, briefing.actors[0].summary[0].text)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert (screen.article_id, screen.cited_sentence_id) == ("a1", "a1.s3")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert (screen.article_id, screen.cited_sentence_id) == ("a2", "a2.s3")
        title = screen_text(screen.query_one("#title", Static))
        assert title == f"[2] {briefing.articles[1].article.title}"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.cited_sentence_id == "a1.s3"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.focused is detail(app)
        highlighted_before = detail(app).current_line
        assert highlighted_before is not None
        assert highlighted_before.sources == ("a1.s3", "a2.s3")


def footer_keys(app: BriefingApp) -> tuple[list[str], list[str]]:
    """The footer's keys, and those not shown whole left of the palette key (the footer
    scrolls sideways by mouse only)."""
    keys = list(app.screen.query_one(Footer).query("FooterKey"))
    palette = next(k for k in keys if k.has_class("-command-palette"))
    return [k.key for k in keys], [
        k.key for k in keys if k is not palette and k.region.right > palette.region.x
    ]


@synchronously
async def test_every_footer_fits_80_columns_with_help_in_it() -> None:
    # At 80 columns the main footer cut Help mid-word, and the article, sources and
    # timeline footers had no Help: the key to every other key must show.
    briefing = make_briefing()
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)

        async def fits(view: str, *keys: str) -> list[str]:
            await pilot.press(*keys)
            await pilot.pause()
            shown, cut = footer_keys(app)
            assert "question_mark" in shown and cut == [], view
            return shown

        await fits("main, actors")
        await open_detail_line(app, pilot, briefing.actors[0].summary[0].text)
        assert "right_square_bracket" in await fits("article with two sources")
        await fits("main, brief", "q")
        await fits("sources", "q", "s")
        await fits("timeline", "q", "t")
        await fits("search results", "q", "slash", *"Iran", "enter")
        await fits("help", "q", "question_mark")


@synchronously
async def test_source_tabs_name_a_page_without_outlet_by_its_file() -> None:
    # Saved pages naming no outlet: the tabs showed each whole path, the second one off
    # the screen at 120 columns.
    base = make_briefing()
    articles = tuple(
        replace(a, article=replace(a.article, outlet="", path=f"/saved/pages/{a.id}\tpage.txt"))
        for a in base.articles
    )
    briefing = replace(base, articles=articles)
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await open_detail_line(app, pilot, briefing.actors[0].summary[0].text)
        tabs = [str(tab.label) for tab in app.screen.query(Tab)]
        days = [a.article.published[:10] for a in articles]
        assert tabs == [f"[1] a1\\tpage.txt, {days[0]}", f"[2] a2\\tpage.txt, {days[1]}"]


@synchronously
async def test_brief_opens_at_its_top_when_its_first_line_is_taller_than_the_pane() -> None:
    # A 2,000-character first line: the pane was scrolled to it, the actor's name and
    # the Summary heading above the view.
    base = make_briefing()
    first = base.actors[0]
    tall = replace(first.summary[0], text="Rebels advanced on Homs, officials said. " * 50)
    briefing = replace(base, actors=(replace(first, summary=(tall,)), *base.actors[1:]))
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await choose_actor(app, pilot, first.id)
        lines = detail(app)
        assert lines.current_line.text.startswith(tall.text)
        assert lines.scroll_offset.y == 0 and lines.max_scroll_y > 0


@synchronously
async def test_fact_line_shows_date_attribution_and_markers() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        prompts = [str(option.prompt) for option in detail(app).options]
        assert (
            "2024-12-06   Iran will send missiles, drones and more advisers to Syria. "
            f"— {IRAN_SOURCE} [1][2]"
        ) in prompts


@synchronously
async def test_markup_in_article_text_shows_literally() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await choose_actor(app, pilot, "rebels")
        prompts = [str(option.prompt) for option in detail(app).options]
        assert f"• {MARKUP_SENTENCE} [1]" in prompts
        await open_detail_line(app, pilot, MARKUP_SENTENCE)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.cited_sentence_id == "a1.s7"
        assert screen_text(screen.query_one(".cited", Static)) == MARKUP_SENTENCE
        # Clicking where "[@click=app.quit]" is shown must not run it.
        await pilot.click(".cited", offset=(45, 0))
        await pilot.pause()
        assert app.is_running


@synchronously
async def test_copy_puts_line_and_source_on_clipboard() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "c")
        assert app.clipboard == (
            "Iran will send missiles, drones and more advisers to Syria. — "
            "[1] Dawn, 2024-12-07; [2] The Business Standard, 2024-12-06"
        )


@synchronously
async def test_copy_in_the_article_view_names_an_outletless_page_by_its_file() -> None:
    briefing = make_briefing()
    saved = replace(briefing.articles[0], article=replace(briefing.articles[0].article, outlet=""))
    path = saved.article.path
    briefing = replace(briefing, articles=(saved, *briefing.articles[1:]))
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await open_detail_line(app, pilot, briefing.actors[0].summary[0].text)
        assert isinstance(app.screen, ArticleScreen) and app.screen.cited_sentence_id == "a1.s3"
        await pilot.press("c")
        assert app.clipboard.endswith(f" — [1] {path}, 2024-12-07")
        copied = [n for n in app._notifications if n.title == "Copied with its source"]
        assert [n.message for n in copied] == [f"[1] {Path(path).name}, 2024-12-07"]


@synchronously
async def test_search_filters_highlights_and_opens(seed_briefing: Briefing) -> None:
    query = "homs"
    expected = [
        s.id for a in seed_briefing.articles for s in a.sentences if query in s.text.lower()
    ]
    assert len(expected) >= 3
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *query)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        results = screen.query_one(SearchResults)
        found = [results._sourced[o.id].sources[0] for o in results.options if o.id]
        assert found == expected
        assert screen_text(screen.query_one("#count", Static)) == f"{len(expected)} sentences match"
        first_prompt = results.options[0].prompt.content
        matched = [
            first_prompt.plain[span.start : span.end]
            for span in first_prompt.spans
            if "reverse" in str(span.style)
        ]
        assert matched and all(m.lower() == query for m in matched)
        await pilot.press("enter")  # from the input to the results
        assert app.focused is results
        await pilot.press("n", "n", "N")
        assert results.current_line.sources == (expected[1],)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.cited_sentence_id == expected[1]


@synchronously
async def test_search_draws_only_the_results_it_shows(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A one-letter query on a large briefing matches tens of thousands of sentences: the
    # count is of all of them, but only the first MAX_RESULTS are made into lines.
    monkeypatch.setattr(search, "MAX_RESULTS", 2)
    made = []
    monkeypatch.setattr(search, "sourced", lambda *args: made.append(args) or sourced(*args))
    every = [s.id for a in seed_briefing.articles for s in a.sentences if "a" in s.text.lower()]
    assert len(every) > 2
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "a")
        await pilot.pause()
        results = app.screen.query_one(SearchResults)
        assert [results._sourced[o.id].sources[0] for o in results.options] == every[:2]
        count = screen_text(app.screen.query_one("#count", Static))
        assert count == f"{len(every)} sentences match (first 2)"
        assert len(made) == 2
        assert [line.sources[0] for line in app.search_matches.lines] == every[:2]


@synchronously
async def test_sources_table_and_dropped_toggle(seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(seed_briefing.articles)
        assert str(table.get_row_at(1)[1]) == seed_briefing.articles[1].article.outlet
        await pilot.press("j", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.article_id == seed_briefing.articles[1].id
        assert screen.cited_sentence_id is None
        dropped = screen.query_one("#dropped", Static)
        assert not dropped.display
        await pilot.press("d")
        await pilot.pause()
        assert dropped.display
        dropped_lines = seed_briefing.articles[1].article.dropped
        assert dropped_lines
        assert all(line in screen_text(dropped) for line in dropped_lines)


@synchronously
async def test_sources_tell_untitled_saved_texts_apart_and_give_unused_columns_to_titles() -> None:
    """Saved texts name no outlet and often no title: the rows were blanks and dashes."""
    briefing = make_briefing()
    dawn, tbs = briefing.articles
    untitled = replace(dawn, article=replace(dawn.article, title="", outlet="", wire=""))
    nameless = replace(tbs, article=replace(tbs.article, outlet="", wire=""))
    app = BriefingApp(replace(briefing, articles=(untitled, nameless)))
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        columns = {str(c.key.value): c for c in table.columns.values()}
        assert (columns["outlet"].width, columns["wire"].width) == (len("outlet"), len("wire"))
        first = table.get_row_at(0)
        assert (str(first[1]), str(first[5])) == ("—", "dawn.txt")
        assert first[5].spans[0].style == "dim"  # a file name, not a title
        assert str(table.get_row_at(1)[5]).startswith(tbs.article.title[:10])
        assert screen_text(app.screen.query_one("#row-detail", Static)).startswith("untitled\n")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert screen_text(app.screen.query_one("#title", Static)) == "[1] untitled"


@synchronously
async def test_timeline_groups_facts_by_day_newest_first_and_reverses() -> None:
    briefing = make_briefing()

    def headings(**order: bool) -> list[str]:
        entries = timeline_entries(briefing, **order)
        return [str(e) for e in entries if not isinstance(e, tuple)]

    assert headings() == ["2024-12-07", "2024-12-06", "undated"]
    assert headings(newest_first=False) == ["2024-12-06", "2024-12-07", "undated"]
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)

        def shown() -> tuple[str, list[str]]:
            title = screen_text(app.screen.query_one("#timeline-title", Static))
            return title, [str(o.prompt) for o in app.screen.query_one(OptionList).options]

        title, prompts = shown()
        assert prompts[1].startswith("  ● Iran  Russia, Iran and Turkiye will meet")
        assert prompts[3].startswith("  ● Iran  Iran will send missiles")
        assert title.startswith("Timeline: every actor's facts, newest first")
        await pilot.press("O")
        await pilot.pause()
        title, prompts = shown()
        assert prompts[0] == "2024-12-06"
        assert prompts[1].startswith("  ● Iran  Iran will send missiles")
        assert prompts[2].startswith("  ● Jordan  Jordan has closed")
        assert title.startswith("Timeline: every actor's facts, oldest first")
        # The order is the reader's, not the view's: the main pane follows it.
        await pilot.press("escape")
        await pilot.pause()
        shown = [str(option.prompt) for option in detail(app).options]
        assert "Key facts  oldest first" in shown


@synchronously
async def test_a_fact_copied_from_the_timeline_keeps_its_date_account_and_others(
    seed_briefing: Briefing,
) -> None:
    actor, fact = next(
        (a, f) for a in seed_briefing.actors for f in a.facts if f.date and f.attribution
    )
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        lines = app.screen.query_one(SourcedLineList)
        lines.highlighted = next(
            i for i, o in enumerate(lines.options) if o.id and fact.text in str(o.prompt)
        )
        await pilot.press("c")
        await pilot.pause()
        # As the brief copies it: '2024-12-06: text (account) (also: ...) — [1] Dawn, ...'.
        assert app.clipboard == fact_line(seed_briefing, fact)[1].copied
        assert app.clipboard.startswith(f"{fact.date}: {fact.text} ({fact.attribution})")


@synchronously
async def test_palette_switches_summarizer_without_restart(seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Summarizer: lsa")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.briefing is not None and app.briefing.summarizer == "lsa"
        assert app.briefing.articles == seed_briefing.articles
        masthead = screen_text(app.screen.query_one("#masthead", Static))
        assert "lsa, 5 sentences" in masthead
        assert "Summaries: lsa, 5 sentences" in [n.message for n in app._notifications]


@synchronously
async def test_palette_goes_to_actor(seed_briefing: Briefing) -> None:
    target = seed_briefing.other_actors[0]
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"Go to actor: {target.name}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ActorList).highlighted_option.id == target.id


@synchronously
async def test_palette_finds_the_order_reload_and_help(seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)

        async def command(name: str) -> None:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*name)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()

        await command("Facts oldest first")
        assert app.newest_first is False
        await command("Facts newest first")
        assert app.newest_first is True
        await command("Help: every key")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await command("Reload the articles")
        assert "Reading the articles again…" in [n.message for n in app._notifications]


@synchronously
async def test_dialogs_show_the_view_they_act_on_dimmed(seed_briefing: Briefing) -> None:
    # A dialog's background is translucent, as Textual's own (the stylesheet once gave every
    # screen the theme's background), so the timeline shows behind its date prompt.
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)

        async def dialog_over(view: type, *keys: str) -> None:
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen_stack[-2], view)
            assert 0 < app.screen.styles.background.a < 1, type(app.screen).__name__

        await dialog_over(TimelineScreen, "t", "a")  # the actor picker
        await dialog_over(TimelineScreen, "escape", "d")  # the date prompt
        await dialog_over(MainScreen, "escape", "q", "e")  # the export dialog


@synchronously
async def test_export_dialog_marks_the_chosen_format_by_more_than_colour(
    seed_briefing: Briefing,
) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()

        def marks() -> list[str]:
            buttons = app.screen.query_one(RadioSet).query("RadioButton")
            return [button.render().plain[:3] for button in buttons]

        assert marks() == ["▐●▌", "▐ ▌", "▐ ▌"]
        await pilot.press(*"x.json")
        await pilot.pause()
        assert marks() == ["▐ ▌", "▐ ▌", "▐●▌"]


@synchronously
async def test_export_dialog_writes_chosen_format(seed_briefing: Briefing, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.pause()  # the name typed, then the format chosen
        app.screen.query_one(RadioSet).query("RadioButton")[1].value = True  # markdown
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == str(tmp_path / "out.md")
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        written = tmp_path / "out.md"
        assert written.read_text(encoding="utf-8") == render(seed_briefing, "markdown", 80)
        assert isinstance(app.screen, MainScreen)


@synchronously
async def test_export_name_extension_picks_the_format(
    seed_briefing: Briefing, tmp_path: Path
) -> None:
    # A name typed as .md with the format left on text got plain text in it.
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        for name, fmt in (
            ("brief.md", "markdown"),
            ("brief.json", "json"),
            ("b.markdown", "markdown"),
        ):
            await pilot.press("e")
            await pilot.pause()
            path = app.screen.query_one("#path", Input)
            path.value = ""
            await pilot.press(*str(tmp_path / name))
            await pilot.pause()
            # The buttons follow the name, which stays as typed.
            assert app.screen.query_one(RadioSet).pressed_button.name == fmt
            assert path.value == str(tmp_path / name)
            await pilot.press("enter")
            await settle(app, pilot)
            written = (tmp_path / name).read_text(encoding="utf-8")
            assert written == render(seed_briefing, fmt, 80)


@synchronously
async def test_palette_export_uses_default_name(
    seed_briefing: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export as json")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
    [written] = tmp_path.glob("briefing-*.json")
    assert re.fullmatch(r"briefing-\d{8}-\d{4}\.json", written.name)
    assert written.read_text(encoding="utf-8") == render(seed_briefing, "json", 80)


@synchronously
async def test_export_dialog_asks_before_replacing_a_file(
    seed_briefing: Briefing, tmp_path: Path
) -> None:
    mine = tmp_path / "notes.md"
    mine.write_text("my notes", encoding="utf-8")
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(mine)
        await pilot.press("enter")
        await settle(app, pilot)
        # Still open, saying so; the file untouched until Export is pressed again.
        assert isinstance(app.screen, ExportScreen)
        problem = app.screen.query_one("#problem", Label)
        assert problem.display
        assert str(problem.render()) == f"{mine} exists: Export again to replace it."
        assert mine.read_text(encoding="utf-8") == "my notes"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert mine.read_text(encoding="utf-8") == render(seed_briefing, "markdown", 80)


@synchronously
async def test_export_dialog_says_which_folder_the_file_goes_to(
    seed_briefing: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        where = app.screen.query_one("#where", Label)
        assert str(where.render()) == f"in {tmp_path}"  # a bare name: the current directory
        (tmp_path / "out").mkdir()
        app.screen.query_one("#path", Input).value = "out/brief.md"
        await pilot.pause()
        assert str(where.render()) == f"in {tmp_path / 'out'}"


def test_default_export_name_is_never_one_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two exports within a minute: the second got the first's name and replaced it.
    monkeypatch.chdir(tmp_path)
    now = datetime(2024, 12, 7, 9, 5)
    assert default_export_path("text", now) == Path("briefing-20241207-0905.txt")
    Path("briefing-20241207-0905.txt").touch()
    assert default_export_path("text", now) == Path("briefing-20241207-0905-2.txt")
    assert default_export_path("json", now) == Path("briefing-20241207-0905.json")
    Path("briefing-20241207-0905-2.txt").touch()
    assert default_export_path("text", now) == Path("briefing-20241207-0905-3.txt")


@synchronously
async def test_export_never_overwrites_an_input(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text("original", encoding="utf-8")
    briefing = make_briefing()
    app = BriefingApp(briefing, paths=[str(source)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        shown = len(app._notifications)  # the briefing's own notices about its input
        app.export("text", source)
        failed = (await notifications(app, pilot, shown + 1))[-1]
        assert source.read_text(encoding="utf-8") == "original"
        assert (failed.title, failed.severity) == ("Export failed", "error")
        assert failed.message == f"cannot write {source}: it is one of the input files"


@synchronously
async def test_export_dialog_stays_open_saying_why_a_path_cannot_be_written(
    seed_briefing: Briefing, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "brief.md"
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(RadioSet).query("RadioButton")[1].value = True  # markdown
        path = app.screen.query_one("#path", Input)
        path.value = str(missing)
        path.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        # Still open, with the format and the name as typed, to be mended.
        assert isinstance(app.screen, ExportScreen)
        assert (app.screen.fmt, path.value) == ("markdown", str(missing))
        problem = app.screen.query_one("#problem", Label)
        assert problem.display
        assert str(problem.render()) == (
            f"Cannot write {missing}: there is no folder {missing.parent}"
        )
        path.value = str(tmp_path / "brief.md")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    written = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert written == render(seed_briefing, "markdown", 80)
    assert not missing.parent.exists()


@synchronously
async def test_palette_theme_switch_persists(config_dir: Path) -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        assert app.theme == "briefing-dark"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Theme: briefing-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "briefing-light"
    saved = tomllib.loads((config_dir / "config.toml").read_text(encoding="utf-8"))
    assert saved == {"theme": "briefing-light"}
    again = BriefingApp(make_briefing())
    async with again.run_test(size=SMALL) as pilot:
        assert again.theme == "briefing-light"


@synchronously
async def test_theme_argument_wins_and_unknown_theme_warns(config_dir: Path) -> None:
    config.save_theme("briefing-light")
    app = BriefingApp(make_briefing(), theme="briefing-contrast")
    async with app.run_test(size=SMALL):
        assert app.theme == "briefing-contrast"
    app = BriefingApp(make_briefing(), theme="no-such-theme")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-contrast"
        assert any("no-such-theme" in str(n.message) for n in app._notifications)


def test_save_theme_keeps_other_settings(config_dir: Path) -> None:
    config_dir.mkdir()
    path = config_dir / "config.toml"
    path.write_text('theme = "x"\n[cache]\nsize = 3\n', encoding="utf-8")
    config.save_theme("briefing-light")
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "theme": "briefing-light",
        "cache": {"size": 3},
    }


def test_bundled_themes_define_every_actor_slot() -> None:
    themes = {theme.name: theme for theme in bundled_themes()}
    assert {"briefing-dark", "briefing-light", "briefing-contrast"} <= set(themes)
    slots = {f"actor-{n}" for n in range(1, ACTOR_SLOTS + 1)}
    slots |= {"actor-other", "cited-background", "line-cursor-background"}
    for theme in themes.values():
        assert slots <= set(theme.variables), theme.name
    assert not themes["briefing-light"].dark
    assert (themes_dir() / "briefing.tcss").is_file()


def help_rows(app: BriefingApp) -> dict[str, set[str]]:
    """Description -> the keys help lists for it."""
    rows: dict[str, set[str]] = {}
    for match in re.finditer(HELP_ROW, help_text(app), re.MULTILINE):
        rows.setdefault(match[2], set()).update(match[1].split(" "))
    return rows


# Keys, description, binding ids: columns two or more spaces apart.
HELP_ROW = r"^  (\S+(?: \S+)*)  +(\S.*?)(?:  +(\S+(?: \S+)*))?$"


def help_text(app: BriefingApp) -> str:
    return "\n".join(screen_text(s) for s in app.screen.query(".help-section"))


def pressable(app: BriefingApp) -> set[str]:
    """Key displays of the bindings active now, but for a text input's editing keys."""
    return {
        app.get_key_display(active.binding)
        for active in app.screen.active_bindings.values()
        if not isinstance(active.node, Input) and not active.binding.system
    }


@synchronously
async def test_help_lists_every_key_the_reader_can_press() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        on_screens: dict[str, set[str]] = {"main": pressable(app)}
        await pilot.press("tab", "enter")
        on_screens["article"] = pressable(app)
        for name, key in (("sources", "s"), ("timeline", "t"), ("export", "e")):
            await pilot.press(key)
            await pilot.pause()
            on_screens[name] = pressable(app)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape", "slash", *"Iran", "enter")
        await pilot.pause()
        assert isinstance(app.focused, SearchResults)
        on_screens["search"] = pressable(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app)
        listed = set().union(*rows.values())
        for name, keys in on_screens.items():
            assert keys <= listed, (name, keys - listed)
        # Textual's own keys, under the names the footer gives them.
        assert "^p" in rows["Commands"] and "^q" in rows["Quit"]
        assert {"/", "s", "t"} <= listed and {"j", "↓"} <= rows["Down"]
        assert {str(n) for n in range(1, 10)} == rows["Jump to actor n"]
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)


@synchronously
async def test_help_fits_a_small_terminal_and_scrolls() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        scroll = app.screen.query_one("#help")
        assert app.focused is scroll
        assert all(s.size.width <= scroll.scrollable_content_region.width for s in scroll.children)
        assert scroll.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y


@synchronously
async def test_keymap_in_config_remaps_and_help_shows_it(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keymap]\n"line.copy" = "y"\n', encoding="utf-8")
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "c")
        assert app.clipboard == ""
        await pilot.press("y")
        assert app.clipboard.startswith("Iran will send missiles")
        await pilot.press("question_mark")
        await pilot.pause()
        assert re.search(r"^  y +Copy +line\.copy$", help_text(app), re.MULTILINE)


def test_every_binding_has_an_id() -> None:
    for _, owners in HELP_SECTIONS:
        for owner in owners:
            if owner.__module__.startswith("briefing."):
                assert all(b.id for b in owner.__dict__.get("BINDINGS", [])), owner


@synchronously
async def test_quit_key_exits() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


@synchronously
async def test_engine_runs_in_worker_and_fills_in() -> None:
    app = BriefingApp(
        paths=[str(p) for p in seed_paths()], options=BriefingOptions(use_cache=False)
    )
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert app.briefing is not None
        actors = app.screen.query_one(ActorList)
        assert [o.id for o in actors.options if o.id][:7] == [a.id for a in app.briefing.actors]
        assert not app.screen.query_one("#loading").display


@synchronously
async def test_unreadable_inputs_show_failure_screen(tmp_path: Path) -> None:
    app = BriefingApp(
        paths=[str(tmp_path / "missing.txt")], options=BriefingOptions(use_cache=False)
    )
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, FailureScreen)
        assert "missing.txt" in screen_text(app.screen.query_one("#reason", Static))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 3


@synchronously
async def test_failure_screen_says_why_each_bad_file_was_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01 not text")
    app = BriefingApp(paths=[str(tmp_path)], options=NO_CACHE)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, FailureScreen)
        reason = screen_text(app.screen.query_one("#reason", Static))
        assert f"{tmp_path / 'binary.md'}: skipped: binary file (NUL bytes)" in reason
        assert f"{tmp_path / 'empty.txt'}: skipped: empty file" in reason


@synchronously
async def test_failure_screen_offers_nothing_to_view_and_quits_with_its_status(
    tmp_path: Path,
) -> None:
    app = BriefingApp(paths=[str(tmp_path / "missing.txt")], options=NO_CACHE)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, FailureScreen)
        offered = {active.binding.action for active in app.screen.active_bindings.values()}
        assert "export_dialog" not in offered and "quit" in offered
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        assert "Quit" in footer and "Export" not in footer
        await pilot.press("e", "s", "t", "slash")
        await pilot.pause()
        assert isinstance(app.screen, FailureScreen)
        assert not app._notifications
        # Any quit key, not only the one the screen names, exits with the failure's status.
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 3


def test_run_app_prints_the_failure_after_the_screen_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    async def quit_on_failure(pilot) -> None:
        await settle(pilot.app, pilot)
        assert isinstance(pilot.app.screen, FailureScreen)
        await pilot.press("q")

    run = BriefingApp.run
    monkeypatch.setattr(
        BriefingApp,
        "run",
        # run_app passes its own event loop.
        lambda app, **kwargs: run(
            app, headless=True, size=SMALL, auto_pilot=quit_on_failure, **kwargs
        ),
    )
    missing = tmp_path / "missing\x1b[31m.txt"
    assert run_app([str(missing)], NO_CACHE, None) == 3
    error = capsys.readouterr().err
    assert error.startswith("briefing: error: ") and error.endswith("\n")
    assert str(tmp_path / "missing") in error and "\x1b" not in error


@synchronously
async def test_problems_are_notifications_not_crashes() -> None:
    app = keep_notifications(BriefingApp(make_briefing()))
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        shown = await notifications(app, pilot, 1)
        assert [n.message for n in shown] == ["missing.txt: no such file"]


@synchronously
async def test_no_color_is_left_to_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = BriefingApp(make_briefing())
    assert app.no_color
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert any(type(f).__name__ in {"Monochrome", "NoColor"} for f in app.get_line_filters())


def rendered_rows(widget: OptionList) -> list[str]:
    """The list's visible rows as text, without its one-cell side padding."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text[1:].rstrip() for strip in strips]


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
@synchronously
async def test_wrapped_lines_hang_under_their_text(size: tuple[int, int]) -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        rows = rendered_rows(detail(app))
        # A bullet's text wraps under the text (2 cells in), a fact's under its text
        # (past the 12-cell date column and a space).
        indent = {"•": 2, "2": 13}
        continued = {"•": 0, "2": 0}
        lead = None
        for row in rows:
            if row[:1] in indent:
                lead = row[0]
            elif row[:1] == " ":
                assert lead is not None, rows
                width = indent[lead]
                assert row[:width].isspace() and not row[width].isspace(), (row, rows)
                continued[lead] += 1
            else:
                lead = None  # a heading
        assert continued["•"] > 0 and continued["2"] > 0, rows


@synchronously
async def test_timeline_facts_sit_indented_under_their_day() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("t", "O")  # oldest first
        await pilot.pause()
        rows = [row for row in rendered_rows(app.screen.query_one(SourcedLineList)) if row]
        assert [row for row in rows if not row.startswith(" ")] == [
            "2024-12-06",
            "2024-12-07",
            "undated",
        ]
        assert rows[1:3] == [
            "  ● Iran  Iran will send missiles, drones and more advisers to Syria. — a",
            "  senior Iranian official [1][2]",
        ]


@synchronously
async def test_views_open_from_the_article_and_return_where_the_reader_was() -> None:
    briefing = make_briefing()
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("t", "j", "j")
        timeline = app.screen
        assert isinstance(timeline, TimelineScreen)
        place = timeline.query_one(SourcedLineList).highlighted
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        # The timeline is open under the sources: `t` goes back to it, as it was left.
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is timeline
        assert timeline.query_one(SourcedLineList).highlighted == place
        assert [type(s) for s in app.screen_stack] == [MainScreen, TimelineScreen]
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        # Typed into the query, the view keys are only letters.
        await pilot.press(*"st/q")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.is_running
        assert app.screen.query_one("#query", Input).value == "st/q"
        await pilot.press("enter", "slash")
        assert app.focused is app.screen.query_one("#query", Input)


@synchronously
async def test_resize_keeps_the_readers_place_in_the_brief() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "j", "j")
        lines = detail(app)
        place = lines.highlighted
        assert place is not None and place > 2
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        await pilot.pause()
        assert lines.highlighted == place and app.focused is lines


@synchronously
async def test_profile_actor_without_reporting_says_so(seed_briefing: Briefing) -> None:
    # As with articles the profile does not fit: no sentence tags the first profile actor.
    quiet = replace(seed_briefing.actors[0], sentence_ids=(), summary=(), facts=())
    briefing = replace(seed_briefing, actors=(quiet, *seed_briefing.actors[1:]))
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        # The reader starts on an actor with reporting, not on the empty one.
        assert actors.highlighted_option.id == briefing.actors[1].id
        await pilot.press("1")
        shown = [str(option.prompt) for option in detail(app).options]
        assert shown == [quiet.name, f"No reporting on {quiet.name} in these 2 articles."]
        # Enter has no line to land on: the cursor stays on the actor, and says why.
        await pilot.press("enter")
        assert app.focused is actors and actors.highlighted_option.id == quiet.id
        said = await notifications(app, pilot, 1)
        assert said[-1].message == f"No reporting on {quiet.name} to read."
        # An actor with reporting: enter lands on its brief's first line.
        await pilot.press("2", "enter")
        assert app.focused is detail(app)
        assert detail(app).current_line.text == briefing.actors[1].summary[0].text


def test_masthead_fits_the_width(seed_briefing: Briefing) -> None:
    full = masthead(seed_briefing, 200).plain
    assert full == (
        "2 articles · Dawn, The Business Standard · 2024-12-06 – 2024-12-07 · "
        f"{seed_briefing.profile_name} · lex-rank, 5 sentences"
    )
    counted = full.replace("Dawn, The Business Standard", "2 outlets")
    assert masthead(seed_briefing, 80).plain == counted
    assert masthead(seed_briefing, 78).plain == counted.replace(", 5 sentences", "·5")
    assert masthead(seed_briefing, 60).plain == counted.removesuffix(" · lex-rank, 5 sentences")


def test_markers_and_notification_name_a_few_of_many_sources() -> None:
    briefing = make_briefing()
    many = replace(
        briefing,
        articles=tuple(replace(briefing.articles[0], id=f"a{n}") for n in range(1, 301)),
    )
    sources = tuple(f"a{n}.s3" for n in range(1, 301))
    assert source_markers(many, sources) == "[1][2][3] +297"
    line = sourced(many, "text", sources)
    assert line.brief_citation == (
        "[1] Dawn, 2024-12-07; [2] Dawn, 2024-12-07; [3] Dawn, 2024-12-07; and 297 more"
    )
    assert line.citation.count("Dawn") == 300
    # A page naming no outlet: the notice names its file, the copied citation its path.
    saved = replace(briefing.articles[0], article=replace(briefing.articles[0].article, outlet=""))
    path = saved.article.path
    line = sourced(replace(briefing, articles=(saved,)), "text", ("a1.s3",))
    assert line.brief_citation == f"[1] {Path(path).name}, 2024-12-07"
    assert line.citation == f"[1] {path}, 2024-12-07"
    # A page the briefing dates (undated, or dated otherwise than it reads) by its estimate.
    undated = replace(saved, article=replace(saved.article, published=None))
    estimated = replace(briefing, articles=(undated,), estimated_published={"a1": "2024-12-06"})
    assert sourced(estimated, "text", ("a1.s3",)).citation == f"[1] {path}, ~2024-12-06"
    assert sourced(replace(estimated, estimated_published={}), "text", ("a1.s3",)).citation == (
        f"[1] {path}"
    )
    # Read from stdin ('-'): named so, not '-'.
    piped = replace(undated, article=replace(undated.article, path="-"))
    assert sourced(replace(estimated, articles=(piped,)), "text", ("a1.s3",)).citation == (
        "[1] standard input, ~2024-12-06"
    )
    assert display_path("-") == "standard input"


def test_article_view_cites_the_sentence_that_carries_the_line(seed_briefing: Briefing) -> None:
    # A line whose sources in one article are a subhead and the sentence itself.
    subhead, body = "a1.s2", "a1.s3"
    briefing = make_briefing()
    screen = ArticleScreen(briefing, (subhead, body), report=briefing.sentence(body).text)
    assert screen.cited_sentence_id == body
    assert ArticleScreen(briefing, (subhead, body)).cited_sentence_id == subhead


@synchronously
async def test_loading_shows_progress_and_quits_at_once(tmp_path: Path) -> None:
    for n in range(60):
        for seed in seed_paths():
            text = seed.read_text(encoding="utf-8").replace("Homs", f"Homs{n}")
            (tmp_path / f"{n}-{seed.name}").write_text(text, encoding="utf-8")
    app = BriefingApp(paths=[str(tmp_path)], options=NO_CACHE)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.briefing is None
        status = screen_text(app.screen.query_one("#loading-status", Static))
        assert re.fullmatch(
            r"Reading the articles…|Step 1 of 3 · Reading articles: \d+ of 120…", status
        ), status
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@synchronously
async def test_the_footer_dims_the_views_until_the_briefing_is_ready(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    # While the articles were read, every view's key was offered and only said "Still
    # reading the articles…" when pressed.
    ready = threading.Event()

    def slow_build(paths, options, progress=None) -> Briefing:
        ready.wait(DEADLINE_SECONDS)
        return seed_briefing

    monkeypatch.setattr(pipeline, "build_briefing", slow_build)
    app = BriefingApp(paths=["pages"], options=NO_CACHE)

    def dimmed() -> list[str]:
        return [key.description for key in app.screen.query("FooterKey.-disabled")]

    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert dimmed() == ["Brief", "Search", "Sources", "Timeline", "Export"]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        ready.set()
        await settle(app, pilot)
        assert dimmed() == []
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)


@synchronously
async def test_report_date_is_bracketed_and_copied_as_reported() -> None:
    briefing = make_briefing()
    hezbollah = briefing.actors[1]
    fact = replace(hezbollah.facts[0], reported="2024-12-06")
    briefing = replace(
        briefing,
        actors=(briefing.actors[0], replace(hezbollah, facts=(fact,)), *briefing.actors[2:]),
    )
    app = BriefingApp(briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        stated = [str(o.prompt) for o in detail(app).options if str(o.prompt)[:1].isdigit()]
        assert stated and all(re.match(r"\d{4}-\d\d-\d\d   \S", p) for p in stated), stated
        await choose_actor(app, pilot, "hezbollah")
        reported = [o.prompt for o in detail(app).options if str(o.prompt).startswith("(")]
        assert [str(p) for p in reported] == [f"(2024-12-06) {fact.text} [2]"]
        lead = reported[0].lead
        assert any("italic" in str(span.style) for span in lead.spans)
        await pilot.press("tab", "G", "c")  # the fact is the last line (its summary too)
        assert app.clipboard == (
            f"reported 2024-12-06: {fact.text} — [2] The Business Standard, 2024-12-06"
        )


@synchronously
async def test_counts_of_one_are_singular() -> None:
    briefing = make_briefing()
    tbs = briefing.articles[1]
    one_dropped = replace(tbs, article=replace(tbs.article, dropped=("Skip to main content",)))
    app = BriefingApp(replace(briefing, articles=(one_dropped,)))
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        assert screen_text(app.screen.query_one("#masthead", Static)).startswith("1 article · ")
        await pilot.press("s")
        await pilot.pause()
        title = screen_text(app.screen.query_one("#sources-title", Static))
        assert title.startswith("Sources: 1 article · ")
        await pilot.press("enter", "d")
        await pilot.pause()
        dropped = screen_text(app.screen.query_one("#dropped", Static))
        assert dropped.startswith("Dropped as page furniture (1 line)\n")
        await pilot.press("slash", *"overnight")
        await pilot.pause()
        assert screen_text(app.screen.query_one("#count", Static)) == "1 sentence matches"


def footer_text(app: BriefingApp) -> str:
    return " ".join(str(key.render()) for key in app.screen.query("FooterKey"))


@synchronously
async def test_prev_next_are_offered_only_with_another_source() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await choose_actor(app, pilot, "rebels")
        await open_detail_line(app, pilot, "Rebels advanced")
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.sources == ("a1.s4",)
        assert "Prev" not in footer_text(app) and "Next" not in footer_text(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen is screen and screen.cited_sentence_id == "a1.s4"
        await pilot.press("q", "s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.cited_sentence_id is None
        assert "Prev" not in footer_text(app)
        await pilot.press("q", "q", "1", "tab", "enter")
        await pilot.pause()
        assert len(app.screen.sources) > 1 and "Next" in footer_text(app)


def config_warnings(app: BriefingApp) -> list[tuple[str, str]]:
    """(title, message) of the warnings about config.toml, titled with its path."""
    path = str(config.config_path())
    return [
        (n.title, n.message)
        for n in app._notifications
        if n.severity == "warning" and n.title == path
    ]


@synchronously
async def test_invalid_config_warns_once_with_its_line_and_is_never_rewritten(
    config_dir: Path,
) -> None:
    config_dir.mkdir()
    path = config_dir / "config.toml"
    broken = 'theme = "briefing-light"\n[keymap]\n"line.copy" = y\n'
    path.write_text(broken, encoding="utf-8")
    app = BriefingApp(make_briefing(), theme="briefing-contrast")
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        [(title, message)] = config_warnings(app)
        assert title == str(path)
        assert message.startswith("not valid TOML") and "line 3" in message
        app.theme = "briefing-light"
        await pilot.pause()
        assert config_warnings(app)[-1][1].startswith("Theme not saved: not valid TOML")
    assert path.read_text(encoding="utf-8") == broken


@synchronously
async def test_unknown_keymap_ids_warn_and_the_rest_apply(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text(
        '[keymap]\n"line.copy" = "y"\n"line.cpy" = "x"\n"view.sources" = 3\n', encoding="utf-8"
    )
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        [(_, message)] = config_warnings(app)
        assert "unknown binding ids in [keymap]: line.cpy (see ? for ids)" in message
        assert "view.sources" in message
        await pilot.press("tab", "y")
        assert app.clipboard.startswith("Iran will send missiles")


def test_save_theme_sets_only_the_top_level_theme(config_dir: Path) -> None:
    config_dir.mkdir()
    path = config_dir / "config.toml"
    path.write_text('# mine\nwidth = 3\n[tui]\ntheme = "kept"\n', encoding="utf-8")
    assert config.save_theme("briefing-light") is None
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "theme": "briefing-light",
        "width": 3,
        "tui": {"theme": "kept"},
    }
    assert path.read_text(encoding="utf-8").startswith('theme = "briefing-light"\n# mine\n')


def test_save_theme_leaves_a_file_it_cannot_edit_safely(config_dir: Path) -> None:
    config_dir.mkdir()
    path = config_dir / "config.toml"
    # The only theme line is inside a multi-line string: replacing it would change `note`.
    tricky = 'note = """\ntheme = "in the note"\n"""\n'
    path.write_text(tricky, encoding="utf-8")
    reason = config.save_theme("briefing-light")
    assert reason is not None and "left as it is" in reason
    assert path.read_text(encoding="utf-8") == tricky


@synchronously
async def test_highlighted_actor_is_pointed_at_not_only_shaded() -> None:
    # A marker in the text survives NO_COLOR and an unfocused list, as a background does not.
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)

        def pointed() -> list[str]:
            return [row for row in rendered_rows(actors) if row.startswith(" ▶")]

        await pilot.press("tab")
        assert app.focused is detail(app)
        assert [row.split()[1] for row in pointed()] == ["Iran"]
        await pilot.press("shift+tab", "j")
        assert [row.split()[1] for row in pointed()] == ["Hezbollah"]
        assert any(row.split()[:2] == ["1", "Iran"] for row in rendered_rows(actors))


@synchronously
async def test_a_line_shows_the_other_actors_it_names_and_its_article_view_too(
    seed_briefing: Briefing,
) -> None:
    actor, fact = next(
        (a, f)
        for a in seed_briefing.actors
        for f in a.facts
        if f.also and f.text not in {s.text for s in a.summary}
    )
    others = {a.name: a for a in seed_briefing.actors + seed_briefing.other_actors}
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await choose_actor(app, pilot, actor.id)
        shown = next(o.prompt for o in detail(app).options if fact.text in str(o.prompt))
        assert f" also: {', '.join(fact.also)} [" in str(shown)
        # Each name in its own pane's colour, as in the actor list.
        content = shown.content
        first = content.plain.index(fact.also[0], content.plain.index(" also: "))
        colour = f"italic {actor_style(seed_briefing, others[fact.also[0]].id)}"
        assert any(
            span.start <= first < span.end and str(span.style) == colour for span in content.spans
        )
        copied = fact_line(seed_briefing, fact)[1].copied
        assert copied.startswith(f"{fact.date}: {fact.text}")
        assert f" (also: {', '.join(fact.also)}) — [" in copied
        await open_detail_line(app, pilot, fact.text)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        also = screen_text(screen.query_one("#also", Static))
        assert also == f"The line also names: {', '.join(fact.also)}"
