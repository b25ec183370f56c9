"""A loopback HTTP server for tests (started and stopped by the caller's fixture; never the network)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[str, str], "tuple[bytes, str] | None"]
"""(path, base URL) -> (body, content type), or None for a 404."""


@contextmanager
def serving(route: Route) -> Iterator[tuple[ThreadingHTTPServer, str]]:
    """Serve `route` on 127.0.0.1 in a thread; yields the server and its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            found = route(self.path, f"http://127.0.0.1:{self.server.server_address[1]}")
            if found is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, kind = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
