"""The headline scorer's page features, the benchmark's outlet check and its tree fit, on
small pages."""

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from briefing.extract import extract_article
from briefing.extract.headline import (
    FEATURES,
    UNDER_FIRST_ROWS,
    headline_candidates,
    headline_features,
)
from briefing.extract.page import read_units
from briefing.extract.softmax import SoftmaxModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from extraction import (  # noqa: E402
    outlet_names_site,
    outlet_spells_host,
    site_name,
    slug_words,
    title_matches_slug,
    title_slug_words,
)
from fit_headlines import (  # noqa: E402
    HAND_LABELS,
    HAND_TRAIN_LABELS,
    SHARED,
    Page,
    RankedHeadline,
    _page,
    draw_hand_sample,
    headline_rank,
    is_headline,
    miss_context,
    miss_kind,
    rank_line,
    readings_agree,
    wilson_interval,
)
from tree_boost import Settings, fit_trees, scores  # noqa: E402

LEDE = (
    "The city council voted on Tuesday to rebuild the old market hall, which burned down in "
    "the spring, and to open it again for traders before the end of next year."
)
MORE = (
    "Traders had asked the council for months to decide, saying the temporary stalls in the "
    "car park lost them customers through the whole of the winter season."
)
RELATED = "Bridge repairs to close the ring road for two weeks"
PAGE = "\n".join(
    [
        "Home",
        "News",
        "Sport",
        "Council votes to rebuild the old market hall",
        "Traders have waited since the fire in the spring for a decision",
        "By Jo Bloggs",
        "",
        LEDE,
        "",
        MORE,
        "",
        "Most read",
        "Weather",
        RELATED,
        "Video",
        "Contact",
    ]
)


def _features(page: str) -> dict[str, dict[str, float]]:
    units = read_units(page).units
    start = next(i for i, unit in enumerate(units) if unit.text == LEDE)
    rows = headline_candidates(units, start, None)
    vectors = headline_features(units, start, rows, frozenset({"the", "to", "for"}), None)
    return {
        units[i].text: dict(zip(FEATURES, vector, strict=True))
        for i, vector in zip(rows, vectors, strict=True)
    }


def test_headline_features_read_menus_bylines_and_copies() -> None:
    page = PAGE.replace("Sport\n", f"Sport\n{RELATED}\n")  # a related story above, in the menu
    features = _features(page)
    headline = features["Council votes to rebuild the old market hall"]
    subtitle_text = "Traders have waited since the fire in the spring for a decision"
    subtitle = features[subtitle_text]
    # under the menu: three of the four rows above are menu entries (the fourth a title)
    assert headline["menu_above"] == 0.75
    # the related title is a long row over the headline; without it the headline is the first
    plain = _features(PAGE)
    assert headline["first_long"] == 0.0
    assert plain["Council votes to rebuild the old market hall"]["first_long"] == 1.0
    assert subtitle["first_long"] == plain[subtitle_text]["first_long"] == 0.0
    # the byline two rows under the headline, right under its subtitle
    assert (headline["header_gap_two"], headline["header_gap_one"]) == (1.0, 0.0)
    assert (subtitle["header_gap_two"], subtitle["header_gap_one"]) == (0.0, 1.0)
    # the related story is printed again in the "most read" list below the text
    assert features[RELATED]["copy_in_list_below"] == 1.0
    assert headline["copy_in_list_below"] == 0.0
    assert headline["title_case_english"] == 1 / 8  # "Council" of eight words


def test_headline_features_read_the_caption_under_a_row() -> None:
    # the headline over its lead picture (a placeholder, then the caption), and a picture's
    # alt text right over its caption, which repeats its words
    alt = "Traders outside the burned market hall"
    page = PAGE.replace(
        "By Jo Bloggs\n",
        f"[hall-photo]\nThe market hall in May. Photo: Jo Bloggs\n{alt}\n"
        "Traders outside the burned market hall. Photo: Ann Lee\nBy Jo Bloggs\n",
    )
    units = read_units(page).units
    assert [unit.caption for unit in units if "Photo:" in unit.text] == [True, True]
    start = next(i for i, unit in enumerate(units) if unit.text == LEDE)
    rows = headline_candidates(units, start, None)
    vectors = headline_features(units, start, rows, frozenset({"the", "to", "for"}), None)
    features = {
        units[i].text: dict(zip(FEATURES, vector, strict=True))
        for i, vector in zip(rows, vectors, strict=True)
    }
    subtitle = features["Traders have waited since the fire in the spring for a decision"]
    assert subtitle["caption_under_picture"] == 1.0
    assert subtitle["caption_overlap"] == 0.0  # "market hall" is not the subtitle's
    assert features[alt]["caption_under_picture"] == 0.0
    assert features[alt]["caption_overlap"] == 1.0  # traders, outside, burned, market, hall
    headline = features["Council votes to rebuild the old market hall"]
    assert headline["caption_under_picture"] == headline["caption_overlap"] == 0.0


