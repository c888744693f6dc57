"""PLOVER events -> ACLED sub-event types, by the documented map ``rules/event_acled_map.yaml``.

ACLED codes violence by weapon and by who did it; PLOVER carries the weapon in
its mode and the actor's sector in its entities, so the map is a short
ordered list of conditions a reader can check (see the YAML's header).
"""
from __future__ import annotations

import functools
from typing import Any

import yaml

from sitrep.extract.events_acled_cues import refine
from sitrep.extract.events_lexicon import RULES_DIR
from sitrep.model import Event


@functools.lru_cache(maxsize=1)
def acled_map() -> dict[str, Any]:
    """The map, read once: ``{"default", "no_event", "rules": [...]}``."""
    with open(RULES_DIR / "event_acled_map.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _holds(rule: dict, event: Event) -> bool:
    if "event" in rule and event.event not in rule["event"]:
        return False
    if "mode" in rule and event.mode not in rule["mode"]:
        return False
    if "context" in rule and not set(rule["context"]) & set(event.context):
        return False
    if "actor_sector" in rule and not {a.sector for a in event.actor} & set(rule["actor_sector"]):
        return False
    if "recipient_sector" in rule and not {r.sector for r in event.recipient} & set(
            rule["recipient_sector"]):
        return False
    for role in ("actor", "recipient"):
        words = rule.get(f"{role}_words")
        if words and not any(w in e.text.lower().split() for e in getattr(event, role) for w in words):
            return False
    if "trigger" in rule and not any(t in event.rule for t in rule["trigger"]):
        return False
    return all(key in event.attributes for key in rule.get("attributes", ()))


def acled_rule(event: Event) -> tuple[int, str]:
    """(rule index, ACLED sub-event type) of one event; the default has the last index."""
    table = acled_map()
    for i, rule in enumerate(table["rules"]):
        if _holds(rule, event):
            return i, rule["acled"]
    return len(table["rules"]), table["default"]


def event_label(events: list[Event]) -> str:
    """The ACLED sub-event type the events alone give: the one matching the most specific rule."""
    table = acled_map()
    if not events:
        return table["no_event"]
    return min(acled_rule(e) for e in events)[1]


def acled_label(events: list[Event], result=None, *, text: str | None = None) -> str:
    """The ACLED sub-event type of a text: the events' label, refined by the text cues of
    ``rules/event_acled_cues.yaml`` when the text is known (``text`` or ``result.article``)."""
    return acled_explained(events, result, text=text)[0]


def acled_explained(events: list[Event], result=None, *,
                    text: str | None = None) -> tuple[str, str]:
    """(ACLED sub-event type, how it was decided), for exports that show their reasons."""
    if text is None:
        article = getattr(result, "article", None)
        text = getattr(article, "text", None) or ""
    base = event_label(events)
    label, cue = refine(base, text)
    if cue is None:
        return label, f"event map (rules/event_acled_map.yaml) gives {base}"
    return label, f"text cue '{cue}' (rules/event_acled_cues.yaml) over event label {base}"
