"""Article extraction on the shared labelled sets, with the measures their READMEs define.

    python benchmarks/extraction.py [--shared DIR] [--sets NAME,...] [-v] [--time-only]

For each set and each rendering (pages/ and pages-lynx/):
- extraction-dev: body F1 (per-page shingle precision and recall, averaged), as
  ../shared/scoring/score_extraction.py prints it on a `briefing dump --format json`;
- extraction-segments: segment F1 over pooled counts, as score_segments.py prints it;
- dates-dev: published dates right / wrong / missing on the pages whose day is visible, as
  score_dates.py prints it, for the shipped date scorer and cross-validated by site
  (benchmarks/fit_dates.py); then titles of the headline scorer cross-validated by site over
  every shared page whose URL has a slug (benchmarks/fit_headlines.py), and the same scorers'
  titles against headlines read by hand on 200 pages, no slug needed (hand_headlines.json),
  and on 889 pages of other sites (hand_headlines_train.json);
- outlets: on every shared page whose URL has a host, the outlet named: found, right and wrong
  by two judges, strict (its letters spell the name part of the page's domain) and sound (it
  names the site under another spelling too: umlauts spelt out, "&", an abbreviation the
  domain uses, or the page credits its article to it: "By X for MailOnline"), for the sites of
  the folds whose failures were read while writing the outlet rules and for the others (held
  out).
The body classifier is fitted on the shared sets, so every body figure here comes from models
fitted on other web sites (5 folds split by site): each page is extracted by a model that never
saw its site. Titles are checked cheaply against the URL slug, and against headlines read by
hand on a sample. Time per page is the shipped
model's, over every page of the set, in a fresh process (see ms_per_page). Skips when the
shared sets are absent. --time-only prints the times per page alone (no fitting, no scores).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing
sys.path.insert(0, str(REPO / "benchmarks"))

from briefing.extract import Article, extract_article  # noqa: E402
from briefing.extract.dates import _parse_date  # noqa: E402
from briefing.extract.evaluation import (  # noqa: E402
    RENDERINGS,
    LabelledPage,
    load_set,
    page_text,
    set_scores,
    site_of,
)
from briefing.extract.metadata import SECOND_LEVEL, site_label  # noqa: E402
from briefing.extract.page import forget_pages  # noqa: E402
from briefing.extract.train import SETS, cross_validated_articles, labelled_units  # noqa: E402

DEFAULT_SHARED = REPO.parent / "shared"
SLUG_MIN_WORDS = 3  # fewer slug words ("marker/54885", "business-focus") say little of a title


def _plain_words(text: str) -> list[str]:
    """Lower-case words without accents, as a URL slug spells them."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"[a-z0-9]+", decomposed.encode("ascii", "ignore").decode())


# German slugs spell umlauts out ("Präsidentin" -> "praesidentin"), others drop the accent.
SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug_words(url: str, spellings: bool = True) -> list[str]:
    """Words of the URL path segment that spells the most words (the slug), or [] if none does
    (or the "URL" is a file name, as some pages of the segments set carry: "hard::x.com-y.html").
    With `spellings`, percent-escapes are read as the letters they stand for (the measure
    before read "p%C3%A4dophilie" as "p")."""
    if not re.match(r"^https?://", url):
        return []
    path = re.sub(r"^\w+://[^/]+", "", url).split("?")[0]
    path = unquote(path) if spellings else path
    segments = [re.sub(r"\.\w+$", "", segment) for segment in path.split("/")]
    best = max(
        ([w for w in _plain_words(segment) if w.isalpha()] for segment in segments),
        key=len,
        default=[],
    )
    return best if len(best) >= SLUG_MIN_WORDS else []


# Words a URL's path carries that no title spells: file endings and session keys
# ("...-verlaengern.html;jsessionid=...").
URL_WORDS = frozenset("html htm shtml php aspx jsp jsessionid www index amp".split())
CUT_WORD_LETTERS = 3  # a slug's cut last word this long is read as a title word's start


