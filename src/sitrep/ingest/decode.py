"""Bytes -> text, refusing what is not text with a reason that says where."""
from __future__ import annotations

import codecs

from sitrep.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, where: str) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16/32) text and normalise line endings to ``\\n``.

    Raises :class:`InputError` for empty input, binary content and invalid UTF-8,
    naming the byte offset so the user can find it.
    """
    if not data.strip():
        raise InputError(where, "empty input (no text)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding))
            except UnicodeDecodeError as err:
                raise InputError(where, f"invalid {encoding.upper()} at byte {err.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(where, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
                                "convert it to UTF-8 first") from None
    if _control_share(text) > 0.05:
        raise InputError(where, "binary file (control characters), not text")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(sample)
