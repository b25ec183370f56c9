"""The Markdown export's analysis sections: Quotes, People/Organisations/..., Timeline and Sources.

Each `*_section` returns its parts (a heading and its text) or [] when there
is nothing to show; all article text is escaped by `reader.export.md_text`,
the labels and counts come from `reader.present` (the panes use the same).
"""

from __future__ import annotations

from reader.export.md_text import Target, clean_end, escape_inline, escape_text, link, paragraph_link, quote_block
from reader.language import english_only_error
from reader.model import Analysis, ArticleDate, Document, Entity, Quote, Source, TimeItem
from reader.notes import block_number
from reader.present import entity_groups, plural, source_kind, speaker_name
from reader.sanitize import clean_block, clean_line
from reader.time_order import rows_in_order


def _speaker(quote: Quote, analysis: Analysis) -> str:
    entity = analysis.entity(quote.speaker_id)
    name = clean_line(speaker_name(quote, analysis))
    who = escape_inline(name) if name else "*unattributed*"
    role = clean_line(entity.role) if entity else ""
    if role and role.casefold() not in name.casefold():
        who += ", " + escape_inline(role)
    if clean_line(quote.channel):
        who += f" (via {escape_inline(quote.channel)})"
    return who


def quotes_section(document: Document, analysis: Analysis, target: Target = "github") -> list[str]:
    parts = ["## Quotes"]
    for quote in analysis.quotes:
        text = clean_end(clean_block(quote.text).strip())  # “…,” she said: the comma is the clause's
        if quote.partial:  # an ellipsis replaces the sentence's own stops: never "moment. …"
            text = text.strip().strip(".,;:").strip()
        paragraphs = [escape_text(p) for p in text.split("\n\n")]
        body = "\n\n".join(p for p in paragraphs if p)
        if not body:
            continue
        if quote.partial:
            body = f"… {body} …"
        where = ""
        if document.blocks and 0 <= quote.start <= len(document.body):
            where = " · " + paragraph_link(block_number(document, quote.start), target)
        parts.append(quote_block(body + "\n\n— " + _speaker(quote, analysis) + where))
    return parts if len(parts) > 1 else []


def _entity_line(entity: Entity) -> str:
    name = clean_line(entity.name)
    bits = [f"**{escape_inline(name)}**", plural(entity.count, "mention")]
    if clean_line(entity.role):
        bits.append(escape_inline(entity.role))
    aliases = []
    for alias in entity.aliases:
        alias = clean_line(alias)
        if alias and alias.casefold() != name.casefold() and alias not in aliases:
            aliases.append(alias)
    if aliases:
        bits.append("also " + ", ".join(escape_inline(a) for a in aliases))
    return "- " + " · ".join(bits)


def entity_sections(analysis: Analysis, document_language: str = "en") -> list[str]:
    if not analysis.entities_available:
        not_english = english_only_error(document_language)
        why = escape_inline(not_english) if not_english else "no English language model was loaded"
        return ["## People, organisations and places", f"*Not available: {why}.*"]
    parts: list[str] = []
    for _kind, heading, group in entity_groups(analysis):
        parts.append(f"## {heading}")
        parts.append("\n".join(_entity_line(e) for e in group))
    return parts


def _time_line(document: Document, item: TimeItem) -> str:
    text = clean_line(item.text)
    value = clean_line(item.value)
    iso = item.resolved and item.type in ("DATE", "TIME") and value[:4].isdigit()
    label = clean_line(item.label)
    head = f"**{escape_inline(label or (value if iso else text))}**"
    notes = []
    if iso and label and label != value:
        notes.append(escape_inline(value))
    if iso and text and text != value:
        notes.append(f"“{escape_inline(text)}”")
    if item.approximate:
        notes.append("approximate")
    if not item.resolved:
        notes.append("not resolved")
    if item.type in ("DURATION", "SET"):
        notes.append(item.type.lower())
    if item.is_published:
        notes.append("the article’s date")
    line = "- " + head + (f" ({', '.join(notes)})" if notes else "")
    if item.sentence_end > item.sentence_start:
        sentence = escape_text(document.body[item.sentence_start : item.sentence_end], hard_breaks=False)
        if sentence:
            line += " — " + sentence
    return line


def _date_line(date: ArticleDate) -> str:
    value = clean_line(date.value)
    label = clean_line(date.label)
    notes = [escape_inline(value)] if label and label != value else []
    return f"- **{escape_inline(label or value)}** ({', '.join([*notes, 'the article’s date'])})"


def timeline_section(document: Document, analysis: Analysis) -> list[str]:
    rows = rows_in_order(analysis.timeline, analysis.published)
    if not rows:
        return []
    lines = [_date_line(r) if isinstance(r, ArticleDate) else _time_line(document, r) for r in rows]
    return ["## Timeline", "\n".join(lines)]


def _source_line(source: Source) -> str:
    name = clean_line(source.name) or clean_line(source.url)
    head = link(name, source.url) if source.url else escape_inline(name)
    if not source.url or head == escape_inline(name):
        head = f"**{head}**"
    bits = [head + " — " + escape_inline(source_kind(source.kind))]
    if source.mentions:
        bits.append(plural(len(source.mentions), "mention"))
    if source.quote_ids:
        bits.append(plural(len(source.quote_ids), "quote"))
    return "- " + " · ".join(bits)


def sources_section(analysis: Analysis) -> list[str]:
    if not analysis.sources:
        return []
    return ["## Sources", "\n".join(_source_line(s) for s in analysis.sources)]