def test_headline_over_its_subtitle_after_the_menu() -> None:
    article = extract_article(PAGE, "page.txt")
    assert article.title == "Council votes to rebuild the old market hall"
    assert article.byline == "Jo Bloggs"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.theguardian.com/world/2024/dec/06/x", "theguardian"),
        ("https://news.bbc.co.uk/2/hi/x.stm", "bbc"),
        ("http://web.archive.org/web/2007/http://www.lemonde.fr/a/b", "lemonde"),
        ("hard::x.com-y.html", ""),
    ],
)
def test_site_name_is_the_registrable_domains_name(url: str, name: str) -> None:
    assert site_name(url) == name


@pytest.mark.parametrize(
    ("outlet", "url", "right"),
    [
        ("The Guardian", "https://www.theguardian.com/x", True),
        ("BBC News", "https://www.bbc.co.uk/news/x", True),
        ("Los Angeles Times", "https://www.latimes.com/x", True),
        ("SWR", "https://www.swr.de/x", True),
        ("Vox Media", "https://www.theverge.com/x", False),
        ("Reuters", "https://www.theguardian.com/x", False),
        ("N", "https://www.n-tv.de/x", False),  # too short to name a site
    ],
)
def test_outlet_check_against_the_domain(outlet: str, url: str, right: bool) -> None:
    assert outlet_spells_host(outlet, url) is right


@pytest.mark.parametrize(
    ("outlet", "url", "page", "right"),
    [
        ("Rhein-Neckar Löwen", "https://www.rhein-neckar-loewen.de/x", "", True),
        ("Jobs & Hire", "http://www.jobsnhire.com/x", "", True),
        ("The Conversation Africa", "https://theconversation.com/x", "", True),
        ("Bundeskriminalamt", "https://www.bka.de/x", "", True),
        ("Informationsdienst Wissenschaft", "https://idw-online.de/x", "", True),
        (
            "MailOnline",
            "https://www.dailymail.co.uk/x",
            "Jamie\nBy Tom Pyman for MailOnline\n",
            True,
        ),
        ("MailOnline", "https://www.dailymail.co.uk/x", "Follow MailOnline\n", False),
        ("The Guardian", "https://www.msn.com/x", "© Provided by The Guardian\n", True),
        ("Dow Jones", "https://www.wsj.com/x", "Dow Jones, a News Corp company\n", False),
        ("Microsoft", "https://www.msn.com/x", "© 2019 Microsoft\n", False),
        ("BLOG", "https://www.incurvy.de/x", "INCURVY Plus-Size Fashion – BLOG\n", False),
    ],
)
def test_sound_outlet_check_accepts_the_sites_other_names_only(
    outlet: str, url: str, page: str, right: bool
) -> None:
    """Spellings a domain uses, the abbreviation it is, the page's credit to the outlet count;
    an owner named otherwise or a tagline does not, and the strict check rejects them all."""
    assert outlet_names_site(outlet, url, page) is right
    assert not outlet_spells_host(outlet, url)


def test_boosted_trees_learn_an_answer_no_linear_score_gives() -> None:
    """The answer is the row whose two features are both set or both unset (an exclusive
    or, which no weighted sum ranks first); a page whose rows all have one set has none."""
    draw = np.random.default_rng(0)
    groups = []
    for _ in range(200):
        rows = draw.integers(0, 2, size=(4, 2)).astype(float)
        labels = (rows[:, 0] == rows[:, 1]).astype(float)
        groups.append((rows, labels))
    trees = fit_trees(groups, Settings(depth=2, trees=100, rate=0.3, l2=1.0))
    both, one, neither = scores(trees, np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]))
    assert both > 0 > one and neither > 0
    # no trees: every row scores 0, as "none" does
    assert scores(trees, np.array([[1.0, 0.0]]), 0).tolist() == [0.0]


def _labelled_page(labels: list[float], first: int, spelled_at: int | None) -> Page:
    rows = [3, 4, 5][: len(labels)]
    return Page(
        key="k", site="example.org", texts=[""] * 60, rows=rows,
        vectors=np.zeros((len(rows), len(FEATURES))), labels=np.array(labels), slug=["a"],
        slug_before=["a"], rule_title="", spelled=spelled_at is not None, first=first,
        spelled_at=spelled_at,
    )  # fmt: skip


