"""Key-fact rules: whose account a sentence gives, and which sentences make facts."""

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.annotate import Sentence
from briefing.annotate.actors import compile_profile
from briefing.annotate.coreference import within_quote
from briefing.annotate.dates import DateMention, resolve_dates
from briefing.model.attribution import attribute_sentences, find_speaker
from briefing.model.background import told_as_then
from briefing.model.clauses import main_clause_opening, subject_end, verb_done
from briefing.model.dating import event_dates, told_of_then
from briefing.model.facts import (
    FactCandidate,
    civilians_act,
    fact_candidate,
    opens_with_pronoun,
    others_than,
    says_again,
    score,
    select_facts,
    self_contained,
    speaks_for_nobody,
)
from briefing.model.lines import Line, _located, names_in_passing
from briefing.model.panes import Depth, line_actor, named_actor, subject_mentions
from briefing.profile import load_profile


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Iran will send missiles, drones and more advisers to Syria, a senior Iranian "
            "official said on Friday, as rebel forces pushed their lightning offensive south.",
            "a senior Iranian official",
        ),
        (
            "Jordan has closed its only passenger and commercial border crossing with Syria, "
            "the interior ministry said on Friday.",
            "the interior ministry",
        ),
        (
            "The Syrian Observatory for Human Rights, a UK-based monitoring group, said "
            "thousands of people had begun fleeing from Homs on Thursday night.",
            "The Syrian Observatory for Human Rights",
        ),
        (
            '"Due to the recent developments, there is increased movement by Islamic State '
            'mercenaries in the Syrian desert," Mazloum Abdi told a press conference.',
            "Mazloum Abdi",
        ),
        (
            "Russian bombing overnight destroyed the Rastan bridge along the M5 highway, the "
            "main route to Homs, to prevent rebels using it to advance, a Syrian army officer "
            "told Reuters.",
            "a Syrian army officer",
        ),
        ("HTS rebels said they had taken over the towns of Talbisa and Rastan.", "HTS rebels"),
        ("Fighting continued, according to local residents.", "local residents"),
        # When it was said is not part of who said it.
        ("Drones hit Omdurman, according to local media on Tuesday.", "local media"),
        ("Ten people were killed, said the ministry late on Friday.", "the ministry"),
        ("Hemedti was sworn in, according to The National on August 31st.", "The National"),
        ("The camp was hit, according to the Yale lab on 15 May.", "the Yale lab"),
        ("It was the third major city to fall out of Assad's control in a week.", None),
        ("Amazon has reportedly told employees to return to the office.", "Amazon"),
        ("Some employees were told to leave the building on Monday.", None),
        (
            '"Bigger than the little deal" announced in October, said Derek Scissors, a '
            "scholar at the American Enterprise Institute.",
            "Derek Scissors",
        ),
        ("The talks are off, the government of Italy said.", "the government of Italy"),
        ("Government forces were bringing reinforcements to positions around Homs.", None),
        # A document is not who says it: its author is, or the sentence's acting subject.
        (
            "The RSF denied targeting the camp, calling the footage a smear, according to a "
            "statement posted on Telegram.",
            "The RSF",
        ),
        (
            "At least 20 were killed, according to a statement by the Health Ministry.",
            "the Health Ministry",
        ),
        ("More than 100 people were killed, according to a statement posted on Telegram.", None),
        # ...or the words before its noun, when they name an institution or are a name; not
        # its kind or the platform it was posted on.
        (
            "According to the army statement, SDF units instead targeted evacuation buses.",
            "the army",
        ),
        ("According to a Hamas statement, Israeli forces killed five people.", "Hamas"),
        ("According to a joint statement, the talks were constructive.", None),
        ("Five people were killed, according to a Telegram post.", None),
        # A name ending in a document's word is no document of the words before it.
        (
            "The Jerusalem Post, citing an unnamed Israeli official, reported that the "
            "airstrikes were meant to send a warning to Turkey.",
            None,
        ),
        # What is known is not who tells it; its author, or the speaker named elsewhere, is.
        (
            "Spokesperson Yurii Ihnat said that, according to the preliminary information, "
            "the buildings were hit by cruise missiles.",
            "Spokesperson Yurii Ihnat",
        ),
        (
            "At least 20 were killed, according to figures from the health ministry.",
            "the health ministry",
        ),
        ("According to preliminary data, 12 people were killed.", None),
        ("According to an initial review, the numbers do not align.", None),
        ("According to reports, the bill was signed behind closed doors.", None),
        ("According to media reports, Turkish forces shelled the villages.", "media reports"),
        # Opening the sentence as well as closing it.
        (
            "According to the state news agency NNA, three missiles were fired.",
            "the state news agency NNA",
        ),
        # "reports of" is a noun; what someone agreed to say was not said.
        ("The first reports of a ground attack came from Smirnov on Tuesday.", None),
        ("The US president has agreed to say hello to interim Syrian President al-Sharaa.", None),
        ("The ministry reports that five were killed.", "The ministry"),
        # "reports" after a verb is what was denied, not who speaks.
        ("Ukraine on Wednesday denied reports that Russian forces captured the city.", None),
        ("The army dismissed the reports that the town had fallen.", None),
        # After a determiner a speech word is an adjective: "the reported crackdown".
        (
            "In response to the reported crackdown on protests, the council declared in a "
            "statement that the authority has uncovered its oppressive nature.",
            None,
        ),
        # A list of speakers opening the sentence is theirs, not its last two's.
        (
            "The Russian Ministry of Defense, the Investigative Committee and the Ombudsman "
            "for Children all said Ukrainian forces had launched a massive attack.",
            "The Russian Ministry of Defense, the Investigative Committee and the Ombudsman "
            "for Children",
        ),
        (
            "In Gaza, officials and residents said the strikes killed 20 people.",
            "officials and residents",
        ),
        (
            "The strikes killed 20, the ministry and the civil defence said.",
            "the ministry and the civil defence",
        ),
        # A relative clause without its pronoun: the name before the verb said it.
        (
            "The raid, which began early Friday, aimed to detain three Syrian residents Israel "
            "said were members of Jamaa Islamiya.",
            "Israel",
        ),
        (
            "It struck a depot, the Russian Ministry of Defense said was used by Ukraine.",
            "the Russian Ministry of Defense",
        ),
        ("The drone hit a site, the army said was used by the RSF.", "the army"),
        # Who relays a report passes on whose it is (the Heglig QA page's own outlet).
        (
            "The Sudanese Armed Forces (SAF) later confirmed a withdrawal from the area, "
            "Caliber.Az reports via foreign media.",
            "foreign media",
        ),
        (
            "TASS reported, citing the defence ministry, that 20 drones were downed.",
            "the defence ministry",
        ),
        ("Al Jazeera reported citing the health ministry that 13 died.", "the health ministry"),
        ("Ten drones were downed, News.Az reports citing Unian.UA.", "Unian.UA"),
        # A channel is no one's account: the reporter's own.
        ("The drone was shot down, RIA Novosti reported via Telegram.", "RIA Novosti"),
    ],
)
def test_find_speaker(text: str, speaker: str | None) -> None:
    assert find_speaker(text) == speaker