def title_slug_words(url: str) -> list[str]:
    """The slug's words a title can spell: without URL words and the words of the site's own
    host (".../http://www.alternatives-economiques.fr:80/site/..." names the site), or []
    if fewer than SLUG_MIN_WORDS are left."""
    # the hosts' labels but their top-level domain ("de" is also a word of slugs); an archived
    # page's URL holds the archive's host and the page's
    labels = [
        label for host in re.findall(r"\w+://([^/:?]+)", url) for label in host.split(".")[:-1]
    ]
    unwanted = URL_WORDS | {w for label in labels for w in re.findall(r"[a-z]+", label.lower())}
    unwanted -= SECOND_LEVEL
    words = [word for word in slug_words(url) if word not in unwanted]
    return words if len(words) >= SLUG_MIN_WORDS else []


def title_matches_slug(
    title: str, slug: list[str], spellings: bool = True, cut_words: bool = True
) -> bool:
    """Whether the title holds at least half of the slug's words; with `spellings`, a title
    word also counts spelled as German slugs spell umlauts (the measure before did not, and
    counted "Urlaubsansprüchen" against "urlaubsanspruechen" as wrong). With `cut_words`, as
    slugs cut words too: a title word also counts split where a slug writer dropped its
    accented letters ("veículos" -> "ve-culos"), and the slug's last word may be a title word
    cut short ("...-love-is-w")."""
    title_words = set(_plain_words(title))
    if spellings:
        title_words |= set(_plain_words(title.lower().translate(SPELLED_OUT)))
    if cut_words:
        title_words |= set(re.findall(r"[a-z0-9]+", title.lower()))
    shared = sum(word in title_words for word in slug)
    if cut_words and slug and len(slug[-1]) >= CUT_WORD_LETTERS and slug[-1] not in title_words:
        shared += any(word.startswith(slug[-1]) for word in title_words)
    return shared >= 0.5 * len(slug)


def title_line(results: list[tuple[Article, LabelledPage]]) -> str:
    slugged = [(article, title_slug_words(page.url)) for article, page in results]
    slugged = [(article, slug) for article, slug in slugged if slug]
    hits = sum(title_matches_slug(article.title, slug) for article, slug in slugged)
    titled = sum(bool(article.title) for article, _ in results)
    return f"titles {titled}/{len(results)} non-empty, {hits}/{len(slugged)} share half the slug"


def site_name(url: str) -> str:
    """The name part of a page's registrable domain ("theguardian" for
    https://www.theguardian.com/..., "bbc" for news.bbc.co.uk), "" without a host."""
    host = site_of(url) if re.match(r"^https?://", url) else ""
    return "".join(_plain_words(site_label(host))) if "." in host else ""


def outlet_spells_host(outlet: str, url: str) -> bool:
    """The outlet names the page's site: its letters (without "The") are the domain's name
    part or hold it ("BBC News" on bbc.co.uk), the name part holds them ("Guardian" on
    theguardian.com), or the name part spells its initials ("Los Angeles Times" on
    latimes.com, "SWR" on swr.de): a cheap check, blind to owners named otherwise
    (publishing groups), which it counts wrong."""
    site = site_name(url)
    name = "".join(_plain_words(re.sub(r"^the\s+", "", outlet, flags=re.IGNORECASE)))
    words = _plain_words(outlet)
    initials = "".join(word[0] for word in words)
    shortened = "".join(word[0] for word in words[:-1]) + (words[-1] if words else "")
    return bool(site and len(name) >= 2) and (
        site in name
        or (len(name) >= 3 and name in site)
        or site in (initials, initials[1:])
        or site == shortened
    )


def _site_spellings(url: str) -> set[str]:
    """The domain's name part, without a leading "the" ("the-pain.net" names "PaiNs Blog")
    and a hyphenated name's first part ("idw-online.de" names "Informationsdienst
    Wissenschaft")."""
    site = site_name(url)
    bare = site.removeprefix("the")
    host = site_of(url) if re.match(r"^https?://", url) else ""
    labels = host.split(".")
    first_part = "".join(_plain_words(labels[-2].split("-")[0])) if len(labels) >= 2 else ""
    return {site} | {part for part in (bare, first_part) if len(part) >= 3 and part != "the"}


