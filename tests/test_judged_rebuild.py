"""Restoring a judged page from a page store's excerpt (benchmarks/judged/rebuild.py)."""

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "judged"))

import rebuild  # noqa: E402

LABELLED = (
    " date 2025-10-28 Sudan’s military chief has confirmed the army’s withdrawal.\n\n"
    "“States with influence must act,” it said in a statement.\n"
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_an_excerpt_cut_where_the_labelled_text_ended():
    # The store keeps more of the page than the labels were written on: a cut sentence.
    excerpt = LABELLED.rstrip("\n") + "\n\nIn his address, Gen Burhan denounced inaction by"
    assert rebuild.cut_to_labelled(excerpt, sha(LABELLED)) == LABELLED


def test_an_html_excerpt_with_its_paragraphs_made_blank_lines():
    paragraphs = LABELLED.rstrip("\n").split("\n\n")
    excerpt = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    assert rebuild.cut_to_labelled(excerpt, sha(LABELLED.rstrip("\n"))) == LABELLED.rstrip("\n")


def test_another_text_is_never_taken():
    reworded = LABELLED.replace("’", "'")  # a straightened quote is another text
    assert rebuild.cut_to_labelled(reworded, sha(LABELLED)) is None


def test_an_unknown_article_is_refused_and_nothing_written(tmp_path):
    assert rebuild.restore_excerpt(tmp_path, "no-such-story", "page.txt", LABELLED) == 2
    assert not any(tmp_path.iterdir())
