#!/usr/bin/env python3
"""A local job board for the fetching benchmark: answers every request after
a fixed delay, from many threads at once.

    python3 benches/slow_server.py PAGES_DIR PORT_FILE [DELAY_SECONDS]

GET /job/N serves PAGES_DIR/posting-NNNNN.html; GET /small/N a 1 KB posting.
It listens on 127.0.0.1 on a free port and writes the port to PORT_FILE.
"""

import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGES = sys.argv[1]
PORT_FILE = sys.argv[2]
DELAY = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2

SMALL = (
    "<!DOCTYPE html><html><head><title>Machine Learning Engineer</title></head><body>"
    "<main><h1>Machine Learning Engineer</h1><h2>What you'll do</h2><ul>"
    "<li>Train and evaluate ranking models on click logs</li>"
    "<li>Build training pipelines in PyTorch and track experiments</li>"
    "<li>Ship models to production with the platform team</li></ul>"
    "<h2>Requirements</h2><ul><li>3+ years of experience with Python and SQL</li>"
    "<li>Experience with Kubernetes is a plus</li></ul></main></body></html>"
).encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(DELAY)
        parts = self.path.strip("/").split("/")
        body = None
        if len(parts) == 2 and parts[1].isdigit():
            if parts[0] == "small":
                body = SMALL
            elif parts[0] == "job":
                path = os.path.join(PAGES, "posting-%05d.html" % int(parts[1]))
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        body = f.read()
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # Room for every connection of --jobs 32 at once without SYN retries.
    request_queue_size = 256


server = Server(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
