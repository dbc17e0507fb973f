import CreditPIDCore
@testable import CreditPIDDaemon
import Foundation
import Testing

/// Every way the spend query fails, seen from the daemon: a real ControlCycle with a file
/// sink against the Ternary stand-in. The first cycle decides (35% -> 45%, the pacing
/// controller's cold start, one 10-point step); then the stand-in fails and the second cycle
/// must say why at warning, keep the share and the state's decision, and call the data stale.
@Suite("Control cycle: Ternary failures")
struct TernaryOutageCycleTests {
    struct Failure: Sendable, CustomTestStringConvertible {
        var mode: String
        var control: [String: String] = [:]
        /// What the warning must say about the cause.
        var cause: String
        /// Transient failures are retried (and each retry logged); the others fail at once.
        var retried: Bool

        var testDescription: String { mode }
    }

    static let failures: [Failure] = [
        Failure(mode: "refuse", control: ["seconds": "60"],
                cause: "Failed to query Ternary spend: Failed to connect to 'http://127.0.0.1:", retried: true),
        Failure(mode: "hang", control: ["seconds": "60"],
                cause: "Failed to query Ternary spend: Timed out waiting for a response from 'http://127.0.0.1:",
                retried: true),
        Failure(mode: "http-500",
                cause: #"Failed to query Ternary spend: HTTP 500, body '{"error": "internal server error"}'"#,
                retried: true),
        // A Retry-After longer than the client's longest backoff is not waited for.
        Failure(mode: "http-429", control: ["retry_after": "120"],
                cause: #"Failed to query Ternary spend: HTTP 429, body '{"error": "rate limit exceeded"}'"#,
                retried: false),
        Failure(mode: "http-401",
                cause: #"Ternary refused the API key (HTTP 401, body '{"error": "invalid or expired API key"}'): "#
                    + "replace the credential file 'ternary-api-key' with a valid key", retried: false),
        Failure(mode: "html",
                cause: "Failed to query Ternary spend: HTTP 502, body '<html><head><title>502 Bad Gateway",
                retried: true),
        Failure(mode: "broken-json",
                cause: "Failed to parse the Ternary spend reply (HTTP 200): the body is not JSON", retried: false),
        Failure(mode: "no-credits",
                cause: "Failed to parse the Ternary spend reply (HTTP 200): row 1 has no 'credits'", retried: false),
        Failure(mode: "huge", cause: "it exceeds the limit of 1048576 bytes, transfer aborted", retried: false),
    ]

    @Test("a failed spend query is logged at warning with its cause, and nothing is decided",
          arguments: failures)
    func failedQuery(failure: Failure) throws {
        let fixture = try CycleFixture()
        let cycle = try fixture.makeCycle()
        _ = try fixture.run(cycle, at: 0)
        #expect(try fixture.shareInFile() == "45")
        let fileBefore = try fixture.shareFileBytes()
        let decisionBefore = try #require(cycle.savedState.lastDecision)
        _ = fixture.log.take()

        try fixture.moveStandInClock(to: 600)   // before it may stop listening
        let queriesBefore = try fixture.queries()
        try fixture.fail(failure.mode, failure.control)
        let started = ContinuousClock.now
        let report = try fixture.run(cycle, at: 600)
        let took = ContinuousClock.now - started
        let lines = fixture.log.take()

        let warning = try #require(lines.first(startingWith: "warning: Failed to read the spend: "), "\(lines)")
        #expect(warning.contains(failure.cause), "\(warning)")
        #expect(warning.hasSuffix("; keeping the share at 45%"))
        #expect(warning.count < 600, "the body excerpt is short")
        #expect(!lines.contains { $0.hasPrefix("error:") })
        #expect(report.status == "data stale for 10min: keeping 45%")

        #expect(try fixture.shareFileBytes() == fileBefore)
        #expect(cycle.savedState.lastDecision == decisionBefore)
        #expect(cycle.savedState.share == 45)
        #expect(cycle.savedState.lastSpendRead == CycleFixture.start)
        #expect(cycle.savedState.lastProblem?.contains(failure.cause) == true)

        let retries = lines.filter { $0.hasPrefix("warning: POST 'http://127.0.0.1:") && $0.contains("attempt") }
        #expect(retries.isEmpty == !failure.retried, "\(retries)")
        if failure.mode != "refuse" {   // a refused connection never reaches the stand-in
            #expect(try fixture.queries() - queriesBefore == (failure.retried ? 4 : 1))
        }
        // Four attempts of at most 0.5 s and three backoffs of at most 0.5, 1 and 2 s.
        #expect(took < .seconds(10))

        let everything = fixture.log.lines.joined(separator: "\n") + (try fixture.stateFileText())
        #expect(!everything.contains(TernaryFixtures.key))
    }

