"""The whole engine on the two seed articles: real values at every stage."""

from __future__ import annotations

import json

import pytest

from briefing.model import Briefing
from briefing.render import render

# Page furniture from the seeds: menus, related stories, teasers, tags, policies.
BOILERPLATE = [
    "Iran ends cooperation with UN nuclear watchdog",
    "Iranian nuclear program degraded",
    "Strait of Hormuz",
    "COMMENT MOD POLICY",
    "comments section is undergoing an overhaul",
    "Google News",
    "Most Popular",
    "Must Read",
    "ISIS, Syria Conflict",
    "Published in Dawn",
    "Threat perception",
    "Gaza genocide",
    "Agri tax changes",
    "BNP expresses concern",
    "Skip to main content",
    "Top News / World+Biz",
    "moderation decisions are subjective",
    "Adani",
    "All rights reserved",
    "Eskaton Garden",
    "E-Paper",
    "Last modified",
]


def test_article_metadata(seed_briefing: Briefing) -> None:
    dawn, tbs = (a.article for a in seed_briefing.articles)
    assert dawn.title == "Iran, Hezbollah aim to bolster Assad as rebels target Syria’s Homs"
    assert dawn.outlet == "Dawn"
    assert dawn.wire == "Agencies"
    assert dawn.published is not None and dawn.published.startswith("2024-12-07")
    assert dawn.dateline == "BEIRUT"
    assert tbs.title == "Iran, Hezbollah aim to bolster Assad as rebels bear down on Homs"
    assert tbs.outlet == "The Business Standard"
    assert tbs.wire == "Reuters"
    assert tbs.published is not None and tbs.published.startswith("2024-12-06")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_page_furniture_in_any_output(seed_briefing: Briefing, fmt: str) -> None:
    out = render(seed_briefing, fmt)
    for line in BOILERPLATE:
        assert line not in out, f"{line!r} leaked into the {fmt} output"


def test_every_profile_actor_has_a_pane_with_lines_about_it(seed_briefing: Briefing) -> None:
    assert [b.id for b in seed_briefing.actors] == [
        "assad", "hts", "kurds", "iran", "hezbollah", "russia", "is",
    ]  # fmt: skip
    for brief in seed_briefing.actors:
        # A line stands in the one pane it is about: Hezbollah and IS have one report each.
        assert brief.summary or brief.facts, f"{brief.name} has no line"
    for actor in ("assad", "hts", "kurds", "iran", "russia"):
        assert next(b for b in seed_briefing.actors if b.id == actor).facts, actor


def test_a_line_stands_in_one_pane_and_links_the_others(seed_briefing: Briefing) -> None:
    panes = (*seed_briefing.actors, *seed_briefing.other_actors)
    reports = [line.report for b in panes for line in (*b.summary, *b.facts)]
    assert len(reports) == len(set(reports))
    for brief in panes:
        facts = {fact.report for fact in brief.facts}
        assert not facts & {line.report for line in brief.summary}, brief.name
    # The Iranian official's report names Iran first: it is Iran's, and links the others.
    iran = _fact(seed_briefing, "iran", "will send missiles")
    assert iran.text == "Iran will send missiles, drones and more advisers to Syria."
    assert iran.attribution == "a senior Iranian official"
    assert {"HTS", "Kurdish forces", "Assad government"} <= set(iran.also)


def test_a_key_fact_is_the_event_cut_out_of_its_sentence(seed_briefing: Briefing) -> None:
    kurds = _fact(seed_briefing, "kurds", "Deir el-Zor")
    # Not "In a further setback for Assad, ...", nor "..., Syrian sources said."
    assert kurds.text == (
        "US-backed Syrian Kurdish fighters have taken Deir el-Zor, the government’s main "
        "foothold in the vast desert east of the country."
    )
    assert kurds.attribution == "Syrian sources"
    assert kurds.sentence.startswith("In a further setback for Assad, US-backed")
    # Told in the past with no date of its own: the day of Dawn's lede (Friday 6 December).
    assert kurds.date == "2024-12-06"
    rastan = _fact(seed_briefing, "russia", "Rastan bridge")
    assert rastan.text.endswith("to prevent rebels using it to advance.")
    assert "told Reuters" not in rastan.text


