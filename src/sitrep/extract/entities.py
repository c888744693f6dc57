"""Named entities from the statistical NER, as stand-off mentions."""
from __future__ import annotations

from sitrep.extract.context import Context
from sitrep.model import Entity

#: NER labels worth keeping as entities of an article (numbers and dates have their own layers).
KEPT_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "LAW", "WORK_OF_ART", "LANGUAGE"})


def extract(ctx: Context) -> list[Entity]:
    return [Entity(text=ent.text, start=ent.start_char, end=ent.end_char, label=ent.label_,
                   resolution="spaCy NER")
            for ent in ctx.doc.ents if ent.label_ in KEPT_LABELS]
