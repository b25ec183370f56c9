"""One Markdown file of a person's quotes across the library, each linked back to its article.

`person_markdown(name, persons, quotes, *, exported)` renders; the caller
writes it with `reader.export.files.atomic_write_text`. Every piece of
article text is escaped as in the article export; a link is made only to an
http(s) URL, and every quote also names `reader library open ID` so it can
be found offline.
"""

from __future__ import annotations

from reader.export.md_text import escape_inline, escape_text, link, quote_block, yaml_string
from reader.index.query import Person, QuoteRow


def _where(row: QuoteRow) -> str:
    title = row.title or f"article {row.article_id}"
    date = f", {row.published[:10]}" if row.published else ""
    return (f"{link(title, row.url)}{escape_inline(date)}, paragraph {row.paragraph + 1} "
            f"(`reader library open {row.article_id}`)")


def person_markdown(name: str, persons: list[Person], quotes: list[QuoteRow], *, exported: str) -> str:
    shown = persons[0].name if persons else name
    lines = ["---", f"person: {yaml_string(shown)}", f"exported: {yaml_string(exported)}",
             f"quotes: {len(quotes)}", "---", "", f"# {escape_inline(shown)}", ""]
    for person in persons:
        facts = []
        if person.aliases:
            facts.append("also " + ", ".join(escape_inline(a) for a in person.aliases))
        if person.roles:
            facts.append("; ".join(escape_inline(r) for r in person.roles))
        articles = len(person.articles)
        facts.append(f"{articles} article{'s' if articles != 1 else ''}")
        lines.append(f"- **{escape_inline(person.name)}** ({person.kind}): " + " · ".join(facts))
    if persons:
        lines.append("")
    lines.append("## Quotes")
    lines.append("")
    if not quotes:
        lines.append("No quotes by this person in the library.")
    for row in quotes:
        lines.append(quote_block(escape_text(f"“{row.text.rstrip(' ,;')}”")))
        cue = f" ({escape_inline(row.cue)})" if row.cue else ""
        lines.append(f"— {escape_inline(row.speaker or shown)}{cue}, {_where(row)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