def _outlet_spellings(outlet: str) -> set[str]:
    """The outlet as a domain may spell it: umlauts spelt out or not ("Löwen" -> "loewen",
    "lowen"), "&" as "and", "n" or nothing ("Jobs & Hire" -> "jobsnhire")."""
    return {
        variant
        for form in (outlet, outlet.lower().translate(SPELLED_OUT))
        for joint in ("and", "n", "")
        for variant in [" ".join(_plain_words(form.replace("&", f" {joint} ")))]
    }


def _abbreviates(site: str, name: str) -> bool:
    """The site's name is an abbreviation of the outlet's: its letters in the name's order,
    from the name's first ("bka" for "Bundeskriminalamt", "idw" for "Informationsdienst
    Wissenschaft", "enduromtb" for "ENDURO Mountainbike Magazine")."""
    if len(site) < 3 or len(site) >= len(name) or not name.startswith(site[0]):
        return False
    letters = iter(name)
    return all(letter in letters for letter in site)


def _credited(outlet: str, page: str) -> bool:
    """The page credits its article to the outlet on a row of its own: a byline written for
    it ("By Tom Pyman for MailOnline") or a syndication credit ("Provided by The Guardian")."""
    name = re.escape(outlet)
    return bool(
        re.search(
            rf"^[ \t]*(?:by\b[^\n]{{0,80}}\bfor|[^\n]{{0,40}}\bprovided by)[ \t]+{name}[ \t]*$",
            page,
            flags=re.IGNORECASE | re.MULTILINE,
        )
    )


def outlet_names_site(outlet: str, url: str, page: str) -> bool:
    """The sound check: the outlet names the page's site by its own spelling check over
    spellings a domain uses (umlauts spelt out, "&", a leading "the"), by being what the
    domain abbreviates, or by the page's evidence (it credits its article to the outlet).
    Owners named otherwise (Dow Jones on wsj.com) and taglines stay wrong."""
    if outlet_spells_host(outlet, url):
        return True
    sites = _site_spellings(url)
    for spelling in _outlet_spellings(outlet):
        name = re.sub(r"^the ", "", spelling).replace(" ", "")
        if len(name) >= 3 and any(
            site in name or name in site or _abbreviates(site, name) for site in sites
        ):
            return True
    return _credited(outlet, page)


TIMED_PASSES = 3


