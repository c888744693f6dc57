"""SVG pictures drawn by us, shared by the web desk and the situation report.

Plain strings of SVG markup: no plotting library, no fonts or tiles from the
network, nothing that needs a script. Colours are presentation attributes
(not ``style``), so the pictures render under a strict Content-Security-Policy
and inside a self-contained report alike. Every label is XML-escaped: labels
come from article text.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from html import escape

from sitrep.model import EVENT_TYPES

#: Colour per PLOVER quad class: verbal cooperation, material cooperation,
#: verbal conflict, material conflict (colour-blind-safe Okabe-Ito hues).
QUAD_COLOURS = {1: "#009e73", 2: "#0072b2", 3: "#e69f00", 4: "#d55e00"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
INK, GRID, MUTED = "#1f2933", "#d9dee3", "#616e7c"
FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif"


def colour(event_type: str | None) -> str:
    return QUAD_COLOURS.get(EVENT_TYPES.get(event_type or "", 0), MUTED)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{_e(label)}" '
            f'font-family="{_e(FONT)}" font-size="11"><title>{_e(label)}</title>'
            + "".join(body) + "</svg>")


def _empty(width: int, label: str, message: str) -> str:
    return _svg(width, 40, label, [f'<text x="8" y="24" fill="{MUTED}">{_e(message)}</text>'])


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


# -- timeline -------------------------------------------------------------------------------

def timeline(items: Iterable[Mapping], *, width: int = 720, label: str = "Timeline of events") -> str:
    """Events on a time axis, one dot each, stacked per day and coloured by quad class.

    ``items`` are mappings with ``date`` (ISO), ``event`` (PLOVER type) and an
    optional ``label`` shown as the dot's tooltip. Items without a full date are left out.
    """
    dated = sorted(((d, it) for it in items if (d := _day(it.get("date")))), key=lambda p: p[0])
    if not dated:
        return _empty(width, label, "No dated events.")
    first, last = dated[0][0], dated[-1][0]
    if first == last:  # one day: centre it between its neighbours
        first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    span = (last - first).days
    left, right, base = 40, width - 40, 0
    stacks: dict[dt.date, int] = {}
    dots = []
    for day, it in dated:
        level = stacks.get(day, 0)
        stacks[day] = level + 1
        x = left + (right - left) * (day - first).days / span
        dots.append((x, level, day, it))
    tallest = max(stacks.values())
    step = 14 if tallest < 12 else max(4, 160 // tallest)
    base = 24 + tallest * step
    body = [f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{INK}" stroke-width="1"/>']
    body += _time_ticks(first, last, left, right, base)
    for x, level, day, it in dots:
        tip = f"{day.isoformat()} {it.get('event') or ''}: {it.get('label') or ''}".strip()
        body.append(f'<circle cx="{x:.1f}" cy="{base - 8 - level * step}" r="5" '
                    f'fill="{colour(it.get("event"))}" stroke="#fff" stroke-width="1">'
                    f'<title>{_e(tip)}</title></circle>')
    body += _legend(width, base + 38)
    return _svg(width, base + 56, label, body)


def _time_ticks(first: dt.date, last: dt.date, left: float, right: float, base: float) -> list[str]:
    """At most eight evenly spaced day labels under the axis."""
    span = max((last - first).days, 1)
    every = max(1, math.ceil(span / 7))
    out = []
    for n in range(0, span + 1, every):
        day = first + dt.timedelta(days=n)
        x = left + (right - left) * n / span
        out.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="{INK}"/>'
                   f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle" fill="{MUTED}">'
                   f'{_e(day.strftime("%d %b %Y") if n in (0, span) else day.strftime("%d %b"))}</text>')
    return out


def _legend(width: int, y: float) -> list[str]:
    out, x = [], 40
    for quad, name in QUAD_NAMES.items():
        out.append(f'<circle cx="{x}" cy="{y - 4}" r="5" fill="{QUAD_COLOURS[quad]}"/>'
                   f'<text x="{x + 9}" y="{y}" fill="{MUTED}">{_e(name)}</text>')
        x += 28 + 7 * len(name)
    return out


# -- map ------------------------------------------------------------------------------------

def location_map(points: Iterable[Mapping], *, width: int = 720, height: int = 360,
                 label: str = "Map of event locations") -> str:
    """Located events on a plain longitude/latitude plot with a graticule.

    ``points`` are mappings with ``lat``, ``lon``, optional ``event``, ``place``
    and ``n`` (how many events there). The view frames the points with a margin,
    widening to at least 20 degrees so a single city still shows its region.
    """
    pts = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if not pts:
        return _empty(width, label, "No located events.")
    west, east, south, north = _frame([p["lon"] for p in pts], [p["lat"] for p in pts])
    pad = 28

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (pad + (width - 2 * pad) * (lon - west) / (east - west),
                pad + (height - 2 * pad) * (north - lat) / (north - south))

    body = [f'<rect x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}" '
            f'fill="#f4f7fa" stroke="{GRID}"/>']
    body += _graticule(west, east, south, north, xy)
    most = max(p.get("n") or 1 for p in pts)
    for p in sorted(pts, key=lambda p: -(p.get("n") or 1)):
        x, y = xy(p["lon"], p["lat"])
        r = 4 + 12 * math.sqrt((p.get("n") or 1) / most) if most > 1 else 5
        tip = f"{p.get('place') or ''} ({p['lat']:.2f}, {p['lon']:.2f}): {p.get('n') or 1} {p.get('event') or 'event'}"
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour(p.get("event"))}" '
                    f'fill-opacity="0.75" stroke="#fff"><title>{_e(tip)}</title></circle>')
    for name, (x, y) in _place_labels(pts, xy).items():
        body.append(f'<text x="{x + 7:.1f}" y="{y - 6:.1f}" fill="{INK}">{_e(name)}</text>')
    return _svg(width, height, label, body)


def _frame(lons: list[float], lats: list[float]) -> tuple[float, float, float, float]:
    """West, east, south, north bounds around the points, at least 20 degrees wide."""
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half_w = max(10.0, (max(lons) - min(lons)) / 2 * 1.2 + 2)
    half_h = max(5.0, (max(lats) - min(lats)) / 2 * 1.2 + 2, half_w / 2)
    half_w = max(half_w, half_h * 2)
    return (max(-180.0, cx - half_w), min(180.0, cx + half_w),
            max(-90.0, cy - half_h), min(90.0, cy + half_h))


def _graticule(west, east, south, north, xy) -> list[str]:
    step = next(s for s in (1, 2, 5, 10, 15, 30, 60) if (east - west) / s <= 12)
    out = []
    for lon in range(math.ceil(west / step) * step, math.floor(east) + 1, step):
        (x1, y1), (_, y2) = xy(lon, north), xy(lon, south)
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x1:.1f}" y2="{y2:.1f}" stroke="{GRID}"/>'
                   f'<text x="{x1:.1f}" y="{y2 + 14:.1f}" text-anchor="middle" fill="{MUTED}" '
                   f'font-size="9">{_e(_deg(lon, "E", "W"))}</text>')
    for lat in range(math.ceil(south / step) * step, math.floor(north) + 1, step):
        (x1, y1), (x2, _) = xy(west, lat), xy(east, lat)
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y1:.1f}" stroke="{GRID}"/>'
                   f'<text x="{x1 - 4:.1f}" y="{y1 + 3:.1f}" text-anchor="end" fill="{MUTED}" '
                   f'font-size="9">{_e(_deg(lat, "N", "S"))}</text>')
    return out


def _deg(value: float, pos: str, neg: str) -> str:
    return f"{abs(value):g}°{pos if value >= 0 else neg}" if value else "0°"


def _place_labels(pts: list[Mapping], xy) -> dict[str, tuple[float, float]]:
    """One label per named place (the first point of it), at most 12."""
    labels: dict[str, tuple[float, float]] = {}
    for p in pts:
        name = p.get("place")
        if name and name not in labels and len(labels) < 12:
            labels[name] = xy(p["lon"], p["lat"])
    return labels


# -- heat strip -----------------------------------------------------------------------------

def heat_strip(counts: Mapping[tuple[str, str], int], *, rows: list[str] | None = None,
               columns: list[str] | None = None, width: int = 720,
               label: str = "Events by type and week") -> str:
    """A grid of rows (event types, countries) by ISO weeks; darker cells hold more events.

    ``counts`` maps ``(row, week)`` to a count; rows default to the busiest
    first, columns to every week between the first and the last.
    """
    if not counts:
        return _empty(width, label, "No dated events.")
    totals: dict[str, int] = {}
    for (row, _), n in counts.items():
        totals[row] = totals.get(row, 0) + n
    rows = rows or sorted(totals, key=lambda r: (-totals[r], r))
    columns = columns or week_columns([w for _, w in counts])
    top = max(counts.values())
    left, cell_h, head = 90, 18, 58
    cell_w = max(8.0, min(48.0, (width - left - 40) / max(len(columns), 1)))
    body = []
    every = max(1, math.ceil(len(columns) * 14 / (cell_w * len(columns))))
    for j, week in enumerate(columns):
        if j % every == 0:
            x = left + j * cell_w + cell_w / 2
            body.append(f'<text x="{x:.1f}" y="{head - 6}" transform="rotate(-45 {x:.1f} {head - 6})" '
                        f'fill="{MUTED}" font-size="9">{_e(week)}</text>')
    for i, row in enumerate(rows):
        y = head + i * cell_h
        body.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end" fill="{INK}">{_e(row)}</text>')
        for j, week in enumerate(columns):
            n = counts.get((row, week), 0)
            opacity = 0.08 if n == 0 else 0.25 + 0.75 * n / top
            body.append(f'<rect x="{left + j * cell_w:.1f}" y="{y}" width="{cell_w - 1:.1f}" height="{cell_h - 2}" '
                        f'fill="{colour(row) if row in EVENT_TYPES else "#3d5a80"}" fill-opacity="{opacity:.2f}">'
                        f'<title>{_e(f"{row}, {week}: {n}")}</title></rect>')
        body.append(f'<text x="{left + len(columns) * cell_w + 6:.1f}" y="{y + 13}" fill="{MUTED}">'
                    f'{totals.get(row, 0)}</text>')
    used = int(left + len(columns) * cell_w + 40)
    return _svg(min(width, used), head + len(rows) * cell_h + 8, label, body)


def week_columns(weeks: list[str], *, most: int = 60) -> list[str]:
    """Every week from the first to the last when that fits in ``most`` columns; otherwise
    only the weeks that have events (the latest ``most``), so years of quiet take no room."""
    every = weeks_between(min(weeks), max(weeks), most=most + 1)
    if len(every) <= most:
        return every
    return sorted(set(weeks))[-most:]


def weeks_between(first: str, last: str, *, most: int = 104) -> list[str]:
    """Every ISO week label (``2016-W42``) from ``first`` to ``last`` inclusive, at most ``most``."""
    def monday(label: str) -> dt.date:
        year, week = label.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)

    day, end, out = monday(first), monday(last), []
    while day <= end and len(out) < most:
        year, week, _ = day.isocalendar()
        out.append(f"{year}-W{week:02d}")
        day += dt.timedelta(days=7)
    return out
