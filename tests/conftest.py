"""Shared fixtures: the seed briefing is built once per session (it is read-only)."""

from __future__ import annotations

import pytest

from briefing.model import Briefing
from briefing.options import BriefingOptions
from briefing.pipeline import build_briefing


@pytest.fixture(scope="session")
def seed_briefing() -> Briefing:
    return build_briefing([], BriefingOptions(use_cache=False))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    # Never read or write the developer's real config or cache from a test.
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("BRIEFING_CONFIG_DIR", raising=False)