def _sentence(n: int, text: str) -> Sentence:
    return Sentence(f"a1.s{n}", "a1", n, "body", text, (), ())


def test_pronoun_takes_the_last_named_speaker() -> None:
    sentences = [
        _sentence(1, "Russian bombing destroyed the Rastan bridge, a Syrian army officer said."),
        _sentence(2, "Government forces were bringing reinforcements to Homs, he added."),
    ]
    assert attribute_sentences(sentences) == {
        "a1.s1": "a Syrian army officer",
        "a1.s2": "a Syrian army officer",
    }


def test_they_stands_for_the_plural_that_acted_in_the_sentence_before() -> None:
    sentences = [
        _sentence(1, "The Israeli army claimed that the attack targeted Hamas members."),
        _sentence(2, "Meanwhile, Palestinian factions in Sidon declared a general strike."),
        _sentence(3, '"This attack came hours after threats," they said in a statement.'),
        _sentence(4, '"It will not stop us," they added.'),
    ]
    assert attribute_sentences(sentences) == {
        "a1.s1": "The Israeli army",
        "a1.s2": None,
        "a1.s3": "Palestinian factions in Sidon",
        "a1.s4": "Palestinian factions in Sidon",
    }


def test_the_group_as_a_speaker_is_the_group_named_before_or_acting_in_the_sentence() -> None:
    sentences = [
        _sentence(
            1,
            "The Iran-backed Houthi group claimed responsibility for the attack, stating they "
            "used an unmanned boat.",
        ),
        _sentence(2, "The group said they retrieved some of the survivors."),
        _sentence(
            3,
            "Hezbollah has confirmed that its leader was killed in an Israeli airstrike, the "
            "group announced on Saturday.",
        ),
        _sentence(4, "Nobody was rescued on Sunday, the movement said."),
    ]
    assert attribute_sentences(sentences) == {
        "a1.s1": None,
        "a1.s2": "The Iran-backed Houthi group",
        "a1.s3": "Hezbollah",
        "a1.s4": "Hezbollah",
    }


def test_a_quote_going_on_after_its_speaker_keeps_him_to_its_close() -> None:
    # bnonews's Ternopil page (qa11 #7): the second quote's closing half was shown alone,
    # without Zelenskyy.
    sentences = [
        Sentence(f"a1.s{n}", "a1", 3, "body", text, (), ())
        for n, text in enumerate(
            (
                "“Once again, the Russians have killed innocent, peaceful people who were simply "
                "sleeping in their homes,” Zelenskyy said.",
                "“Every life matters.",
                "Every life must be protected.”",
            )
        )
    ]
    assert set(attribute_sentences(sentences).values()) == {"Zelenskyy"}


def _candidate(text: str, order: int, date: str | None = None, kind: str = "body"):
    dates = (DateMention("x", date, "day", 0, 1),) if date else ()
    return FactCandidate(text, kind, dates, find_speaker(text), (f"a1.s{order}",), order)


def test_events_with_dates_and_places_outscore_conditionals_and_asides() -> None:
    event = _candidate(
        "Jordan has closed its only passenger and commercial border crossing with Syria, "
        "the interior ministry said on Friday.",
        1,
        "2024-12-06",
    )
    conditional = _candidate(
        "If insurgents capture Homs in their offensive, it would cut off the capital "
        "Damascus from the coast.",
        2,
    )
    caption = _candidate(
        "Rebel fighters hold weapons in Hama on December 5, 2024.", 3, kind="caption"
    )
    assert score(event) >= 5
    assert score(conditional) < 3
    assert score(caption) == 0


def test_a_fact_pointing_back_to_what_came_before_is_not_self_contained() -> None:
    strategy = _candidate(
        "This strategy enabled the drones to hit four airbases on Sunday, officials said.",
        1,
        "2025-06-01",
    )
    it = _candidate("It has seen sporadic clashes in El Fasher since May 10.", 2)
    he = _candidate("He suggested it would be a springboard for talks in Gaza on Friday.", 3)
    streets = _candidate("Most of its main commercial streets were empty on Friday.", 6)
    remarks = _candidate("Eyal Zamir made the remarks during a visit to a naval base.", 7)
    assert not any(map(self_contained, (strategy, it, he, streets, remarks)))
    # A date, a named subject, or a pronoun whose speaker is known are fine.
    week = _candidate("That same day Israeli strikes killed 12 in Gaza City.", 4, "2025-01-10")
    quoted = _candidate("He said Russia launched 40 drones at Kyiv overnight, the mayor said.", 5)
    assert self_contained(week) and self_contained(quoted)
    assert select_facts([strategy, it, he, week, quoted]) == [week, quoted]


def test_a_pronoun_after_an_opening_phrase_points_back_too() -> None:
    # "Previously," and "Recently," open a phrase as "Meanwhile," does: the main clause's
    # subject, written in lower case after it, is still a pronoun for nobody known.
    previously = _candidate("Previously, he gave President Putin 50 days to agree a ceasefire.", 1)
    monday = _candidate("On Monday, they fired 40 drones at Kyiv and Kharkiv.", 2, "2025-07-28")
    assert not self_contained(previously) and not self_contained(monday)
    assert opens_with_pronoun(previously.text) and opens_with_pronoun("Recently, it said so.")
    # A named subject after the phrase is fine.
    named = _candidate("Previously, the Russians sent 19 drones to the city.", 3, "2025-11-19")
    assert self_contained(named) and not opens_with_pronoun(named.text)
    assert main_clause_opening(named.text).startswith("the Russians sent")


