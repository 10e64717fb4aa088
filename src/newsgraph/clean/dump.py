"""A web page as a text dump looks: every visible line, menus and footers included.

Rendered by inscriptis, which keeps the page's layout (one line per block, table cells
side by side). The evaluation feeds these dumps to the plain-text cleaner, and an HTML page
whose markup carries no date has its dump read for one.
"""

from __future__ import annotations

from inscriptis.html_engine import Inscriptis
from lxml.html import HtmlElement
from trafilatura.utils import decode_file, load_html


def render(tree: HtmlElement) -> str:
    return Inscriptis(tree).get_text()


def render_bytes(html: bytes) -> str:
    tree = load_html(decode_file(html))
    return render(tree) if tree is not None else ""
