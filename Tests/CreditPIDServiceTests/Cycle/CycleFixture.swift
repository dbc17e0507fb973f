import CreditPIDCore
@testable import CreditPIDDaemon
import CreditPIDHTTP
import Foundation

/// A real ControlCycle as the daemon builds it, in a folder of its own: a state directory,
/// a log, a file sink (or the GitHub stand-in) and a Ternary stand-in on a virtual clock
/// that starts when the scenario's controller is deployed (2026-08-12, 138,551.59 spent,
/// 12 h billing lag, 35% in force). Timeouts are short so that failing cycles end quickly.
final class CycleFixture {
    static let start = TernaryFixtures.date("2026-08-12T00:00:00Z")

    let folder: URL
    let ternary: StandInProcess
    let log: CycleLog
    var configuration = Configuration()
    private var standInNow = CycleFixture.start

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("state"),
                                                withIntermediateDirectories: true)
        log = try CycleLog(path: folder.appendingPathComponent("log").path, sink: .console)
        let shareFile = folder.appendingPathComponent("share").path
        try Data("35\n".utf8).write(to: URL(fileURLWithPath: shareFile))
        ternary = try TernaryFixtures.standIn(now: UTCTimestamp.format(Self.start), shareFile: shareFile)
        configure(shareFile: shareFile)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private func configure(shareFile: String) {
        configuration.controller.mode = .pacing
        configuration.controller.maxStepPercent = 10
        configuration.controller.deadbandPercent = 1
        configuration.ternary.url = URL(string: ternary.baseURL)!
        configuration.ternary.tenantID = TernaryFixtures.tenant
        configuration.ternary.projectID = TernaryFixtures.project
        configuration.ternary.timeout = 0.5
        configuration.routing.sink = .file
        configuration.routing.file = shareFile
        configuration.routing.dryRun = false
        configuration.routing.timeout = 0.5
        configuration.state.directory = statePath.deletingLastPathComponent().path
        configuration.credentials = Credentials(ternaryAPIKey: Secret(TernaryFixtures.key),
                                                gitHubToken: Secret(GitHubStandIn.token))
    }

    /// Routes through `issue`'s first comment in the GitHub stand-in instead of the file.
    func route(to issue: StandInIssue) {
        configuration.routing.sink = .github
        configuration.routing.gitHubURL = URL(string: issue.standIn.apiURL)!
        configuration.routing.repository = GitHubStandIn.repository
        configuration.routing.issue = issue.number
    }

    var statePath: URL { folder.appendingPathComponent("state").appendingPathComponent("state.json") }
    var shareFile: String { configuration.routing.file ?? "" }

    /// A new ControlCycle on this fixture's configuration and state directory, started at `start`.
    func makeCycle() throws -> ControlCycle {
        try ControlCycle(configuration: configuration, logger: log.logger, clock: FixedClock(instant: Self.start))
    }

    /// Runs a cycle `offset` seconds after the start, the stand-in's clock moved there first.
    func run(_ cycle: ControlCycle, at offset: TimeInterval) throws -> CycleReport {
        try moveStandInClock(to: offset)
        return cycle.runCycle(at: Self.start.addingTimeInterval(offset))
    }

    /// Moves the stand-in's virtual clock to `offset` seconds after the start, if it is not there yet.
    func moveStandInClock(to offset: TimeInterval) throws {
        let now = Self.start.addingTimeInterval(offset)
        guard now > standInNow else { return }
        try ternary.control(["now": UTCTimestamp.format(now)])
        standInNow = now
    }

    /// Sets the stand-in's failure mode, with the other control fields in `extra` (README).
    func fail(_ mode: String, _ extra: [String: Any] = [:]) throws {
        try ternary.control(extra.merging(["mode": mode]) { _, new in new })
    }

    /// The queries the stand-in has received so far.
    func queries() throws -> Int {
        try ternary.ternaryQueries()
    }

    func shareFileBytes() throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: shareFile)))
    }

    /// The share file's first line, the share as other systems read it.
    func shareInFile() throws -> String {
        String(decoding: try shareFileBytes(), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    func stateFileText() throws -> String {
        try String(contentsOf: statePath, encoding: .utf8)
    }
}

/// Wall time that does not move: each cycle is given its own time, as the service loop does.
struct FixedClock: ServiceClock {
    var instant: Date

    func now() -> Date { instant }

    func realInterval(for simulated: TimeInterval) -> Duration {
        .nanoseconds(Int64(simulated * 1e9))
    }
}
