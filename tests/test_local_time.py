"""The page's own time zone is kept from the page to the screen and the export, never converted to UTC."""

from __future__ import annotations

from reader.clean import clean_text
from reader.export.markdown import to_markdown
from reader.load import load_document
from reader.model import Analysis
from reader.timefmt import published_label
from reader.layout import ArticleLayout

EVENING = "2026-01-19T21:30-05:00"


def test_published_label_keeps_the_local_day_and_clock():
    assert published_label("2026-01-19") == "19 January 2026"
    assert published_label(EVENING) == "19 January 2026, 21:30 (UTC−05:00)"
    assert published_label("2026-01-19T23:45+02:00") == "19 January 2026, 23:45 (UTC+02:00)"
    assert published_label("2026-01-19T08:05Z") == "19 January 2026, 08:05 (UTC)"
    assert published_label("2026-01-19T21:30") == "19 January 2026, 21:30"
    assert published_label("sometime in spring") == "sometime in spring"
    assert published_label(None) == ""


def test_an_evening_article_stays_on_its_own_day_everywhere(tmp_path):
    page = tmp_path / "evening.html"
    page.write_text(
        "<html><head><title>Ferry vote</title>"
        f'<meta property="article:published_time" content="2026-01-19T21:30:00-05:00"></head>'
        "<body><article><h1>Ferry vote</h1>"
        "<p>The council voted late on Monday to keep the winter ferry running, its members said.</p>"
        "<p>The service will run until March, when the council meets again to look at the costs.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    document = load_document(str(page))
    assert document.published == EVENING
    header = [line.text for line in ArticleLayout.build(document, 80).lines if line.kind == "meta"]
    assert "19 January 2026, 21:30 (UTC−05:00)" in " ".join(header)
    markdown = to_markdown(document, Analysis(), exported="2026-01-20T03:00:00Z")
    assert f'published: "{EVENING}"' in markdown
    assert "19 January 2026, 21:30" in markdown
    assert "20 January" not in markdown


def test_the_published_option_keeps_its_offset():
    document = clean_text("A short article about a vote.\n\nThe council met and voted.", published="2026-01-19T21:30:00-05:00")
    assert document.published.startswith("2026-01-19T21:30") and document.published.endswith("-05:00")
