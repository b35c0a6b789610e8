"""briefing: terminal news briefings, per actor, every line traced to its source."""

__version__ = "0.1.0"
