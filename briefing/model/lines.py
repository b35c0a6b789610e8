"""Every report an actor's pane could show, as one line with what the model knows of it:
the event it states, whose account, when, how many outlets carry it, whether it is
background, and which pane it is about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.annotate.actors import initials
from briefing.annotate.coreference import within_quote
from briefing.annotate.dates import DateMention
from briefing.annotate.phrase_index import Screened, joined
from briefing.extract import Block
from briefing.extract.vocabulary import AGENCY_PATTERN
from briefing.model.attribution import (
    acting_subject,
    find_attribution,
    find_speaker,
    is_pronoun,
)
from briefing.model.background import (
    is_background,
    retells_a_landmark,
    tells_a_habit,
    tells_a_span_since_a_day,
    told_as_then,
)
from briefing.model.clauses import (
    main_clause_opening,
    main_clause_passive,
    opening_phrase_end,
    subject_end,
)
from briefing.model.dating import (
    best_date,
    first_published,
    line_dates,
    reacts,
    told_of_then,
    written,
)
from briefing.model.index import Index
from briefing.model.panes import (
    Depth,
    Mentions,
    Named,
    PaneActor,
    named_actor,
    past_changes,
    subject_mentions,
    without_past_changes,
)
from briefing.model.reading import Reading
from briefing.model.reports import ENDED, Reports, actor_reports, stated_by
from briefing.model.words import caption_verbs, event_nouns, nouns_pattern
from briefing.profile import Landmark

# Who sends news pictures: the wire agencies, and the picture agencies beside them.
_PICTURE_AGENCIES = rf"{AGENCY_PATTERN}|Getty Images|EPA(?:-EFE)?"
# A photo credit ("(EPA)", "Photo by Wael Hamzeh/EPA-EFE", "1 of 3 | ...", "AFP via Getty
# Images", or a closing "AGENCY/AGENCY/FIRST LAST" as in "... 27 November 2024.
# EFE/EPA/ATEF SAFADI") makes its paragraph a caption, whatever the extractor called it.
_CREDIT = re.compile(
    # (a few words after the agency: "Reuters/Mohamed Azakir", "AFP Photo"; not a sentence,
    # "Reuters reported the talks had stalled.")
    rf"^\(?(?:{_PICTURE_AGENCIES})(?:[ /-]\w+){{0,3}}\)?\.?$"
    r"|\bPhoto(?:graph)?\s*(?:by\b|:)|\bvia Getty Images\b|\b\d+\s+of\s+\d+\s*\|"
    # A slash after a capitalised agency, then a person's name (two or three words) at
    # the very end: "UN/OCHA" or "and/or" are not credits.
    r"|(?-i:(?:^|\s)(?:[A-Z]{2,}[/-])*[A-Z]{2,}(?:\s+Photo)?\s?/\s?"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s*\)?$)"
    # Or the photographer's name in capitals after the caption's last sentence, then the
    # paper or service: "... on Sept. 3, 2024.DAVID GUTTENFELDER/The New York Times News
    # Service", "... on Friday. FRED LUM/THE GLOBE AND MAIL".
    r"|(?-i:[.!?]\s*[A-Z]{2,}(?:\s+[A-Z]{2,}){1,3}\s?/\s?[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*){0,5}\s*$)"
    # Or, closing it in brackets, who took it and where it was posted or which agency sent
    # it: "... damaged a passenger train (Serhii Lysak/Telegram).", "(Abdulaziz Ketaz/AFP)".
    r"|(?-i:\((?:[Pp]hoto:\s*)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s?/\s?"
    rf"(?:Telegram|Facebook|Instagram|Twitter|X|YouTube|TikTok|{_PICTURE_AGENCIES})\)\.?$)"
    # Or the agency, a colon and who took it: "(Reuters: Khaled Abdullah)", "(AP: Stringer)".
    rf"|(?-i:^\((?:{_PICTURE_AGENCIES}):\s*[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*){0,2}\)\.?$)",
    re.IGNORECASE,
)
# Article text ends its sentences (`ENDED`); a short body or subhead line that does not is
# a teaser, link or label (a long one is a sentence whose full stop the page dump lost). A
# subhead that tells something ends its sentence ("The army withdrew on Monday.").
_TEASER_WORDS = 16
# What every credit but a whole-line one ("(EPA)") holds, one of: a word (ignoring case,
# no other character matches their letters: checked over all of Unicode), a "|" or a "/".
# A text without any can be a credit only from its start. A new kind of credit in
# _CREDIT needs its word or mark here. (Searching every sentence for a credit cost a tenth
# of the model stage.)
_CREDIT_INSIDE = Screened(_CREDIT, ("photo", "getty", "|", "/"))
# An embedded social-media post the page dump kept as text: its link (X's "pic.twitter.com/"
# or its short link "https://t.co/": no article links through it), or its closing
# signature "— Name (@handle) April 4, 2025" (alone in its paragraph, its dash may be gone
# with the list mark it was taken for). Its whole paragraph is the post.
_SIGNED = r"[^—–()]{1,80}\(@\w{1,15}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
_SIGNATURE_ALONE = rf"^{_SIGNED}\s*$"
_EMBEDDED_POST = Screened(
    re.compile(rf"\bpic\.twitter\.com/\w|\bhttps?://t\.co/\w|[—–-]\s*{_SIGNED}|{_SIGNATURE_ALONE}"),
    ("pic.twitter", "t.co/", "(@"),
    ignore_case=False,
)
# Where a post's own text stops in the paragraph of its link or signature: before the link,
# or before the signature's dash when no link precedes it ("this…— António Guterres (@...").
_POST_MARK = re.compile(
    rf"\bpic\.twitter\.com/|\bhttps?://t\.co/|(?<![^\s…])[—–-]\s*[^—–()]{{1,80}}\(@|{_SIGNATURE_ALONE}"
)
# A post the embed cut short ("Yemen’s… pic.twitter.com/...", or its last line above the
# signature alone ending so) began above when that text is short of the post's length: the
# dump puts each line of a post in a paragraph. A post holds at most 280 characters as X
# counts them (see `_post_length`), and one cut short shows most of them, less its links
# and line breaks (180 to 282 in the 11 cut posts of the shared, judged and QA pages).
# An uncut post's lines above its link cannot be told from the article's: walking up from
# any signature standing alone took article lines on two shared pages (the club statement
# quoted above Tottenham's post, the introduction above a Japanese thread).
_POST_CUT = ("…", "...")
_POST_CHARACTERS = 280
_POST_CUT_SHOWS = 160
# A photo's caption as the one sentence of its paragraph: "The picture shows ...",
# "Parents are sitting beside ..." (the verbs: data/caption_verbs.txt).
_PICTURE = re.compile(r"^\W*(?:The|This|A|An)\s+(?:picture|photo|photograph|image)\s+shows\b")
# The site asking its readers to follow or subscribe, alone in its paragraph: "For more news
# ... from Ukraine, please follow us on X.", "Subscribe to our channel on Telegram."
# (Not extraction's PROMO, whose "share", "read more" and "cookies" fit a row of a page,
# not a sentence of news.)
_INVITATION = re.compile(
    r"\b(?:please\s+)?(?:follow|join)\s+us\b|\b(?:subscribe|sign\s+up)\s+(?:to|for)\s+our\b",
    re.IGNORECASE,
)


def furniture(article: AnnotatedArticle) -> frozenset[str]:
    """Sentences no line may state: the paragraphs of a photo credit, and body text that
    ends no sentence ("UAE Lottery's winner reveals plans", "A map of Sumy in Ukraine:").
    An article's furniture depends on it alone: it is worked out with the article."""
    sentences = article.sentences
    per_paragraph = Counter(s.paragraph for s in sentences)
    captioned = {
        s.paragraph
        for s in sentences
        if _credit(s.text)
        or _embedded_post(s.text)
        or (
            per_paragraph[s.paragraph] == 1
            and s.kind == "body"
            and (_described(s.text) or _INVITATION.search(s.text) is not None)
        )
    }
    captioned |= _post_lines_above(article.article.blocks, captioned)
    return frozenset(
        s.id
        for s in sentences
        if s.paragraph in captioned
        or (
            s.kind in ("body", "subhead")
            # (its first words split off, no more: enough to tell whether it is short)
            and len(s.text.split(maxsplit=_TEASER_WORDS - 1)) < _TEASER_WORDS
            and not ENDED.search(s.text)
        )
    )


