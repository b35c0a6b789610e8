"""The Textual front end. Only this package imports Textual; the engine never does."""
