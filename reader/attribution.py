"""How a quote's speaker was found, in words for the Quotes pane and the status line.

`Quote.speaker_evidence` is set by the quotes layer ("pronoun: the previous
quote’s speaker", "named", ...); this module only phrases it with the
mention and the cue: “she” → Maria Zakharova · pronoun: the previous
quote’s speaker · cue “added”.
"""

from __future__ import annotations

from reader.model import Quote


def speaker_name(quote: Quote, entity_name: str | None = None) -> str:
    """The speaker's display name: the entity's, else what the quotes layer resolved, else the mention."""
    return entity_name or quote.speaker or quote.speaker_mention


def evidence_line(quote: Quote) -> str:
    """ "pronoun: the previous quote’s speaker · cue “added”" ("" when the quote has no speaker)."""
    parts = [quote.speaker_evidence] if quote.speaker_evidence else []
    if quote.cue:
        parts.append(f"cue “{quote.cue}”")
    return " · ".join(parts)


def attribution(quote: Quote, entity_name: str | None = None) -> str:
    """ "“she” → Maria Zakharova · pronoun: the previous quote’s speaker · cue “added”"."""
    who = speaker_name(quote, entity_name)
    if not who:
        return "unattributed: no speaker found"
    head = who
    if quote.speaker_mention and quote.speaker_mention.casefold() != who.casefold():
        head = f"“{quote.speaker_mention}” → {who}"
    evidence = evidence_line(quote)
    return f"{head} · {evidence}" if evidence else head