def _embedded_post(text: str) -> bool:
    return _EMBEDDED_POST.search(text) is not None


def _post_lines_above(blocks: Sequence[Block], captioned: set[int]) -> set[int]:
    """The paragraphs above an embedded post's link or signature that are its own lines,
    when the post was cut short (see `_POST_CUT`): the body paragraphs up to the post's
    length, not past another post or a paragraph ending in a colon (the article introducing
    it: "Costa wrote on X:")."""
    lines: set[int] = set()
    for n, block in enumerate(blocks):
        if not _embedded_post(block.text):
            continue
        mark = _POST_MARK.search(block.text)
        lead = (block.text[: mark.start()] if mark else block.text).strip()
        above: list[int] = []
        length = _post_length(lead)
        for other in range(n - 1, -1, -1):
            line = blocks[other].text
            if (
                other in captioned
                or blocks[other].kind != "body"
                or line.endswith(":")
                or length + _post_length(line) > _POST_CHARACTERS
            ):
                break
            above.append(other)
            length += _post_length(line)
        # The post's last words: before its link, or above its signature standing alone.
        shown = lead or (blocks[above[0]].text if above else "")
        if shown.endswith(_POST_CUT) and length >= _POST_CUT_SHOWS:
            lines.update(above)
    return lines


def _post_length(text: str) -> int:
    """The length of a post's text as X counts it against its limit: a character past the
    Latin, Greek, Cyrillic and other alphabets (Chinese, Japanese, an emoji) counts twice,
    but for the common punctuation of U+2000-U+2037 ("’", "—")."""
    return len(text) + sum(
        1
        for c in text
        if ord(c) > 0x10FF
        and not (0x2000 <= ord(c) <= 0x200D or 0x2010 <= ord(c) <= 0x201F)
        and not 0x2032 <= ord(c) <= 0x2037
    )


