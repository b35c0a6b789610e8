"""Errors a user can act on, each with the exit status the CLI returns for it."""

from __future__ import annotations

EXIT_OK = 0
EXIT_OUTPUT = 1  # the output file could not be written
EXIT_USAGE = 2  # bad command line (argparse's own status)
EXIT_NO_INPUT = 3  # no readable article in the inputs
EXIT_PROFILE = 4  # the actor profile is missing or broken
EXIT_INTERRUPTED = 130


class BriefingError(Exception):
    """A failure explained in one line; the CLI prints it and exits with `status`."""

    status: int = EXIT_NO_INPUT

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
