"""Article metadata from a parsed page: JSON-LD, OpenGraph, meta tags, `<time>`, `<html lang>`."""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from lxml import html as lxml_html

from reader.clean.dates import to_iso
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
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop(0)
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


def split_authors(value: str) -> list[str]:
    value = re.sub(r"^\s*by\s+", "", value.strip(), flags=re.I)
    parts = re.split(r"\s*(?:,|\band\b|&|\|)\s*", value)
    return [p.strip() for p in parts if p.strip() and not p.strip().startswith("http") and len(p) < 80]


def extract_metadata(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """Title, authors, byline, published, site name, canonical URL, language and description."""
    meta: dict[str, Any] = {}
    article: dict[str, Any] = {}
    index = _meta_index(tree)
    for obj in _json_ld_objects(tree):
        if _types(obj) & ARTICLE_TYPES and ("headline" in obj or "datePublished" in obj):
            article = obj
            break
    if article:
        meta["title"] = str(article.get("headline") or article.get("name") or "")
        meta["authors"] = [n for n in _names(article.get("author")) if n]
        meta["published"] = str(article.get("datePublished") or article.get("dateCreated") or "")
        publisher = article.get("publisher")
        meta["site_name"] = (_names(publisher) or [""])[0]
        meta["description"] = str(article.get("description") or "")
        if isinstance(article.get("mainEntityOfPage"), str):
            meta["url"] = article["mainEntityOfPage"]
    if not meta.get("title"):
        meta["title"] = _meta(index, "og:title", "twitter:title") or "".join(tree.xpath("//title//text()")).strip()
    if not meta.get("authors"):
        author = _meta(index, "author", "article:author", "byl", "parsely-author", "sailthru.author")
        if author and not author.startswith("http"):
            meta["authors"] = split_authors(author)
    if not meta.get("authors"):
        rel = tree.xpath('//a[@rel="author"]//text() | //*[@itemprop="author"]//*[@itemprop="name"]//text()')
        meta["authors"] = [t.strip() for t in rel if t.strip()][:4]
    if not meta.get("authors"):
        linked = tree.xpath(
            "//*[contains(@class,'byline') or contains(@class,'vcard') or contains(@class,'author')]"
            "//a[contains(@href,'author') or contains(@class,'fn')]//text()"
        )
        meta["authors"] = list(dict.fromkeys(t.strip() for t in linked if t.strip()))[:4]
    if not meta.get("published"):
        meta["published"] = _meta(index, "article:published_time", "datePublished", "pubdate", "publish-date",
                                  "date", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date")
    if not meta.get("published"):
        times = tree.xpath("//time/@datetime")
        if times:
            meta["published"] = times[0]
    meta["published"] = to_iso(meta["published"]) if meta.get("published") else None
    if not meta.get("site_name"):
        meta["site_name"] = _meta(index, "og:site_name", "application-name", "publisher")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta["url"] = (canonical[0].strip() if canonical else "") or _meta(index, "og:url") or meta.get("url") or None
    if meta["url"] and not is_web_url(meta["url"]):
        meta["url"] = None
    if not meta.get("description"):
        meta["description"] = _meta(index, "og:description", "description", "twitter:description")
    lang = tree.xpath("/html/@lang") or tree.xpath("//html/@lang")
    meta["language"] = (lang[0].split("-")[0].lower() if lang and lang[0].strip() else "") or \
        _meta(index, "og:locale").split("_")[0].lower() or "en"
    title, suffix = _split_site_suffix(" ".join(str(meta["title"]).split()), meta.get("site_name") or "")
    meta["title"] = title
    if not meta.get("site_name"):
        site_title = tree.xpath("//*[contains(@class,'site-title') or contains(@class,'site-name')]//text()")
        meta["site_name"] = suffix or " ".join("".join(site_title).split())[:80]
    if meta.get("authors"):
        meta["byline"] = "By " + ", ".join(meta["authors"])
    return meta


def _split_site_suffix(title: str, site: str) -> tuple[str, str]:
    """"Headline | Site" -> ("Headline", "Site"); ("Headline", "") when there is no suffix."""
    for sep in (" | ", " - ", " — ", " – ", " :: "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if site and site.lower() in tail.lower() or len(tail.split()) <= 4 and len(head.split()) >= 4:
                return head.strip(), tail.strip()
    return title, ""