@cache
def _caption_pattern() -> re.Pattern[str]:
    verbs = "|".join(sorted(caption_verbs()["progressive"]))
    return re.compile(rf"\b(?:is|are)\s+(?:\w+ly\s+)?(?:{verbs})\b")


@cache
def _present_caption_pattern() -> re.Pattern[str]:
    """A caption's people (a name or a noun phrase, with an apposition between commas),
    then their doing in the simple present, then where or what ("sit near a wall")."""
    verbs = "|".join(sorted(caption_verbs()["present"]))
    return re.compile(
        r"^[A-Z][^,.;:\"“”]{0,60}?(?:,[^,.;:]{2,80},)?\s+"
        rf"(?:{verbs})\s+(?:near|on|in|at|beside|outside|inside|amid|around|among|next|by"
        r"|with|over|under|a|an|the|their|his|her)\b"
    )


def _described(text: str) -> bool:
    """Whether a sentence describes a photo: its main clause's verb is one a caption tells
    what its people are doing with ("are sitting beside", "sit near"), or it says "The
    picture shows"."""
    if _PICTURE.match(text) or _present_caption_pattern().match(text):
        return True
    opening = main_clause_opening(text)
    found = _caption_pattern().search(opening)
    return found is not None and found.start() <= subject_end(opening) + 1


@cache
def _closing_credit() -> re.Pattern[str]:
    """A caption closing on its picture agency's name, with no full stop: "... the Nasser
    Medical Complex (ANSA)", "... in Khan Yunis, (AFP or licensors)". The wires are the
    extraction's; the picture agencies that file no text are added."""
    from briefing.extract.vocabulary import AGENCY_PATTERN

    return re.compile(
        rf"\((?:{AGENCY_PATTERN}|ANSA|EPA(?:-EFE)?|Getty Images)"
        r"(?:\s+(?:or\s+licensors|Photo|Images))?\)\s*$"
    )


def _credit(text: str) -> bool:
    if text.endswith(")") and _closing_credit().search(text):
        return True
    return _CREDIT_INSIDE.search(text) is not None or _CREDIT.match(text) is not None


@dataclass(frozen=True)
class Line:
    report: str  # the report's id
    sources: tuple[str, ...]  # the report's sentences that name the pane's actor
    stated: Sentence  # the sentence whose words state the report
    event: str  # the event cut out of it (see events.event_span)
    speaker: str | None  # whose account, pronouns and continued quotes resolved
    dates: tuple[DateMention, ...]  # the event's dates, from every sentence carrying it
    reported: str | None  # earliest publication day of the articles carrying it
    wire: str | None  # the wire or outlet, for a line nobody is quoted on
    outlets: int  # distinct outlets carrying the report
    background: bool  # habit, state, hypothetical, history, or an off-period article
    order: int  # reading order of its first sentence
    subject: bool  # the pane's actor is the subject of the event
    # its sentence is part of a quote running over several sentences: its marks say so,
    # or it names no speaker yet has one (see `attribution._quote_goes_on`)
    quoted: bool = False
    # its sentence names its speaker (or a pronoun for one), not a quote's it is part of
    named_speaker: bool = True
    # its sentence's speaker is a pronoun no name before it resolves ("He said ...")
    unresolved_pronoun: bool = False
    # its sentence is the last of its page, cut off mid-way (an excerpt's end: see `as_cut`)
    cut: bool = False

    @property
    def date(self) -> DateMention | None:
        return best_date(self.dates)

    @property
    def recency(self) -> str:
        """The day the line is filed under, for newest-first order ("" when unknown)."""
        date = self.date
        return (date.value if date else self.reported) or ""


