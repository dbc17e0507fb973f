@testable import CreditPIDDaemon
import Foundation
import Testing

@Suite final class StateStoreTests {
    struct ControllerState: Codable, Equatable {
        var share: Double
        var integral: Double
        var lastCycle: Date
    }

    let directory: String
    let now = Date(timeIntervalSince1970: 1_796_306_400)   // 2026-12-03T14:00:00Z
    let sample = ControllerState(share: 42.5, integral: -3.25, lastCycle: Date(timeIntervalSince1970: 1_796_306_400.125))

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-pid-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private var store: StateStore<ControllerState> { StateStore(directory: directory) }

    private func write(_ text: String) throws {
        try text.write(toFile: store.path, atomically: false, encoding: .utf8)
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func firstStartIsFresh() throws {
        guard case .fresh = try store.load(now: now) else { Issue.record("expected .fresh"); return }
    }

    @Test func savedStateReadsBackExactly() throws {
        try store.save(sample, now: now)
        guard case .restored(let state) = try store.load(now: now) else { Issue.record("expected .restored"); return }
        #expect(state == sample)
    }

    @Test func fileIsAVersionedEnvelopeReadableOnlyByTheOwner() throws {
        try store.save(sample, now: now)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store.path))) as? [String: Any]
        #expect(json?["format"] as? String == "credit-pid-state/1")
        #expect(json?["saved_at"] as? String == "2026-12-03T14:00:00Z")
        #expect((json?["state"] as? [String: Any])?["share"] as? Double == 42.5)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["state.json"])
    }

    @Test func saveReplacesThePreviousState() throws {
        try store.save(sample, now: now)
        var next = sample
        next.share = 50
        try store.save(next, now: now)
        guard case .restored(let state) = try store.load(now: now) else { Issue.record("expected .restored"); return }
        #expect(state.share == 50)
    }

    @Test(arguments: [
        ("{not json", "not a credit-pid state file"),
        ("", "not a credit-pid state file"),
        (#"{"format":"credit-pid-state/1","saved_at":"x","state":{"share":"high"}}"#, "its state does not decode: state.share: Expected to decode Double"),
    ])
    func corruptFilesAreMovedAside(_ text: String, _ reason: String) throws {
        try write(text)
        guard case .movedAside(let why, let movedTo) = try store.load(now: now) else {
            Issue.record("expected .movedAside"); return
        }
        #expect(why.hasPrefix(reason))
        #expect(movedTo == store.path + ".corrupt-20261203T140000Z")
        #expect(try contents(movedTo) == text)
        #expect(!FileManager.default.fileExists(atPath: store.path))
        // The next start begins fresh, and a save works again.
        guard case .fresh = try store.load(now: now) else { Issue.record("expected .fresh"); return }
        try store.save(sample, now: now)
    }

    @Test func aFutureFormatIsMovedAsideNotOverwritten() throws {
        let future = #"{"format":"credit-pid-state/2","state":{}}"#
        try write(future)
        guard case .movedAside(let why, let movedTo) = try store.load(now: now) else {
            Issue.record("expected .movedAside"); return
        }
        #expect(why == "unknown format 'credit-pid-state/2', expected 'credit-pid-state/1'")
        #expect(try contents(movedTo) == future)
    }

    @Test func twoCorruptFilesInOneSecondKeepBoth() throws {
        try write("one")
        _ = try store.load(now: now)
        try write("two")
        guard case .movedAside(_, let movedTo) = try store.load(now: now) else { Issue.record("expected .movedAside"); return }
        #expect(movedTo == store.path + ".corrupt-20261203T140000Z-2")
        #expect(try contents(store.path + ".corrupt-20261203T140000Z") == "one")
    }

    @Test func peekNeverMovesAFile() throws {
        guard case .fresh = try store.peek() else { Issue.record("expected .fresh"); return }
        try store.save(sample, now: now)
        guard case .restored(let state) = try store.peek() else { Issue.record("expected .restored"); return }
        #expect(state == sample)
        try write("{broken")
        #expect { try store.peek() } throws: { "\($0)".hasPrefix("not a credit-pid state file") }
        #expect(try contents(store.path) == "{broken")
    }

    @Test func aMissingDirectoryIsAnErrorOnSave() throws {
        let missing = StateStore<ControllerState>(directory: directory + "/missing")
        #expect { try missing.save(sample, now: now) } throws: { error in
            "\(error)".hasPrefix("Failed to create '\(directory)/missing/state.json.tmp-")
                && "\(error)".hasSuffix("': No such file or directory")
        }
    }
}