def test_first_person_words_nobody_is_known_to_say_are_no_fact() -> None:
    # An embedded post's lines kept as text: whose "we" is it?
    post = _candidate(
        "Last night in Poland we saw the most serious European airspace violation by Russia "
        "since the war began.",
        1,
    )
    assert not self_contained(post)
    assert speaks_for_nobody("I am in contact with NATO Secretary General Rutte.", None)
    # Quoted, or with its speaker known, it is someone's.
    assert not speaks_for_nobody("“We will respond,” he said.", None)
    assert not speaks_for_nobody("We will respond to the attack on Monday.", "Tusk")
    assert not speaks_for_nobody("Israeli troops killed 20 people, officials said.", None)
    # "I" after a capitalised word is a Roman numeral, but for a time's.
    assert speaks_for_nobody("Yesterday I spoke to the families of the hostages.", None)
    assert not speaks_for_nobody("Phase I of the ceasefire took effect on Monday.", None)
    assert not speaks_for_nobody("World War I memorials were damaged in the strike.", None)


def test_selected_facts_are_newest_first_with_undated_last() -> None:
    late = _candidate(
        "Rebels captured the city of Hama on Thursday, residents said.", 1, "2024-12-05"
    )
    early = _candidate(
        "Rebels seized the city of Aleppo in the north, residents said.", 2, "2024-11-30"
    )
    undated = _candidate("Russian jets bombed the Rastan bridge on the M5, officers said.", 3)
    chosen = select_facts([late, undated, early])
    assert [c.order for c in chosen] == [1, 2, 3]


def test_states_and_habits_score_below_events() -> None:
    state = _candidate(
        "Iran has been focused on tensions with its arch-enemy Israel since the Gaza war "
        "erupted in October 2023.",
        1,
    )
    habit = _candidate(
        "Russia, Iran and Turkiye have regularly held talks on Syria's future in Astana.", 2
    )
    event = _candidate(
        "Russian bombing overnight destroyed the Rastan bridge along the M5 highway, a "
        "Syrian army officer told Reuters.",
        3,
    )
    assert score(state) < 3 and score(habit) < 3
    assert score(event) >= 5


def test_a_run_of_events_in_recent_months_is_a_state() -> None:
    from briefing.model.background import tells_a_state

    assert tells_a_state(
        "Kyiv, once relatively shielded from Russian aerial assaults, has suffered repeated "
        "deadly strikes in recent months."
    )
    assert tells_a_state(
        "Since the end of November 2024, the predominantly Kurdish SDF has faced repeated "
        "attacks from Ankara-backed factions in an effort to gain control over areas."
    )
    assert not tells_a_state("Since Friday, the SDF has repelled an attack on the dam.")
    assert not tells_a_state("Russian missiles struck residential areas in Kyiv early Thursday.")


def test_a_toll_told_as_confirmed_or_reported_is_an_event() -> None:
    from briefing.model.background import tells_a_state, tells_no_event

    lede = (
        "At least four sailors have been confirmed dead and 15 others are missing after a "
        "Liberian-flagged cargo ship, the Eternity C, sank in the Red Sea following an attack "
        "by Yemen’s Houthi rebels."
    )
    assert not tells_no_event(lede)
    assert not tells_a_state("Two people have been reported killed in the strike, police said.")
    # A state told with "been" still is one.
    assert tells_a_state("He has been dead for years.")
    assert tells_a_state("Six crew members have been confirmed to be missing since Monday.")


def _of_then(text: str, published: str) -> bool:
    """`told_of_then` of a sentence of an article published that day (ISO)."""
    return told_of_then(
        text, resolve_dates(text, datetime.date.fromisoformat(published)), published
    )


def test_an_event_told_inside_a_clause_of_long_ago_is_history() -> None:
    text = (
        "Contact with him was lost for two days and he was rumoured to have been killed "
        "during Israel's last war with Hezbollah in 2006, the source said."
    )
    dates = resolve_dates(text, datetime.date(2024, 9, 28))
    assert event_dates(text, dates) == ()  # the clause's date is not the event's
    assert told_of_then(text, dates, "2024-09-28")
    # A clause describing a thing ("which ... during") says nothing of when the event was.
    fired = "Hezbollah fired rockets at Haifa, which it last hit during the war in 2006."
    assert not _of_then(fired, "2024-09-28")
    recent = "He was killed during a strike in September 2024."
    assert not _of_then(recent, "2024-09-28")
    # "first" dates the sentence's own event, long ago: history, not the news day's.
    golan = "Israel first gained control of the Golan Heights in 1967 after defeating Syria."
    dates = resolve_dates(golan, datetime.date(2025, 2, 26))
    assert event_dates(golan, dates) == ()
    assert told_of_then(golan, dates, "2025-02-26")
    hit = "Russian drones first hit the plant on Monday, the governor said."
    assert not _of_then(hit, "2025-02-26")
    # An event told as before a month already over is no news of the day either.
    fought = "HTS fought the Assad government for 14 years before taking power in December."
    assert _of_then(fought, "2025-02-23")
    # Before a day of the week it may be: not history.
    took = "The army withdrew from the base before rebels took it on Sunday."
    assert not _of_then(took, "2025-02-26")
    # An undated event told as following a time long before: of then, not of the day.
    fall = (
        "Following the fall of the Bashar al-Assad regime in late 2024, Israel expanded its "
        "occupation of the Syrian Golan Heights."
    )
    assert _of_then(fall, "2025-11-28")
    after = "After the strike on Sunday, Israel expanded its operations."
    assert not _of_then(after, "2025-11-28")
    # Later in the sentence, "after" tells of a thing or the news's cause, not when.
    later = (
        "Turkey is in talks with the new Syrian authorities — installed after the fall of "
        "Assad's government in December — over a defense pact."
    )
    assert not _of_then(later, "2025-04-03")
    cause = "The U.S. has decided to support him after he severed ties with al Qaeda in 2016."
    assert not _of_then(cause, "2025-05-14")
    # "back in June" goes back to a month over: no news of a November report.
    back = "Beit Jinn saw a similar raid back in June, in which the IDF captured seven locals."
    assert _of_then(back, "2025-11-29")


