@testable import CreditPIDCore
@testable import CreditPIDDaemon
import Foundation
import Testing

/// The state a ControlCycle keeps in state.json: a file it cannot use is moved aside and the
/// cycle starts fresh; a file it can use makes a new ControlCycle (a restarted daemon) go on
/// where the last one stopped.
@Suite("Control cycle: state across restarts")
struct StateContinuityCycleTests {
    static let unusable: [(name: String, bytes: String, reason: String)] = [
        ("garbage", "{not json", #"not a credit-pid state file (no JSON object with a "format")"#),
        ("another format", #"{"format": "credit-pid-state/9", "state": {}}"#,
         "unknown format 'credit-pid-state/9', expected 'credit-pid-state/1'"),
        ("a state that does not decode", #"{"format": "credit-pid-state/1", "saved_at": "x", "state": {"mode": 5}}"#,
         "its state does not decode: state.mode: "),
    ]

    @Test("an unusable state file is moved aside with a timestamp, logged with its path, and the cycle starts fresh",
          arguments: unusable.map(\.name))
    func movedAside(name: String) throws {
        let sample = try #require(Self.unusable.first { $0.name == name })
        let fixture = try CycleFixture()
        try Data(sample.bytes.utf8).write(to: fixture.statePath)
        let cycle = try fixture.makeCycle()

        let path = fixture.statePath.path
        let movedTo = path + ".corrupt-20260812T000000Z"
        let lines = fixture.log.take()
        let warning = try #require(lines.first(startingWith: "warning: State file '\(path)' is unusable ("))
        #expect(warning.contains(sample.reason), "\(warning)")
        #expect(warning.hasSuffix("; moved it to '\(movedTo)', starting fresh"))
        #expect(try String(contentsOfFile: movedTo, encoding: .utf8) == sample.bytes)
        #expect(cycle.savedState == DaemonState(mode: "pacing"))

        _ = try fixture.run(cycle, at: 0)
        #expect(try fixture.shareInFile() == "45")
        let store = StateStore<DaemonState>(directory: fixture.configuration.state.directory)
        guard case .restored(let saved) = try store.peek() else {
            Issue.record("the cycle did not save a usable state")
            return
        }
        #expect(saved == cycle.savedState)
    }

    @Test("a second ControlCycle on the same state directory continues the pacing controller's state")
    func restartContinues() throws {
        let fixture = try CycleFixture()
        let first = try fixture.makeCycle()
        // Hourly cycles until hours under the controller's own shares are billed (12 h lag).
        for hour in 0...14 { _ = try fixture.run(first, at: Double(hour) * 3600) }
        let saved = first.savedState
        let pacing = try #require(saved.pacing)
        #expect(pacing.demand.isReady, "the controller has learned demand from its own hours")
        _ = fixture.log.take()

        let second = try fixture.makeCycle()
        let restored = try #require(fixture.log.take().first(startingWith: "info: Restored the state saved by "))
        #expect(restored == "info: Restored the state saved by the pacing controller after its cycle at "
            + "2026-08-12T14:00:00Z, share \(PlainNumber.format(saved.share ?? -1))% from '\(fixture.statePath.path)'")
        #expect(second.savedState == saved)

        _ = try fixture.run(second, at: 15 * 3600)
        let next = try #require(second.savedState.pacing)
        #expect(next.controlStart == pacing.controlStart, "not restarted at the new process's start")
        #expect(next.lineStart == pacing.lineStart)
        #expect(next.demand.isReady)
        #expect(second.savedState.lastDecision?.reason != "no hour under control is billed yet")
    }

    @Test("a restart in another Mode starts that controller fresh and says so")
    func otherMode() throws {
        let fixture = try CycleFixture()
        _ = try fixture.run(try fixture.makeCycle(), at: 0)
        fixture.configuration.controller.mode = .seed
        let second = try fixture.makeCycle()
        let lines = fixture.log.take()
        #expect(lines.contains("notice: Saved state is for Mode=pacing, starting Mode=seed fresh"), "\(lines)")
        _ = try fixture.run(second, at: 3600)
        #expect(second.savedState.mode == "seed")
        #expect(second.savedState.pacing == nil)
        #expect(second.savedState.seed != nil)
    }
}