def ms_per_page(texts: list[str]) -> float:
    """CPU milliseconds per page in a fresh process, as a pool worker extracts pages: not in
    this one, which holds the cross-validation's fitted models, pages and articles, and whose
    caches other sets' pages filled. The child warms up (imports, first-use compilation) on
    one pass, then times TIMED_PASSES more, each with the memo of dateparser's readings
    emptied (a worker reads each page once), and reports the best."""
    child = subprocess.run(
        [sys.executable, __file__, "--time-pages"],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(child.stdout)


def _time_pages() -> None:
    """The child of ms_per_page: pages as a JSON list on stdin, milliseconds on stdout."""
    texts = json.loads(sys.stdin.read())

    def one_pass() -> float:
        _parse_date.cache_clear()
        forget_pages()
        started = time.process_time()  # CPU time: the machine may be shared
        for index, text in enumerate(texts):
            extract_article(text, f"page{index}.txt")
        return 1000 * (time.process_time() - started) / max(len(texts), 1)

    one_pass()
    print(min(one_pass() for _ in range(TIMED_PASSES)))


def set_texts(shared: Path, name: str) -> list[str]:
    """The pages each section times: every page of a body set, the dates-dev pages whose day
    is visible."""
    if name in SETS:
        return [page_text(page, "pages", shared) for page in load_set(name, shared)]
    truth_file = shared / "dates-dev" / "ground-truth.json"
    if not truth_file.is_file():
        return []
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    folder = shared / "dates-dev" / "pages"
    return [
        (folder / f"{key}.txt").read_text(encoding="utf-8", errors="replace")
        for key, value in sorted(truth.items())
        if value["visible"]
    ]


def time_sections(shared: Path, names: list[str]) -> None:
    for name in names:
        texts = set_texts(shared, name)
        if texts:
            print(f"{name}: {ms_per_page(texts):.1f} ms (CPU) per page, {len(texts)} pages")


def body_sections(shared: Path, names: list[str], verbose: bool) -> None:
    """Body figures of the fitted classifier, cross-validated by site, per set and rendering."""
    pages = [page for name in names for page in load_set(name, shared)]
    if not pages:
        return
    # Fitting sees both sets, as the shipped model does; each fold holds out whole sites.
    training = [page for name in SETS for page in load_set(name, shared)]
    results = cross_validated_articles(training, labelled_units(training, shared), shared)
    for name in names:
        for rendering in RENDERINGS:
            rows = [(a, p) for a, p in results[rendering] if p.set_name == name]
            scores = set_scores(name, rows)
            measure = "body" if name == "extraction-dev" else "segment"
            print(
                f"{name} {rendering}: {measure} F1 {scores.f1:.3f} (precision"
                f" {scores.precision:.3f}, recall {scores.recall:.3f}) over {scores.pages} pages,"
                f" {scores.empty} without article text [site-held-out]"
            )
            print(f"  {title_line(rows)}")
            if verbose:
                for article, page in rows:
                    one = set_scores(name, [(article, page)])
                    print(f"    {page.page_id[:12]} F1 {one.f1:.2f} {article.title[:60]!r}")
        print(
            f"  {ms_per_page(set_texts(shared, name)):.1f} ms (CPU) per page, shipped model, pages/"
        )


def dates_section(shared: Path) -> None:
    """dates-dev: the page's publication date on the pages whose true day shows in the text,
    by the shipped date scorer (fitted on these pages: for scale only) and cross-validated by
    site (scorer and threshold fitted without the page's site: the figure to quote). Then the
    headline scorer's titles, cross-validated by site on every shared page with a URL slug and
    on the hand-labelled sample and training pages (`fit_headlines.hand_line`)."""
    truth_file = shared / "dates-dev" / "ground-truth.json"
    if not truth_file.is_file():
        return
    import fit_dates  # the fitting scripts live beside this one
    import fit_headlines

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    visible = {key: value for key, value in truth.items() if value["visible"]}
    right = missing = 0
    texts = []
    read: set[str] = set()
    for key, value in sorted(visible.items()):
        path = shared / "dates-dev" / "pages" / f"{key}.txt"
        text = path.read_text(encoding="utf-8", errors="replace")
        texts.append(text)
        article = extract_article(text, str(path))
        # As a dump shows it: a page with no article text, or a copy of one read before, has
        # no date of its own.
        published = (article.published or "") if article.blocks and text not in read else ""
        read.add(text)
        right += published[:10] == value["date"]
        missing += not published
    wrong = len(visible) - right - missing
    share = right / len(visible) if visible else 0.0
    print(
        f"dates-dev pages, shipped scorer (fitted on them): published dates {right}/{len(visible)}"
        f" right, {wrong} wrong, {missing} missing ({share:.2f})"
    )
    print(f"  {ms_per_page(texts):.1f} ms (CPU) per page")
    pages = fit_dates.load(shared / "dates-dev")
    print(f"  {fit_dates.report(pages, fit_dates.cross_validate(pages, 0.015))} [site-held-out]")
    headline_pages = fit_headlines.load(shared, cuts=True)  # as the shipped weights are fitted
    models = fit_headlines.fold_models(headline_pages, 0.3)
    titles, *cuts = fit_headlines.cross_validated_titles(
        headline_pages, 0.3, models=models
    ).splitlines()
    print(f"  {titles} [site-held-out]", *cuts, sep="\n")
    hand = fit_headlines.hand_titles(fit_headlines.load_hand(shared), models)
    print(f"  {fit_headlines.hand_line(hand)} [site-held-out]")
    hand = fit_headlines.hand_titles(fit_headlines.hand_training(shared), models)
    print(f"  {fit_headlines.hand_line(hand, fit_headlines.TRAINING_PAGES)} [site-held-out]")


OUTLET_SETS = (
    ("extraction-dev", "ground-truth.json"),
    ("extraction-segments", "segments.json"),
    ("dates-dev", "ground-truth.json"),
)
# The outlet rules are written by hand, not fitted: their failures were read on these folds'
# sites only, and the other folds' sites are the figure to quote.
OUTLET_TUNING_FOLDS = frozenset({0, 1, 2})


def outlet_pages(shared: Path) -> list[tuple[str, str, str]]:
    """(set, page key, URL) of every shared page whose URL has a host (a page in two sets
    counts once)."""
    pages: dict[str, tuple[str, str, str]] = {}
    for name, truth_name in OUTLET_SETS:
        truth_file = shared / name / truth_name
        if not truth_file.is_file():
            continue
        for key, entry in sorted(json.loads(truth_file.read_text(encoding="utf-8")).items()):
            if site_name(entry.get("url", "")) and key not in pages:
                pages[key] = (name, key, entry["url"])
    return list(pages.values())


def outlet_line(rows: list[tuple[str | None, str, str]], label: str) -> str:
    """Outlets found / right / wrong over (outlet, URL, page) rows, by two judges: strict (the
    outlet spells the domain's name, outlet_spells_host) and sound (it names the site by the
    domain's spellings, an abbreviation or the page's credit, outlet_names_site)."""
    found = sum(bool(outlet) for outlet, _, _ in rows)
    strict = sum(bool(outlet) and outlet_spells_host(outlet, url) for outlet, url, _ in rows)
    sound = sum(bool(outlet) and outlet_names_site(outlet, url, page) for outlet, url, page in rows)
    return (
        f"outlets on {label}: found {found}/{len(rows)}; strict: right {strict}, wrong"
        f" {found - strict}; sound: right {sound}, wrong {found - sound}"
        f" ({(found - sound) / max(found, 1):.1%} of those found wrong)"
    )


def outlets_section(shared: Path) -> None:
    """Every shared page with a URL: the outlet extraction names, checked against the name
    part of the page's domain (see outlet_spells_host). Printed for the sites whose failures
    were read while writing the rules and for the others (held out)."""
    import fit_dates  # the fitting scripts live beside this one

    pages = outlet_pages(shared)
    if not pages:
        return
    tuning: list[tuple[str | None, str, str]] = []
    held_out: list[tuple[str | None, str, str]] = []
    for name, key, url in pages:
        text = (shared / name / "pages" / f"{key}.txt").read_text(
            encoding="utf-8", errors="replace"
        )
        outlet = extract_article(text, f"{key}.txt").outlet
        tuned = fit_dates.fold_of(site_of(url)) in OUTLET_TUNING_FOLDS
        (tuning if tuned else held_out).append((outlet, url, text))
    sites = len({site_of(url) for _, _, url in pages})
    print(f"outlets over {len(pages)} shared pages of {sites} web sites (pages/):")
    print(f"  {outlet_line(tuning, 'the sites read while tuning')}")
    print(f"  {outlet_line(held_out, 'the other sites')} [site-held-out]")


# Sets measured without anything fitted, by name: each section prints its own figures.
OTHER_SECTIONS: dict[str, Callable[[Path], None]] = {
    "dates-dev": dates_section,
    "outlets": outlets_section,
}


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv) == ["--time-pages"]:
        _time_pages()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared sets folder")
    known = [*SETS, *OTHER_SECTIONS]
    parser.add_argument("--sets", default=",".join(known), help=f"comma-separated: {known}")
    parser.add_argument("-v", "--verbose", action="store_true", help="one row per page")
    parser.add_argument("--time-only", action="store_true", help="only the times per page")
    args = parser.parse_args(argv)
    names = [name for name in args.sets.split(",") if name]
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"unknown set(s): {', '.join(unknown)}; choose from {', '.join(known)}")
        return 2
    if not args.shared.is_dir():
        print(f"shared sets not found at {args.shared}; skipping the extraction benchmark.")
        return 0
    if args.time_only:
        time_sections(args.shared, names)
        return 0
    body_names = [name for name in names if name in SETS]
    if body_names:
        body_sections(args.shared, body_names, args.verbose)
    for name in names:
        if name in OTHER_SECTIONS:
            OTHER_SECTIONS[name](args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