def pane_lines(
    index: Index,
    panes: Sequence[PaneActor],
    mentions: Mentions,
    off_period: frozenset[str],
    blamed: Mapping[str, str],
    landmarks: Sequence[Landmark] = (),
) -> dict[str, tuple[tuple[Line, tuple[str, ...]], ...]]:
    """Pane id -> its lines (reading order), each with the names of the other actors it
    names. A report goes to the one pane it is about. `blamed`: `blamed_attacks`;
    `landmarks`: the profile's (see `make_line`)."""
    names = {pane.id: pane.name for pane in panes}
    candidates: dict[str, list[str]] = {}  # report id -> the panes naming it, pane order
    per_pane = {}
    unfit = index.furniture
    for pane in panes:
        reports = actor_reports(index, [sid for sid in pane.sentence_ids if sid not in unfit])
        per_pane[pane.id] = reports
        for members in reports:
            report = index.corroboration.report_of[members[0]].id
            candidates.setdefault(report, []).append(pane.id)
    about: dict[str, str | None] = {}
    # An attack told with no one acting is about the actor blamed for it (`blamed_attacks`),
    # a pane that may not name it.
    for pane in panes:
        for members, stated in list(per_pane[pane.id].items()):
            report = index.corroboration.report_of[members[0]].id
            if report in about:
                continue
            whom = blamed.get(stated.id)
            if whom is not None and whom in per_pane:
                about[report] = whom
                # Its line cites the copies every pane naming it holds ("A drone strike on
                # Kalogi killed 50 ..., according to ... the Sudanese army" is the army's
                # copy of the strike blamed on the RSF).
                held = [
                    copy
                    for other in candidates[report]
                    if other != whom
                    for copy in _copies(index, per_pane[other], report)
                ]
                if whom not in candidates[report]:
                    candidates[report].append(whom)
                    per_pane[whom][members] = stated
                    held.remove(members)  # (its own copy now)
                for copy in held:
                    _join(index, per_pane[whom], report, copy)
    lines: dict[str, list[tuple[Line, tuple[str, ...]]]] = {pane.id: [] for pane in panes}
    located = _located(mentions, [(pane.id, pane.name) for pane in panes])
    for pane in panes:
        for members, stated in per_pane[pane.id].items():
            report = index.corroboration.report_of[members[0]].id
            if report not in about:
                about[report] = report_actor(index, report, candidates[report], mentions)
                if all(
                    names_in_passing(
                        index.sentences[sid].text,
                        _sentence_before(index, index.sentences[sid]),
                        candidates[report],
                        lambda text, s=index.sentences[sid]: located(text, s),
                    )
                    for sid in index.corroboration.sources(report)
                ):
                    about[report] = None  # about none of them: no pane's line
            if about[report] != pane.id:
                continue  # (its line is another pane's: not read for this one)
            line = make_line(index, report, members, off_period, stated, landmarks)
            opening = main_clause_opening(line.event)
            named = subject_mentions(opening, lambda text, s=line.stated: mentions(text, s))
            subject = pane.id in named
            also = tuple(names[other] for other in candidates[report] if other != pane.id)
            # A line is read with subject=False: copied only when it is the subject's
            # (copying every line cost a tenth of pane_lines).
            lines[pane.id].append((replace(line, subject=True) if subject else line, also))
    return {pane_id: tuple(found) for pane_id, found in lines.items()}


def _copies(index: Index, reports: Reports, report: str) -> list[tuple[str, ...]]:
    """The copies of `report` among a pane's `actor_reports`."""
    report_of = index.corroboration.report_of
    return [members for members in reports if report_of[members[0]].id == report]


def _join(index: Index, reports: Reports, report: str, members: tuple[str, ...]) -> None:
    """Add `members` to a pane's copies of `report` (of its `actor_reports`), in place and
    stated anew; the pane's other reports keep their places."""
    report_of = index.corroboration.report_of
    kept = list(reports.items())
    reports.clear()
    for own, stated in kept:
        if report_of[own[0]].id == report:
            own = tuple(sorted({*own, *members}, key=index.order.__getitem__))
            stated = stated_by(index, own)
        reports[own] = stated


