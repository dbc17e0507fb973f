import CreditPIDCore
import CreditPIDHTTP
import CreditPIDTernary
import Foundation
import Testing

/// The client against Tests/StandIns/ternary_standin.py on a virtual clock, with the
/// scenario's own dates (--align none), so every figure here is exact.
@Suite("Ternary client against the stand-in")
final class TernaryStandInTests {
    private let scenario: Scenario
    private let folder: URL

    init() throws {
        scenario = try TernaryFixtures.scenario()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ternary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private var shareFile: URL { folder.appendingPathComponent("share") }

    private func standIn(now: String, extra: [String] = []) throws -> StandInProcess {
        try TernaryFixtures.standIn(now: now, shareFile: shareFile.path, extra: extra)
    }

    private func makeClient(_ server: StandInProcess) throws -> TernaryClient {
        try TernaryClient(configuration: TernaryFixtures.configuration(port: server.port))
    }

    @Test("month to date: the spend before deployment plus the visible hours at the initial share")
    func monthToDate() throws {
        let server = try standIn(now: "2026-08-20T00:00:00Z")
        let client = try makeClient(server)
        let spend = try client.spend(from: "2026-08-01T00:00:00Z", to: "2026-08-20T00:00:00Z")
        // Hours that ended by 2026-08-19T12:00 (12 h lag) are visible: 180 after the start.
        let visible = scenario.demandPerHour[..<180].reduce(0, +)
        let expected = scenario.spentBeforeStart + visible * scenario.initialPercentage / 100
        #expect(abs(spend - expected) < 1e-3)
    }

    @Test("only whole hours inside the window count; before deployment all billed hours are visible")
    func windows() throws {
        let server = try standIn(now: "2026-08-12T13:00:00Z")
        let client = try makeClient(server)
        let preStart = try client.spend(from: "2026-08-01T00:00:00Z", to: "2026-08-12T00:00:00Z")
        #expect(abs(preStart - scenario.spentBeforeStart) < 1e-6)
        // At 13:00 with 12 h lag only hour 0 (00:00-01:00) is visible; a window from 00:30 misses it.
        let hourZero = try client.spend(from: "2026-08-12T00:00:00Z", to: "2026-08-13T00:00:00Z")
        #expect(abs(hourZero - scenario.demandPerHour[0] * scenario.initialPercentage / 100) < 1e-6)
        #expect(try client.spend(from: "2026-08-12T00:30:00Z", to: "2026-08-13T00:00:00Z") == 0)
    }

    @Test("an hour costs its demand times the share in force, weighted by time, from the share file")
    func shareFileDrivesSpend() throws {
        try "50\n".write(to: shareFile, atomically: true, encoding: .utf8)
        let server = try standIn(now: "2026-08-12T00:00:00Z")
        try server.control(#"{"advance_seconds": 1800}"#)
        try "10\n".write(to: shareFile, atomically: true, encoding: .utf8)
        try server.control(#"{"advance_seconds": 45000}"#)   // to 13:00: hour 0 is visible
        let client = try makeClient(server)
        let spend = try client.spend(from: "2026-08-12T00:00:00Z", to: "2026-08-12T02:00:00Z")
        #expect(abs(spend - scenario.demandPerHour[0] * 0.30) < 1e-6)   // half an hour at 50%, half at 10%
    }

    @Test("a project that was renamed shows as two rows, and both count")
    func twoRows() throws {
        let server = try standIn(now: "2026-08-20T00:00:00Z", extra: ["--rows", "2"])
        let client = try makeClient(server)
        let spend = try client.spend(from: "2026-08-01T00:00:00Z", to: "2026-08-12T00:00:00Z")
        #expect(abs(spend - scenario.spentBeforeStart) < 1e-3)
    }

    @Test("a rotated key: the stand-in reads its key file at every query")
    func keyRotation() throws {
        let keyFile = folder.appendingPathComponent("key")
        try "old-key-1234\n".write(to: keyFile, atomically: true, encoding: .utf8)
        let server = try StandInProcess(script: "ternary_standin.py", arguments: [
            "--scenario", TernaryFixtures.scenarioPath, "--key-file", keyFile.path, "--align", "none",
            "--now", "2026-08-20T00:00:00Z",
        ])
        let old = try TernaryClient(configuration: TernaryFixtures.configuration(port: server.port,
                                                                                 key: "old-key-1234"))
        let window = ("2026-08-01T00:00:00Z", "2026-08-02T00:00:00Z")
        #expect(try old.spend(from: window.0, to: window.1) > 0)
        try "new-key-5678\n".write(to: keyFile, atomically: true, encoding: .utf8)
        #expect {
            try old.spend(from: window.0, to: window.1)
        } throws: { error in
            "\(error)".hasPrefix("Ternary refused the API key (HTTP 401") && !"\(error)".contains("old-key-1234")
        }
        let new = try TernaryClient(configuration: TernaryFixtures.configuration(port: server.port,
                                                                                 key: "new-key-5678"))
        #expect(try new.spend(from: window.0, to: window.1) > 0)
    }

    @Test("failure modes of the stand-in give their errors", arguments: [
        ("http-401", "Ternary refused the API key (HTTP 401, body '{\"error\": \"invalid or expired API key\"}')"),
        ("http-500", "Failed to query Ternary spend: HTTP 500, body '{\"error\": \"internal server error\"}'"),
        ("html", "Failed to query Ternary spend: HTTP 502, body '<html><head><title>502 Bad Gateway"),
        ("broken-json", "Failed to parse the Ternary spend reply (HTTP 200): the body is not JSON"),
        ("no-credits", "Failed to parse the Ternary spend reply (HTTP 200): row 1 has no 'credits'"),
    ])
    func failureModes(mode: String, expected: String) throws {
        let server = try standIn(now: "2026-08-20T00:00:00Z")
        try server.control(#"{"mode": "\#(mode)"}"#)
        let client = try makeClient(server)
        let result = Result { try client.spend(from: "2026-08-01T00:00:00Z", to: "2026-08-20T00:00:00Z") }
        #expect(message(result).hasPrefix(expected), "\(message(result))")
        #expect(!message(result).contains(TernaryFixtures.key))
    }

    @Test("the 10 MiB body is cut at the 1 MiB cap")
    func hugeBody() throws {
        let server = try standIn(now: "2026-08-20T00:00:00Z")
        try server.control(#"{"mode": "huge"}"#)
        let client = try makeClient(server)
        #expect {
            try client.spend(from: "2026-08-01T00:00:00Z", to: "2026-08-20T00:00:00Z")
        } throws: { error in
            guard case let .transport(.responseTooLarge(_, limit))? = error as? TernaryError else { return false }
            return limit == 1 << 20
        }
    }

    @Test("500s and 429s are retried, Retry-After honoured, and the query then succeeds")
    func retriedFailures() throws {
        let server = try standIn(now: "2026-08-20T00:00:00Z")
        let time = VirtualTime()
        let configuration = TernaryFixtures.configuration(port: server.port, retry: RetryPolicy(maxAttempts: 4))
        let client = try TernaryClient(configuration: configuration, timing: time.timing)
        let window = ("2026-08-01T00:00:00Z", "2026-08-12T00:00:00Z")
        try server.control(#"{"mode": "http-500", "times": 2}"#)
        #expect(abs(try client.spend(from: window.0, to: window.1) - scenario.spentBeforeStart) < 1e-3)
        try server.control(#"{"mode": "http-429", "times": 1, "retry_after": "7"}"#)
        #expect(abs(try client.spend(from: window.0, to: window.1) - scenario.spentBeforeStart) < 1e-3)
        #expect(time.sleeps == [.milliseconds(500), .milliseconds(1_000), .seconds(7)])
        #expect(try server.ternaryQueries() == 5)
    }

    @Test("a stand-in that never answers times out; one that refuses fails to connect")
    func hangAndRefuse() throws {
        let server = try standIn(now: "2026-08-20T00:00:00Z")
        let client = try TernaryClient(configuration: TernaryFixtures.configuration(port: server.port,
                                                                                     timeoutMilliseconds: 300))
        let window = ("2026-08-01T00:00:00Z", "2026-08-12T00:00:00Z")
        try server.control(#"{"mode": "hang", "seconds": 10}"#)
        #expect(message(Result { try client.spend(from: window.0, to: window.1) })
            == "Failed to query Ternary spend: Timed out waiting for a response from "
            + "'http://127.0.0.1:\(server.port)/analytics/query/load?…' after 300 ms")
        try server.control(#"{"mode": "refuse", "seconds": 30}"#)
        #expect(message(Result { try client.spend(from: window.0, to: window.1) }).hasPrefix(
            "Failed to query Ternary spend: Failed to connect to "
                + "'http://127.0.0.1:\(server.port)/analytics/query/load?…'"))
    }

    @Test("a wrong tenant is refused with 403 and a malformed query with 400")
    func queryChecks() throws {
        let server = try standIn(now: "2026-08-20T00:00:00Z")
        var configuration = TernaryFixtures.configuration(port: server.port)
        configuration.tenantID = "someone-else"
        let client = try TernaryClient(configuration: configuration)
        #expect(message(Result { try client.spend(from: .now - 3600, to: .now) }).hasPrefix(
            "Ternary refused the API key (HTTP 403, body '{\"error\": \"unknown tenant 'someone-else'\"}')"))
        let http = try HTTPClient()
        let response = try http.send(HTTPRequest(
            method: "POST", url: "\(server.baseURL)/analytics/query/load?tenant_id=\(TernaryFixtures.tenant)",
            headers: ["Authorization": "Bearer \(TernaryFixtures.key)", "content-type": "application/json"],
            body: Array(#"{"start_time":"2026-08-01T00:00:00Z"}"#.utf8)), retry: .none, deadline: nil)
        #expect(response.status == 400)
        #expect(response.text.contains("YYYY-MM-DDTHH:MM:SS.000Z"))
    }
}