def test_background_clauses_do_not_date_a_fact() -> None:
    def mention(text: str, span: str, value: str, precision: str) -> DateMention:
        start = text.index(span)
        return DateMention(span, value, precision, start, start + len(span))

    since = "But Russia has been focused on its invasion of Ukraine since 2022."
    assert event_dates(since, [mention(since, "since 2022", "2022", "year")]) == ()
    till = "the IS group, which ran a reign of terror till its defeat in 2017, took areas."
    assert event_dates(till, [mention(till, "in 2017", "2017", "year")]) == ()
    # A comparison or a place's past: "as they did in June 2024", "where ... in January".
    did = "Russian missiles struck Kryvyi Rih, as they did in June 2024."
    assert event_dates(did, [mention(did, "in June 2024", "2024-06", "month")]) == ()
    where = "Kyiv said it had hit an airbase, where Russia had staged bombers in January."
    assert event_dates(where, [mention(where, "in January", "2025-01", "month")]) == ()
    broke = "HTS broke from Al-Qaeda in 2016, says it poses no threat to the West."
    kept = mention(broke, "in 2016", "2016", "year")
    assert event_dates(broke, [kept]) == (kept,)


def test_a_date_naming_a_thing_does_not_date_the_event() -> None:
    def mention(text: str, span: str, value: str) -> DateMention:
        start = text.index(span)
        return DateMention(span, value, "day", start, start + len(span))

    call = "Lawmakers grilled an officer on Trump's July 25 phone call with Ukraine's leader."
    assert event_dates(call, [mention(call, "July 25", "2019-07-25")]) == ()
    met = "The ministers will meet in Doha on Saturday to discuss the war."
    saturday = mention(met, "on Saturday", "2024-12-07")
    assert event_dates(met, [saturday]) == (saturday,)
    took = "Rebels took the city on December 5, 2024, residents said."
    fifth = mention(took, "on December 5, 2024", "2024-12-05")
    assert event_dates(took, [fifth]) == (fifth,)
    offensive = "Officials described the Nov. 27 offensive as a turning point."
    assert event_dates(offensive, [mention(offensive, "Nov. 27", "2024-11-27")]) == ()
    # A day told with no preposition, after no determiner, is the event's (qa-pages12 US
    # strikes: "attended a solemn ceremony Wednesday marking ..." was dated by the news day).
    ceremony = "Trump attended a solemn ceremony Wednesday marking the return of the fallen."
    wednesday = mention(ceremony, "Wednesday", "2025-12-17")
    assert event_dates(ceremony, [wednesday]) == (wednesday,)
    night = "Russian drones struck the port Tuesday night, the governor said."
    tuesday = mention(night, "Tuesday", "2025-12-16")
    assert event_dates(night, [tuesday]) == (tuesday,)


def test_themain_clause_opening_skips_an_opening_phrase() -> None:
    assert main_clause_opening("Citing two officials, Kurdish fighters took the town.").startswith(
        "Kurdish fighters"
    )
    assert main_clause_opening("In a setback for Assad, rebels took Hama.").startswith("rebels")
    assert main_clause_opening("Rebels took Hama on Friday, residents said.").startswith("Rebels")
    assert main_clause_opening("Bombing killed five people, officials said.").startswith("Bombing")
    # A name's apposition belongs to the opening phrase: "head of ..." is no subject.
    text = (
        "Responding to a call by Sheikh Ghazal Ghazal, head of the Supreme Alawite Islamic "
        "Council, thousands of Syrians took to the streets."
    )
    assert main_clause_opening(text).startswith("thousands of Syrians")
    # A leading condition is not the main clause: its subject is not the line's.
    quote = "“If Hezbollah violates the agreement and tries to rearm, we will attack.”"
    assert main_clause_opening(quote).startswith("we will attack")


def test_the_subject_ends_at_its_verb() -> None:
    opening = main_clause_opening("The drones targeted about 34% of Russia's strategic bombers.")
    assert opening[: subject_end(opening)].strip() == "The drones"
    # A name that starts before the verb is the subject's, though "armed" looks like one.
    tagger = compile_profile(load_profile("syria"))
    opening = main_clause_opening("Syrian armed forces attacked the town near Russian bases.")
    found = subject_mentions(opening, lambda text: tagger.positions(text, "", "2024-12-01"))
    assert found == {"assad": 0}
    assert subject_end("Russia launched missiles") == len("Russia ")


