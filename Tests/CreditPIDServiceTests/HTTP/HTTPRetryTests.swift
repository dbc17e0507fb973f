@testable import CreditPIDHTTP
import Foundation
import Testing

@Suite("HTTP client: retries, backoff and the deadline")
struct HTTPRetryTests {
    private let time = VirtualTime()

    private func get(_ port: Int, retry: RetryPolicy, deadline: Duration? = nil,
                     events: EventLog? = nil) throws -> HTTPResponse
    {
        var observer: (@Sendable (HTTPRetryEvent) -> Void)?
        if let events { observer = { events.append($0) } }
        let client = try HTTPClient(onRetry: observer, timing: time.timing)
        return try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/q?key=s3cret"),
                               retry: retry, deadline: deadline.map { time.now + $0 })
    }

    @Test("5xx is retried with doubling backoff until the next attempt would miss the deadline")
    func serverErrorsStopAtDeadline() throws {
        let server = try ScriptedHTTPServer([.text(503, "busy")])
        let events = EventLog()
        let policy = RetryPolicy(maxAttempts: 10, initialBackoffMilliseconds: 100, maxBackoffMilliseconds: 10_000)
        let response = try get(server.port, retry: policy, deadline: .seconds(1), events: events)
        // Attempts at 0, 0.1, 0.3 and 0.7 s; the next would start at 1.5 s, past the deadline.
        #expect(response.status == 503)
        #expect(server.requests.count == 4)
        #expect(time.sleeps == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(events.events.map(\.attempt) == [1, 2, 3])
        #expect(events.events.first?.cause == .status(503))
        #expect(events.events.first?.description
            == "GET 'http://127.0.0.1:\(server.port)/q?…' attempt 1 of 10 failed (HTTP 503), retrying in 0.1 s")
    }

    @Test("retries end when attempts run out, and a later success is returned")
    func attemptsAndRecovery() throws {
        let failing = try ScriptedHTTPServer([.text(500, "")])
        #expect(try get(failing.port, retry: RetryPolicy(maxAttempts: 3)).status == 500)
        #expect(failing.requests.count == 3)
        let recovering = try ScriptedHTTPServer([.text(500, ""), .text(502, ""), .text(200, "ok")])
        #expect(try get(recovering.port, retry: RetryPolicy(maxAttempts: 4)).text == "ok")
        #expect(recovering.requests.count == 3)
    }

    @Test("the backoff is capped and jittered within half to all of its ceiling")
    func backoffSchedule() {
        let policy = RetryPolicy(maxAttempts: 10, initialBackoffMilliseconds: 500, maxBackoffMilliseconds: 3_000)
        #expect((1...5).map { policy.backoff(beforeRetry: $0, jitter: 1) }
            == [500, 1_000, 2_000, 3_000, 3_000].map { .milliseconds($0) })
        #expect(policy.backoff(beforeRetry: 1, jitter: 0) == .milliseconds(250))
        #expect(policy.backoff(beforeRetry: 2, jitter: 0.5) == .milliseconds(750))
        #expect(policy.backoff(beforeRetry: 60, jitter: 1) == .milliseconds(3_000))
    }

    @Test("429 waits exactly what Retry-After asks, in seconds or as an HTTP-date")
    func retryAfter() throws {
        let date = "Thu, 20 Aug 2026 00:00:03 GMT"   // VirtualTime's wall clock + 3 s
        let server = try ScriptedHTTPServer([
            .text(429, "", headers: [("Retry-After", "2")]),
            .text(429, "", headers: [("Retry-After", date)]),
            .text(200, "ok"),
        ])
        let events = EventLog()
        let response = try get(server.port, retry: RetryPolicy(maxAttempts: 4, initialBackoffMilliseconds: 10),
                               events: events)
        #expect(response.text == "ok")
        // The date is read after the first wait: 3 s from the start is 1 s from then.
        #expect(time.sleeps == [.seconds(2), .seconds(1)])
        #expect(events.events.map(\.honoursRetryAfter) == [true, true])
    }

    @Test("a Retry-After beyond the deadline or the backoff cap returns the 429 at once")
    func retryAfterTooLong() throws {
        let server = try ScriptedHTTPServer([.text(429, "slow down", headers: [("Retry-After", "20")])])
        let capped = RetryPolicy(maxAttempts: 4, maxBackoffMilliseconds: 10_000)
        #expect(try get(server.port, retry: capped).status == 429)
        #expect(try get(server.port, retry: RetryPolicy(), deadline: .seconds(5)).status == 429)
        #expect(server.requests.count == 2)
        #expect(time.sleeps.isEmpty)
    }

    @Test("a refused connection is retried, then thrown; the deadline throws 'time budget exhausted'")
    func connectionRefused() throws {
        let (listener, port) = try ScriptedHTTPServer.listen(backlog: 1)
        close(listener)
        let events = EventLog()
        #expect {
            try get(port, retry: RetryPolicy(maxAttempts: 3, initialBackoffMilliseconds: 100), events: events)
        } throws: { error in
            guard case .connectFailed = error as? HTTPError else { return false }
            return true
        }
        #expect(events.events.count == 2)
        #expect {
            try get(port, retry: RetryPolicy(maxAttempts: 10, initialBackoffMilliseconds: 400), deadline: .seconds(1))
        } throws: { error in
            guard case let .timeBudgetExhausted(_, attempts, last)? = error as? HTTPError,
                  case .connectFailed? = last
            else { return false }
            // Attempts at 0 and 0.4 s; the third would start at 1.2 s.
            let summary = "after 2 attempts: the time budget is exhausted; last failure: Failed to connect"
            return attempts == 2 && "\(error)".contains(summary)
        }
    }

    @Test("a deadline already passed sends nothing")
    func deadlinePassed() throws {
        let server = try ScriptedHTTPServer([.text(200, "")])
        let url = "http://127.0.0.1:\(server.port)/q?…"
        #expect(throws: HTTPError.timeBudgetExhausted(url: url, attempts: 0, last: nil)) {
            try get(server.port, retry: RetryPolicy(), deadline: .zero)
        }
        #expect(server.requests.isEmpty)
    }

    @Test("a connection closed without a reply is retried")
    func connectionLost() throws {
        let server = try ScriptedHTTPServer([.close, .text(200, "second")])
        #expect(try get(server.port, retry: RetryPolicy(maxAttempts: 2)).text == "second")
        #expect(server.requests.count == 2)
    }

    @Test("with the real clock, an attempt's timeout is cut to the time left before the deadline")
    func attemptCutToDeadline() throws {
        let server = try ScriptedHTTPServer([.hang])
        let client = try HTTPClient(options: HTTPClientOptions(totalTimeoutMilliseconds: 10_000))
        let start = ContinuousClock.now
        #expect {
            try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/"),
                            retry: RetryPolicy(initialBackoffMilliseconds: 10), deadline: start + .milliseconds(300))
        } throws: { error in
            guard case let .timeBudgetExhausted(_, _, last)? = error as? HTTPError,
                  case .timedOut(_, .response, _)? = last
            else { return false }
            return true
        }
        let took = ContinuousClock.now - start
        #expect(took >= .milliseconds(290) && took < .milliseconds(1_500))
    }

    @Test("with the real clock and sleep, short backoffs are really waited")
    func realSleep() throws {
        let server = try ScriptedHTTPServer([.text(503, ""), .text(503, ""), .text(200, "ok")])
        let client = try HTTPClient()
        let start = ContinuousClock.now
        let response = try client.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/"),
                                       retry: RetryPolicy(initialBackoffMilliseconds: 20), deadline: nil)
        #expect(response.text == "ok")
        #expect(ContinuousClock.now - start >= .milliseconds(30))   // at least 10 + 20 ms of backoff
    }
}

/// Retry events as the client reports them, for assertions.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [HTTPRetryEvent] = []

    func append(_ event: HTTPRetryEvent) {
        lock.withLock { received.append(event) }
    }

    var events: [HTTPRetryEvent] { lock.withLock { received } }
}
