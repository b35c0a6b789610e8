"""Data flows one way, ingest -> extract -> annotate -> model -> render: a stage imports
only earlier stages and the shared modules at the package's top level, and nothing but the
TUI (and the command line that launches it) imports Textual."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
# Report comparison and the summarizers are parts of the model stage.
STAGES = {
    "ingest": 0,
    "extract": 1,
    "annotate": 2,
    "model": 3,
    "corroborate": 3,
    "summarizers": 3,
    "render": 4,
    "tui": 5,
}
TEXTUAL_ALLOWED = {"tui", "cli"}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))


def _part(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_stage_imports_no_later_stage(path: Path) -> None:
    stage = _part(path)
    if stage not in STAGES:
        return
    later = [
        name
        for name in _imports(path)
        if name.startswith("briefing.") and STAGES.get(name.split(".")[1], -1) > STAGES[stage]
    ]
    assert later == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_tui_imports_textual(path: Path) -> None:
    if _part(path) in TEXTUAL_ALLOWED:
        return
    assert [name for name in _imports(path) if name.split(".")[0] == "textual"] == []


def test_the_check_sees_a_backward_import(tmp_path: Path) -> None:
    module = tmp_path / "metadata.py"
    module.write_text("def f():\n    from briefing.model.words import event_verbs\n")
    assert _imports(module) == ["briefing.model.words"]
