"""Telling text from binary, and bytes to text without silent mojibake."""

from __future__ import annotations

from newsgraph.errors import Errors, NewsgraphError

# Leading bytes of common binary formats a scraper folder may contain.
_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"PK\x03\x04": "ZIP",
    b"\x7fELF": "ELF",
    b"RIFF": "RIFF",
    b"\x1f\x8b": "gzip",
    b"BZh": "bzip2",
    b"\xfd7zXZ": "xz",
    b"7z\xbc\xaf": "7z",
    b"SQLite format 3": "SQLite",
    b"\xd0\xcf\x11\xe0": "OLE2",
    b"OggS": "Ogg",
    b"ID3": "MP3",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# A guessed charset is kept when its text is this clean and this much like one language.
MAX_CHAOS = 0.1
MIN_COHERENCE = 0.1
# cp1252 bytes that occur in ordinary Western text: letters and typographic punctuation.
_CP1252_TEXT = set(range(0xC0, 0x100)) | {0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97,
                                          0xA0, 0xA3, 0xA9, 0xAB, 0xAE, 0xB0, 0xBB}


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format, or None when the bytes may be text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16 text legitimately holds NUL bytes
    if b"\x00" in data[:65536]:
        return "NUL bytes"
    return None


def decode(data: bytes, path: str = "") -> str:
    """UTF-8 (or BOM-marked UTF-16), else cp1252 only when the non-ASCII bytes look like
    Western letters inside words, else a national charset whose text reads as a language;
    anything else raises E003 rather than guessing."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise NewsgraphError(Errors.E003, path, f"{enc}: {e.reason}") from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    if _plausible_cp1252(data):
        return data.decode("cp1252")
    guessed = _legacy_charset(data)
    if guessed is not None:
        return guessed
    raise NewsgraphError(
        Errors.E003, path, f"not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
        f"{utf8_error.start}) and not plausible single-byte text"
    )


def _legacy_charset(data: bytes) -> str | None:
    """Text in a national single- or double-byte charset (cp1251, TIS-620, Shift-JIS, ...),
    taken only when the decoded text reads as a language: mojibake and noise stay E003."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible_cp1252(data: bytes) -> bool:
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high or len(high) > 0.1 * len(data):
        return False
    for i in high:
        if data[i] not in _CP1252_TEXT:
            return False
        # A Western accented letter sits next to an ASCII letter or another accented one.
        if data[i] >= 0xC0:
            near = data[max(0, i - 1): i + 2]
            if not any(chr(c).isalpha() or c >= 0xC0 for c in near if c != data[i]):
                return False
    return True