def _articles_cited(sources: tuple[str, ...]) -> set[str]:
    return {sid.split(".")[0] for sid in sources}


def test_shared_reuters_reports_are_stated_once_citing_both_outlets(
    seed_briefing: Briefing,
) -> None:
    hezbollah = next(b for b in seed_briefing.actors if b.id == "hezbollah")
    lines = [*hezbollah.summary, *hezbollah.facts]
    supervising = [line for line in lines if "supervising forces" in line.text]
    texts = {line.text for line in supervising}
    assert len(texts) == 1, texts
    for line in supervising:
        assert _articles_cited(line.sources) == {"a1", "a2"}
    for brief in seed_briefing.actors:
        summary_texts = [s.text for s in brief.summary]
        assert len(summary_texts) == len(set(summary_texts))
        # No report twice in one pane, even in two outlets' wording.
        cited = [frozenset(s.sources) for s in brief.summary]
        assert len(cited) == len(set(cited))


def _fact(briefing: Briefing, actor: str, needle: str):
    brief = next(b for b in briefing.actors if b.id == actor)
    matches = [f for f in brief.facts if needle in f.text]
    assert matches, f"no {actor} fact mentions {needle!r}: {[f.text for f in brief.facts]}"
    return matches[0]


def _line(briefing: Briefing, actor: str, needle: str):
    brief = next(b for b in briefing.actors if b.id == actor)
    matches = [x for x in (*brief.facts, *brief.summary) if needle in x.text]
    assert matches, f"no {actor} line mentions {needle!r}"
    return matches[0]


def test_key_facts_carry_dates_attribution_and_sources(seed_briefing: Briefing) -> None:
    deir = _line(seed_briefing, "kurds", "Deir el-Zor")
    assert "a1" in _articles_cited(deir.sources)
    rastan = _fact(seed_briefing, "russia", "Rastan bridge")
    assert rastan.attribution == "a Syrian army officer"
    doha = _fact(seed_briefing, "iran", "Doha")
    assert doha.date == "2024-12-07"
    hezbollah = _line(seed_briefing, "hezbollah", "supervising forces")
    assert _articles_cited(hezbollah.sources) == {"a1", "a2"}
    for brief in seed_briefing.actors:
        # Newest first.
        dated = [f.date or f.reported for f in brief.facts if f.date or f.reported]
        assert dated == sorted(dated, reverse=True), f"{brief.name} facts out of date order"


def test_json_contract_shape(seed_briefing: Briefing) -> None:
    data = json.loads(render(seed_briefing, "json"))
    assert data["schema"] == "briefing/1"
    assert data["profile"] == "syria"
    ids = set()
    for article in data["articles"]:
        assert set(article) >= {"id", "path", "title", "outlet", "wire", "published",
                                "dateline", "sentences"}  # fmt: skip
        for s in article["sentences"]:
            assert s["kind"] in ("headline", "standfirst", "body", "subhead", "caption")
            for d in s["dates"]:
                assert d["precision"] in ("year", "month", "day")
            ids.add(s["id"])
    for actor in data["actors"] + data["other_actors"]:
        for line in actor["summary"] + actor["facts"]:
            assert line["sources"] and set(line["sources"]) <= ids
    friday = [
        d
        for a in data["articles"]
        for s in a["sentences"]
        if "senior Iranian official said on Friday" in s["text"]
        for d in s["dates"]
    ]
    assert {d["value"] for d in friday} == {"2024-12-06"}
    # Every sentence names its report: the two outlets' wordings of the Reuters report on
    # Iran's missiles share one.
    report = {s["id"]: s["report"] for a in data["articles"] for s in a["sentences"]}
    assert set(report.values()) <= ids
    assert report["a1.s6"] == report["a2.s4"] == "a1.s6"
    assert report["a2.s3"] == "a2.s3"


def test_other_actors_include_states_the_profile_misses(seed_briefing: Briefing) -> None:
    names = {b.name for b in seed_briefing.other_actors}
    assert {"Jordan", "Israel"} <= names
    assert not names & {b.name for b in seed_briefing.actors}
    # Turkiye acts in no line of its own; the lines naming it link to it.
    linked = {name for b in seed_briefing.actors for f in (*b.facts, *b.summary) for name in f.also}
    assert "Turkiye" in linked


