"""The library index: every read article's analysis, searchable across articles.

API (plain Python over a `reader.store.Store`)
---------------------------------------------
    index_article(store, article_id, document, analysis)   # after an analysis finishes
    index_document(store, document, analysis) -> article id  # the same, finding (or recording) the article
    is_indexed(store, article_id) -> bool
    search(store, text, limit=20) -> list[Hit]               # articles, quotes and people (FTS5)
    quotes_by(store, name) -> list[QuoteRow]                 # every quote by a person, all articles
    people(store, name) -> list[Person]                      # a person's articles, aliases merged
    history.entity_history(store, name, kind, aliases, exclude=id)   # its other articles and quotes (`l`)
    filters.parse_filter(text), filters.filter_articles(store, flt)  # the library screen's filter bar

Tables (schema step `reader.index.schema.library_tables`): `analyses` (the
analysis as JSON), `people` (one row per entity per article), `person_keys`
(every name and alias of it, normalised), `quotes` (with speaker and
paragraph), `sources` (the sources each analysis named; schema v5, with the
filters' indexes `reader.index.schema.filter_tables`) and `search_index`, an
FTS5 table over paragraphs, quotes and names. User text never reaches FTS5 syntax: `match_query` quotes each word.
"""

from reader.index.query import Hit, Person, QuoteRow, people, quotes_by, search
from reader.index.write import index_article, index_document, is_indexed

__all__ = ["Hit", "Person", "QuoteRow", "index_article", "index_document", "is_indexed", "people", "quotes_by", "search"]
