"""Stage 5: the briefing model, built from annotated articles (`build.build_model`).

Renderers (dump, TUI) only read the model, never recompute it. The types are
importable from here; building lives in the package's modules:

- `index`: lookups over the annotated articles, shared by every pane;
- `reports`: an actor's sentences grouped into reports across outlets;
- `dating`: the one place where a line's date is chosen;
- `panes`: which actor a line is about;
- `facts`, `summaries`: a pane's key facts and summary;
- `build`: the whole model, and summaries made again (`rebrief`).
"""

from briefing.model.types import (
    ActorBrief,
    Briefing,
    Fact,
    SummaryLine,
    article_id_of,
    cited_articles,
)

__all__ = [
    "ActorBrief",
    "Briefing",
    "Fact",
    "SummaryLine",
    "article_id_of",
    "cited_articles",
]
