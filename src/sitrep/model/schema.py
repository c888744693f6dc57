"""The versioned JSON Schema of sitrep's document output.

Written out by ``sitrep schema`` to ``schema/sitrep-document.schema.json``;
a test checks that the file is current and that every field the model's
``to_dict`` methods emit is declared here (and nothing else), so the
contract cannot drift from the code.
"""
from __future__ import annotations

from typing import Any

from sitrep.model.base import SCHEMA_VERSION
from sitrep.model.event import EVENT_TYPES, STATUSES
from sitrep.model.framing import FRAMING_KINDS
from sitrep.model.time import TIME_TYPES

SCHEMA_ID = f"https://sitrep.invalid/schema/sitrep-document-{SCHEMA_VERSION}.json"

STR = {"type": "string"}
NSTR = {"type": ["string", "null"]}
INT = {"type": "integer", "minimum": 0}
NNUM = {"type": ["number", "null"]}
NINT = {"type": ["integer", "null"]}


def _obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props,
            "required": required if required is not None else list(props),
            "additionalProperties": False}


SPAN = _obj({"text": STR, "start": INT, "end": INT})
ENTITY = _obj({"text": STR, "start": INT, "end": INT, "label": NSTR, "name": NSTR, "code": NSTR,
               "sector": NSTR, "resolution": NSTR})
MENTION = _obj({"text": STR, "start": INT, "end": INT, "label": NSTR})
PLACE = _obj({"text": STR, "start": INT, "end": INT, "name": NSTR, "geonameid": NINT,
              "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
              "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
              "country_code": NSTR, "admin1": NSTR, "feature": NSTR, "resolution": STR})
TIME = _obj({"text": STR, "start": INT, "end": INT, "type": {"enum": list(TIME_TYPES)},
             "value": NSTR, "resolution": STR, "anchor": NSTR, "mod": NSTR})
SPEAKER = _obj({"text": STR, "start": INT, "end": INT, "name": NSTR, "code": NSTR, "sector": NSTR,
                "chain": {"type": "array", "items": SPAN}, "resolution": STR})
QUOTE = _obj({"speaker": {"anyOf": [SPEAKER, {"type": "null"}]},
              "cue": {"anyOf": [SPAN, {"type": "null"}]},
              "content": SPAN, "direct": {"type": "boolean"}, "rule": STR})
EVENT = _obj({
    "event": {"enum": list(EVENT_TYPES)},
    "mode": NSTR,
    "context": {"type": "array", "items": STR},
    "actor": {"type": "array", "items": ENTITY},
    "recipient": {"type": "array", "items": ENTITY},
    "date": NSTR, "date_resolution": NSTR, "time": NSTR,
    "location": {"anyOf": [PLACE, {"type": "null"}]},
    "location_resolution": NSTR,
    "status": {"enum": list(STATUSES)},
    "reported_by": {"anyOf": [ENTITY, {"type": "null"}]},
    "attributes": {"type": "object"},
    "evidence": SPAN,
    "trigger": {"anyOf": [SPAN, {"type": "null"}]},
    "mentions": {"type": "array", "items": SPAN},
    "quad": {"enum": [1, 2, 3, 4]},
    "rule": STR,
    "confidence": NNUM,
})
LINK = _obj({"text": STR, "start": INT, "end": INT, "label": STR, "title": STR})
FRAMING = _obj({"kind": {"enum": list(FRAMING_KINDS)}, "text": STR, "start": INT, "end": INT,
                "label": NSTR, "target": NSTR, "stance": NSTR})

DOCUMENT = _obj({
    "schema_version": {"const": SCHEMA_VERSION},
    "id": STR, "text": STR, "published": NSTR, "title": NSTR, "source": NSTR, "url": NSTR,
    "events": {"type": "array", "items": EVENT},
    "quotes": {"type": "array", "items": QUOTE},
    "times": {"type": "array", "items": TIME},
    "places": {"type": "array", "items": PLACE},
    "entities": {"type": "array", "items": MENTION},
    "links": {"type": "array", "items": LINK},
    "framing": {"type": "array", "items": FRAMING},
})
ERROR = _obj({"schema_version": {"const": SCHEMA_VERSION}, "id": STR,
              "error": {"type": "string", "pattern": "^[^\\n]+$"}})


def document_schema() -> dict[str, Any]:
    """The schema one line of ``sitrep analyze --format jsonl`` satisfies."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"sitrep document analysis, version {SCHEMA_VERSION}",
        "description": "One analysed article (or one error). Every span's start/end index into 'text'.",
        "oneOf": [DOCUMENT, ERROR],
    }


def validate(obj: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``obj`` breaks the contract."""
    import jsonschema

    jsonschema.validate(obj, document_schema(), cls=jsonschema.Draft202012Validator)


# --- PLOVER export -------------------------------------------------------------------------
#: A PLOVER actor as sitrep writes it: PLOVER's ``code``/``sector`` plus the mention's offsets.
PLOVER_ACTOR = _obj({"code": NSTR, "sector": NSTR, "name": NSTR, "text": STR, "start": INT, "end": INT},
                    required=["code", "text", "start", "end"])
PLOVER_DATE = {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


def plover_event_schema() -> dict[str, Any]:
    """The schema one line of ``sitrep export --format plover`` satisfies.

    Field names follow the PLOVER v0.8 manual's JSON record (``id``, ``date``,
    ``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``,
    ``event_text``, ``quad_code``, ``text_info``, ``cite_info``, ``coder``);
    ``sitrep`` carries our full event with its evidence offsets, so a re-import
    loses nothing. ``date`` is null only when neither the event nor its
    article has a full date.
    """
    loc = _obj({"extracted_place": STR, "resolved_place": NSTR, "geonameid": NINT,
                "lat": PLACE["properties"]["lat"], "lon": PLACE["properties"]["lon"],
                "country_code": NSTR, "feature_class": NSTR, "start": INT, "end": INT},
               required=["extracted_place"])
    record = _obj({
        "id": STR, "date": PLOVER_DATE,
        "actor": {"type": "array", "items": PLOVER_ACTOR},
        "recipient": {"type": "array", "items": PLOVER_ACTOR},
        "event": {"type": "array", "items": {"enum": list(EVENT_TYPES)}, "minItems": 1},
        "mode": NSTR,
        "context": {"type": "array", "items": STR},
        "event_loc": {"anyOf": [loc, {"type": "null"}]},
        "event_text": STR,
        "quad_code": {"enum": [1, 2, 3, 4]},
        "text_info": _obj({"sequence": INT, "start": INT, "end": INT, "text_story": STR}),
        "cite_info": _obj({"corpus": STR, "citation": STR, "url": NSTR, "title": NSTR,
                           "publication": NSTR, "language": STR, "coder": STR, "codebook": STR,
                           "version": STR}),
        "coder": STR,
        "sitrep": _obj({"article": _obj({"id": STR, "content_hash": STR, "title": NSTR, "published": NSTR,
                                         "source": NSTR, "url": NSTR}),
                        "event": EVENT}),
    }, required=["id", "date", "actor", "event"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://sitrep.invalid/schema/sitrep-plover-{SCHEMA_VERSION}.json",
            "title": f"sitrep PLOVER event record, version {SCHEMA_VERSION}", **record}