def test_wrong_titles_sorted_by_kind() -> None:
    """A kicker above the headline, a standfirst under it, nothing taken; and headlines the
    candidates miss: the first paragraph itself, under it, out of reach above it, or nowhere
    at all."""
    candidate = _labelled_page([0.0, 1.0, 0.0], first=7, spelled_at=4)
    assert miss_kind(candidate, 3) == "headline a candidate, another row above it taken"
    assert miss_kind(candidate, 5) == "headline a candidate, another row below it taken"
    assert miss_kind(candidate, None) == "headline a candidate, no title given"
    below = _labelled_page([0.0, 0.0], first=7, spelled_at=9)
    assert miss_kind(below, 3) == (
        "headline not a candidate: just below the first paragraph, too long or a sentence"
    )
    further = _labelled_page([0.0, 0.0], first=7, spelled_at=7 + UNDER_FIRST_ROWS + 1)
    assert miss_kind(further, 3) == (
        f"headline not a candidate: {UNDER_FIRST_ROWS}+ rows below the first paragraph"
    )
    two_starts = _labelled_page([0.0, 0.0], first=7, spelled_at=9)
    two_starts.rival_rows, two_starts.rival_labels = [30], np.array([0.0])
    assert miss_kind(two_starts, 3) == (
        "headline not a candidate: below the first paragraph, two starts weighed"
    )
    # a candidate under the first paragraph (or over a second start) holding the slug
    under = _labelled_page([0.0, 0.0], first=7, spelled_at=9)
    under.under_rows, under.under_labels = [8, 9], np.array([0.0, 1.0])
    assert miss_kind(under, 8) == "headline a candidate, another row above it taken"
    two_starts.rival_labels = np.array([1.0])
    assert miss_kind(two_starts, 3) == "headline a candidate, another row above it taken"
    far = _labelled_page([0.0], first=50, spelled_at=2)
    assert miss_kind(far, 3) == "headline not a candidate: far above the first paragraph"
    lede = _labelled_page([0.0], first=7, spelled_at=7)
    assert miss_kind(lede, 3) == "headline not a candidate: the slug spells the first paragraph"
    long_row = _labelled_page([0.0], first=7, spelled_at=6)
    assert miss_kind(long_row, 3) == "headline not a candidate: too long or in the region's text"
    assert miss_kind(_labelled_page([0.0], 7, None), 3) == "the slug spells no row"


def test_headline_ranked_among_the_candidates_of_the_row_taken() -> None:
    """The scorer's rank of the best-scored row holding the slug, among the candidates the
    row taken was chosen from; None where none of them holds it."""
    page = _labelled_page([0.0, 1.0, 1.0], first=7, spelled_at=4)
    page.vectors[:, 0] = [3.0, 1.0, 2.0]  # scored by the first feature alone
    model = SoftmaxModel((1.0,) + (0.0,) * (len(FEATURES) - 1), 0.0)
    assert headline_rank(page, model, 3) == RankedHeadline(row=5, rank=1)
    page.labels[:] = [0.0, 0.0, 1.0]
    page.vectors[:, 0] = [3.0, 1.0, -2.0]
    assert headline_rank(page, model, 3) == RankedHeadline(row=5, rank=2)
    page.labels[:] = 0.0
    assert headline_rank(page, model, 3) is None
    line = rank_line(
        [RankedHeadline(5, 1), RankedHeadline(40, 1), RankedHeadline(4, 2), RankedHeadline(6, 0)],
        [3, 3, 3, 5],
    )
    assert "ranks it second on 2 (1 within 4 rows of the row taken), lower on 1," in line
    assert line.endswith("first (another row taken over it) on 1")


def test_wrong_title_listed_in_its_rows() -> None:
    """A wrong title is listed with the rows around the row taken (T), the slug's row (S)
    and the first paragraph (F), candidates marked, and no row further off."""
    page = _labelled_page([0.0, 0.0, 1.0], first=9, spelled_at=5)
    page.texts[3], page.texts[5], page.texts[9] = "Kicker", "The headline", "The first paragraph."
    lines = miss_context(page, 3, "headline a candidate, another row above it taken").splitlines()
    assert lines[0] == (
        "k example.org | headline a candidate, another row above it taken | slug: a"
    )
    assert "  T  c    3 'Kicker'" in lines
    assert "   S c    5 'The headline'" in lines
    assert "    F     9 'The first paragraph.'" in lines
    assert [int(line[7:11]) for line in lines[1:]] == list(range(1, 12))  # rows 1-11 only