_ATTACK = nouns_pattern(event_nouns()["attack"])
# A word each of those holds: the nouns holding no other.
_ATTACK_WORDS = tuple(
    noun
    for noun in event_nouns()["attack"]
    if not any(other != noun and other in noun for other in event_nouns()["attack"])
)
# "They blamed the paramilitary RSF for Monday's attack", "accused Israel of the strike".
# (Searched only in a text holding one of its verbs' openings and an attack's word.)
_BLAMES = Screened(
    re.compile(
        r"\b(?:blamed|blames|accused|accuses|held)\s+(?P<whom>[^.;:]{2,120}?)\s+"
        r"(?:responsible\s+)?(?:for|of)\s+(?:carrying\s+out\s+)?"
        rf"(?:(?:the|this|that|[\w'’-]+['’]s?)\s+){{0,2}}{_ATTACK}",
        re.IGNORECASE,
    ),
    ("blame", "accuse", "held"),
    also=_ATTACK_WORDS,
)
# The same told otherwise: "the medics say the RSF carried out the attack" (the actor
# nearest the verb), "the strike was carried out by the RSF", "medics attribute the attack
# to the RSF".
_CARRIED_OUT = Screened(
    re.compile(
        rf"(?P<doer>[^.;:]{{2,120}}?)\s+(?:carried|executed)\s+out\s+the\s+{_ATTACK}"
        rf"|\bthe\s+{_ATTACK}\s+was\s+(?:carried\s+out|executed)\s+by\s+(?P<by>[^.;:]{{2,80}})"
        rf"|\battribut(?:e|es|ed|ing)\s+the\s+{_ATTACK}\s+to\s+(?P<to>[^.;:]{{2,80}})",
        re.IGNORECASE,
    ),
    ("carried", "executed", "attribut"),
    also=_ATTACK_WORDS,
)
# An attack a sentence tells naming no one: "At least 13 people have been killed after a
# drone strike on a house in the city of el-Obeid, says the Sudan Doctors' Network."
_TOLD_ATTACK = Screened(
    re.compile(rf"\b{_ATTACK}|\bdrones?\s+(?:hit|struck)\b", re.I),
    (*_ATTACK_WORDS, "drone"),
)
# How far after an attack told naming no one the sentence blaming someone may come.
_BLAME_WITHIN = 3
# A main clause whose subject is the attack itself: "A drone strike on the town of Kalogi
# killed at least 50 people" (no one is told as acting, whoever is named as telling it).
_ATTACK_SUBJECT = re.compile(rf"(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}{_ATTACK}", re.I)


def blamed_attacks(index: Index, actor_ids: Sequence[str], mentions: Mentions) -> dict[str, str]:
    """Sentence id -> the actor of `actor_ids` blamed for the attack it tells with no one
    acting, in one of the next sentences of its paragraph run before any other sentence
    names an actor ("..., the medics say the RSF carried out the attack"): a sentence
    naming no actor ("At least 13 people have been killed after a drone strike on a
    house ...": a copy of the story's main event no pane would otherwise show), or one
    whose main clause is a passive naming none as acting ("At least 30 people were killed
    in a drone strike outside the army-held town of Kadugli") or has the attack as its
    subject ("A drone strike on the town of Kalogi killed at least 50 people, ...,
    according to medical workers and the Sudanese army")."""
    blamed: dict[str, str] = {}
    for annotated in index.annotated:
        sentences = annotated.sentences
        # Read from the blaming sentences back (few sentences blame: only those holding
        # `_blamed_in`'s words are searched).
        texts = joined([sentence.text for sentence in sentences])
        for m in sorted({*_BLAMES.holding(texts), *_CARRIED_OUT.holding(texts)}):
            blaming = sentences[m]
            whom = _blamed_in(blaming.text, actor_ids, lambda text, s=blaming: mentions(text, s))
            if whom is None:
                continue
            for before in reversed(sentences[max(0, m - _BLAME_WITHIN) : m]):
                if before.kind == "subhead":
                    continue  # ("Accusations and counterclaims": the run goes on under it)
                if before.kind != blaming.kind:
                    break
                if before.actors:
                    if _none_acting(index, before, actor_ids, mentions):
                        blamed.setdefault(before.id, whom)
                    break
                if _TOLD_ATTACK.search(before.text):
                    blamed.setdefault(before.id, whom)
    return blamed


def _none_acting(
    index: Index, sentence: Sentence, actor_ids: Sequence[str], mentions: Mentions
) -> bool:
    """Whether `sentence` tells what it tells in a passive naming no actor as acting or
    speaking ("... were killed in a drone strike outside the army-held town of Kadugli"),
    or with the attack as the subject ("A drone strike on ... killed ...": who tells it
    does not act)."""
    told = _told(index, sentence, None)
    if _ATTACK_SUBJECT.match(main_clause_opening(told.event)):
        depth = Depth.ACTS
    elif main_clause_passive(told.event):
        depth = Depth.SPEAKS
    else:
        return False
    return not named_actor(
        told.event, told.speaker, actor_ids, lambda text: mentions(text, sentence), depth
    )


