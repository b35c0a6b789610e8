"""The judged benchmark's own scoring (benchmarks/briefing_eval.py), on small real cases.

None of these needs the judged page texts; the last one checks the shipped label files.
"""

import sys
from pathlib import Path

import pytest

from briefing.profile import load_profile

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import briefing_eval as ev  # noqa: E402

HINDU = "At least 134 people have died at a single hospital in the Darfur city of El-Fasher."
EYE = "date 2024-05-27 At least 134 people have been killed in two weeks of fighting."


def test_labels_find_their_sentences_by_opening_words() -> None:
    sentences = [
        ("a1.s1", "Sudan’s army chief has announced the withdrawal of his soldiers."),
        ("a1.s2", "The city fell on Sunday."),
        ("a1.s3", EYE),
    ]
    labels = [
        ev.Label(text="City"),  # a menu word: only the start of a sentence counts
        ev.Label(text="Sudan's army chief has announced"),  # curly and straight quotes agree
        ev.Label(text="At least 134 people have been killed"),  # behind a marker: 5+ words
    ]
    found = ev.match_labels(labels, sentences)
    assert found == {"a1.s1": labels[1], "a1.s3": labels[2]}


def test_representative_is_the_source_sharing_most_words() -> None:
    texts = {"a1.s1": HINDU, "a2.s1": EYE}
    assert (
        ev.representative("134 people have died at a single hospital", ["a2.s1", "a1.s1"], texts)
        == "a1.s1"
    )
    assert ev.representative("anything", ["a9.s9"], texts) is None


def test_tagging_counts_and_f1() -> None:
    counts = ev.tagging_counts([(["saf", "rsf"], ["rsf"]), ([], ["saf"]), (["rsf"], ["rsf"])])
    assert counts == (2, 1, 1)
    precision, recall, both = ev.f1(*counts)
    assert (round(precision, 3), round(recall, 3), round(both, 3)) == (0.667, 0.667, 0.667)
    assert ev.f1(0, 0, 0) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("shown", "true", "verdict"),
    [
        ("2024-05-25", "2024-05-25", "right"),
        ("2024-05-25", "2024-05", "right"),  # a day inside a labelled month
        ("2024-05", "2024-05-25", "coarse"),
        ("2024-05-27", "2024-05-26", "wrong"),
        ("2024-06", "2024-05", "wrong"),
        (None, "2024-05-26", "missing"),
        ("2024-05-26", None, "unknown"),
    ],
)
def test_date_verdict(shown: str | None, true: str | None, verdict: str) -> None:
    assert ev.date_verdict(shown, true) == verdict


def test_fact_problems() -> None:
    event = ev.Label(
        text="x", actors=frozenset({"saf", "rsf"}), about=frozenset({"saf"}), event=True,
        date="2025-10-27", report="withdrawal",
    )  # fmt: skip
    assert ev.fact_problems(event, "saf", "2025-10-27", "The army withdrew.", set()) == []
    assert ev.fact_problems(event, "saf", None, "The army withdrew.", set()) == []
    assert ev.fact_problems(event, "rsf", None, "The army withdrew.", set()) == ["not about rsf"]
    assert ev.fact_problems(event, "saf", None, "x", {"withdrawal"}) == ["duplicate"]
    assert ev.fact_problems(event, "saf", "2025-10-28", "x", set()) == [
        "date 2025-10-28 (true 2025-10-27)"
    ]
    background = ev.Label(text="x", actors=frozenset({"saf"}), about=frozenset({"saf"}))
    assert ev.fact_problems(background, "saf", None, EYE, set()) == ["furniture", "background"]
    assert ev.fact_problems(None, "saf", None, "x", set()) == ["unlabelled"]


def test_furniture_pattern() -> None:
    for line in (
        EYE,
        "By Rabiul Islam",
        "Published: Mon 27 Oct 2025, 11:04 PM",
        "A destroyed livestock market area in al-Fasher. © AFP",
        "Syria's interim President shakes hands with Mazloum Abdi in Damascus. /VCG",
    ):
        assert ev.FURNITURE.search(line), line
    for line in (HINDU, "By Sunday the army had left the city.", "Share prices fell."):
        assert not ev.FURNITURE.search(line), line


