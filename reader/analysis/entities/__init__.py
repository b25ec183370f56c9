"""Entities: people, organisations and places, one per real entity.

`group_entities(document, parsed)` finds the named mentions (the model's
spans, repeats, datelines, tables), groups them into entities with aliases,
kinds, roles and descriptions; `entity_spans` flattens them for scorers.
"""

from reader.analysis.entities.extract import SCORED_KINDS, entity_spans, group_entities

__all__ = ["SCORED_KINDS", "entity_spans", "group_entities"]
