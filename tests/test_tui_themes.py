"""Every theme the app offers opens the briefing; our own variables are made for the rest."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

import pytest
from textual.color import Color
from textual.css import stylesheet as stylesheet_module
from textual.design import ColorSystem
from textual.theme import BUILTIN_THEMES, Theme

from briefing.tui import config
from briefing.tui.app import BriefingApp
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.theming import (
    ACTOR_SLOTS,
    DEFAULT_THEME,
    bundled_themes,
    derived_variables,
    only_recolours,
    stylesheet_path,
)
from tests.test_tui import SMALL, settle, synchronously
from tests.tui_fixtures import make_briefing

OUR_VARIABLES = {
    *(f"actor-{slot}" for slot in range(1, ACTOR_SLOTS + 1)),
    "actor-other",
    "cited-background",
    "line-cursor-background",
}
OFFERED = sorted({*BUILTIN_THEMES, *(theme.name for theme in bundled_themes())})


def saved_settings() -> dict:
    """config.toml as saved (conftest points the config folder at a temporary one)."""
    path = config.config_path()
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def test_the_app_offers_every_theme_tested_here() -> None:
    assert set(BriefingApp(make_briefing()).available_themes) == set(OFFERED)
    assert len(OFFERED) >= 20


@pytest.mark.parametrize("name", OFFERED)
@synchronously
async def test_every_offered_theme_draws_the_briefing_and_is_saved(name: str) -> None:
    app = BriefingApp(make_briefing(), theme=name)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert app.theme == name
        assert set(app.theme_variables) >= OUR_VARIABLES
        assert isinstance(app.screen, MainScreen) and app.screen.briefing is not None
        # The article view draws the cited sentence on $cited-background.
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.query(".cited")
    assert saved_settings() == {"theme": name}


@synchronously
async def test_palette_switch_to_a_textual_theme_applies_and_is_saved() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await pilot.pause()
        await pilot.pause()
        line_cursor = Color.parse(app.theme_variables["line-cursor-background"])
        assert line_cursor != Color.parse(app.theme_variables["background"])
    assert saved_settings() == {"theme": "nord"}


@synchronously
async def test_an_unknown_saved_theme_warns_and_the_default_is_used() -> None:
    config.save_theme("gone-theme")
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert app.theme == "briefing-dark"
        assert any("gone-theme" in str(n.message) for n in app._notifications)


def test_a_theme_s_own_variables_win_over_derived_ones() -> None:
    dark = next(t for t in bundled_themes() if t.name == "briefing-dark")
    app = BriefingApp(make_briefing(), theme="briefing-dark")
    assert app.get_css_variables()["actor-1"] == dark.variables["actor-1"]


@synchronously
async def test_starting_the_view_makes_each_theme_s_colour_system_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Textual asks for the styles' variables several times as the view starts; each time
    # it made the theme's colour system afresh (a few million instructions apiece).
    made: list[str] = []
    generate = ColorSystem.generate

    def counted(system: ColorSystem) -> dict[str, str]:
        made.append(system.primary.hex)
        return generate(system)

    monkeypatch.setattr(ColorSystem, "generate", counted)
    app = BriefingApp(make_briefing(), theme="briefing-light")
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert app.theme == "briefing-light"
        # Ours alone, once: not Textual's default theme too (the app's before ours is set).
        assert len(made) == 1
        # The same variables as Textual's own recipe makes.
        theme = app.current_theme
        colours = generate(theme.to_color_system())
        expected = {**derived_variables(colours), **colours, **theme.variables}
        assert app.get_css_variables() == expected


# nord sets more than colours: it is checked by parsing a trial copy of the stylesheet.
@pytest.mark.parametrize(
    ("theme", "parses"), [(None, 1), ("briefing-light", 1), ("textual-dark", 1), ("nord", 2)]
)
@synchronously
async def test_starting_the_view_parses_the_stylesheet_once(
    monkeypatch: pytest.MonkeyPatch, theme: str | None, parses: int
) -> None:
    # The theme set as the view starts queued Textual's refresh of the styles, which parsed
    # the stylesheet before the screen's styles joined it, and then all of it again.
    parsed: list[str] = []
    parse = stylesheet_module.parse  # what the stylesheet calls for a source not yet parsed

    def counted(scope: str, css: str, read_from: tuple[str, str], **kw) -> Iterator:
        parsed.append(read_from[0])
        return parse(scope, css, read_from, **kw)

    monkeypatch.setattr(stylesheet_module, "parse", counted)
    app = BriefingApp(make_briefing(), theme=theme)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert parsed.count(str(stylesheet_path())) == parses
        assert app.theme == (theme or DEFAULT_THEME)
        # Drawn with the chosen theme's variables.
        assert app.stylesheet._variables == app.get_css_variables()
        primary = app.stylesheet._variables["primary"]
        assert Color.parse(primary) == Color.parse(app.current_theme.primary)


@pytest.mark.parametrize("name", ["nord", "textual-light", "solarized-light", "monokai"])
def test_derived_actor_colours_are_distinct_and_readable(name: str) -> None:
    colours = BUILTIN_THEMES[name].to_color_system().generate()
    derived = derived_variables(colours)
    actors = [Color.parse(derived[f"actor-{slot}"]) for slot in range(1, ACTOR_SLOTS + 1)]
    assert len(set(actors)) == ACTOR_SLOTS
    background = Color.parse(colours["background"])
    for actor in actors:
        assert abs(actor.brightness - background.brightness) > 0.25, (name, actor.hex)


def test_ansi_themes_get_terminal_colours() -> None:
    derived = derived_variables(BUILTIN_THEMES["ansi-dark"].to_color_system().generate())
    assert derived["actor-1"].startswith("ansi_")
    assert len({derived[f"actor-{slot}"] for slot in range(1, ACTOR_SLOTS + 1)}) == ACTOR_SLOTS


@pytest.fixture
def broken_theme(monkeypatch: pytest.MonkeyPatch) -> str:
    """A bundled theme whose own variable is not a colour: the styles cannot be drawn."""
    broken = Theme("broken", primary="#336699", variables={"line-cursor-background": "nope"})
    themes = [*bundled_themes(), broken]
    monkeypatch.setattr("briefing.tui.app.bundled_themes", lambda: themes)
    return broken.name


def warnings(app: BriefingApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "warning"]


@synchronously
async def test_a_broken_chosen_theme_warns_falls_back_and_is_not_saved(broken_theme: str) -> None:
    app = BriefingApp(make_briefing(), theme=broken_theme)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert app.theme == "briefing-dark"
        assert any(
            "'broken' cannot be used: $line-cursor-background is 'nope'" in m for m in warnings(app)
        )
    assert saved_settings().get("theme") != broken_theme


@synchronously
async def test_a_broken_theme_picked_later_is_refused(broken_theme: str) -> None:
    app = BriefingApp(make_briefing(), theme="nord")
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        app.theme = broken_theme
        await pilot.pause()
        assert app.theme == "nord"
        assert any(
            "'broken' cannot be used: $line-cursor-background is 'nope'" in m for m in warnings(app)
        )


def _defaults(theme: Theme) -> dict[str, str]:
    colours = theme.to_color_system().generate()
    return {**derived_variables(colours), **colours}


def test_our_themes_only_recolour_so_they_are_not_parsed_again_at_start() -> None:
    for theme in bundled_themes():
        assert only_recolours(theme.variables, _defaults(theme)), theme.name
    nord = BUILTIN_THEMES["nord"]  # sets a text style ("block-cursor-text-style")
    assert not only_recolours(nord.variables, _defaults(nord))
    dark = _defaults(BUILTIN_THEMES["textual-dark"])
    assert not only_recolours({"line-cursor-background": "nope"}, dark)
    assert not only_recolours({"no-such-variable": "#123456"}, dark)
    assert only_recolours({"line-cursor-background": "#123456"}, dark)


@synchronously
async def test_a_theme_that_only_recolours_draws_the_styles_when_parsed() -> None:
    """What the shortcut assumes: each such theme passes the full check too."""
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        for name in OFFERED:
            theme = app.get_theme(name)
            assert theme is not None
            if only_recolours(theme.variables, _defaults(theme)):
                trial = app.stylesheet.copy()
                trial.set_variables({**_defaults(theme), **theme.variables})
                trial.reparse()  # raises if a style cannot be drawn
