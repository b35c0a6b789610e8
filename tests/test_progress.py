"""Building a briefing reports each stage's real progress, in order, with counts."""

from __future__ import annotations

from briefing.options import BriefingOptions
from briefing.pipeline import build_briefing
from briefing.progress import Stage, describe
from briefing.resources import seed_paths


def test_every_stage_reports_from_nothing_to_all_done_in_order() -> None:
    reports: list[tuple[Stage, int, int]] = []
    briefing = build_briefing(
        [], BriefingOptions(use_cache=False), progress=lambda *r: reports.append(r)
    )
    stages = list(dict.fromkeys(stage for stage, _, _ in reports))
    assert stages == [Stage.EXTRACT, Stage.COMPARE, Stage.ACTORS]
    totals = {
        Stage.EXTRACT: len(seed_paths()),
        Stage.COMPARE: len(briefing.articles),
        Stage.ACTORS: len(briefing.actors) + len(briefing.other_actors),
    }
    for stage in stages:
        steps = [(done, total) for s, done, total in reports if s is stage]
        assert steps[0] == (0, totals[stage]) and steps[-1] == (totals[stage], totals[stage])
        done = [d for d, _ in steps]
        assert done == sorted(done)
    # Each actor is one step: the bar moves while the summaries are made.
    assert len([r for r in reports if r[0] is Stage.ACTORS]) == totals[Stage.ACTORS] + 1


def test_a_briefing_from_the_cache_reports_its_articles_done(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build_briefing([])
    reports: list[tuple[Stage, int, int]] = []
    build_briefing([], progress=lambda *r: reports.append(r))
    assert reports == [(Stage.EXTRACT, len(seed_paths()), len(seed_paths()))]


def test_stages_are_described_with_their_counts() -> None:
    assert describe(Stage.EXTRACT, 12, 61) == "Step 1 of 3 · Reading articles: 12 of 61"
    assert describe(Stage.COMPARE, 0, 61) == (
        "Step 2 of 3 · Comparing 61 articles and finding the actors they name"
    )
    assert describe(Stage.ACTORS, 4, 15).endswith("Summarising actors and their key facts: 4 of 15")
