"""newsgraph: raw news in, a sourced database of PLOVER political events out."""

__version__ = "0.1.0"