def _blamed_in(
    text: str, actor_ids: Sequence[str], named: Callable[[str], dict[str, int]]
) -> str | None:
    """The actor of `actor_ids` a sentence blames for "the attack", or None."""
    blame = _BLAMES.search(text)
    if blame is not None:
        return _named_in(blame["whom"], actor_ids, named, min)
    carried = _CARRIED_OUT.search(text)
    if carried is None:
        return None
    # The doer nearest the verb, else the first named after "by" or "to".
    return _named_in(carried["doer"] or "", actor_ids, named, max) or _named_in(
        carried["by"] or carried["to"] or "", actor_ids, named, min
    )


def _named_in(
    text: str,
    actor_ids: Sequence[str],
    named: Callable[[str], dict[str, int]],
    pick: Callable[..., str],
) -> str | None:
    """The actor of `actor_ids` `text` names that `pick` (min: the first, max: the last)
    chooses by place, or None."""
    found = {a: at for a, at in named(text).items() if a in actor_ids}
    return pick(found, key=found.__getitem__) if found else None


def report_actor(index: Index, report: str, candidates: Sequence[str], mentions: Mentions) -> str:
    """The pane a report is about, decided once for all its panes: by the sentence stating
    the whole report; when its words name none of the candidates ("Two ballistic missiles
    struck the city centre"), by the first of its other sentences that does ("Two missiles
    hit ..., following accusations between Russia and Ukraine"); else the first candidate,
    one not named only as who underwent a past change (`panes.past_changes`) first.
    Who acts in any of its sentences comes before who speaks, and who speaks before who is
    acted upon: a quote stated as "..., the statement said" is the Israeli military's when
    a copy says so; a toll "according to the Hamas-run health ministry" is Israel's when a
    copy has "Israeli warplanes struck ..."."""
    sources = index.corroboration.sources(report)
    if len(candidates) == 1 and not any(past_changes(index.sentences[s].text) for s in sources):
        return candidates[0]  # whatever its words name
    whole = stated_by(index, sources)
    stating = [whole, *(index.sentences[sid] for sid in sources if sid != whole.id)]
    # Found once: looked for again for each sentence, it made a report of many outlets
    # cost the square of their number.
    speaker = first_speaker(index, sources)
    # Each sentence's account is read when first asked for (most reports are decided by
    # their first sentence), and only its event and speaker: the line's dates are not
    # needed here, and a long report's sentences would each be dated.
    told: dict[str, _Told] = {}
    for depth in Depth:
        for stated in stating:
            if stated.id not in told:
                told[stated.id] = _told(index, stated, speaker)
            found = named_actor(
                told[stated.id].event,
                told[stated.id].speaker,
                candidates,
                lambda text, s=stated: mentions(text, s),
                depth,
            )
            if found:
                return found
    # Its words name no candidate but as who underwent a past change ("His leadership
    # follows the resignation of President Assad"): a candidate tagged from another
    # sentence is what it is about. Else the changed actor keeps it: on the change's own
    # news days ("Crowds filled the streets after the fall of Assad") it is that actor's.
    named: set[str] = set()
    for stated in stating:
        kept = mentions(without_past_changes(told[stated.id].event), stated)
        owners = [a for a in candidates if a in kept]
        if owners:
            return min(owners, key=kept.__getitem__)
        named.update(mentions(told[stated.id].event, stated))
        named.update(mentions(told[stated.id].speaker or "", stated))
    elsewhere = [a for a in candidates if a not in named]
    return elsewhere[0] if elsewhere else candidates[0]


# A quotation in a sentence: curly or straight marks, or one left open to the sentence's end.
_QUOTATION = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")
# An item of a statement's list, told with no subject: "Condemning the Israeli incursion
# ..., demanding its immediate ... withdrawal", "Urgently announcing a temporary
# constitutional framework ..., thus expediting ...". Not an opening phrase before a subject
# ("Condemning the attack, Hamas said ..."), nor a gerund subject ("Shelling the city
# continued on Monday."): an item goes on with another ", ...ing" or follows a ":".
_LIST_ITEM = re.compile(
    r"^(?!(?:According|During|Including|Following|Regarding|Concerning|Considering|Pending)\b)"
    r"(?:[A-Z][a-z]+ly\s+[a-z]+|[A-Z][a-z]+)ing\s+(?:(?:the|an?|its|their|all|any)\s|[A-Z])"
    r"[^,]*(?P<more>,\s+(?:thus\s+|and\s+)?[a-z]+ing\b)?"
)


