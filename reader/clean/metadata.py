"""Article metadata from a parsed page: JSON-LD, OpenGraph, meta tags, `<time>`, `<html lang>`."""

from __future__ import annotations

import json
import re
from collections import deque
from itertools import chain
from typing import Any, Iterator

from lxml import html as lxml_html

from reader.clean.authors import (
    choose_authors,
    clean_authors,
    is_organisation,
    looks_like_name,
    visible_bylines,
)
from reader.clean.dates import to_iso
from reader.clean.published import local_day, publication_date, time_element
from reader.clean.header_names import header_names, lower_case_words
from reader.clean.shown_dates import HeaderText, header_dates, header_text, shown_publication
from reader.clean.titles import choose_title, site_names
from reader.urls import is_web_url

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "liveblogposting", "webpage", "report", "backgroundnewsarticle"}


def _json_ld_objects(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except RecursionError:  # nested past any real page's metadata: this block is skipped, not the page
            continue
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except (ValueError, RecursionError):
                continue
        stack = deque([data])
        while stack:
            item = stack.popleft()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
                yield item


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


MetaIndex = dict[tuple[str, str], str]


def _meta_index(tree: lxml_html.HtmlElement) -> MetaIndex:
    """Every `<meta>` content by (attribute, key), the first non-empty one kept: one pass over the page."""
    index: MetaIndex = {}
    for el in tree.iter("meta"):
        content = (el.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key is not None:
                index.setdefault((attr, key), content)
    return index


def _meta(index: MetaIndex, *keys: str) -> str:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            value = index.get((attr, key))
            if value:
                return value
    return ""


def _article(tree: lxml_html.HtmlElement) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The page's JSON-LD article object (or {}) and every JSON-LD object by its `@id`."""
    article: dict[str, Any] = {}
    ids: dict[str, dict[str, Any]] = {}
    page: dict[str, Any] = {}
    for obj in _json_ld_objects(tree):
        if isinstance(obj.get("@id"), str):
            ids.setdefault(obj["@id"], obj)
        types = _types(obj)
        if types & ARTICLE_TYPES and ("headline" in obj or "datePublished" in obj):
            if types & ARTICLE_TYPES - {"webpage"}:  # the article itself, ahead of the page that holds it
                article = article or obj
            else:
                page = page or obj
    return article or page, ids


def _people(value: Any, ids: dict[str, dict[str, Any]]) -> list[str]:
    """Author names of a JSON-LD `author`: strings, Person objects, lists, `{"@id"}` references."""
    if isinstance(value, list):
        return [n for v in value for n in _people(v, ids)]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        value = ids.get(value["@id"], {})
    return [str(n) for n in _names(value)]


_WRITTEN_BY = re.compile(r"^(?:written by|author|by)\s*:?$", re.I)


def _labelled_author(index: MetaIndex) -> list[str]:
    """The author a page gives as a labelled pair of meta tags (`twitter:label1` "Written by", `twitter:data1` the name)."""
    for n in range(1, 5):
        if _WRITTEN_BY.match(_meta(index, f"twitter:label{n}")):
            return [_meta(index, f"twitter:data{n}")]
    return []


def _trafilatura_author(tree: lxml_html.HtmlElement) -> list[str]:
    """trafilatura's reading of the page's byline markup ("A; B"), or []."""
    try:
        from reader.clean.traf_author import extract_author  # the library's answer, faster
        found = extract_author(tree)
    except Exception:  # a heuristic reader of untrusted pages; a failure is "no author"
        return []
    return [found] if found else []


def _authors(tree: lxml_html.HtmlElement, article: dict[str, Any], ids: dict[str, dict[str, Any]],
             index: MetaIndex, sites: list[str], header: HeaderText, credits: dict[str, str]) -> list[str]:
    """Persons from the first source that names one: JSON-LD, meta tags, the page's visible byline, the name by
    the header's date."""
    declared = [_people(article.get("author"), ids) if article else [],
                [_meta(index, "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator")],
                _labelled_author(index), tree.xpath("//meta[@name='citation_author']/@content")]

    def heuristic(values: list[str]) -> list[str]:
        return [n for n in clean_authors(values) if looks_like_name(n) or is_organisation(n)]

    def rel_authors() -> list[str]:
        rel = tree.xpath('//a[@rel="author"]//text() | //*[@itemprop="author"]//*[@itemprop="name"]//text()')
        return heuristic([t for t in rel if t.strip()][:4])

    def profile_links() -> list[str]:
        """The first link to an author's page (`/author/jane-doe`, the CMS convention) whose text is a name."""
        for link in tree.xpath("//a[contains(@href, '/author/') or contains(@href, '/authors/')]"):
            text = " ".join(link.text_content().split()) or (link.get("aria-label") or "")
            names = [n for n in clean_authors([text]) if looks_like_name(n)]
            if names:
                return names[:1]
        return []

    lazy = (lambda: heuristic(_trafilatura_author(tree)), lambda: visible_bylines(tree), rel_authors, profile_links)
    found = choose_authors(chain(declared, (source() for source in lazy)), sites, credits)  # later ones if needed
    # a name beside the header's date is a guess: only for a page that names nobody, not even an organisation
    return found or choose_authors([header_names(header, lower_case_words(tree.text_content()))], sites)


def extract_metadata(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """Title, authors, byline, published, site name, canonical URL, language and description."""
    meta: dict[str, Any] = {}
    index = _meta_index(tree)
    article, ids = _article(tree)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta["url"] = (canonical[0].strip() if canonical else "") or _meta(index, "og:url") or (
        article.get("mainEntityOfPage") if isinstance(article.get("mainEntityOfPage"), str) else "") or None
    if meta["url"] and not is_web_url(meta["url"]):
        meta["url"] = None
    publisher = (_names(article.get("publisher")) or [""])[0] if article else ""
    declared_site = _meta(index, "og:site_name", "application-name") or str(publisher)
    sites = site_names([declared_site, str(publisher)], meta["url"])
    titles = [str(article.get("headline") or "") if article else "", _meta(index, "og:title", "twitter:title"),
              " ".join("".join(tree.xpath("//title//text()")).split())]
    meta["title"], suffix = choose_title(tree, titles, sites)
    header = header_text(tree, meta["title"])
    credits: dict[str, str] = {}
    meta["authors"] = _authors(tree, article, ids, index, sites, header, credits)
    declared = str(article.get("datePublished") or article.get("dateCreated") or "") if article else ""
    declared = declared or _meta(index, "article:published_time", "og:published_time", "datePublished", "pubdate",
                                 "publish-date", "date", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date")
    shown = time_element(tree)
    declared = declared or shown[0]
    modified = (str(article.get("dateModified") or "") if article else "") or _meta(
        index, "article:modified_time", "og:updated_time", "dateModified")
    meta["published"] = shown_publication(local_day(publication_date(tree, declared, modified, meta["url"]), shown),
                                          to_iso(modified) if modified else None, header_dates(tree, header=header))
    meta["description"] = str(article.get("description") or "") if article else ""
    if not meta["description"]:
        meta["description"] = _meta(index, "og:description", "description", "twitter:description")
    lang = tree.xpath("/html/@lang") or tree.xpath("//html/@lang")
    meta["language"] = (lang[0].split("-")[0].lower() if lang and lang[0].strip() else "") or \
        _meta(index, "og:locale").split("_")[0].lower() or "en"
    meta["site_name"] = declared_site or suffix
    if not meta["site_name"]:
        site_title = tree.xpath("//*[contains(@class,'site-title') or contains(@class,'site-name')]//text()")
        meta["site_name"] = " ".join("".join(site_title).split())[:80]
    if meta["authors"]:
        joint = "; " if credits else ", "  # "Ana Petrov, MD; Jon Ebbe": letters after a name, then the next name
        meta["byline"] = "By " + joint.join(credits.get(name, name) for name in meta["authors"])
    return meta
