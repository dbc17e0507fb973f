#!/usr/bin/env python3
"""A stand-in for GitHub's REST API on issue comments, on 127.0.0.1 only.

It holds issues of one repository, each with its comments, and answers the three calls
credit-pid makes:
  GET   /repos/OWNER/NAME/issues/N/comments      (per_page, page)
  GET   /repos/OWNER/NAME/issues/comments/ID
  PATCH /repos/OWNER/NAME/issues/comments/ID     body {"body": "..."}
It checks the token (401), keeps a core rate limit that counts down per request, records
every request and every PATCH body byte for byte, and fails on demand. Each issue has its
own comments, rate limit, plans and records, so tests running at once can share one
stand-in, each on an issue of its own. GET /_control?issue=N shows an issue's state,
POST /_control creates issues and plans failures. See Tests/StandIns/README.md.
Python 3 standard library only.
"""

import argparse
import base64
import itertools
import json
import os
import re
import signal
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

API_VERSION = "2022-11-28"
CONTROL_PATH = "/_control"
DOCS = "https://docs.github.com/rest"
FAILURES = ("404", "401", "403", "403-rate-limit", "403-secondary", "429", "500")
LIST_PATH = re.compile(r"^/repos/([^/]+)/([^/]+)/issues/(\d+)/comments$")
COMMENT_PATH = re.compile(r"^/repos/([^/]+)/([^/]+)/issues/comments/(\d+)$")
NOT_FOUND = {"message": "Not Found", "documentation_url": DOCS, "status": "404"}


def log(message):
    print(message, file=sys.stderr, flush=True)


class Issue:
    """One issue: its comments, its rate limit (GitHub keeps one per token; one per issue
    keeps tests apart), the failure and edit plans, and the records."""

    def __init__(self, number, comments):
        self.number = number
        self.comments = comments   # [{"id": int, "body": str}]
        self.rate_limit, self.rate_remaining = 5000, 5000
        self.reset_at = int(time.time()) + 3600
        self.failure, self.failure_times, self.failure_methods = None, None, None
        self.retry_after = "60"
        self.edit_after_reads, self.edit_body = None, None
        self.requests, self.patches = [], []

    def find(self, comment_id):
        return next((c for c in self.comments if c["id"] == comment_id), None)

    def take_failure(self, method):
        """The failure planned for this request, counting down a limited plan."""
        if self.failure is None or (self.failure_methods and method not in self.failure_methods):
            return None
        failure = self.failure
        if self.failure_times is not None:
            self.failure_times -= 1
            if self.failure_times <= 0:
                self.failure, self.failure_times, self.failure_methods = None, None, None
        return failure

    def note_read(self):
        """Counts a read; the planned human edit lands on the first comment after the last one."""
        if self.edit_after_reads is None:
            return
        self.edit_after_reads -= 1
        if self.edit_after_reads <= 0 and self.comments:
            self.comments[0]["body"] = self.edit_body
            self.edit_after_reads, self.edit_body = None, None
            log(f"issue {self.number}: human edit applied to the first comment")

    def plan(self, request):
        """Applies the issue's part of a POST /_control request; see the README."""
        if "fail" in request:
            failure = request["fail"]
            if failure is not None and failure not in FAILURES:
                raise ValueError(f"unknown failure '{failure}', expected one of {FAILURES} or null")
            self.failure = failure
            self.failure_times = int(request["times"]) if request.get("times") else None
            self.failure_methods = set(request["methods"]) if request.get("methods") else None
        if "retry_after" in request:
            self.retry_after = str(request["retry_after"])
        if "rate_remaining" in request:
            self.rate_remaining = int(request["rate_remaining"])
        if "reset_at" in request:
            self.reset_at = int(request["reset_at"])
        if "body" in request:
            if not self.comments:
                raise ValueError(f"issue {self.number} has no comments")
            self.comments[0]["body"] = str(request["body"])
        if "edit_after_reads" in request:
            self.edit_after_reads = int(request["edit_after_reads"])
            self.edit_body = str(request["edit_body"])

    def describe(self):
        return {
            "issue": self.number, "comments": [dict(c) for c in self.comments],
            "rate": {"limit": self.rate_limit, "remaining": self.rate_remaining, "reset": self.reset_at},
            "failure": self.failure, "failure_times": self.failure_times,
            "edit_after_reads": self.edit_after_reads,
            "requests": list(self.requests), "patches": list(self.patches),
        }


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.owner, self.name = args.repo.split("/", 1)
        self.token = args.token
        self.issues = {}
        self.owners = {}   # comment ID -> issue number
        self.numbers = itertools.count(args.issue + 1)
        self.ids = itertools.count(args.comment_id)
        bodies = []
        if args.comment_file:
            with open(args.comment_file, encoding="utf-8", newline="") as f:
                bodies = [f.read()] + (args.extra_comment or ["A later comment."])
        self.create(bodies, args.issue)

    def create(self, bodies, number=None):
        """A new issue holding `bodies` as comments, in order. Call with the lock."""
        number = next(self.numbers) if number is None else number
        if number in self.issues:
            raise ValueError(f"issue {number} exists")
        comments = [{"id": next(self.ids), "body": str(body)} for body in bodies]
        self.issues[number] = Issue(number, comments)
        for comment in comments:
            self.owners[comment["id"]] = number
        return self.issues[number]

    def api_base(self):
        return f"https://api.github.invalid/repos/{self.owner}/{self.name}"

    def comment_json(self, issue, comment):
        base = self.api_base()
        return {
            "id": comment["id"], "node_id": f"IC_{comment['id']}",
            "url": f"{base}/issues/comments/{comment['id']}",
            "html_url": f"https://github.invalid/{self.owner}/{self.name}/issues/{issue.number}"
                        f"#issuecomment-{comment['id']}",
            "issue_url": f"{base}/issues/{issue.number}",
            "body": comment["body"], "user": {"login": "settings-owner", "id": 1},
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
        }