def _list_item(text: str, before: str) -> bool:
    """Whether `text` is an item of a statement's list, `before` the sentence before it."""
    if not text.endswith((".", ";")):  # (a headline has no mark)
        return False
    item = _LIST_ITEM.match(text)
    return item is not None and (item["more"] is not None or before.rstrip().endswith(":"))


def _sentence_before(index: Index, sentence: Sentence) -> str:
    """The text of the sentence before `sentence` in its article ("" for its first)."""
    place = int(sentence.id.rpartition(".s")[2])  # 1-based
    sentences = index.annotated_by_id[sentence.article_id].sentences
    return sentences[place - 2].text if place > 1 else ""


def _located(mentions: Mentions, names: Sequence[tuple[str, str]]) -> Mentions:
    """`mentions`, an actor it does not find by name found by its initials too ("UN
    organisations": the United Nations, an other actor found so)."""
    by_initials = [
        (actor, re.compile(rf"\b{letters}\b"))
        for actor, name in names
        if len(letters := initials(name)) > 1
    ]

    def located(text: str, sentence: Sentence) -> dict[str, int]:
        found = mentions(text, sentence)
        for actor, pattern in by_initials:
            if actor not in found and (match := pattern.search(text)):
                found[actor] = match.start()
        return found

    return located


def names_in_passing(text: str, before: str, candidates: Sequence[str], mentions: Named) -> bool:
    """Whether a sentence names the candidates only in someone else's words: inside a
    quotation its subject gives and past the quotation's first clause ('The ministry
    strongly condemned "the genocide against citizens, ... even by international and UN
    organisations"'), or in an item of a statement's list ("Condemning the Israeli incursion
    ..."). A quotation's first clause tells what it is about ('al-Sharif posted on X about
    "intense and concentrated Israeli bombardments ..."'); a sentence opening with one is
    its speaker's words, whose pane `panes.named_actor` decides. `before` is the sentence
    before it (a list item's may end in ":")."""
    if _list_item(text, before):
        return any(a in candidates for a in mentions(text))
    if text[:1] in "\"“‘'":
        return False
    quotes = [(m.start(), m.end()) for m in _QUOTATION.finditer(text) if m.end() > m.start() + 1]
    if not quotes:
        return False
    found = mentions(text)
    named = [found[a] for a in candidates if a in found]
    if not named or not all(any(s <= at < e for s, e in quotes) for at in named):
        return False  # (one tagged by a name its words do not hold decides nothing here)
    outside = text
    for start, end in quotes:
        outside = outside[:start] + " " * (end - start) + outside[end:]
    if any(a in candidates for a in mentions(outside)):
        return False  # the candidate named in the speaker's own words
    for start, end in quotes:
        first_clause = _CLAUSE_END.split(text[start + 1 : end], maxsplit=1)[0]
        if _REPORTS_IT.search(text, max(0, start - 24), start) or any(
            a in candidates for a in mentions(first_clause)
        ):
            return False
    return True


# Where a quotation's first clause ends.
_CLAUSE_END = re.compile(r"[,;:—–]|\s-\s")
# A quotation told as what was said ('the Syrian Observatory for Human Rights (SOHR)
# reported that "23 members of the Turkish-backed factions were killed ... in the fierce
# clashes with the SDF ..."'): the news itself, about whom it names.
_REPORTS_IT = re.compile(
    r"\b(?:that|said|says|reported|reports|announced|stated|confirmed|added|wrote|saying)"
    r",?\s*$|:\s*$"
)


def make_line(
    index: Index,
    report: str,
    members: tuple[str, ...],
    off_period: frozenset[str],
    stated: Sentence | None = None,
    landmarks: Sequence[Landmark] = (),
) -> Line:
    """The line of a report carried by `members` (a pane's sentences of it); `stated`
    is the sentence stating it (by default its first body sentence); a line retelling one
    of the profile's `landmarks` long after it is background."""
    if stated is None:
        stated = stated_by(index, members)
    off = all(index.sentences[sid].article_id in off_period for sid in members)
    return _read_line(index, report, tuple(members), stated, off, landmarks)


@dataclass(frozen=True)
class _Told:
    """What a sentence stating a report tells, as a line reads it."""

    text: str  # the sentence after its dateline
    reading: Reading  # its event, and whether its words tell one
    speaker: str | None  # whose account

    @property
    def event(self) -> str:
        return self.reading.event