def test_fitting_reads_a_page_as_the_extractor_offers_its_rows() -> None:
    """The fitting script spies on the extractor's headline rules: it must keep up with how
    the extractor calls them, or every figure fitted from it is lost."""
    text = (
        "Home | World | Sport\n\n"
        "Floods cut off villages in the north\n\n"
        "By Jane Doe\n\n"
        "Heavy rain cut off dozens of villages in the north of the country on Monday, and "
        "rescue teams said they could reach them only by boat after the main road was washed "
        "away.\n\n"
        "Officials said more rain was expected over the coming days, and schools in the "
        "region would stay shut until the water goes down.\n"
    )
    page, prose = _page("key", "example.com", text, ["floods", "cut", "off", "villages"])
    assert prose
    labelled = [page.texts[row] for row, label in zip(page.rows, page.labels, strict=True) if label]
    assert labelled == ["Floods cut off villages in the north"]


def test_title_slug_leaves_out_url_and_host_words() -> None:
    # a session key and a file ending are no title words; a slug naming the site is no slug
    assert title_slug_words(
        "https://www.rtl.de/bericht-bund-wollen-lockdown-verlaengern.html;jsessionid=1"
    ) == ["bericht", "bund", "wollen", "lockdown", "verlaengern"]
    archived = "https://web.archive.org/web/2007/http://www.alternatives-economiques.fr:80/s/x"
    assert slug_words(archived) == ["www", "alternatives", "economiques", "fr"]
    assert title_slug_words(archived) == []


def test_title_matches_a_slug_that_cuts_words() -> None:
    # the slug writer dropped accented letters ("veículos" -> "ve-culos")
    slug = ["ve", "culos", "roubados", "ontem"]
    assert title_matches_slug("Veículos roubados", slug)
    assert not title_matches_slug("Veículos roubados", slug, cut_words=False)
    # the slug's last word cut short
    assert title_matches_slug("Love is War", ["rezi", "lov"])
    assert not title_matches_slug("Love is War", ["rezi", "lov"], cut_words=False)


@pytest.mark.parametrize(
    ("title", "right"),
    [
        ("Council votes to rebuild the old market hall", True),
        ("council votes to rebuild the old market hall!", True),  # case and marks
        ("Council votes to rebuild the old market hall | The Daily Post", True),
        ("Local News – Council votes to rebuild the old market hall", True),
        ("Home » News » Council votes to rebuild the old market hall", True),
        ("Council votes to rebuild the old market hall - and traders say it is too late", False),
        ("Council votes", False),  # part of the headline
        ("Traders have waited since the fire in the spring for a decision", False),
        ("", False),
    ],
)
def test_a_title_is_the_headline_give_or_take_a_sites_name(title: str, right: bool) -> None:
    assert is_headline(title, ["Council votes to rebuild the old market hall"]) is right


def test_a_title_is_right_on_any_of_two_readings() -> None:
    readings = ["Kind krank Was Arbeitgeber wissen müssen", "Was Arbeitgeber wissen müssen"]
    assert is_headline("Was Arbeitgeber wissen müssen", readings)
    assert not is_headline("Kind krank", readings)


def test_wilson_interval_of_a_share() -> None:
    low, high = wilson_interval(130, 195)
    assert (round(low, 3), round(high, 3)) == (0.598, 0.729)
    assert wilson_interval(0, 0) == (0.0, 1.0)


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared sets absent")
def test_hand_labelled_sample_is_the_drawn_one() -> None:
    labels = json.loads(HAND_LABELS.read_text(encoding="utf-8"))["headlines"]
    assert draw_hand_sample(SHARED, len(labels)) == list(labels)


def test_no_hand_sample_is_drawn_without_a_sets_truth(tmp_path: Path) -> None:
    """A shared set missing would draw other pages than the hand labels': an error."""
    with pytest.raises(FileNotFoundError, match="no truth file"):
        draw_hand_sample(tmp_path, 10)


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared sets absent")
def test_hand_training_pages_are_drawn_past_the_sample() -> None:
    """One page from each of the sites past the test sample's in the same draw (a page its
    reader left out missing): none of the sample's sites is read for training."""
    tested = json.loads(HAND_LABELS.read_text(encoding="utf-8"))["headlines"]
    trained = json.loads(HAND_TRAIN_LABELS.read_text(encoding="utf-8"))["headlines"]
    drawn = draw_hand_sample(SHARED, 1094)  # as read: `fit_headlines.py --draw-sample 1094`
    assert drawn[: len(tested)] == list(tested)
    assert set(trained) <= set(drawn[len(tested) :])
    assert list(trained) == [key for key in drawn if key in trained]  # in the draw's order


def test_two_readings_agree_when_either_reads_the_others_headline() -> None:
    agree = readings_agree
    assert agree("Storm hits coast | Daily News", ["Storm hits coast", "Weather"])
    assert agree(None, None)
    assert not agree(None, "Storm hits coast")
    assert not agree("Storm hits coast", "Markets fall")
