"""An ACLED-style CSV of stored events (event_date, event_type, sub_event_type,
actor1, actor2, location, latitude, longitude, fatalities, source, notes).

The sub-event type comes from the events layer's documented map
(``extract/rules/event_acled_map.yaml`` via ``sitrep.extract.events_acled``);
this module only turns its codes into ACLED's own names. Without that map,
events are typed by their PLOVER category alone (``FALLBACK``).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude",
           "longitude", "fatalities", "source", "notes")

#: map code -> (ACLED event type, ACLED sub-event type), as ACLED's codebook names them.
ACLED_NAMES: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
}

#: PLOVER type -> map code, used only when the events layer's map is unavailable.
FALLBACK = {"ASSAULT": "ATTACK", "PROTEST": "PEACE_PROTEST", "AGREE": "AGREEMENT", "COERCE": "ARREST",
            "MOBILIZE": "CHANGE_TO_GROUP_ACT", "RETREAT": "CHANGE_TO_GROUP_ACT"}


def acled_code(event: dict[str, Any]) -> str:
    """The ACLED map code of one stored event dict (``Event.to_dict()``)."""
    try:
        from sitrep.extract.events_acled import acled_rule
    except ImportError:
        return FALLBACK.get(event["event"], "OTHER")
    from sitrep.model.convert import event_from_dict

    return acled_rule(event_from_dict(event))[1]


def acled_row(event: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row for an event of the article ``doc`` (a stored ``to_dict()``)."""
    event_type, sub_type = ACLED_NAMES.get(acled_code(event), ACLED_NAMES["OTHER"])
    loc = event.get("location") or {}
    dead = (event.get("attributes") or {}).get("dead")
    return {
        "event_date": event.get("date") or doc.get("published"), "event_type": event_type,
        "sub_event_type": sub_type, "actor1": _who(event.get("actor")),
        "actor2": _who(event.get("recipient")),
        "location": loc.get("name") or loc.get("text"), "latitude": loc.get("lat"),
        "longitude": loc.get("lon"), "fatalities": dead if isinstance(dead, int) else 0,
        "source": doc.get("source"), "notes": f"{doc['id']}: {event['evidence']['text']}",
    }


def _who(entities: list[dict[str, Any]] | None) -> str:
    if not entities:
        return ""
    first = entities[0]
    code = "/".join(x for x in (first.get("code"), first.get("sector")) if x)
    return (first.get("name") or first["text"]) + (f" ({code})" if code else "")


def write_acled_csv(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]], out: TextIO) -> int:
    """Write (event, article doc) pairs as ACLED-style CSV; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for event, doc in pairs:
        writer.writerow(acled_row(event, doc))
        n += 1
    return n
