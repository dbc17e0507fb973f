#!/usr/bin/env python3
"""A stand-in for the Ternary FinOps API's spend query, on 127.0.0.1 only.

It speaks the real endpoint (POST /analytics/query/load?tenant_id=...) and answers
from a pacing scenario: hour k costs demand_per_hour[k] * share / 100, where the share
is what the daemon's `file` sink wrote into --share-file while that hour ran. Billing
is late: an hour is visible once its end plus the scenario's lag has passed.
Failure modes are set through POST /_control. See Tests/StandIns/README.md.
Python 3 standard library only.
"""

import argparse
import bisect
import calendar
import json
import math
import re
import select
import signal
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HOUR = 3600.0
QUERY_PATH = "/analytics/query/load"
CONTROL_PATH = "/_control"
MODES = ("ok", "refuse", "hang", "http-500", "http-429", "http-401", "html",
         "broken-json", "no-credits", "huge")
WIRE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$")
SCENARIO_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$")
HTML_PAGE = ("<html><head><title>502 Bad Gateway</title></head><body><center>"
             "<h1>502 Bad Gateway</h1></center></body></html>")
HUGE_BYTES = 10 * 1024 * 1024


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_time(text, pattern):
    """Seconds since the epoch for a UTC time in `pattern`'s form, or None."""
    match = pattern.match(text) if isinstance(text, str) else None
    if not match:
        return None
    y, mo, d, h, mi, s = (int(g) for g in match.groups()[:6])
    try:
        return float(calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)))
    except (ValueError, OverflowError):
        return None


