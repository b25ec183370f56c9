"""The Markdown export: the readable article, the user's notes and the panes' content.

API
---
`to_markdown(document, analysis=None, notes=(), *, exported=None, tags=("reader",), target="github") -> str`

- `exported`: a datetime (written as UTC) or an ISO string; None = now.
- `notes`: `reader.notes.Note` values (from `Store.open_article(...).notes`
  or `reader.library.notes_for(document)`).

Layout (renders on GitHub and in Obsidian; all article text, and the user's
own notes, are escaped by `reader.export.md_text`: a note shows as typed):

    ---                         YAML front matter; every value a double-quoted
    title: "..."                scalar (also valid JSON), lists in flow style
    url/site/authors/published/exported/tags
    ---
    # Title
    Site · By Authors · 9 January 2026 · [Original article](url)
    ## Notes and highlights      (when there are notes)
    > highlighted text
    >
    > — [¶ 12](#p12) · 2026-01-10
                                 (blank line)
    > [!NOTE]                    the user's note: a GitHub alert / Obsidian callout
    > my note
    ## Article                   the blocks; article headings become ### and deeper
    ## Quotes                    > quote  /  > — Speaker, role (via channel) · [¶ 3](#p3)
    ## People / Organisations / Places / Groups and nationalities / Other
    ## Timeline                  - **Thu 8 Jan 2026** (2026-01-08, “Thursday”) — the sentence
    ## Sources                   - [Name](url) — kind · N mentions · N quotes

Paragraph links: blocks are numbered from 1 in body order (`¶ N`, the same
number as `reader.notes.block_number`). A block that a note or a quote
points at gets a mark, in the form the target renders: for GitHub (the
default) an invisible HTML anchor `<a id="pN"></a>` at its start, linked
as `[¶ N](#pN)`; for Obsidian (`target="obsidian"`) the block id ` ^pN` at
its end, linked as `[¶ N](#^pN)`. Only those blocks get marks, so the
article stays clean; article text can never fake one because `^`, `<`,
`[` and `#` are escaped in it.

The output never contains control characters, lone surrogates or raw HTML
other than those anchors; a fenced block or HTML a user writes in a note
stays inside its callout (a block quote ends the container).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Literal, Sequence

from reader.export.md_text import escape_inline, escape_text, link, quote_block, scrub, yaml_list, yaml_string
from reader.language import english_only_error
from reader.model import Analysis, Block, Document, Entity, Quote, Source, TimeItem
from reader.notes import Note, block_number
from reader.sanitize import clean_block, clean_line

DEFAULT_TAGS = ("reader",)

ENTITY_SECTIONS = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("group", "Groups and nationalities"),
    ("other", "Other"),
)
SOURCE_KINDS = {
    "agency": "news agency",
    "outlet": "outlet",
    "person": "person quoted",
    "organisation": "organisation",
    "document": "document",
    "link": "link",
    "image_credit": "image credit",
}


def _exported_text(exported: datetime | str | None) -> str:
    if exported is None:
        exported = datetime.now(timezone.utc)
    if isinstance(exported, datetime):
        if exported.tzinfo is None:
            exported = exported.replace(tzinfo=timezone.utc)
        return exported.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return str(exported)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _human_date(value: str | None) -> str:
    """ "2026-01-09" -> "9 January 2026"; a time stays in the page's own zone; other forms as given."""
    from reader.timefmt import published_label

    return published_label(clean_line(value or ""))


def front_matter(document: Document, exported: str, tags: Iterable[str]) -> str:
    lines = [
        "---",
        f"title: {yaml_string(document.title)}",
        f"url: {yaml_string(document.url)}",
        f"site: {yaml_string(document.site_name)}",
        f"authors: {yaml_list(list(document.authors))}",
        f"published: {yaml_string(document.published)}",
        f"exported: {yaml_string(exported)}",
        f"tags: {yaml_list(list(tags))}",
        "---",
    ]
    return "\n".join(lines)


def _meta_line(document: Document) -> str:
    parts = []
    if clean_line(document.site_name):
        parts.append(escape_inline(document.site_name))
    authors = [clean_line(a) for a in document.authors if clean_line(a)]
    if authors:
        names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
        parts.append("By " + escape_inline(names))
    elif clean_line(document.byline):
        parts.append(escape_inline(document.byline))
    if document.published:
        parts.append(escape_inline(_human_date(document.published)))
    if document.url and link("Original article", document.url) != escape_inline("Original article"):
        parts.append(link("Original article", document.url))
    return " · ".join(parts)


Target = Literal["github", "obsidian"]
TARGETS: tuple[Target, ...] = ("github", "obsidian")


def paragraph_link(number: int, target: Target) -> str:
    """`[¶ 12](#p12)` (GitHub: an HTML anchor) or `[¶ 12](#^p12)` (Obsidian: a block id)."""
    return f"[¶ {number}](#{'^' if target == 'obsidian' else ''}p{number})"