def first_speaker(index: Index, members: Sequence[str]) -> str | None:
    """The account of the first of a report's sentences that gives one."""
    speakers = index.speakers
    return next((speakers[sid] for sid in members if speakers.get(sid)), None)


def _told(index: Index, stated: Sentence, members_speaker: str | None) -> _Told:
    """What `stated` tells; `members_speaker`: the `first_speaker` of the report's
    sentences it is read among."""
    reading = index.reading(stated)
    text = reading.text(stated.text)
    # The stating sentence's own account first: another sentence merged into the report
    # may quote someone else ("The UN reported over 100 deaths ..."). A named subject's
    # response ("The Syrian foreign ministry condemned ...") is its own account, not a
    # copy's source ("Syrian officials and local residents reported ..."); an event
    # ("Israeli strikes killed ...", "drones entered ...") keeps the copy's.
    own = acting_subject(text) and reacts(text)
    speaker = index.speakers.get(stated.id) or (None if own else members_speaker)
    return _Told(text, reading, speaker)


def _read_line(
    index: Index,
    report: str,
    members: tuple[str, ...],
    stated: Sentence,
    off: bool,
    landmarks: Sequence[Landmark],
) -> Line:
    """The line as its sentences tell it; `off`: all of them are of articles off the
    briefing's period, which makes it background whatever its words tell (they are then
    not judged: half the lines of a distinct corpus of 1,000)."""
    article = index.articles[stated.article_id]
    told = _told(index, stated, first_speaker(index, members))
    text, event, speaker = told.text, told.event, told.speaker
    named = index.speakers.get(stated.id) is None or find_speaker(stated.text) is not None
    dates = line_dates(index, members, stated, event)
    whole = index.corroboration.sources(members[0])
    outlets = {
        index.articles[index.sentences[sid].article_id].outlet or index.sentences[sid].article_id
        for sid in whole
    }
    # History is judged against when the report was published; an undated article's
    # against the briefing's period.
    published = article.published or first_published(index, whole) or index.middle_day
    return Line(
        report=report,
        sources=members,
        stated=stated,
        event=event,
        speaker=speaker,
        dates=dates,
        reported=first_published(index, members),
        wire=article.wire or article.outlet,
        outlets=len(outlets),
        background=off
        or stated.id in index.under_background_heading
        or retells_a_landmark(text, published, landmarks)
        or is_background(
            event,
            best_date(dates),
            published,
            text[: opening_phrase_end(text)],
            no_event=told.reading.tells_no_event,
        )
        # a span since a day no one is said to tell (see `tells_a_span_since_a_day`)
        or (tells_a_span_since_a_day(event) and find_attribution(text) is None)
        # an undated sentence the next one turns to now against, one telling its event
        # inside a clause dated long before, a body sentence telling it in the present, or
        # one going on with the history its paragraph opened with
        or (
            not written(dates)
            and (
                told_as_then(_text(index.following.get(stated.id)))
                or (stated.kind == "body" and tells_a_habit(event))
                or told_of_then(stated.text, index.dating.sentence_dates(stated), published)
                or index.dating.goes_on_history(stated, published)
            )
        ),
        order=index.order[members[0]],
        subject=False,
        quoted=within_quote(stated.text) or not named,
        named_speaker=named,
        unresolved_pronoun=speaker is None and is_pronoun(find_speaker(text)),
        cut=_cut_off(index, stated),
    )


def _cut_off(index: Index, sentence: Sentence) -> bool:
    """Whether the sentence is its article's last body sentence and ends none: the page
    (an excerpt) stops in the middle of it ("... for the killing of the soldiers and")."""
    if sentence.kind != "body" or ENDED.search(sentence.text):
        return False  # (most sentences: the article's others are not looked at)
    sentences = index.annotated_by_id[sentence.article_id].sentences
    return next(s for s in reversed(sentences) if s.kind == "body").id == sentence.id


def as_cut(text: str) -> str:
    """A cut-off sentence's words (see `Line.cut`) ending where the page stops, marked so:
    "... for the killing of the soldiers and…", not with the full stop a line's event is
    given (`events._closed`), which reads as a finished, garbled sentence. (Leaving such
    sentences out instead cost news: "The RSF attacked the Abu Shouk displacement camp ...
    at least 16 times ..., killing at least 212 displaced people and in" was a key fact.)"""
    return text.rstrip().removesuffix(".").rstrip() + "…"


def _text(sentence: Sentence | None) -> str | None:
    return sentence.text if sentence else None