def test_a_pane_goes_to_whom_a_pronoun_refers_and_to_the_subject_before_its_verb() -> None:
    tagger = compile_profile(load_profile("gaza-lebanon"))

    def named(text: str) -> dict[str, int]:
        return tagger.positions(text)

    # "He" (Biden, carried over by the tagger) is not named in the sentence.
    sentence = "He said he had spoken to Israeli Prime Minister Benjamin Netanyahu."
    assert line_actor(sentence, None, ("israel", "us"), named) == "us"
    # Whom the object names is not the subject.
    sentence = "The strikes targeted Hezbollah depots, Israeli officials said."
    assert line_actor(sentence, "Israeli officials", ("israel", "hezbollah"), named) == "israel"
    # The speaker's threat names whom it threatens in its condition.
    threat = "“If Hezbollah violates the agreement and tries to rearm, we will attack.”"
    assert line_actor(threat, "Benjamin Netanyahu", ("israel", "hezbollah"), named) == "israel"
    # Words naming none of the candidates decide nothing: another sentence of the report
    # will (see lines.report_actor).
    sentence = "Two ballistic missiles struck the city centre on Sunday."
    assert named_actor(sentence, None, ("israel", "hezbollah"), named) is None
    # The agent of a passive main clause acts; the agent inside an active one does not.
    freed = "Three hostages were released by Hamas after Israel's cabinet approved the deal."
    assert line_actor(freed, None, ("israel", "hamas"), named) == "hamas"
    accused = "The monitor accused Israel of raids like those carried out by Hezbollah."
    assert line_actor(accused, None, ("israel", "hezbollah"), named) == "israel"
    # Who is acted upon neither acts nor speaks: the speaker's pane, not the subject's.
    killed = "Hezbollah chief Hassan Nasrallah was killed in a strike on Beirut."
    assert line_actor(killed, "the Israeli military", ("israel", "hezbollah"), named) == "israel"
    # What the subject did not do is no act of its own: the speaker's account.
    untold = "Israel did not notify Washington in advance about the strike."
    assert line_actor(untold, "a senior US official", ("israel", "us"), named) == "us"
    assert line_actor(untold, None, ("israel", "us"), named) == "israel"
    # A place held by an actor is where the line happens, not who acts in it.
    held = "At least 40 people were killed in a strike on a funeral near the Israeli-held town."
    assert named_actor(held, None, ("israel",), named) is None
    # "X's ally Y": the line is about Y, who stands in the relation.
    ally = "Hezbollah's other ally Iran also strongly condemned the attack on Tuesday."
    assert line_actor(ally, None, ("hezbollah", "iran"), named) == "iran"
    leader = "Hezbollah's leader Naim Qassem condemned the attack on Tuesday."
    assert line_actor(leader, None, ("israel", "hezbollah"), named) == "hezbollah"
    # "There is increased movement by ...": no passive, so no agent; the speaker's pane.
    there = "“There is increased movement by Hezbollah fighters in the south.”"
    assert line_actor(there, "Benjamin Netanyahu", ("hezbollah", "israel"), named) == "israel"
    # Only the agent of the main clause acts: not one of a clause after it.
    effect = "A truce between Hezbollah and Israel came into effect, brokered by the United States."
    assert line_actor(effect, None, ("israel", "hezbollah", "us"), named) == "hezbollah"
    # A quotation's words are its speaker's: the speaker's pane, not that of whom it names.
    dead = '"Hassan Nasrallah is dead," military spokesman Nadav Shoshani announced on X.'
    assert line_actor(
        dead, "military spokesman Nadav Shoshani", ("israel", "hezbollah"), named
    ) == ("israel")
    # "The statement" goes on with the speaker before, as a pronoun does.
    praised = "The statement praised a decision by the Lebanese government this month."
    assert line_actor(praised, None, ("israel", "lebanon"), named) == "israel"
    # ...a pronoun speaker, whose actor the tagger carried over, too.
    terror = "“Hezbollah wants exactly this kind of terror,” he said."
    assert line_actor(terror, "he", ("hezbollah", "us"), named) == "us"
    # ...but a pronoun inside a quotation whose speaker is named is that speaker (the
    # pagers story: Hamas's "We ... condemn", not whom the tagger carried from before).
    condemn = '"We strongly condemn the Zionist aggression against Lebanese citizens."'
    assert line_actor(condemn, "Hamas", ("israel", "hamas"), named) == "hamas"
    # (a speaker naming no candidate: "we" still stands for whom the words do not name)
    exploring = '"We are exploring ties with Hezbollah," a senior official added.'
    assert line_actor(exploring, "a senior official", ("hezbollah", "us"), named) == "us"
    # Reported speech tells who acts: the subject's pane still.
    reported = "Hezbollah fired rockets at Haifa, the Israeli military said."
    assert line_actor(reported, "the Israeli military", ("israel", "hezbollah"), named) == (
        "hezbollah"
    )
    # An agent told as the means of a passive: "killed in Israeli attacks", not a place.
    means = "Iran's deputy commander was killed in Israeli attacks in Beirut."
    assert line_actor(means, "Iranian media", ("iran", "israel"), named) == "israel"
    # Who acts or speaks decides before who is acted upon (lines.report_actor asks every
    # sentence of a report so first).
    conducted = '"The strike hit Hezbollah\'s headquarters in Beirut," the statement said.'
    assert (
        named_actor(conducted, "the statement", ("israel", "hezbollah"), named, Depth.SPEAKS)
        is None
    )
    # Who acts before who speaks: the toll's teller decides only when no copy has an actor
    # act ("Israeli warplanes struck ..."); the speaker of a passive acts, though.
    ministry = "the Hamas-run health ministry"
    passive = "At least 20 people were killed in Khan Younis."  # "..., the ministry said"
    assert named_actor(passive, ministry, ("israel", "hamas"), named, Depth.ACTS) == "hamas"
    toll = "At least 20 people lost their lives in a double strike on the hospital."
    assert (
        named_actor(toll, "the Hamas-run health ministry", ("israel", "hamas"), named, Depth.ACTS)
        is None
    )
    assert named_actor(toll, "the Hamas-run health ministry", ("israel", "hamas"), named) == "hamas"


def test_the_agent_set_off_after_the_subject_acts_before_the_speaker() -> None:
    tagger = compile_profile(load_profile("sudan"))

    def named(text: str) -> dict[str, int]:
        return tagger.positions(text, "", "2025-09-19")

    # The RSF, named only in the participle set off after the subject, did the strike; the
    # army only tells it ("..., according to aid workers and the Sudanese army").
    strike = (
        "A devastating drone strike, attributed to Sudan's paramilitary group Rapid Support "
        "Forces, hit a mosque in the North Darfur region, killing at least 70 worshippers "
        "during Friday prayers."
    )
    speaker = "aid workers and the Sudanese army"
    assert line_actor(strike, speaker, ("saf", "rsf"), named) == "rsf"
    assert named_actor(strike, speaker, ("saf", "rsf"), named, Depth.ACTS) == "rsf"
    # With no such participle the speaker still comes before whom the line acts upon.
    shelled = "Artillery fire hit RSF positions in the city, the Sudanese army said."
    assert line_actor(shelled, "the Sudanese army", ("rsf", "saf"), named) == "saf"


def test_a_quote_running_over_sentences_is_a_view_not_a_fact() -> None:
    def candidate(text: str, quoted: bool) -> FactCandidate:
        return FactCandidate(text, "body", (), "Zelenskyy", ("a1.s1",), 1, quoted=quoted)

    line = "Only filthy scum can act like this, taking the lives of ordinary people."
    assert score(candidate(line, True)) == score(candidate(line, False)) - 2.0
    assert within_quote("Only filthy scum can act like this,\u201d he said.")
    assert within_quote("\u201cYou attacked all Syrians and made an unforgivable mistake.")
    assert not within_quote("\u201cThis is designed to last,\u201d Biden said.")


def test_the_verb_done_is_read_past_a_perfects_auxiliary() -> None:
    assert verb_done("Trump has signed the bill.") == ("signed", "the", "")
    assert verb_done("Trump has signed the bill.", passive_only=True) == ("has", "signed", "the")
    killed = "134 people have been killed in Gaza."
    assert verb_done(killed, passive_only=True) == ("been", "killed", "")
    assert verb_done("The army struck Gaza on Monday.") == ("struck", "gaza", "on")


def test_a_rewording_of_a_chosen_fact_is_not_a_second_fact() -> None:
    def candidate(text: str, order: int) -> FactCandidate:
        return FactCandidate(text, "body", (), "SANA", (f"a{order}.s1",), order)

    signed = candidate(
        "Syria's interim President Ahmed al-Sharaa and SDF chief Mazloum Abdi signed an "
        "agreement on Monday to integrate the SDF into state institutions in Damascus.",
        1,
    )
    restated = candidate(
        "Based on a meeting held between President Ahmed al-Sharaa and Mazloum Abdi on "
        "Monday, an agreement was signed to integrate the SDF into state institutions.",
        2,
    )
    other = candidate("Clashes killed 12 fighters near Deir el-Zor on Sunday, the SDF said.", 3)
    assert select_facts([signed, restated, other]) == [signed, other]


