"""Cheap tests that spare a pattern's search: every row the pattern matches passes them."""

from __future__ import annotations

from briefing.extract.metadata import _may_hold_copyright
from briefing.extract.units import make_units
from briefing.extract.vocabulary import AD_LABEL, COPYRIGHT, STOPWORDS, URL_ONLY

COPYRIGHT_ROWS = (
    "© 2024 The Daily Example",
    "Copyright 2019-2024 Example Media Group. All rights reserved.",
    "COPYRIGHT © 2021 EXAMPLE NEWS",
    "(C) 2020 Example Times",
    "(c) Example Herald, 2023",
    "All content copyrıght 2022 Example Post",  # a dotless i: IGNORECASE matches it
    "Text and pictures: ©SWR 2021",
)
OTHER_ROWS = (
    "Copy right here, 2024",
    "Contact us | Privacy policy",
    "The court ruled on 3 December 2024 that the copy was lawful.",
)


def test_copyright_screen_passes_every_copyright_row() -> None:
    assert all(COPYRIGHT.search(row) for row in COPYRIGHT_ROWS)
    assert all(_may_hold_copyright(row) for row in COPYRIGHT_ROWS)
    assert not any(COPYRIGHT.search(row) or _may_hold_copyright(row) for row in OTHER_ROWS)


def test_ad_labels_are_link_labels_and_bare_urls_placeholders() -> None:
    """region.py reads AD_LABEL only on link labels and URL_ONLY only on placeholders."""
    stops = STOPWORDS["en"]
    ads = ("Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored")
    urls = ("https://example.com/story", "www.example.org/a?b=c")
    for text in ads:
        assert AD_LABEL.match(text) and make_units([(text, False)], stops)[0].link_label
    for text in urls:
        assert URL_ONLY.match(text) and make_units([(text, False)], stops)[0].placeholder
    assert not make_units([("Advertising standards were raised", False)], stops)[0].link_label
