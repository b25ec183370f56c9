"""Hostile and broken input: an article or one clear error line, never a traceback or a hang."""

from __future__ import annotations

import subprocess
import sys

import pytest

PARAGRAPH = "This is a paragraph of a real article, long enough to be read as one by the cleaner."


def run_text(tmp_path, name: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(path), "--format", "text"], capture_output=True, timeout=120
    )


def assert_one_line_error(result, fragment: str) -> None:
    assert result.returncode == 1
    err = result.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and fragment in err and "Traceback" not in err


def test_html_nested_ten_thousand_deep(tmp_path):
    page = "<html><body>" + "<div>" * 10_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 10_000 + "</body></html>"
    result = run_text(tmp_path, "deep.html", page.encode())
    assert result.returncode == 0
    assert PARAGRAPH in result.stdout.decode()


def test_frameset_and_script_only_pages(tmp_path):
    frames = b'<html><head><title>F</title></head><frameset cols="50%,50%"><frame src="a.html"></frameset></html>'
    assert_one_line_error(run_text(tmp_path, "frames.html", frames), "frameset")
    scripts = b"<html><head><script>var a=1;</script></head><body><script>go()</script></body></html>"
    assert_one_line_error(run_text(tmp_path, "scripts.html", scripts), "no article text")


def test_truncated_and_malformed_html(tmp_path):
    page = f"<html><head><title>Cut</title><body><article><p>{PARAGRAPH}<p>And then the page was cut in the mid".encode()
    result = run_text(tmp_path, "cut.html", page)
    assert result.returncode == 0 and PARAGRAPH in result.stdout.decode()
    broken = f"<div><p>{PARAGRAPH}</span></b></i><table><td>{PARAGRAPH}</div></html></html>".encode()
    assert run_text(tmp_path, "broken.html", broken).returncode == 0


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02\x03" * 100, b"%PDF-1.4\n%\xe2\xe3", b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04\x14\x00", b"", b"   \n\n "]
)
def test_binary_and_empty(tmp_path, data):
    result = run_text(tmp_path, "x.bin", data)
    assert result.returncode == 1
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_unicode_of_every_kind_survives(tmp_path):
    text = (
        "عنوان المقال\n\nهذا نص عربي من اليمين إلى اليسار، وفيه أرقام 2025 وكلمات English.\n\n"
        "中文段落，包含汉字和标点符号。这是第二句。\n\n"
        "Emoji 🙂🚀 and combining marks: e\u0301 a\u0308 — all kept as they were written.\n"
    )
    result = run_text(tmp_path, "u.txt", text.encode())
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "🙂🚀" in out and "中文段落" in out and "e\u0301" in out


def test_escape_sequences_never_reach_the_terminal(tmp_path):
    text = f"Title \x1b]0;pwned\x07here\n\n{PARAGRAPH} \x1b[31mred\x1b[0m \u202eevil\u202c \x9b2J done.\n"
    result = run_text(tmp_path, "esc.txt", text.encode())
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    assert "red" in out and "evil" in out