    @Test("a short Retry-After is waited for, and the cycle decides")
    func shortRetryAfter() throws {
        let fixture = try CycleFixture()
        let cycle = try fixture.makeCycle()
        try fixture.fail("http-429", ["times": 1, "retry_after": "1"])
        let report = try fixture.run(cycle, at: 0)
        let lines = fixture.log.take()
        let retry = "failed (HTTP 429), retrying in 1 s as Retry-After asks"
        #expect(lines.contains { $0.hasPrefix("warning: POST ") && $0.hasSuffix(retry) }, "\(lines)")
        #expect(!report.status.hasPrefix("data stale"))
        #expect(try fixture.shareInFile() == "45")
        #expect(cycle.savedState.lastProblem == nil)
    }

    @Test("after StaleAfterSec without data the share steps down each cycle, until data returns")
    func staleStepsDown() throws {
        let fixture = try CycleFixture()
        fixture.configuration.controller.staleAfter = 900
        let cycle = try fixture.makeCycle()
        _ = try fixture.run(cycle, at: 0)
        let decision = cycle.savedState.lastDecision
        try fixture.fail("broken-json")

        #expect(try fixture.run(cycle, at: 600).status == "data stale for 10min: keeping 45%")
        #expect(try fixture.shareInFile() == "45")
        _ = fixture.log.take()

        #expect(try fixture.run(cycle, at: 1200).status == "data stale for 20min: lowered to 35%")
        #expect(try fixture.shareInFile() == "35")
        let lowered = try #require(fixture.log.take().first(startingWith: "warning: Failed to read the spend: "))
        #expect(lowered.hasSuffix("; data stale for 20min, lowering the share to 35%"))
        #expect(cycle.savedState.share == 35)
        #expect(cycle.savedState.shareSetAt == CycleFixture.start.addingTimeInterval(1200))
        #expect(cycle.savedState.lastDecision == decision, "a step down is not a decision on data")

        #expect(try fixture.run(cycle, at: 1800).status == "data stale for 30min: lowered to 25%")
        #expect(try fixture.shareInFile() == "25")

        try fixture.fail("ok")
        let back = try fixture.run(cycle, at: 2400)
        #expect(!back.status.hasPrefix("data stale"), "\(back.status)")
        #expect(try fixture.shareInFile() == "35", "the controller starts again from the share in force, 25%")
        #expect(cycle.savedState.lastSpendRead == CycleFixture.start.addingTimeInterval(2400))
        #expect(cycle.savedState.lastProblem == nil)
    }

    @Test("a daemon that never reads the spend counts staleness from its start")
    func staleFromStart() throws {
        let fixture = try CycleFixture()
        fixture.configuration.controller.staleAfter = 900
        try fixture.fail("http-401")
        let cycle = try fixture.makeCycle()
        #expect(try fixture.run(cycle, at: 0).status.hasSuffix(": keeping 35%"))
        #expect(try fixture.run(cycle, at: 900).status == "data stale for 15min: lowered to 25%")
        #expect(try fixture.shareInFile() == "25")
        #expect(cycle.savedState.lastDecision == nil)
        #expect(cycle.savedState.lastSpendRead == nil)
    }
}