def test_merged_pairs_and_reports_from_lines() -> None:
    assert ev.merged_pairs({"a1.s1": "r1", "a2.s1": "r1", "a3.s1": "r2"}) == {
        frozenset({"a1.s1", "a2.s1"})
    }
    report_of = ev.reports_from_lines([["a1.s1", "a2.s3"], ["a2.s3", "a3.s2"], ["a4.s1"]])
    assert len({report_of[s] for s in ("a1.s1", "a2.s3", "a3.s2")}) == 1
    assert report_of["a4.s1"] != report_of["a1.s1"]


def test_label_pairs_and_copies() -> None:
    toll = dict(event=True, report="toll")
    labelled = {
        "a1.s1": ev.Label(text="x", actors=frozenset({"rsf"}), **toll),
        "a2.s1": ev.Label(text="x", actors=frozenset({"rsf"}), **toll),
        "a1.s2": ev.Label(text="x", actors=frozenset({"rsf"}), event=True, report="siege"),
        "a2.s2": ev.Label(text="x", actors=frozenset({"saf"}), event=True, report="other"),
        # Another facet of the toll's story: not a pair either way.
        "a3.s1": ev.Label(text="x", actors=frozenset({"rsf"}), event=True, report="toll:979"),
    }
    article_of = {sid: sid.split(".")[0] for sid in labelled}
    pairs = ev.label_pairs(labelled, article_of)
    assert pairs.same_claim == [frozenset({"a1.s1", "a2.s1"})] and not pairs.other_claim
    # Same-article pairs never count; different reports count when they share an actor.
    assert pairs.different == [frozenset({"a2.s1", "a1.s2"}), frozenset({"a1.s2", "a3.s1"})]
    assert (ev.story("deal:signed"), ev.story("siege"), ev.story(None)) == ("deal", "siege", None)
    # January's WHO toll and October's WHO report: different stories, alike in what they name.
    jan = "WHO chief Tedros said a drone attack on the Saudi hospital in El Fasher killed 70."
    oct_ = "WHO decries deadly attack on only functioning hospital in Sudan's El-Fasher"
    # attack, hospital, el, fasher: 4 of the 8 content words of the shorter ("who" is a stop word)
    assert ev.overlap(jan, oct_) == 0.5
    assert ev.overlap(jan, "The weather was mild.") == 0.0
    assert ev.is_copy(HINDU, HINDU.replace("El-Fasher", "El Fasher"))
    assert not ev.is_copy(HINDU, EYE)


def test_panes_and_summary_repeats() -> None:
    panes = {
        "saf": [["a1.s1", "a2.s1"], ["a1.s4"]],
        "rsf": [["a2.s1"], ["a3.s2"]],  # a2.s1's report stands in two panes
        "uae": [["a3.s9"]],
    }
    assert ev.lines_in_several_panes(panes) == 1
    assert ev.summary_repeats_facts([["a1.s1"], ["a1.s9"]], [["a1.s1", "a2.s1"]]) == 1


def test_summary_line_ok_and_naive_summary() -> None:
    event = ev.Label(text="x", actors=frozenset({"rsf"}), event=True, report="siege")
    assert ev.summary_line_ok(event, "rsf", set(), "The RSF besieged the city.")
    assert not ev.summary_line_ok(event, "rsf", {"siege"}, "The RSF besieged the city.")
    assert not ev.summary_line_ok(event, "saf", set(), "The RSF besieged the city.")
    texts = [
        "The RSF besieged El Fasher and attacked its southern parts.",
        "The RSF attacked El Fasher's southern parts again on Friday.",
        "Aid groups pleaded for access to El Fasher.",
        "The weather was mild.",
    ]
    picks = ev.naive_summary(texts, 2)
    assert len(picks) == 2 and 3 not in picks  # the sentence sharing nothing is not central
    assert ev.naive_summary(texts[:2], 5) == [0, 1]


