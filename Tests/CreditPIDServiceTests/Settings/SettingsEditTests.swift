@testable import CreditPIDSettings
import Foundation
import Testing

/// Writing a share changes the value's bytes and nothing else, and the result is read back
/// before it is returned.
@Suite("Settings editing")
struct SettingsEditTests {
    static let shares: [Double] = [0, 0.25, 1e-7, 12.5, 35, 99.99, 100]

    @Test("each sample: only the value's bytes change", arguments: SettingsFixtures.readable.map(\.name))
    func byteForByte(name: String) throws {
        let original = try SettingsFixtures.bytes(name)
        let comment = try SettingsComment(bytes: original, source: name)
        for share in Self.shares {
            let edited = try comment.settingShare(share)
            let text = try #require(PlainDecimal.text(for: share))
            #expect(differsOnlyIn(comment.shareRange, original: original, edited: edited.bytes, text: text),
                    "\(name) set to \(share)")
            #expect(edited.share == share)
            #expect(edited.shareText == text)
        }
    }

    @Test("setting the value back restores the original bytes", arguments: SettingsFixtures.readable.map(\.name))
    func roundTrip(name: String) throws {
        let original = try SettingsFixtures.bytes(name)
        let comment = try SettingsComment(bytes: original, source: name)
        let there = try comment.settingShare(42.125)
        let back = try there.settingShare(comment.share)
        #expect(back.bytes == original)
    }

    @Test("CRLF stays CRLF")
    func crlf() throws {
        let original = try SettingsFixtures.bytes("crlf.md")
        let edited = try SettingsComment(bytes: original, source: "crlf.md").settingShare(7.5).bytes
        let text = String(decoding: edited, as: UTF8.self)
        #expect(text.contains("    rollout_perc: 7.5\r\n"))
        for byte in [UInt8(ascii: "\n"), UInt8(ascii: "\r")] {
            #expect(edited.count(where: { $0 == byte }) == original.count(where: { $0 == byte }))
        }
    }

    @Test("a trailing comment on the value's line stays")
    func trailingComment() throws {
        let bytes = try SettingsFixtures.bytes("float-and-comments.md")
        let edited = try SettingsComment(bytes: bytes, source: "f.md").settingShare(40)
        #expect(edited.text.contains("    rollout_perc: 40   # share of workflow runs sent to the LF fleet\n"))
    }

    @Test("a share in flow style is edited in place")
    func flowStyle() throws {
        let original = SettingsFixtures.comment("experiments: {ephemeral: {rollout_perc: 5}, lf: {rollout_perc: 5}}")
        let comment = try SettingsComment(bytes: original, source: "t.md")
        let edited = try comment.settingShare(0.5)
        #expect(edited.text.hasPrefix("```\nexperiments: {ephemeral: {rollout_perc: 5}, lf: {rollout_perc: 0.5}}\n"))
    }

    @Test("a share outside 0...100 or not finite is refused", arguments: [-1, 100.5, .infinity, -.infinity, .nan])
    func outOfRange(share: Double) throws {
        let comment = try SettingsComment(bytes: SettingsFixtures.bytes("basic.md"), source: "basic.md")
        let error = try #require(throws: SettingsError.self) { try comment.settingShare(share) }
        guard case .shareOutOfRange = error.reason else {
            Issue.record("expected shareOutOfRange, got \(error)")
            return
        }
        #expect(error.description.hasPrefix("Failed to set the share in 'basic.md': the share '"))
    }

    @Test("a value an alias may share is not edited")
    func anchored() throws {
        let yaml = "experiments:\n  lf: &same\n    rollout_perc: 5\n  arc: *same"
        let comment = try SettingsComment(bytes: SettingsFixtures.comment(yaml), source: "t.md")
        #expect(comment.share == 5)
        let error = try #require(throws: SettingsError.self) { try comment.settingShare(6) }
        #expect(error.reason == .sharedValue(path: "experiments.lf", anchor: "same", TextPosition(line: 3, column: 7)))
    }

    @Test("verification refuses an edit that changes anything else")
    func verificationCatchesOtherChanges() throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let comment = try SettingsComment(bytes: original, source: "basic.md")
        var tampered = Array(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "rollout_perc: 35", with: "rollout_perc: 36")
            .replacingOccurrences(of: "all_branches: false", with: "all_branches: true").utf8)
        let mismatch = try #require(throws: SettingsComment.Mismatch.self) {
            try comment.verify(tampered, newText: "36", share: 36)
        }
        #expect(mismatch.why == "another part of the settings would change too")
        tampered = Array(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "rollout_perc: 35", with: "rollout_perc: 37").utf8)
        let wrongValue = try #require(throws: SettingsComment.Mismatch.self) {
            try comment.verify(tampered, newText: "37", share: 36)
        }
        #expect(wrongValue.why.contains("reads back as 37"))
    }

    @Test("verification refuses an edit that breaks the YAML")
    func verificationCatchesBrokenYAML() throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let comment = try SettingsComment(bytes: original, source: "basic.md")
        let broken = Array(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "rollout_perc: 35", with: "rollout_perc: [36").utf8)
        let mismatch = try #require(throws: SettingsComment.Mismatch.self) {
            try comment.verify(broken, newText: "[36", share: 36)
        }
        #expect(mismatch.why.hasPrefix("it no longer reads: line 5, column"))
    }
}
