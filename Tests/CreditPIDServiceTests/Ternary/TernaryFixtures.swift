import CreditPIDCore
import CreditPIDHTTP
import CreditPIDTernary
import Foundation

/// The samples of Ternary's reply (copied from the project's vectors) and the values
/// the Ternary tests share. Found from this file's path: the test target has no bundle.
enum TernaryFixtures {
    static let key = "tk_live_7f3a9c2e51d0"
    static let tenant = "tenant-42"
    static let project = "123456789012"

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A scenario for the stand-in: deployed on 2026-08-12 with 138,551.59 spent before,
    /// 12 h billing lag, 35% routed at the start. The simulator's own, so that the client and
    /// the simulated plant are judged on the same month.
    static var scenarioPath: String {
        folder.deletingLastPathComponent()   // Ternary
            .deletingLastPathComponent()     // CreditPIDServiceTests
            .deletingLastPathComponent()     // Tests
            .appendingPathComponent("CreditPIDCoreTests/Fixtures/scenarios/mid-month-start.json").path
    }

    /// The scenario at `scenarioPath`, which the stand-in's figures are computed from.
    static func scenario() throws -> Scenario {
        try Scenario(json: Array(try Data(contentsOf: URL(fileURLWithPath: scenarioPath))), source: scenarioPath)
    }

    /// A Ternary stand-in for `scenarioPath` with this file's key, tenant and project, on the
    /// scenario's own dates (--align none) and a virtual clock at `now`, billing each hour at
    /// the share in `shareFile`; `extra` adds options (Tests/StandIns/README.md).
    static func standIn(now: String, shareFile: String, extra: [String] = []) throws -> StandInProcess {
        try StandInProcess(script: "ternary_standin.py", arguments: [
            "--scenario", scenarioPath, "--key", key, "--tenant", tenant, "--project", project,
            "--align", "none", "--now", now, "--share-file", shareFile,
        ] + extra)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func configuration(port: Int, key: String = key, scheme: String = "http",
                              retry: RetryPolicy = .none, timeoutMilliseconds: Int = 5_000,
                              caFile: String? = nil) -> TernaryConfiguration
    {
        TernaryConfiguration(baseURL: "\(scheme)://127.0.0.1:\(port)", tenantID: tenant, projectID: project,
                             apiKey: Secret(key), timeoutMilliseconds: timeoutMilliseconds, caFile: caFile,
                             retry: retry)
    }

    /// UTC instants written the way the scenarios write them.
    static func date(_ text: String) -> Date {
        guard let date = UTCTimestamp.parse(text) else {
            preconditionFailure("'\(text)' is not an ISO 8601 date")
        }
        return date
    }
}

extension StandInProcess {
    /// The spend queries a Ternary stand-in has answered so far, from its control state.
    func ternaryQueries() throws -> Int {
        let state = try JSONSerialization.jsonObject(with: controlState()) as? [String: Any]
        guard let queries = state?["queries"] as? Int else {
            throw StandInError(message: "the stand-in's control state has no 'queries' count")
        }
        return queries
    }
}

extension TernaryClient {
    /// The spend between two instants written as in the scenarios.
    func spend(from start: String, to end: String) throws -> Double {
        try spend(from: TernaryFixtures.date(start), to: TernaryFixtures.date(end))
    }
}