def test_shipped_labels_load_and_are_consistent() -> None:
    clusters = ev.load_clusters()
    assert len(clusters) >= 9
    assert sum(len(c.articles) for c in clusters) >= 30
    profiles = {"sudan", "ukraine", "syria", "gaza-lebanon"}
    assert {c.profile for c in clusters} == profiles
    assert {c.split for c in clusters} == {"dev", "test"}
    sites = {}
    for cluster in clusters:
        ids = {actor.id for actor in load_profile(cluster.profile).actors}
        for article in cluster.articles:
            assert len(article.sha256) == 64, article.id
            site = article.url.split("/")[2]
            assert sites.setdefault(site, cluster.split) == cluster.split, site
            for label in article.labels:
                assert label.actors <= ids and label.about <= ids, (article.id, label.text)
                assert not (label.furniture and label.event), (article.id, label.text)
                if label.date:
                    assert label.event and len(label.date) in (7, 10), (article.id, label.text)


def test_read_dump_and_cross_story_negatives() -> None:
    def article(cluster: str, file: str, text: str, report: str) -> ev.JudgedArticle:
        label = ev.Label(text=text[:40], event=True, report=report)
        return ev.JudgedArticle(f"{cluster}/{file}", file, "u", "o", "2025", "0" * 64, (label,))

    jan_text = "WHO chief Tedros said a drone attack on the Saudi hospital in El Fasher killed 70."
    oct_text = "WHO decries deadly attack on only functioning hospital in Sudan's El-Fasher"
    jan = ev.Cluster("jan", "sudan", "dev", "", (article("jan", "a.txt", jan_text, "who-70"),))
    oct_ = ev.Cluster("oct", "sudan", "test", "", (article("oct", "a.txt", oct_text, "who-oct"),))

    def dump(same_report: bool) -> dict:
        def item(n: int, folder: str, text: str, report: str) -> dict:
            sentence = {"id": f"a{n}.s1", "text": text, "actors": [], "report": report}
            return {"id": f"a{n}", "path": f"/p/{folder}/a.txt", "sentences": [sentence]}

        other = "r1" if same_report else "r2"
        articles = [item(1, "jan", jan_text, "r1"), item(2, "oct", oct_text, other)]
        return {"articles": articles, "actors": [], "other_actors": []}

    read = ev.read_dump([jan, oct_], dump(False))
    assert read.cluster_of == {"a1.s1": "jan", "a2.s1": "oct"}  # same file name, two folders
    assert set(read.labelled) == {"a1.s1", "a2.s1"} and not read.lost
    assert ev.cross_story_negatives([jan, oct_], dump(False)).total == 1
    merged = ev.cross_story_negatives([jan, oct_], dump(True))
    assert (merged.yes, merged.total) == (1, 1)


def test_a_partial_corpus_is_judged_without_its_missing_pages(tmp_path, capsys) -> None:
    def article(name: str) -> ev.JudgedArticle:
        return ev.JudgedArticle(
            id=f"c/{name}", file=f"{name}.txt", url="", outlet="", published="", sha256="",
            labels=(),
        )  # fmt: skip

    whole = ev.Cluster(
        id="c", profile="sudan", split="dev", story="", articles=(article("a"), article("b"))
    )
    gone = ev.Cluster(id="g", profile="sudan", split="dev", story="", articles=(article("x"),))
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("text", encoding="utf-8")
    assert ev.present_pages([whole, gone], tmp_path) is None
    assert "2 missing" in capsys.readouterr().out
    kept = ev.present_pages([whole, gone], tmp_path, partial=True)
    assert [(c.id, [a.file for a in c.articles]) for c in kept] == [("c", ["a.txt"])]
    assert "c/b.txt, g/x.txt" in capsys.readouterr().out
    assert ev.present_pages([whole], tmp_path / "none-missing-here", partial=False) is None


# A report key split into two claims: the dead and the wounded of one strike, told by two
# articles as (file, [(opening words, claim)]).
KYIV_ARTICLES = (
    (
        "a.txt",
        [("Russian missiles killed 12 people", "dead"), ("Another 87 people were", "wounded")],
    ),
    ("b.txt", [("A Russian strike on Kyiv left 12", "dead"), ("Officials said 87", "wounded")]),
)


def kyiv_toml() -> str:
    text = 'id = "kyiv"\nprofile = "ukraine"\nsplit = "dev"\nstory = "A strike on Kyiv"\n'
    for file, sentences in KYIV_ARTICLES:
        text += f'[[articles]]\nfile = "{file}"\nsha256 = ""\nurl = "https://{file}"\n'
        text += f'outlet = "{file}"\npublished = "2025-04-24"\n'
        for opening, claim in sentences:
            text += f'[[articles.sentences]]\ntext = "{opening}"\nactors = ["russia"]\n'
            text += f'event = true\nreport = "kyiv:toll"\nclaims = ["{claim}"]\n'
    return text