def test_of_two_rewordings_scoring_alike_the_one_more_outlets_carry_is_the_fact() -> None:
    def candidate(text: str, order: int, articles: int) -> FactCandidate:
        sources = tuple(f"a{n}.s1" for n in range(order, order + articles))
        return FactCandidate(text, "body", (), "SANA", sources, order)

    signed = candidate(
        "Syria's interim President Ahmed al-Sharaa and SDF chief Mazloum Abdi signed an "
        "agreement on Monday to integrate the SDF into state institutions in Damascus.",
        1,
        2,
    )
    # The same words as the first: they score alike.
    carried = candidate(signed.text, 3, 4)
    assert score(signed) == score(carried)
    assert select_facts([signed, carried]) == [carried]


def test_undated_alike_events_on_weekdays_days_apart_are_two_facts() -> None:
    # qa-pages12 shadow fleet: the Kairos and Virat claim hid the Dashan strike.
    def candidate(text: str, order: int) -> FactCandidate:
        return FactCandidate(text, "body", (), None, (f"a{order}.s1",), order)

    claimed = candidate(
        "Ukraine claimed the attacks after explosions hit the two vessels on Friday and Saturday.",
        1,
    )
    dashan = candidate(
        "Ukrainian sea drones struck and critically damaged the tanker Dashan in the Black "
        "Sea on Wednesday.",
        2,
    )
    assert select_facts([claimed, dashan]) == [claimed, dashan]
    # A day apart may be the attack's and its announcement's: still one.
    next_day = candidate("Ukraine struck two vessels of the fleet with drones on Saturday.", 3)
    sunday = candidate("Ukraine struck two vessels of the fleet with sea drones on Sunday.", 4)
    assert select_facts([next_day, sunday]) == [next_day]


def test_alike_events_dated_days_apart_are_two_facts() -> None:
    def candidate(text: str, order: int, day: str) -> FactCandidate:
        date = DateMention("", day, "day", 0, 0)
        return FactCandidate(text, "body", (date,), None, (f"a{order}.s1",), order)

    may = candidate(
        "A drone attack launched by the Rapid Support Forces targeted two power stations in "
        "Omdurman, causing fires and a power outage across Khartoum.",
        1,
        "2025-05-14",
    )
    september = candidate(
        "Drone attacks by the Rapid Support Forces hit a power station in Omdurman, "
        "triggering a major power outage across Khartoum.",
        2,
        "2025-09-09",
    )
    # The day after (an outlet dating the report, not the attack) is the same attack.
    next_day = candidate(
        "Drone attacks by the Rapid Support Forces hit two power stations in Omdurman, "
        "causing a power outage across Khartoum.",
        3,
        "2025-05-15",
    )
    assert select_facts([may, september, next_day]) == [september, may]


def test_a_toll_is_more_than_an_alike_fact_counting_no_dead() -> None:
    def candidate(text: str, order: int) -> FactCandidate:
        date = DateMention("", "2025-06-24", "day", 0, 0)
        return FactCandidate(text, "body", (date,), None, (f"a{order}.s1",), order)

    launched = candidate(
        "On Tuesday, June 24, Russia launched a missile attack on Ukraine, directing ballistic "
        "missiles at the Dnipro region, said Governor Serhiy Lysak, near Dnipro.",
        1,
    )
    deadly = candidate(
        "Russia launched a deadly missile attack on the Ukrainian city of Dnipro on June 24, "
        "killing at least eleven people.",
        2,
    )
    # A toll told again, risen, says it again.
    risen = candidate("Death toll in Dnipro rises to 19 due to Russian missile attack.", 3)
    chosen = select_facts([launched, deadly, risen])
    assert launched in chosen and deadly in chosen
    assert risen not in chosen


def test_a_named_person_is_killed_once_whichever_day_a_report_gives() -> None:
    def candidate(text: str, order: int, day: str) -> FactCandidate:
        date = DateMention("", day, "day", 0, 0)
        return FactCandidate(text, "body", (date,), None, (f"a{order}.s1",), order)

    announced = candidate(
        "Hezbollah chief Hassan Nasrallah was killed in a strike on Beirut, the military said.",
        1,
        "2024-09-28",
    )
    friday = candidate(
        "Nasrallah was killed on Friday along with senior commander Ali Karaki and officers "
        "of the southern front in the capital's suburbs.",
        2,
        "2024-09-27",
    )
    # Another person's death, and deaths counted in people, are other facts.
    daughter = candidate(
        "Nasrallah's daughter Zainab was killed in one of the strikes.", 3, "2024-09-27"
    )
    soldiers = candidate("Five Israeli soldiers were killed near Khiam on Friday.", 4, "2024-09-27")
    chosen = select_facts([announced, friday, daughter, soldiers])
    assert announced in chosen and daughter in chosen and soldiers in chosen
    assert friday not in chosen


def test_one_person_doing_the_same_to_the_same_thing_that_day_is_one_fact() -> None:
    def candidate(text: str, order: int) -> FactCandidate:
        return FactCandidate(text, "body", (), None, (f"a{order}.s1",), order)

    decried = candidate(
        "Ukrainian President Volodymyr Zelenskyy decried the attack on Sumy, urging global "
        "leaders to respond decisively to Russia's aggression.",
        1,
    )
    condemned = candidate(
        "Ukrainian President Volodymyr Zelensky condemned the attack, stating the strikes "
        "were carried out using ballistic missiles.",
        2,
    )
    # Another verb, another object: other facts, whoever they are by.
    called = candidate("Zelenskyy called on Europe to send 10 more Patriot air defence systems.", 3)
    other = candidate(
        "The Kremlin condemned the sanctions announced by 27 EU states in Brussels.", 4
    )
    assert select_facts([decried, condemned, called, other]) == [decried, called, other]
    # Another verb saying most of the same: "a decisive response" from "global" leaders.
    urged = candidate(
        "Zelenskyy called on the United States, Europe, and the global community for a "
        "decisive response, emphasizing that only pressure will stop Russia.",
        5,
    )
    assert select_facts([decried, urged, called]) == [decried, called]
    # A pronoun subject is its known speaker.
    burhan = "Abdel Fattah al-Burhan"
    agreed = FactCandidate(
        "Army chief Burhan said he had agreed with local leaders in El Fasher to withdraw "
        "the army to a safer place on Monday.",
        "body",
        (),
        burhan,
        ("a6.s1",),
        6,
    )
    again = FactCandidate(
        "He said he had agreed with local leaders in El Fasher to leave and go to a safe "
        "place to protect the remaining 300 civilians.",
        "body",
        (),
        burhan,
        ("a7.s1",),
        7,
    )
    assert score(agreed) >= 3 and score(again) >= 3
    assert len(select_facts([agreed, again])) == 1


