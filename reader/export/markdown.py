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

The analysis sections (Quotes, the entity kinds, Timeline, Sources) are in
`md_analysis`; their words come from `reader.present`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Sequence

from reader.export.md_analysis import entity_sections, quotes_section, sources_section, timeline_section
from reader.export.md_text import Target, clean_end, paragraph_link
from reader.export.md_text import escape_inline, escape_text, link, quote_block, scrub, yaml_list, yaml_string
from reader.model import Analysis, Block, Document
from reader.notes import Note, block_number
from reader.sanitize import clean_line

DEFAULT_TAGS = ("reader",)

def _exported_text(exported: datetime | str | None) -> str:
    if exported is None:
        exported = datetime.now(timezone.utc)
    if isinstance(exported, datetime):
        if exported.tzinfo is None:
            exported = exported.replace(tzinfo=timezone.utc)
        return exported.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return str(exported)


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