def _block_markdown(document: Document, index: int, block: Block, marked: bool, target: Target) -> str:
    number = index + 1
    text = escape_text(document.block_text(block))
    if not text:
        return ""
    obsidian = marked and target == "obsidian"
    head = f'<a id="p{number}"></a>' if marked and not obsidian else ""
    tail = f" ^p{number}" if obsidian else ""
    if block.kind == "heading":
        level = min(6, max(3, (block.level or 2) + 1))
        return f"{'#' * level} {head}{text}{tail}"
    if block.kind == "blockquote":
        # Obsidian takes a block quote's id on its own line after it.
        quoted = quote_block(head + text)
        return quoted + (f"\n\n^p{number}" if obsidian else "")
    if block.kind == "list_item":
        return "- " + (head + text + tail).replace("\n", "\n  ")
    return head + text + tail


def _title_block_index(document: Document, title: str) -> int | None:
    """The first block when it only repeats the title (it is not printed twice)."""
    if not document.blocks or not title:
        return None
    first = clean_line(document.block_text(document.blocks[0])).casefold()
    return 0 if first == title.casefold() else None


def article_section(document: Document, marked: set[int], target: Target = "github") -> list[str]:
    parts = ["## Article"]
    skip = _title_block_index(document, clean_line(document.title))
    items: list[str] = []
    for index, block in enumerate(document.blocks):
        if index == skip and index not in marked:
            continue
        rendered = _block_markdown(document, index, block, index in marked, target)
        if not rendered:
            continue
        if block.kind == "list_item" and items and items[-1].startswith("- "):
            items[-1] += "\n" + rendered  # consecutive items make one (tight) list
        else:
            items.append(rendered)
    parts.extend(items)
    return parts


def clean_end(text: str) -> str:
    """A highlight or quote without the comma, semicolon or colon of the sentence around it."""
    return text.rstrip().rstrip(",;:").rstrip()


def notes_section(document: Document, notes: Sequence[Note], target: Target = "github") -> list[str]:
    parts = ["## Notes and highlights"]
    for note in notes:
        quoted = escape_text(clean_end(note.text)) or "*(empty highlight)*"
        made = clean_line(note.created)[:10]
        if note.anchored and document.blocks:
            where = paragraph_link(block_number(document, note.start), target)
        else:
            where = "*no longer found in this version of the article*"
        attribution = "— " + where + (f" · {escape_inline(made)}" if made else "")
        parts.append(quote_block(quoted + "\n\n" + attribution))
        own = escape_text(note.note)  # the user's words, escaped like the article's: shown as typed
        if own:
            parts.append(quote_block("[!NOTE]\n" + own))
    return parts


def _speaker(quote: Quote, analysis: Analysis) -> str:
    entity = analysis.entity(quote.speaker_id)
    name = clean_line(entity.name if entity else quote.speaker or quote.speaker_mention)
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
    bits = [f"**{escape_inline(name)}**", _plural(entity.count, "mention")]
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
    for kind, heading in ENTITY_SECTIONS:
        group = sorted((e for e in analysis.entities if e.kind == kind), key=lambda e: (-e.count, e.first))
        if group:
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


def timeline_section(document: Document, analysis: Analysis) -> list[str]:
    if not analysis.timeline:
        return []
    return ["## Timeline", "\n".join(_time_line(document, t) for t in analysis.timeline)]


def _source_line(source: Source) -> str:
    name = clean_line(source.name) or clean_line(source.url)
    head = link(name, source.url) if source.url else escape_inline(name)
    if not source.url or head == escape_inline(name):
        head = f"**{head}**"
    bits = [head + " — " + SOURCE_KINDS.get(source.kind, escape_inline(source.kind))]
    if source.mentions:
        bits.append(_plural(len(source.mentions), "mention"))
    if source.quote_ids:
        bits.append(_plural(len(source.quote_ids), "quote"))
    return "- " + " · ".join(bits)


def sources_section(analysis: Analysis) -> list[str]:
    if not analysis.sources:
        return []
    return ["## Sources", "\n".join(_source_line(s) for s in analysis.sources)]


def to_markdown(
    document: Document,
    analysis: Analysis | None = None,
    notes: Iterable[Note] = (),
    *,
    exported: datetime | str | None = None,
    tags: Iterable[str] = DEFAULT_TAGS,
    target: Target = "github",
) -> str:
    """The whole export as one string (ends with a newline); `target` picks the paragraph marks."""
    notes = sorted(notes, key=lambda n: (not n.anchored, n.start, n.id))  # lost ones last
    title = clean_line(document.title) or "Untitled article"
    marked = {block_number(document, n.start) - 1 for n in notes if n.anchored and document.blocks}
    if analysis is not None and document.blocks:
        marked |= {block_number(document, q.start) - 1 for q in analysis.quotes if 0 <= q.start <= len(document.body)}
    parts = [front_matter(document, _exported_text(exported), tags), f"# {escape_inline(title)}"]
    meta = _meta_line(document)
    if meta:
        parts.append(meta)
    if notes:
        parts.extend(notes_section(document, notes, target))
    parts.extend(article_section(document, marked, target))
    if analysis is not None:
        parts.extend(quotes_section(document, analysis, target))
        parts.extend(entity_sections(analysis, document.language))
        parts.extend(timeline_section(document, analysis))
        parts.extend(sources_section(analysis))
    return scrub("\n\n".join(p for p in parts if p)) + "\n"