def test_a_summary_line_saying_again_what_a_fact_says_is_told_once() -> None:
    fact = "Zelenskyy called on the United States and Europe for a decisive global response."
    again = "Zelenskyy also called for a global response to the attack."
    other = "Zelenskyy described the strike as a deliberate act of terror."
    day = "2025-04-13"
    assert says_again(again, day, fact, day)
    assert not says_again(other, day, fact, day)
    # The same words another day are another statement.
    assert not says_again(again, "2025-04-20", fact, day)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("People took to the streets of Lebanon on Wednesday to celebrate the ceasefire.", True),
        ("Thousands of Lebanese began to head south after a ceasefire with Israel.", True),
        ("Tens of thousands of people returned to their homes in Lebanon on Wednesday.", True),
        # Done to them, not by them; or an actor is the subject.
        ("At least 134 people have been killed in two weeks of fighting in El Fasher.", False),
        ("Dozens of civilians were killed when a missile hit the city centre.", False),
        ("Israeli troops opened fire on people returning to their villages.", False),
        ("People began flooding south despite urgent warnings from the Israeli army.", False),
        ("Dozens of Russian drones struck Kyiv overnight, officials said.", False),
        # A person named without a title, doing (not saying): a survivor's story.
        ("Najlaa Ahmed managed to get her children to safety, fleeing the RSF.", True),
        ("Volker Türk said Russia showed a flagrant disregard for civilian life.", False),
        ("UN chief Antonio Guterres visited the camp on Sunday.", False),
        # An article and an adjective are no name ("strike" read as the verb).
        ("An Israeli strike on March 25 changed their plans for the base.", False),
    ],
)
def test_people_no_party_to_the_conflict_acting(text: str, act: bool) -> None:
    assert civilians_act(text) is act


def test_the_past_a_story_turns_from_is_background() -> None:
    assert told_as_then("But all have recently been weakened and diverted by other crises.")
    assert told_as_then("However, the group now controls most of the province.")
    assert not told_as_then("But the army said it had retaken the town on Friday.")
    assert not told_as_then("Residents said the town was now calm.")
    assert not told_as_then(None)


_VERB_TEXT_WORDS = (
    "killed KILLED Killed kiLLed unkilled killed_ killed2 struck strikes ſtruck STRUCK "
    "İnvaded invaded ınvaded the army said on Monday - , . ’s 2024 été KİLLED"
).split()


@given(st.lists(st.sampled_from(_VERB_TEXT_WORDS), max_size=8).map(" ".join))
def test_an_event_verb_is_found_as_a_case_blind_whole_word_search_finds_it(text: str) -> None:
    from briefing.model.words import event_verbs, names_an_event_verb

    verbs = "|".join(sorted(event_verbs(), key=len, reverse=True))
    search = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE).search
    assert names_an_event_verb(text) is (search(text) is not None)


_STATE_TEXT_WORDS = (
    "has have HAS Have been spent long killed Been BEEN regularly usually routinely since "
    "ſince SINCE the war conflict start total number of repeated repeatedly currently "
    "controls advancing for more than nearly two years decades months YEARS over in during "
    "throughout past last most it İt ıt is was not clear unclear known KNOWN hаs 2023 , . ; -"
).split()


@given(st.lists(st.sampled_from(_STATE_TEXT_WORDS), max_size=12).map(" ".join))
def test_a_state_is_found_as_one_search_of_the_whole_pattern_finds_it(text: str) -> None:
    from briefing.model.background import state_pattern, tells_a_state

    assert tells_a_state(text) is (state_pattern().search(text) is not None)


_SCREENED_TEXT_WORDS = (
    "has have HAS Have hаs haſ HAſ the war conflict offensive response has killed claimed "
    "accused blamed of supplying denied accusations warned could series of repeatedly always "
    "escalated intensified said that earlier EARLIER this month year last LAſT laſt ſince "
    "strike İt , . ;"
).split()


@given(st.lists(st.sampled_from(_SCREENED_TEXT_WORDS), max_size=12).map(" ".join))
def test_a_screened_pattern_finds_what_its_pattern_finds(text: str) -> None:
    from briefing.model.background import _EARLIER, _STANDING, _TREND

    for screened in (_STANDING, _TREND, _EARLIER):
        found, whole = screened.search(text), screened.pattern.search(text)
        assert (found and found.span()) == (whole and whole.span())


def test_each_alternative_of_the_state_pattern_is_searched_only_with_its_words() -> None:
    from briefing.model.background import _state_alternatives

    needed = [words for words, _ in _state_alternatives()]
    # Most alternatives need a word (they are searched for only where it stands).
    assert len(needed) > 1 and sum(map(bool, needed)) > len(needed) // 2
    assert ("since",) in needed