def format_time(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def month_start(seconds):
    t = time.gmtime(seconds)
    return float(calendar.timegm((t.tm_year, t.tm_mon, 1, 0, 0, 0, 0, 0, 0)))


class Scenario:
    """The scenario's hours laid on the time axis: index 0 is the first hour of the
    period (mapped to `base`), the first `pre_hours` carry spent_before_start evenly."""

    def __init__(self, path, align, now):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("format") != "credit-pid-scenario/1":
            raise ValueError(f"'{path}' is not a credit-pid-scenario/1 file")
        period_start = parse_time(data["period_start"], SCENARIO_TIME)
        start = parse_time(data["start"], SCENARIO_TIME)
        if period_start is None or start is None or start < period_start:
            raise ValueError(f"'{path}' has an invalid period_start or start")
        self.demand = [float(x) for x in data["demand_per_hour"]]
        self.lag = float(data["billing_lag_hours"]) * HOUR
        self.initial_share = float(data["initial_percentage"])
        self.pre_hours = int((start - period_start) // HOUR)
        before = float(data.get("spent_before_start", 0.0))
        self.pre_cost = before / self.pre_hours if self.pre_hours else 0.0
        self.base = month_start(now) if align == "month" else period_start
        self.start = self.base + self.pre_hours * HOUR
        self.hours = self.pre_hours + len(self.demand)


class ShareHistory:
    """The share in force over time, as sampled from the share file."""

    def __init__(self, initial):
        self.times = [-math.inf]
        self.shares = [initial]

    def record(self, at, share):
        if share != self.shares[-1] and at >= self.times[-1]:
            self.times.append(at)
            self.shares.append(share)

    def average(self, begin, end):
        """The time-weighted mean share over [begin, end)."""
        i = bisect.bisect_right(self.times, begin) - 1
        total, t = 0.0, begin
        while t < end:
            nxt = self.times[i + 1] if i + 1 < len(self.times) else math.inf
            upto = min(end, nxt)
            total += self.shares[i] * (upto - t)
            t, i = upto, i + 1
        return total / (end - begin)


class Ledger:
    """Prefix sums of hour costs. An hour's cost is fixed once it has ended, so the sums
    only grow at the end, and any window is two look-ups."""

    def __init__(self, scenario, history):
        self.scenario = scenario
        self.history = history
        self.prefix = [0.0]

    def extend(self, now):
        sc = self.scenario
        while len(self.prefix) <= sc.hours:
            k = len(self.prefix) - 1
            begin = sc.base + k * HOUR
            if begin + HOUR > now:
                break
            if k < sc.pre_hours:
                cost = sc.pre_cost
            else:
                share = self.history.average(begin, begin + HOUR)
                cost = sc.demand[k - sc.pre_hours] * share / 100.0
            self.prefix.append(self.prefix[-1] + cost)

    def visible_hours(self, now):
        """How many hours from index 0 are visible: they always form a prefix."""
        sc = self.scenario
        count = math.floor((now - sc.lag - sc.base) / HOUR)
        if now >= sc.start:
            count = max(count, sc.pre_hours)   # billed before the daemon was deployed
        return min(max(count, 0), sc.hours)

    def window(self, since, until, now):
        """(spend, visible hours) over the whole hours inside [since, until)."""
        sc = self.scenario
        self.extend(now)
        first = min(max(math.ceil((since - sc.base) / HOUR), 0), sc.hours)
        last = min(max(math.floor((until - sc.base) / HOUR), 0), sc.hours)
        upto = min(last, self.visible_hours(now), len(self.prefix) - 1)
        if upto <= first:
            return 0.0, 0
        return self.prefix[upto] - self.prefix[first], upto - first


class Clock:
    """Real time, or a virtual time that moves only when /_control moves it."""

    def __init__(self, fixed):
        self.fixed = fixed

    def now(self):
        return self.fixed if self.fixed is not None else time.time()


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.args = args
        self.clock = Clock(parse_time(args.now, SCENARIO_TIME) if args.now else None)
        if args.now and self.clock.fixed is None:
            raise ValueError(f"--now '{args.now}' is not YYYY-MM-DDTHH:MM:SSZ")
        self.scenario = Scenario(args.scenario, args.align, self.clock.now())
        share = self.read_share()
        # Hours before the stand-in started ran at the share found at its start.
        self.history = ShareHistory(self.scenario.initial_share if share is None else share)
        self.ledger = Ledger(self.scenario, self.history)
        self.mode, self.times, self.retry_after = "ok", None, "1"
        self.hang_seconds, self.rows = 3600.0, args.rows
        self.queries, self.last_window = 0, None

    def read_share(self):
        if not self.args.share_file:
            return None
        try:
            with open(self.args.share_file, encoding="utf-8") as f:
                line = f.readline().strip()
        except FileNotFoundError:
            return None
        try:
            return min(max(float(line), 0.0), 100.0)
        except ValueError:
            log(f"share file '{self.args.share_file}' holds '{line}', not a number: ignored")
            return None

    def sample_share(self):
        """Records the share file's value as in force from now on. Call with the lock."""
        share = self.read_share()
        if share is not None:
            self.history.record(self.clock.now(), share)

    def api_key(self):
        if self.args.key_file:
            with open(self.args.key_file, encoding="utf-8") as f:
                return f.read().strip()
        return self.args.key

    def take_mode(self):
        """The failure mode for this query, counting down a limited one."""
        with self.lock:
            mode = self.mode
            if self.times is not None and mode != "ok":
                self.times -= 1
                if self.times <= 0:
                    self.mode, self.times = "ok", None
            return mode

    def describe(self):
        return {"mode": self.mode, "times": self.times, "queries": self.queries,
                "now": format_time(self.clock.now()), "last_window": self.last_window,
                "share": self.history.shares[-1], "rows": self.rows}


class Handler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"
    server_version = "ternary-standin"
    state = None     # set in main()
    control = None   # the Listener, for the refuse mode

    def log_message(self, fmt, *args):
        pass   # one line per query is logged by the query handler instead

    def send_body(self, status, body, content_type="application/json", headers=()):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, status, value, headers=()):
        self.send_body(status, json.dumps(value), headers=headers)

    def read_body(self):
        length = int(self.headers.get("content-length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def do_GET(self):
        if urlsplit(self.path).path == CONTROL_PATH:
            with self.state.lock:
                self.send_json(200, self.state.describe())
        else:
            self.send_json(404, {"error": f"no such endpoint: GET {urlsplit(self.path).path}"})

    def do_POST(self):
        path = urlsplit(self.path).path
        body = self.read_body()
        if path == CONTROL_PATH:
            self.handle_control(body)
        elif path == QUERY_PATH:
            self.handle_query(body)
        else:
            self.send_json(404, {"error": f"no such endpoint: POST {path}"})

    # The query endpoint

    def handle_query(self, body):
        state = self.state
        mode = state.take_mode()
        with state.lock:
            state.queries += 1
        if mode == "hang":
            return self.hang()
        if not self.key_accepted(mode):
            return self.send_json(401, {"error": "invalid or expired API key"})
        problem, window = self.parse_query(body)
        if problem:
            status = 403 if problem.startswith("unknown tenant") else 400
            return self.send_json(status, {"error": problem})
        failure = self.failure(mode)
        if failure:
            log(f"query [{format_time(window[0])}, {format_time(window[1])}) -> {mode}")
            return failure()
        self.answer(window)

    def key_accepted(self, mode):
        expected = self.state.api_key()
        given = self.headers.get("authorization", "")
        return mode != "http-401" and bool(expected) and given == f"Bearer {expected}"

    def parse_query(self, body):
        """(problem, (since, until, project)): problem is None for a good query."""
        tenants = parse_qs(urlsplit(self.path).query).get("tenant_id", [])
        if len(tenants) != 1 or not tenants[0]:
            return "tenant_id query parameter missing", None
        if self.state.args.tenant and tenants[0] != self.state.args.tenant:
            return f"unknown tenant '{tenants[0]}'", None
        if "application/json" not in self.headers.get("content-type", ""):
            return "content-type must be application/json", None
        try:
            query = json.loads(body)
        except ValueError as error:
            return f"body is not JSON: {error}", None
        return check_query(query)

    def failure(self, mode):
        """A function sending the failure `mode` asks for, or None to answer normally."""
        retry_after = self.state.retry_after
        table = {
            "http-500": lambda: self.send_json(500, {"error": "internal server error"}),
            "http-429": lambda: self.send_json(429, {"error": "rate limit exceeded"},
                                               headers=[("retry-after", retry_after)]),
            "html": lambda: self.send_body(502, HTML_PAGE, "text/html"),
            "broken-json": lambda: self.send_body(200, '{"response":[{"projectId":"1",'),
            "no-credits": lambda: self.send_json(200, {"response": [
                {"projectId": "123456789012", "projectName": "ci-credits"}]}),
            "huge": self.send_huge,
        }
        return table.get(mode)

    def answer(self, window):
        since, until, project = window
        state = self.state
        with state.lock:
            state.sample_share()
            spend, hours = state.ledger.window(since, until, state.clock.now())
            state.last_window = [format_time(since), format_time(until)]
            rows = state.rows
        log(f"query [{format_time(since)}, {format_time(until)}) project {project}"
            f" -> {spend:.2f} over {hours} visible hours")
        if (state.args.project and project != state.args.project) or hours == 0:
            return self.send_json(200, {"response": []})
        # A renamed project shows up as a second row: the spend is split between them.
        parts = [spend] if rows == 1 else [spend * 0.75, spend * 0.25]
        names = ["ci-credits", "ci-credits-renamed"]
        self.send_json(200, {"response": [
            {"projectId": project, "projectName": names[i], "credits": -round(part, 6)}
            for i, part in enumerate(parts)]})

    def send_huge(self):
        row = b'{"projectId":"123456789012","projectName":"ci-credits","credits":-0.0},'
        count = HUGE_BYTES // len(row) + 1
        head, tail = b'{"response":[', b'{"projectId":"123456789012","credits":-0.0}]}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(head) + count * len(row) + len(tail)))
        self.end_headers()
        try:
            self.wfile.write(head)
            for _ in range(count // 1000):
                self.wfile.write(row * 1000)
            self.wfile.write(row * (count % 1000) + tail)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass   # the client stopped reading at its size cap, as it should

    def hang(self):
        """Accepts the query and never answers, until the client hangs up."""
        log("query -> hang")
        deadline = time.monotonic() + self.state.hang_seconds
        while time.monotonic() < deadline:
            readable, _, _ = select.select([self.connection], [], [], 0.05)
            if not readable:
                continue
            if isinstance(self.connection, ssl.SSLSocket):
                time.sleep(0.05)   # TLS cannot peek: wait out the deadline
            elif not self.connection.recv(1, socket.MSG_PEEK):
                break   # the client hung up
        self.close_connection = True

    # The control endpoint

    def handle_control(self, body):
        try:
            request = json.loads(body or b"{}")
            if not isinstance(request, dict):
                raise ValueError("expected a JSON object")
            self.apply_control(request)
        except (ValueError, TypeError, KeyError) as error:
            return self.send_json(400, {"error": str(error)})
        if request.get("mode") == "refuse":
            # Closed before the reply, so the caller's next connection is refused.
            self.control.refuse(float(request.get("seconds", 5)))
        with self.state.lock:
            reply = self.state.describe()
        self.send_json(200, reply)

    def apply_control(self, request):
        state = self.state
        with state.lock:
            if "mode" in request:
                if request["mode"] not in MODES:
                    raise ValueError(f"unknown mode '{request['mode']}', expected one of {MODES}")
                if request["mode"] != "refuse":   # refusing is done by the Listener
                    state.mode = request["mode"]
                    state.times = int(request["times"]) if request.get("times") else None
            if "retry_after" in request:
                state.retry_after = str(request["retry_after"])
            if "seconds" in request and request.get("mode") == "hang":
                state.hang_seconds = float(request["seconds"])
            if "rows" in request:
                if request["rows"] not in (1, 2):
                    raise ValueError("rows must be 1 or 2")
                state.rows = request["rows"]
            self.move_clock(request)

    def move_clock(self, request):
        state = self.state
        if "now" not in request and "advance_seconds" not in request:
            return
        if state.clock.fixed is None:
            raise ValueError("the clock is real time: start with --now to move it")
        state.sample_share()   # the share written so far was in force until now
        if "now" in request:
            target = parse_time(request["now"], SCENARIO_TIME)
            if target is None:
                raise ValueError(f"now '{request['now']}' is not YYYY-MM-DDTHH:MM:SSZ")
        else:
            target = state.clock.fixed + float(request["advance_seconds"])
        if target < state.clock.fixed:
            raise ValueError("the clock only moves forward")
        state.clock.fixed = target


def check_query(query):
    """The problem with a query body, or None and its (since, until, project)."""
    if not isinstance(query, dict):
        return "body must be a JSON object", None
    since = parse_time(query.get("start_time"), WIRE_TIME)
    until = parse_time(query.get("end_time"), WIRE_TIME)
    if since is None or until is None:
        return "start_time and end_time must be YYYY-MM-DDTHH:MM:SS.000Z", None
    if since >= until:
        return "start_time must be before end_time", None
    if query.get("data_source") != "Billing":
        return "data_source must be 'Billing'", None
    if query.get("measures") != ["credits"]:
        return "measures must be ['credits']", None
    if query.get("dimensions") != ["projectId", "projectName"]:
        return "dimensions must be ['projectId', 'projectName']", None
    filters = query.get("pre_agg_filters")
    expected_keys = {"operator", "schema_field_name", "values"}
    if (not isinstance(filters, list) or len(filters) != 1 or not isinstance(filters[0], dict)
            or set(filters[0]) != expected_keys or filters[0]["operator"] != "equals"
            or filters[0]["schema_field_name"] != "projectId"
            or not isinstance(filters[0]["values"], list) or len(filters[0]["values"]) != 1
            or not isinstance(filters[0]["values"][0], str)):
        return "pre_agg_filters must be one 'projectId equals PROJECT' filter", None
    return None, (since, until, filters[0]["values"][0])


class Listener:
    """The listening socket, which the refuse mode closes and reopens on the same port."""

    def __init__(self, args):
        self.args = args
        self.port = args.port
        self.server = None
        self.reopen_at = None
        self.wake = threading.Event()

    def open(self):
        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        server.daemon_threads = True
        if self.args.tls_cert:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(self.args.tls_cert, self.args.tls_key)
            # Handshakes then run in each request's thread, not in the accept loop.
            server.socket = context.wrap_socket(server.socket, server_side=True,
                                                do_handshake_on_connect=False)
        self.port = server.server_address[1]
        self.server = server

    def refuse(self, seconds):
        self.reopen_at = time.monotonic() + seconds
        self.server.shutdown()
        self.server.server_close()

    def run(self):
        self.open()
        print(f"PORT {self.port}", flush=True)
        while True:
            self.server.serve_forever(poll_interval=0.05)
            log("refusing connections until reopened")
            time.sleep(max(0.0, self.reopen_at - time.monotonic()))
            self.open()
            log(f"listening again on port {self.port}")


def poll_share_file(state, interval):
    """In real time, notes share changes between queries too."""
    while True:
        time.sleep(interval)
        with state.lock:
            state.sample_share()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", required=True, help="a credit-pid-scenario/1 file")
    parser.add_argument("--share-file", help="the file the daemon's file sink writes")
    keys = parser.add_mutually_exclusive_group(required=True)
    keys.add_argument("--key", help="the API key to accept")
    keys.add_argument("--key-file", help="a file holding the key, read at every query")
    parser.add_argument("--tenant", help="the only tenant_id accepted (default: any)")
    parser.add_argument("--project", help="the only projectId with spend (default: any)")
    parser.add_argument("--align", choices=("month", "none"), default="month",
                        help="month: period_start is the current UTC month's start")
    parser.add_argument("--now", help="start a virtual clock at this UTC time")
    parser.add_argument("--rows", type=int, choices=(1, 2), default=1)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--poll-ms", type=int, default=1000)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    # A child inherits its parent's blocked signals: make SIGTERM stop this server
    # even when started from a process that blocks it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, signal.valid_signals())
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        state = State(args)
    except (OSError, ValueError, KeyError, TypeError) as error:
        sys.exit(f"ternary_standin: {error}")
    Handler.state = state
    Handler.control = Listener(args)
    if state.clock.fixed is None:
        threading.Thread(target=poll_share_file, args=(state, args.poll_ms / 1000.0),
                         daemon=True).start()
    Handler.control.run()


if __name__ == "__main__":
    main()
