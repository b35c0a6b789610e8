import datetime
import re
from pathlib import Path

import pytest

from briefing import profile as profile_module
from briefing.errors import EXIT_PROFILE
from briefing.profile import (
    GONE_WORDS,
    Landmark,
    ProfileError,
    list_profiles,
    load_profile,
    phrase_body,
    suggest_profile,
)

MINIMAL = """\
id = "test"
name = "Test"
description = "A test profile"
keywords = ["Atlantis"]

[[actors]]
id = "navy"
name = "Navy"
colour = "#123456"
aliases = ["the navy"]

[[actors]]
id = "pirates"
name = "Pirates"
colour = "#abcdef"
aliases = ["pirates"]
"""


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config" / "profiles"
    folder.mkdir(parents=True)
    monkeypatch.setattr(profile_module, "user_profiles_dir", lambda: folder)
    return folder


def _error_for(tmp_path: Path, text: str) -> str:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(str(path))
    assert caught.value.status == EXIT_PROFILE
    return str(caught.value)


def test_default_profile_is_syria_with_its_actors_in_order() -> None:
    syria = load_profile()
    assert syria.id == "syria"
    assert [(a.id, a.name) for a in syria.actors] == [
        ("assad", "Assad government"),
        ("hts", "HTS"),
        ("kurds", "Kurdish forces"),
        ("iran", "Iran"),
        ("hezbollah", "Hezbollah"),
        ("russia", "Russia"),
        ("is", "IS"),
    ]
    assert all(a.colour.startswith("#") and len(a.colour) == 7 for a in syria.actors)
    assert "Syria" in syria.theatre
    assert Path(syria.path).name == "syria.toml"


@pytest.mark.parametrize("name", ["sudan", "ukraine", "gaza-lebanon"])
def test_bundled_profiles_load(name: str) -> None:
    loaded = load_profile(name)
    assert loaded.id == name
    assert len(loaded.actors) >= 5
    assert loaded.keywords and loaded.theatre


def test_load_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    loaded = load_profile(str(path))
    assert (loaded.id, loaded.name, loaded.path) == ("test", "Test", str(path))
    assert [a.aliases for a in loaded.actors] == [("the navy",), ("pirates",)]


def test_user_profile_wins_over_bundled_and_is_listed(user_dir: Path) -> None:
    (user_dir / "syria.toml").write_text(MINIMAL, encoding="utf-8")
    (user_dir / "broken.toml").write_text("id = ", encoding="utf-8")
    assert load_profile("syria").id == "test"
    infos = {info.path: info for info in list_profiles()}
    assert infos[str(user_dir / "syria.toml")].origin == "user"
    assert infos[str(user_dir / "broken.toml")].description.startswith("unusable: ")
    bundled = {info.id for info in infos.values() if info.origin == "bundled"}
    assert bundled == {"gaza-lebanon", "sudan", "ukraine"}  # the bundled syria is shadowed


def test_unknown_name_lists_bundled_profiles(user_dir: Path) -> None:
    with pytest.raises(
        ProfileError, match=r"no profile named 'atlantis' \(bundled: gaza-lebanon, sudan, syria"
    ):
        load_profile("atlantis")
    with pytest.raises(ProfileError, match="no such profile file"):
        load_profile("missing/atlantis.toml")


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    message = _error_for(tmp_path, MINIMAL.replace('aliases = ["pirates"]', "aliases = [pirates]"))
    assert "broken.toml: not valid TOML" in message
    assert "line 16" in message


def test_duplicate_actor_id_points_at_the_second_actor(tmp_path: Path) -> None:
    message = _error_for(tmp_path, MINIMAL.replace('id = "pirates"', 'id = "navy"'))
    assert message.endswith("broken.toml, line 13: duplicate actor id 'navy'")


def test_bad_regex_names_the_actor_and_line(tmp_path: Path) -> None:
    text = MINIMAL + "patterns = ['\\bPIR(']\n"
    message = _error_for(tmp_path, text)
    assert "line 17: actor 'pirates': bad regular expression '\\bPIR('" in message


def test_landmarks_are_read_with_their_day_and_checked_patterns(tmp_path: Path) -> None:
    landmark = "\n[[landmarks]]\nday = 2024-12-08\npatterns = ['^Assad fled\\b']\n"
    path = tmp_path / "landmarks.toml"
    path.write_text(MINIMAL + landmark, encoding="utf-8")
    assert load_profile(str(path)).landmarks == (
        Landmark(datetime.date(2024, 12, 8), ("^Assad fled\\b",)),
    )
    message = _error_for(tmp_path, MINIMAL + landmark.replace("fled", "(fled"))
    assert "line 20: landmark: bad regular expression '^Assad (fled\\b'" in message
    message = _error_for(tmp_path, MINIMAL + landmark.replace("day = 2024-12-08\n", ""))
    assert message.endswith("line 18: a landmark needs a day and patterns")


