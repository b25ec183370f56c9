"""`readability_fast.base()` summarises exactly as readability-lxml's own `Document` (invented pages)."""

from __future__ import annotations

import pytest
from readability import Document

from reader.clean import readability_fast

PARA = "The harbour committee met on Tuesday, and after a long debate, it voted to repair the old pier first. "
PAGES = [
    # a plain article among navigation and a comment box
    f'<html><body><div class="menu"><a href="/a">Home</a> <a href="/b">World</a></div>'
    f'<div class="article-content"><p>{PARA}</p><p>{PARA * 2}</p><p>{PARA}</p></div>'
    f'<div id="comments"><p>{PARA}</p></div><div class="footer">Contact</div></body></html>',
    # divs used as paragraphs, inline children with and without blocks inside, text straight in a div
    f'<html><body><div class="post"><div>{PARA}</div><div>{PARA}<span>{PARA}</span><br>{PARA}'
    f'<a href="/x"><img src="i.png">see the photo</a><em>{PARA}</em>tail text, a clause, and more</div>'
    f'<div><b>bold <div>{PARA}</div></b> after</div><div><span><i>{PARA * 2}</i></span></div></div></body></html>',
    # link-heavy containers, tables and quotes, repeated class names, a sidebar that looks like content
    '<html><body>' + ''.join(
        f'<div class="entry"><p>{PARA}<a href="/l{i}">a link in the text</a></p><blockquote>{PARA}</blockquote></div>'
        for i in range(5)) + f'<table><tr><td>{PARA * 2}</td></tr></table>'
    f'<div class="sidebar related"><p>{PARA}</p><a href="/r">{PARA}</a></div></body></html>',
    # a short page: readability retries without the ruthless pass
    '<html><body><div class="header">Top</div><p>Just one short line here.</p></body></html>',
    # tag names that only start like a block tag, and attribute values holding markup characters
    f'<html><body><div class="story"><div><span title="<div>">{PARA}</span><picture>x</picture>'
    f'<progress>y</progress></div><div><a href="/q?x=<p>">{PARA}</a></div><p>{PARA * 3}</p></div></body></html>',
]


@pytest.mark.parametrize("page", PAGES)
def test_same_summary_as_readability(page):
    fast = readability_fast.base()
    assert fast is not Document  # the installed readability is the one checked
    assert fast(page).summary(html_partial=True) == Document(page).summary(html_partial=True)


def test_clean_is_readabilitys_clean():
    from readability.readability import clean

    for text in ["  a \n\n b\t\tc  ", " " * 300 + "x", "a  b", "\u00a0\n x", ""]:
        assert readability_fast.clean(text) == clean(text)


def test_other_readability_source_gets_its_own_document(monkeypatch):
    monkeypatch.setattr(readability_fast, "CHECKED_SHA1", "0" * 40)
    readability_fast.base.cache_clear()
    try:
        assert readability_fast.base() is Document
    finally:
        monkeypatch.undo()
        readability_fast.base.cache_clear()
