"""Standard-library web app for App Runner (and Runway's local runtime).

Listens on $PORT (App Runner sets it) and answers GET / with $MESSAGE.
"""
import json
import os
import signal
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT = int(os.environ.get("PORT", "8080"))
HOST = os.environ.get("HOST", "0.0.0.0")
MESSAGE = os.environ.get("MESSAGE", "Hello from Runway")
STARTED_AT = datetime.now(timezone.utc).isoformat()


class Handler(BaseHTTPRequestHandler):
    def send_text(self, status, body, content_type="text/plain; charset=utf-8"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/":
            self.send_text(200, MESSAGE + "\n")
        elif url.path == "/health":
            self.send_text(200, "ok\n")
        elif url.path == "/info":
            info = {"message": MESSAGE, "pid": os.getpid(), "startedAt": STARTED_AT, "python": sys.version.split()[0]}
            self.send_text(200, json.dumps(info) + "\n", "application/json")
        elif url.path == "/slow":
            try:
                ms = int(parse_qs(url.query).get("ms", ["0"])[0])
            except ValueError:
                ms = 0
            ms = min(max(ms, 0), 120000)
            time.sleep(ms / 1000)
            self.send_text(200, "slept %d ms\n" % ms)
        elif url.path == "/crash":
            print("crash requested: exiting with code 1", file=sys.stderr, flush=True)
            self.send_text(200, "crashing\n")
            self.wfile.flush()
            os._exit(1)
        else:
            self.send_text(404, "not found\n")

    def log_message(self, fmt, *args):
        print("%s %s" % (self.address_string(), fmt % args), flush=True)


def main():
    server = ThreadingHTTPServer((HOST, PORT), Handler)
    server.daemon_threads = True

    def stop(_signum, _frame):
        print("SIGTERM received: closing", flush=True)
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    print("python-hello listening on %s:%d" % (HOST, PORT), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