KYIV = {
    "a1.s1": "Russian missiles killed 12 people in Kyiv overnight.",
    "a1.s2": "Another 87 people were injured in the attack.",
    "a2.s1": "A Russian strike on Kyiv left 12 people dead overnight.",
    "a2.s2": "Officials said 87 residents were wounded by the Russian strike.",
}


def kyiv_cluster(tmp_path: Path, text: str | None = None) -> ev.Cluster:
    path = tmp_path / "kyiv.toml"
    path.write_text(text or kyiv_toml(), encoding="utf-8")
    return ev.load_cluster(path)


def test_claims_are_the_pairs_to_merge_and_the_repeats(tmp_path) -> None:
    cluster = kyiv_cluster(tmp_path)
    dead, wounded = cluster.articles[0].labels
    assert dead.claim_ids == {"kyiv:toll/dead"} and wounded.claim_ids == {"kyiv:toll/wounded"}
    assert ev.Label(text="x", report="siege").claim_ids == {"siege"}  # one claim: the key
    assert ev.Label(text="x").claim_ids == frozenset()

    def item(n: int, file: str) -> dict:
        sentences = [
            {"id": sid, "text": text, "actors": ["russia"], "report": "r1"}
            for sid, text in KYIV.items()
            if sid.startswith(f"a{n}.")
        ]
        return {"id": f"a{n}", "path": f"/p/kyiv/{file}", "sentences": sentences}

    def line(sid: str) -> dict:
        return {"text": KYIV[sid], "sources": [sid], "date": None}

    # The engine merged the dead and the wounded into one report; the pane states the dead,
    # the wounded, then the dead again.
    pane = {"id": "russia", "facts": [line("a1.s1"), line("a2.s2"), line("a2.s1")], "summary": []}
    dump = {"articles": [item(1, "a.txt"), item(2, "b.txt")], "actors": [pane]}
    res = ev.judge_cluster(cluster, dump)
    assert (res.rewrites.yes, res.rewrites.total) == (2, 2)  # dead-dead, wounded-wounded
    assert (res.other_claims.yes, res.other_claims.total) == (2, 2)  # dead-wounded, either way
    assert (res.key_rewrites.yes, res.key_rewrites.total) == (4, 4)  # the old figure
    # The wounded after the dead is no repeat (it was, by report key); the dead again is.
    assert (res.facts.yes, res.facts.total) == (2, 3)
    labels = {sid: ev.Label(text="x", event=True, report="kyiv:toll") for sid in KYIV}
    assert len(ev.label_pairs(labels, {sid: sid[:2] for sid in KYIV}).same_claim) == 4
    both = ev.Label(
        text="x", about=frozenset({"russia"}), event=True, report="kyiv:toll",
        claims=frozenset({"dead", "wounded"}),
    )  # fmt: skip
    assert ev.fact_problems(both, "russia", None, "x", {"kyiv:toll/dead"}) == []
    stated = {"kyiv:toll/dead", "kyiv:toll/wounded"}
    assert ev.fact_problems(both, "russia", None, "x", stated) == ["duplicate"]
    assert ev.summary_problem(both, "russia", stated, "x") == "repeats a claim"


def test_a_report_key_needs_claims_on_all_its_sentences_or_none(tmp_path) -> None:
    with pytest.raises(SystemExit, match=r"kyiv: report 'kyiv:toll' .* kyiv/b: 'Officials said"):
        # The last sentence (b's wounded) without its claims.
        kyiv_cluster(tmp_path, kyiv_toml().rpartition('claims = ["wounded"]')[0])
    with pytest.raises(SystemExit, match="must be a list of names: 'dead'"):
        kyiv_cluster(tmp_path, kyiv_toml().replace('["dead"]', '"dead"', 1))
    loose = ev.Label(text="Twelve died", claims=frozenset({"dead"}))
    article = ev.JudgedArticle("c/a", "a.txt", "u", "o", "2025", "", (loose,))
    with pytest.raises(SystemExit, match="c: c/a: 'Twelve died' has claims but no report key"):
        ev.check_claims("c", [article])