class Handler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"
    server_version = "github-standin"
    state = None   # set in main()

    def log_message(self, fmt, *args):
        pass   # one line per API request is logged by handle_api instead

    # Sending

    def send_json(self, status, value, headers=()):
        data = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("content-type", "application/json; charset=utf-8")
        self.send_header("content-length", str(len(data)))
        for name, header_value in headers:
            self.send_header(name, header_value)
        self.end_headers()
        self.wfile.write(data)

    def send_api(self, issue, status, value, extra=(), remaining=None):
        left = issue.rate_remaining if remaining is None else remaining
        rate = [("x-ratelimit-limit", str(issue.rate_limit)), ("x-ratelimit-remaining", str(left)),
                ("x-ratelimit-reset", str(issue.reset_at)),
                ("x-ratelimit-used", str(issue.rate_limit - left)), ("x-ratelimit-resource", "core")]
        self.send_json(status, value, headers=rate + list(extra))

    def read_body(self):
        length = int(self.headers.get("content-length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    # Routing

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path == CONTROL_PATH:
            return self.show(parse_qs(parts.query))
        self.handle_api("GET", b"")

    def do_PATCH(self):
        self.handle_api("PATCH", self.read_body())

    def do_POST(self):
        body = self.read_body()
        if urlsplit(self.path).path == CONTROL_PATH:
            return self.handle_control(body)
        self.handle_api("POST", body)

    def handle_api(self, method, body):
        state = self.state
        parts = urlsplit(self.path)
        with state.lock:
            log(f"{method} {self.path}")
            issue, comment_id = self.locate(parts.path)
            if issue is None:
                return self.send_json(404, NOT_FOUND)
            issue.requests.append({
                "method": method, "path": parts.path, "query": parts.query,
                "authorized": self.headers.get("authorization") == f"Bearer {state.token}",
                "accept": self.headers.get("accept"),
                "api_version": self.headers.get("x-github-api-version"),
                "content_type": self.headers.get("content-type"),
                "user_agent": self.headers.get("user-agent"),
            })
            if self.refused(issue, method):
                return
            issue.rate_remaining = max(issue.rate_remaining - 1, 0)
            if comment_id is None and method == "GET":
                return self.list_comments(issue, parse_qs(parts.query))
            comment = issue.find(comment_id) if comment_id is not None else None
            if comment is not None and method == "GET":
                return self.get_comment(issue, comment)
            if comment is not None and method == "PATCH":
                return self.patch_comment(issue, comment, body)
            self.send_api(issue, 404, NOT_FOUND)

    def locate(self, path):
        """(issue, comment ID or None) for an API path, or (None, None)."""
        state = self.state
        listing, single = LIST_PATH.match(path), COMMENT_PATH.match(path)
        match = listing or single
        if not match or (match.group(1), match.group(2)) != (state.owner, state.name):
            return None, None
        if listing:
            return state.issues.get(int(listing.group(3))), None
        comment_id = int(single.group(3))
        return state.issues.get(state.owners.get(comment_id)), comment_id

    def refused(self, issue, method):
        """Sends the planned failure, a token refusal or a rate-limit refusal, if one is due."""
        failure = issue.take_failure(method)
        if failure is not None:
            self.send_failure(issue, failure)
            return True
        if self.headers.get("authorization") != f"Bearer {self.state.token}":
            self.send_json(401, {"message": "Bad credentials", "documentation_url": DOCS, "status": "401"})
            return True
        if issue.rate_remaining == 0:
            self.send_failure(issue, "403-rate-limit")
            return True
        version = self.headers.get("x-github-api-version")
        if version is not None and version != API_VERSION:
            self.send_api(issue, 400, {"message": f"Unsupported 'X-GitHub-Api-Version': '{version}'"})
            return True
        return False

    def send_failure(self, issue, failure):
        retry = [("retry-after", issue.retry_after)]
        if failure == "404":
            self.send_api(issue, 404, NOT_FOUND)
        elif failure == "401":
            self.send_json(401, {"message": "Bad credentials", "documentation_url": DOCS, "status": "401"})
        elif failure == "403":
            self.send_api(issue, 403, {"message": "Resource not accessible by personal access token",
                                       "documentation_url": DOCS, "status": "403"})
        elif failure == "403-rate-limit":
            self.send_api(issue, 403, {"message": "API rate limit exceeded for user ID 1.",
                                       "documentation_url": DOCS, "status": "403"}, remaining=0)
        elif failure == "403-secondary":
            self.send_api(issue, 403, {"message": "You have exceeded a secondary rate limit. Please wait a "
                                                  "few minutes before you try again.", "status": "403"}, retry)
        elif failure == "429":
            self.send_api(issue, 429, {"message": "Too many requests", "status": "429"}, retry)
        else:
            self.send_api(issue, 500, {"message": "Server Error", "status": "500"})

    # The three calls

    def list_comments(self, issue, query):
        try:
            per_page = min(max(int(query.get("per_page", ["30"])[0]), 1), 100)
            page = max(int(query.get("page", ["1"])[0]), 1)
        except ValueError:
            return self.send_api(issue, 422, {"message": "Invalid pagination parameters"})
        chosen = issue.comments[(page - 1) * per_page:page * per_page]
        reply = [self.state.comment_json(issue, c) for c in chosen]
        issue.note_read()
        self.send_api(issue, 200, reply)

    def get_comment(self, issue, comment):
        reply = self.state.comment_json(issue, comment)
        issue.note_read()
        self.send_api(issue, 200, reply)

    def patch_comment(self, issue, comment, raw):
        if "application/json" not in (self.headers.get("content-type") or ""):
            return self.send_api(issue, 415, {"message": "Unsupported Media Type"})
        try:
            request = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            return self.send_api(issue, 400, {"message": f"Problems parsing JSON: {error}"})
        if not isinstance(request, dict) or not isinstance(request.get("body"), str):
            return self.send_api(issue, 422, {"message": "Invalid request. For 'properties/body', "
                                                         "it is not a string."})
        issue.patches.append({"id": comment["id"], "raw_base64": base64.b64encode(raw).decode("ascii"),
                              "body": request["body"]})
        comment["body"] = request["body"]
        self.send_api(issue, 200, self.state.comment_json(issue, comment))

    # The control endpoint

    def show(self, query):
        state = self.state
        with state.lock:
            numbers = query.get("issue")
            if not numbers:
                return self.send_json(200, {"issues": sorted(state.issues)})
            issue = state.issues.get(int(numbers[0]))
            if issue is None:
                return self.send_json(404, {"error": f"no issue {numbers[0]}"})
            self.send_json(200, issue.describe())

    def handle_control(self, body):
        state = self.state
        try:
            request = json.loads(body or b"{}")
            if not isinstance(request, dict):
                raise ValueError("expected a JSON object")
            with state.lock:
                if "create" in request:
                    issue = state.create(request["create"].get("comments", []))
                else:
                    issue = state.issues.get(int(request["issue"]))
                    if issue is None:
                        raise ValueError(f"no issue {request['issue']}")
                issue.plan(request)
                reply = issue.describe()
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            return self.send_json(400, {"error": str(error)})
        self.send_json(200, reply)


def exit_with_parent(parent):
    """Ends the stand-in once the process that started it is gone, so that a test run that
    ends without stopping it (or crashes) leaves no server behind."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)


def main():
    # A parent that starts this from a thread with signals blocked (libdispatch's workers
    # block them) passes that mask on, and SIGTERM would never end the stand-in.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comment-file", help="issue --issue's first comment (UTF-8, kept byte for byte); "
                                               "without it, that issue has no comments")
    parser.add_argument("--token", required=True, help="the token to accept as 'Bearer TOKEN'")
    parser.add_argument("--repo", default="pytorch/test-infra", help="OWNER/NAME")
    parser.add_argument("--issue", type=int, default=5132, help="the first issue's number")
    parser.add_argument("--comment-id", type=int, default=1001, help="the first comment's ID")
    parser.add_argument("--extra-comment", action="append", help="a later comment's body (repeatable)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert", help="serve HTTPS with this certificate (PEM)")
    parser.add_argument("--tls-key", help="the certificate's key (PEM)")
    args = parser.parse_args()
    if args.repo.count("/") != 1:
        parser.error("--repo must be OWNER/NAME")
    Handler.state = State(args)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
