"""Where an input's bytes come from: a file, standard input, or bytes in memory."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import InputError


@dataclass(frozen=True, slots=True)
class Source:
    """One input. ``where`` names it in messages; ``default_id`` is the article id
    used when the input itself gives none (the file's stem, or ``stdin``)."""

    where: str
    default_id: str
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def from_path(cls, path: Path) -> "Source":
        return cls(where=str(path), default_id=path.stem, path=path)

    @classmethod
    def stdin(cls) -> "Source":
        return cls(where="<stdin>", default_id="stdin", data=sys.stdin.buffer.read())

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        try:
            return self.path.read_bytes()
        except OSError as err:
            raise InputError(self.where, err.strerror or str(err)) from None

    def iter_lines(self) -> Iterator[bytes]:
        if self.data is not None:
            yield from self.data.splitlines()
            return
        try:
            with open(self.path, "rb") as fh:
                yield from fh
        except OSError as err:
            raise InputError(self.where, err.strerror or str(err)) from None