def test_a_past_change_names_who_underwent_it_as_a_time_reference() -> None:
    from briefing.model.panes import without_past_changes

    def blanked(text: str) -> str:
        return " ".join(without_past_changes(text).split())

    assert blanked(
        "His leadership follows the resignation of President Assad after cities fell."
    ) == ("His leadership follows the resignation of after cities fell.")
    assert blanked("the future after Bashar al-Assad's overthrow") == "the future after overthrow"
    assert (
        blanked("factions refusing to disarm post-Assad.") == "factions refusing to disarm post- ."
    )
    assert (
        blanked("the militias that overthrew Assad, which will")
        == "the militias that overthrew , which will"
    )
    assert blanked("since Islamist-led rebels toppled Assad in December") == (
        "since Islamist-led rebels toppled in December"
    )
    assert blanked("Following the killing of Hezbollah leader Hassan Nasrallah, Israel struck") == (
        "Following the killing of , Israel struck"
    )
    # The QA pages of 2025: a change done by whom, as a gerund, a gone regime as a period,
    # an era.
    assert blanked(
        "a year after a rebel offensive unseated longtime autocratic leader Bashar Assad."
    ) == ("a year after a rebel offensive unseated .")
    assert blanked("Syria's first parliamentary elections, after ousting Assad") == (
        "Syria's first parliamentary elections, after ousting"
    )
    assert blanked("sanctions imposed during the former Assad regime, not renewed") == (
        "sanctions imposed during the former , not renewed"
    )
    assert blanked("Syria Holds First Post-Assad Parliamentary Vote") == (
        "Syria Holds First Post- Parliamentary Vote"
    )
    assert blanked("The end of the Assad era brought hope.") == "The end of the era brought hope."
    assert blanked("bases from the Assad regime era, a warning") == (
        "bases from the regime era, a warning"
    )
    assert (
        blanked("With sanctions from Assad’s era still biting")
        == "With sanctions from era still biting"
    )
    # Told as a main clause, the change is the news, not a time reference.
    assert blanked("Rebels toppled Assad on Sunday.") == "Rebels toppled Assad on Sunday."


def test_an_actor_not_found_by_name_is_found_by_its_initials() -> None:
    def by_name(text: str, article: object) -> dict[str, int]:
        return {}

    located = _located(by_name, [("rsf", "The Rapid Support Forces"), ("un", "United Nations")])
    # (not "TRSF": "The" and "Al" are no initials, as the tagger reads them)
    assert located("Aid groups and UN agencies said RSF fighters shelled the camp.", None) == {
        "un": 15,
        "rsf": 32,
    }


def test_an_actor_named_only_in_another_s_words_is_no_pane_s() -> None:
    tagger = compile_profile(load_profile("sudan"))

    def named(text: str) -> dict[str, int]:
        return tagger.positions(text)

    # wad-al-nura (qa-pages2 #14): the ministry's words name the RSF in passing...
    condemned = (
        'The ministry strongly condemned "the genocide against citizens, even where the '
        'Rapid Support Forces block aid."'
    )
    assert names_in_passing(condemned, "", ["rsf"], named)
    # ...but not when the quotation's first clause names it (what the words are about), when
    # the sentence opens with the quotation (the speaker's words: `named_actor` decides), or
    # when its speaker names it too.
    about = (
        "Shortly before his death, the reporter posted on X about \u201cintense Rapid Support "
        "Forces shelling\u201d hitting the city."
    )
    assert not names_in_passing(about, "", ["rsf"], named)
    did = '"The genocide goes on, the Rapid Support Forces killed 100," the ministry said.'
    assert not names_in_passing(did, "", ["rsf"], named)
    reported = (
        'The monitor reported that "23 fighters were killed, and 18 injured in the clashes with '
        'the Rapid Support Forces."'
    )
    assert not names_in_passing(reported, "", ["rsf"], named)
    told = 'The ministry accused the RSF of "genocide by the Rapid Support Forces."'
    assert not names_in_passing(told, "", ["rsf"], named)
    # An item of a statement's list (the Damascus conference's): no subject, whom it names
    # is its object.
    item = (
        "Condemning the Rapid Support Forces' attacks on Omdurman as a blatant violation, "
        "demanding their immediate withdrawal."
    )
    assert names_in_passing(item, "", ["rsf"], named)
    # An item ending at its first clause is one only after a ":".
    last = "Condemning the Rapid Support Forces' attacks on Omdurman."
    assert names_in_passing(last, "The statement's points are:", ["rsf"], named)
    assert not names_in_passing(last, "The army said on Monday.", ["rsf"], named)
    # An item naming none of the candidates is no sign they are named in passing.
    assert not names_in_passing(item, "", ["saf"], named)
    assert not names_in_passing(
        "Condemning the attack, the RSF said it was not there.", "", ["rsf"], named
    )
    # A gerund subject is no list item.
    fighting = "Fighting between the RSF and the army continues."
    assert not names_in_passing(fighting, "", ["rsf"], named)
    shelling = "Shelling the city of el-Obeid by the Rapid Support Forces continued on Monday."
    assert not names_in_passing(shelling, "The army said on Monday.", ["rsf"], named)


def test_the_speaker_shown_is_not_named_again_among_the_other_actors() -> None:
    # The Ain al-Hilweh QA page's key fact: "... an open sports field. (Hamas) (also: Hamas)".
    assert others_than(("Hamas", "Iran"), "Hamas") == ("Iran",)
    assert others_than(("Hamas",), "hamas") == ()
    # A speaker who is no actor, or none, leaves them all.
    assert others_than(("Hamas",), "Lebanon's health ministry") == ("Hamas",)
    assert others_than(("Hamas",), None) == ("Hamas",)
    # The qa-pages12 US strikes' key fact: "(US Central Command (CENTCOM)) (also: IS, Jordan,
    # US Central Command, U.S. Central Command)": its acronym after it, initials with stops.
    also = ("IS", "Jordan", "U.S. Central Command")
    assert others_than(also, "US Central Command (CENTCOM)") == ("IS", "Jordan")
    assert others_than(("UN",), "U.N.") == ()


def test_a_pronoun_nobody_named_before_keeps_its_saying_in_the_fact() -> None:
    # The QA page's key fact "An end to Israeli attacks ... would allow the state to fully
    # carry out its duties." was President Aoun's claim, told as nobody's.
    from briefing.annotate import AnnotatedArticle
    from briefing.extract import Article, Block
    from briefing.model.index import Index
    from briefing.model.lines import make_line

    said = "He said an end to Israeli attacks would allow the state to carry out its duties."

    def line_of(texts: list[str]) -> Line:
        sentences = tuple(_sentence(n, text) for n, text in enumerate(texts, 1))
        page = Article("a.html", "", None, None, "2026-01-08", None, (Block("body", said),), ())
        index = Index.of([AnnotatedArticle("a1", page, sentences)])
        stated = sentences[-1]
        return make_line(index, stated.id, (stated.id,), frozenset(), stated)

    alone = line_of([said])
    assert alone.speaker is None and alone.unresolved_pronoun
    assert fact_candidate(alone).text == said
    # Resolved ("voiced support" names him for the "he" after it), the speaker is shown
    # beside the event.
    resolved = line_of(["President Joseph Aoun voiced support for the army on Thursday.", said])
    assert resolved.speaker == "President Joseph Aoun" and not resolved.unresolved_pronoun
    assert fact_candidate(resolved).text == resolved.event
