"""Quotes: every direct quote with its speaker, cue and channel.

`extract_quotes(document, parsed, entities)` pairs the quotation marks,
finds each quote's speech clause and resolves its speaker to an entity;
`resolved_speaker_mentions` lists the speaker mentions tied to entities.
"""

from reader.analysis.quotes.extract import extract_quotes
from reader.navigate import resolved_speaker_mentions  # kept light for the app (see there)

__all__ = ["extract_quotes", "resolved_speaker_mentions"]