def test_text_dump_layout(seed_briefing: Briefing) -> None:
    text = render(seed_briefing, "text", width=80)
    assert text.startswith("BRIEFING: 2 articles from Dawn and The Business Standard")
    assert all(len(line) <= 80 for line in text.splitlines() if " " in line.strip())
    assert "\x1b" not in text
    assert "[1] Dawn" in text and "[2] The Business Standard" in text
    assert "[1][2]" in text


def test_no_pane_states_a_report_twice(seed_briefing: Briefing) -> None:
    # Dawn's highlight "Turkish, Iranian and Russian FMs meet in Doha today" restates its
    # body sentence on the Doha meeting; "Jordan closes border with Syria" likewise.
    for brief in (*seed_briefing.actors, *seed_briefing.other_actors):
        for lines in (brief.summary, brief.facts):
            cited = [sid for line in lines for sid in line.sources]
            assert len(cited) == len(set(cited)), brief.name
    iran = next(b for b in seed_briefing.actors if b.id == "iran")
    assert len([f for f in iran.facts if "Doha" in f.text]) == 1
    jordan = next(b for b in seed_briefing.other_actors if b.name == "Jordan")
    assert len([s for s in (*jordan.summary, *jordan.facts) if "clos" in s.text]) == 1


def test_a_pane_cites_only_the_wordings_that_concern_its_actor(seed_briefing: Briefing) -> None:
    # Dawn: "...as US-backed alliance ... advanced ... and Kurds seized the biggest city";
    # the TBS rewording of the same Reuters report drops the Kurds. The line is Iran's
    # (its subject) and cites both outlets; the Kurdish pane links to it instead.
    iran = next(b for b in seed_briefing.actors if b.id == "iran")
    lines = [x for x in (*iran.summary, *iran.facts) if "will send missiles" in x.text]
    assert len(lines) == 1
    assert _articles_cited(lines[0].sources) == {"a1", "a2"}
    assert "Kurdish forces" in lines[0].also
    for sid in lines[0].sources:
        assert "iran" in seed_briefing.sentence(sid).actors
    for brief in seed_briefing.actors:
        for line in (*brief.summary, *brief.facts):
            for sid in line.sources:
                assert brief.id in seed_briefing.sentence(sid).actors, brief.name


def test_another_summarizer_chooses_again_without_repeating_facts(seed_briefing: Briefing) -> None:
    from briefing.model.build import rebrief

    again = rebrief(seed_briefing, summarizer="luhn", sentences=2)
    assert again.summarizer == "luhn" and again.length == 2
    for before, after in zip(seed_briefing.actors, again.actors, strict=True):
        assert after.facts == before.facts
        assert len(after.summary) <= 2
        assert not {line.report for line in after.summary} & {f.report for f in after.facts}
    assert any(b.summary for b in again.actors)


def test_summaries_tell_the_news_before_background(seed_briefing: Briefing) -> None:
    hts = next(b for b in seed_briefing.actors if b.id == "hts")
    hypothetical = "If insurgents capture Homs"
    # A candidate of the HTS pane, but a hypothetical: the news fills the summary first,
    # background only the room left after it (the allies "have recently been weakened"
    # is context too, no longer told as news).
    assert any(line.text.startswith(hypothetical) and line.background for line in hts.summary_pool)
    assert all(
        line.background for line in hts.summary_pool if "recently been weakened" in line.text
    )
    news = [line for line in hts.summary if not line.background]
    assert len(news) >= 2 and not any(line.text.startswith(hypothetical) for line in news)
    assert any("capitalise on their swift takeover" in line.text for line in hts.summary)
    assad = next(b for b in seed_briefing.actors if b.id == "assad")
    # How Assad's allies once rescued him is the past the next sentence turns from ("But
    # all have recently been weakened"): background, told last, no key fact.
    assert [line.background for line in assad.summary] == [False, False, True]
    assert assad.summary[-1].text.startswith("Assad’s forces regained control of most of Syria")
    assert not any("came to his rescue" in fact.text for fact in assad.facts)
    for brief in seed_briefing.actors:
        marks = [line.background for line in brief.summary]
        assert marks == sorted(marks), brief.name
