"""A readable summary of one analysed article, for a person at a terminal."""
from __future__ import annotations

from sitrep.model import DocumentResult, Entity, Event

#: How each PLOVER type reads in a sentence: (with a recipient, without one).
VERBS = {
    "AGREE": ("agreed with", "agreed"), "CONSULT": ("consulted", "held talks"),
    "SUPPORT": ("supported", "expressed support"), "CONCEDE": ("made a concession to", "made a concession"),
    "COOPERATE": ("cooperated with", "cooperated"), "AID": ("gave aid to", "gave aid"),
    "RETREAT": ("stood down toward", "stood down"), "REQUEST": ("made a demand of", "made a demand"),
    "ACCUSE": ("accused", "made an accusation"), "REJECT": ("rejected", "refused"),
    "THREATEN": ("threatened", "made a threat"), "PROTEST": ("protested against", "protested"),
    "SANCTION": ("sanctioned", "imposed sanctions"), "MOBILIZE": ("mobilised against", "mobilised"),
    "COERCE": ("coerced", "used coercion"), "ASSAULT": ("attacked", "carried out an attack"),
}
QUOTE_MARKS = "“”\"‘’«» "
STATUS_WORDS = {"occurred": "", "future": "planned: ", "hypothetical": "conditional: ",
                "negated": "did NOT happen: "}


def render_text(result: DocumentResult) -> str:
    a = result.article
    lines = [f"== {a.title or a.id} ==",
             f"published {a.published or 'unknown'}" + (f" · {a.source}" if a.source else "")]
    lines += _section("Events", [event_sentence(e) for e in result.events])
    lines += _section("Quotes", [_quote_line(q) for q in result.quotes])
    lines += _section("Times", [f"{t.text!r} -> {t.value} ({t.type}; {t.resolution})" for t in result.times])
    lines += _section("Places", _place_lines(result.places))
    lines += _section("Related links (not coded)", [k.title for k in result.links])
    lines += _section("Framing", [f"{f.kind}: {f.text!r}" + (f" applied to {f.target}" if f.target else "")
                                  for f in result.framing])
    return "\n".join(lines) + "\n"


def event_sentence(e: Event) -> str:
    """One event as a sentence: when, where, who did what to whom, and the evidence."""
    who = _names(e.actor) or "someone"
    whom = _names(e.recipient)
    kind = e.event + (f"/{e.mode}" if e.mode else "")
    transitive, intransitive = VERBS.get(e.event, (e.event.lower(), e.event.lower()))
    body = f"{who} {transitive} {whom}" if whom else f"{who} {intransitive}"
    when = e.date or "undated"
    where = f" in {e.location.name}" if e.location and e.location.name else ""
    extras = ", ".join(f"{k}={v}" for k, v in e.attributes.items())
    said = f" (reported by {e.reported_by.name or e.reported_by.text})" if e.reported_by else ""
    return (f"{when}{where}: {STATUS_WORDS.get(e.status, '')}{body} [{kind}]"
            + (f" {{{extras}}}" if extras else "") + said + f'\n      "{_clip(e.evidence.text)}"')


def _names(entities: list[Entity]) -> str:
    out = []
    for ent in entities:
        code = "/".join(x for x in (ent.code, ent.sector) if x)
        out.append(_clip(ent.text, 60) + (f" ({code})" if code else ""))
    return ", ".join(out)


def _quote_line(q) -> str:
    who = "unattributed"
    if q.speaker:
        who = q.speaker.name or q.speaker.text
        if q.speaker.name and q.speaker.text != q.speaker.name:
            who += f' (via "{q.speaker.text}")'
    mark = "said" if q.direct else "said (reported)"
    words = _clip(q.content.text.strip(QUOTE_MARKS), 160)
    return f"{who} {mark}: “{words}”"


def _place_lines(places) -> list[str]:
    """One line per distinct reading, with how often the article names it."""
    seen: dict[tuple, list] = {}
    for p in places:
        seen.setdefault((p.text, p.geonameid, p.name), []).append(p)
    lines = []
    for (text, _, _), group in seen.items():
        p, times = group[0], (f" ×{len(group)}" if len(group) > 1 else "")
        if p.lat is None:
            lines.append(f"{text!r}{times} (unresolved)")
        else:
            lines.append(f"{text!r}{times} -> {p.name}, {p.country_code} ({p.lat:.2f}, {p.lon:.2f}; {p.resolution})")
    return lines


def _section(title: str, rows: list[str]) -> list[str]:
    if not rows:
        return []
    return ["", f"{title}:"] + [f"  - {r}" for r in rows]


def _clip(text: str, width: int = 120) -> str:
    """``text`` on one line, cut to ``width`` characters at a word boundary where one lies in
    the second half (a clipped name should not end in half a word: "Staffan de Mi…")."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    return (text[:cut] if cut >= width // 2 else text[: width - 1]).rstrip(" ,;:") + "…"