def test_fallen_phrases_are_aliases_after_every_word_telling_them_gone(tmp_path: Path) -> None:
    path = tmp_path / "fallen.toml"
    path.write_text(MINIMAL.replace('aliases = ["the navy"]', 'fallen = ["navy"]'), "utf-8")
    navy = load_profile(str(path)).actors[0]
    assert {"former navy", "ousted navy", "overthrown navy", "exiled navy"} <= set(navy.aliases)
    assert len(navy.aliases) == len(GONE_WORDS)  # the phrase alone is no alias


def test_bad_colour(tmp_path: Path) -> None:
    message = _error_for(tmp_path, MINIMAL.replace("#abcdef", "red"))
    assert message.endswith("line 15: actor 'pirates': colour 'red' is not of the form #rrggbb")


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    message = _error_for(tmp_path, MINIMAL.replace('colour = "#abcdef"', 'color = "#abcdef"'))
    assert "line 15: unknown actor key 'color' (did you mean 'colour'?)" in message


def test_missing_profile_id_and_empty_actor(tmp_path: Path) -> None:
    assert _error_for(tmp_path, MINIMAL.replace('id = "test"\n', "")).endswith(
        "broken.toml, line 1: missing 'id'"
    )
    message = _error_for(tmp_path, MINIMAL.replace('aliases = ["pirates"]', ""))
    assert "line 12: actor 'pirates' has no aliases, patterns or context" in message


def test_context_rule_keys_are_checked(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[actors.context]]\nphrases = ["raiders"]\nrequires = ["sea"]\n'
    message = _error_for(tmp_path, text)
    assert "line 20: unknown context rule key 'requires'" in message


SUDAN_TEXTS = [
    "Sudan's paramilitary Rapid Support Forces (RSF) said on Sunday it had seized El Fasher, "
    "the army's last stronghold in Darfur. The RSF and the Sudanese Armed Forces have fought "
    "since April 2023. Army chief Abdel Fattah al-Burhan vowed to retake Darfur and Kordofan, "
    "while Hemedti said the RSF would form a government in Nyala. Khartoum and Omdurman "
    "remain scarred; aid reached Port Sudan.",
]


def test_suggest_profile_when_another_fits_far_better() -> None:
    hint = suggest_profile(SUDAN_TEXTS, load_profile("syria"))
    assert hint is not None
    assert hint.startswith("These articles look like Sudan:")
    assert hint.endswith("try --profile sudan")
    assert suggest_profile(SUDAN_TEXTS, load_profile("sudan")) is None


def test_names_pattern_matches_as_with_the_ending_in_every_branch() -> None:
    # The suggestion's pattern puts the phrase ending once after the alternation; a branch
    # whose ending fails must still give way to the next, as with the ending in each one.
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    for profile in (load_profile(name) for name in ("syria", "sudan", "ukraine", "gaza-lebanon")):
        phrases = sorted({*profile.keywords, *profile.theatre}, key=len, reverse=True)
        branches = "|".join(phrase_body(p) for p in phrases)
        initials = re.escape("".join(sorted({c for p in phrases for c in (p[0], p[0].swapcase())})))
        each = re.compile(rf"(?<!\w)(?<!anti-)(?=[{initials}])(?:{branches})", re.IGNORECASE)
        endings = ("", "'s", "s'", "es", "x", "-backed", "'")
        crafted = " ".join(
            f"{p}{end} anti-{p} {p.upper()}{end}." for p in phrases for end in endings
        )
        pattern = profile_module._names_regex(profile)
        for text in [*texts, *SUDAN_TEXTS, crafted]:
            found = [m.span() for m in pattern.finditer(text)]
            assert found == [m.span() for m in each.finditer(text)]
        assert len(pattern.findall(crafted)) >= 3 * len(phrases)


def test_no_suggestion_for_articles_that_fit() -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    assert suggest_profile(texts, load_profile("syria")) is None


def test_second_context_rule_error_points_at_its_own_table(tmp_path: Path) -> None:
    rule = '\n[[actors.context]]\nphrases = ["raiders"]\n'
    message = _error_for(tmp_path, MINIMAL + rule + rule + "unless = 3\n")
    assert "line 23: 'unless' must be a list of non-empty strings" in message


def test_no_suggestion_when_one_story_among_many_names_the_place() -> None:
    # Ten unrelated stories and one that names Ukraine a dozen times: not a Ukraine briefing.
    ukraine = " ".join(["Ukraine said Kyiv and Kharkiv were shelled."] * 4)
    others = [f"The company reported quarterly results in market {n}." for n in range(10)]
    assert suggest_profile([ukraine, *others], load_profile("syria")) is None
    assert suggest_profile([ukraine] * 3, load_profile("syria")) is not None
