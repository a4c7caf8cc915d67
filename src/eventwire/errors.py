"""Errors raised by eventwire, each with a stable code so that users and scripts can act on it.

The tree::

    EventwireError                (E000)  base: everything eventwire raises on purpose
    ├── ConfigError               (E010)  a settings file or option is invalid
    ├── InputError                (E100)  an input path or stream cannot be used at all
    ├── ModelError                (E200)  the spaCy pipeline cannot be loaded
    ├── PipelineError             (E300)  stages are in an order that cannot run
    └── OutputError               (E400)  an output file cannot be written (unknown format, no permission)

Per-document problems are not exceptions that stop a run: they become
:class:`eventwire.records.Failure` records (with codes from :data:`FAILURE_CODES`) that reach
the run summary and the documents output.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base error; ``code`` is stable across releases, ``hint`` tells the user what to do."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ConfigError(EventwireError):
    code = "E010"
    exit_code = 5


class InputError(EventwireError):
    code = "E100"
    exit_code = 4


class ModelError(EventwireError):
    code = "E200"
    exit_code = 6


class PipelineError(EventwireError):
    code = "E300"
    exit_code = 7


class OutputError(EventwireError):
    code = "E400"
    exit_code = 8


#: Codes of per-document failures: why a document was not processed. Closed set, documented here.
FAILURE_CODES: dict[str, str] = {
    "F101": "empty input",
    "F102": "binary file",
    "F103": "undecodable text",
    "F104": "document too large",
    "F105": "malformed JSON",
    "F106": "malformed CSV",
    "F107": "no main text found in HTML",
    "F108": "unsupported file type",
    "F109": "unreadable file",
    "F110": "missing text field",
    "F201": "not English",
    "F202": "no article text left after cleaning",
    "F301": "NLP stage failed",
}

#: Exit codes of the command line, documented in the README.
EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_NOTHING_PROCESSED = 3
