"""Exports of the store: PLOVER JSON lines, a CAMEO/GDELT-style CSV, GraphML and GEXF
(through networkx, for Gephi), and FollowTheMoney entities (for Aleph).

`export(conn, fmt, sel, out)` writes one format; `sel` picks events or facts and filters.
"""

from __future__ import annotations

from .run import FORMATS, MEDIA, Selection, default_unit, export

__all__ = ["FORMATS", "MEDIA", "Selection", "default_unit", "export"]
