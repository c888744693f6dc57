"""Toponyms resolved to gazetteer entries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Place:
    """A place mention; ``name``/``geonameid``/``lat``/``lon`` are null when unresolved."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None  # ISO 3166 alpha-2 as in GeoNames
    admin1: str | None = None
    feature: str | None = None  # "city", "country", "admin1", ...
    resolution: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country_code": self.country_code, "admin1": self.admin1,
                "feature": self.feature, "resolution": self.resolution}
