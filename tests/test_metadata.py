"""Outlet, wire, byline and dateline read from short real-shaped page snippets."""

from __future__ import annotations

import pytest

from briefing.extract import extract_article

BODY = (
    "The city council voted on Tuesday to rebuild the old market hall, which burned down in a "
    "fire last winter, and said the work would start in the spring.\n\n"
    "Traders who lost their stalls will move to a temporary site by the river, the council said, "
    "and the new hall should open again within two years if the money is found.\n\n"
    "Opposition members said the plan was too expensive and asked for a cheaper design, but the "
    "vote passed with a clear majority after a long debate in the chamber."
)
MENU = "  • Home\n  • World\n  • Business\n  • Sport"
HEADLINE = "Council votes to rebuild the old market hall"


def _page(header: str = "", footer: str = "", body: str = BODY) -> str:
    return f"{MENU}\n\n{HEADLINE}\n\n{header}\n\n{body}\n\nMore stories\n\n{footer}\n"


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        # the owner runs to the next separator, not to the end of the row
        (
            "Copyright © 2020, Los Angeles Times | Terms of Service | Privacy Policy",
            "Los Angeles Times",
        ),
        # inside a long legal row, up to the company form and the sentence's end
        (
            "This material may not be published, broadcast, rewritten, or redistributed. "
            "©2023 FOX News Network, LLC. All rights reserved. Quotes displayed in real-time.",
            "FOX News Network",
        ),
        ("© 2019 Handelsblatt GmbH - ein Unternehmen der Handelsblatt Media Group", "Handelsblatt"),
        ("  • © SWR 2021", "SWR"),  # the year after the owner
        ("© 2020 – riversidegazette.com", "riversidegazette.com"),
        ("© Copyright 2023 Harbour Media Group", "Harbour Media Group"),
    ],
)
def test_outlet_from_copyright_rows(footer: str, outlet: str) -> None:
    assert extract_article(_page(footer=footer), "page.txt").outlet == outlet


@pytest.mark.parametrize(
    "footer",
    [
        "Foto: © picture alliance/dpa 2021",  # a photo credit names the agency, not the site
        "© 2023 Powered by WordPress",
        "© 2024 Creative Commons BY 4.0",
        "© since 2010",
    ],
)
def test_credits_and_licences_are_not_outlets(footer: str) -> None:
    assert extract_article(_page(footer=footer), "page.txt").outlet is None
