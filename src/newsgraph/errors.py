"""Numbered catalogue of user-facing errors (spaCy-style).

Every error a user can see has a code here, so messages stay consistent and
can be looked up. Raise `NewsgraphError(Errors.E001, path=..., detail=...)`.
The message printed is one line: `E001 <path>: <reason>`.
"""

from __future__ import annotations


class Errors:
    E001 = "binary file, not text or HTML ({detail})"
    E002 = "empty file"
    E003 = "cannot decode bytes as text ({detail})"
    E004 = "file too large: {detail} (limit set by --max-bytes)"
    E005 = "no article text found in HTML ({detail})"
    E006 = "broken JSONL line {detail}"
    E007 = "unsupported file type ({detail})"
    E008 = "cannot read file ({detail})"
    E009 = "no article text left after cleaning"
    E010 = "gold file is malformed ({detail})"
    E011 = "corpus file named in gold is missing ({detail})"
    E012 = "database error ({detail})"
    E013 = "document not found ({detail})"
    E014 = "internal error, please report it ({detail})"
    # E020-E029: linking (facts, copies, embargoes)
    E020 = "unknown fact id for --after ({detail})"
    # E030-E039: the HTTP API and exports
    E030 = "not found ({detail})"
    E031 = "invalid request ({detail})"
    E032 = "a valid bearer token is required ({detail})"
    E033 = "request body too large ({detail})"
    E034 = "invalid page cursor ({detail})"
    E035 = "facts are not in this store yet ({detail})"
    E036 = "unsupported media type ({detail})"
    E037 = "unknown export ({detail})"
    E038 = "ingest over HTTP failed ({detail})"
    E039 = "HTTP error ({detail})"
    # E040-E049: readers and fetching (feeds, archives, URLs)
    E040 = "record too large: {detail} (limit set by --max-bytes)"
    E041 = "broken web archive ({detail})"
    E042 = "broken feed ({detail})"
    E043 = "address refused ({detail}; --allow-private allows private addresses)"
    E044 = "disallowed by robots.txt ({detail}; --no-robots ignores it)"
    E045 = "cannot fetch URL ({detail})"
    E046 = "unsupported content ({detail})"
    E047 = "database write failed ({detail}); stored documents are intact, run again to resume"


class NewsgraphError(Exception):
    def __init__(self, template: str, path: str = "", detail: str = "") -> None:
        self.code = next(
            (k for k, v in vars(Errors).items() if v == template and k.startswith("E")), "E000"
        )
        self.path = path
        self.reason = template.format(detail=detail)
        super().__init__(self.line())

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.code}{where}: {self.reason}"
