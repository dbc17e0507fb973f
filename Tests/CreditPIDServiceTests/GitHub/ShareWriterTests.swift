import CreditPIDGitHub
import CreditPIDSettings
import Foundation
import Testing

/// "Set the share to S" against the stand-in: what is sent, byte for byte, and what is not.
@Suite("Share writer", .gitHubStandIn)
struct ShareWriterTests {
    let time = VirtualTime()

    func makeIssue(_ name: String) throws -> StandInIssue {
        try GitHubStandIn.shared().issue(comment: SettingsFixtures.bytes(name))
    }

    func writer(_ issue: StandInIssue, commentID: Int? = nil) throws -> ShareWriter {
        ShareWriter(client: try GitHubClient(configuration: issue.configuration(commentID: commentID),
                                             timing: time.timing))
    }

    /// The PATCH bodies the stand-in received, decoded from the bytes sent.
    func patchedBodies(_ issue: StandInIssue) throws -> [[UInt8]] {
        try issue.state().patches.map { patch in
            let object = try JSONSerialization.jsonObject(with: Data(patch.raw)) as? [String: Any]
            #expect(object?.keys.sorted() == ["body"])
            return Array((object?["body"] as? String ?? "").utf8)
        }
    }

    @Test("writes the new share, changing only the value's bytes", arguments: SettingsFixtures.readable.map(\.name))
    func writes(name: String) throws {
        let original = try SettingsFixtures.bytes(name)
        let issue = try GitHubStandIn.shared().issue(comment: original)
        let result = try writer(issue).apply(42.5, dryRun: false, deadline: nil)
        #expect(result.action == .written)
        #expect(result.previousShare == SettingsFixtures.readable.first { $0.name == name }?.share)
        #expect(!result.redoneOnNewerText)
        let range = try SettingsComment(bytes: original, source: name).shareRange
        let bodies = try patchedBodies(issue)
        #expect(bodies.count == 1)
        #expect(differsOnlyIn(range, original: original, edited: bodies.first ?? [], text: "42.5"))
        #expect(Array(result.text.utf8) == bodies.first)
        let state = try issue.state()
        #expect(state.requests.map(\.method) == ["GET", "GET", "PATCH"])
        #expect(state.requests.last?.content_type == "application/json")
        #expect(state.requests.last?.path == "/repos/pytorch/test-infra/issues/comments/\(issue.commentID)")
    }

    @Test("the current settings are read as the runner determinator reads them")
    func currentSettings() throws {
        let issue = try makeIssue("float-and-comments.md")
        #expect(try writer(issue).currentSettings(deadline: nil).share == 12.5)
        let broken = try makeIssue("no-lf.md")
        let error = try #require(throws: GitHubError.self) { try writer(broken).currentSettings(deadline: nil) }
        #expect(error.description == "Failed to read the settings in '\(broken.commentURL)': no 'lf' in 'experiments'")
    }

    @Test("an equal share is left alone: one read, no write")
    func unchanged() throws {
        let issue = try makeIssue("basic.md")
        let result = try writer(issue).apply(35, dryRun: false, deadline: nil)
        #expect(result.action == .unchanged)
        let state = try issue.state()
        #expect(state.requests.count == 1)
        #expect(state.patches.isEmpty)
    }

    @Test("a dry run writes nothing and returns the exact text it would write")
    func dryRun() throws {
        let original = try SettingsFixtures.bytes("float-and-comments.md")
        let issue = try GitHubStandIn.shared().issue(comment: original)
        let result = try writer(issue, commentID: issue.commentID).apply(7, dryRun: true, deadline: nil)
        #expect(result.action == .wouldWrite)
        let expected = try SettingsComment(bytes: original, source: "f.md").settingShare(7).bytes
        #expect(Array(result.text.utf8) == expected)
        let state = try issue.state()
        #expect(state.patches.isEmpty)
        #expect(state.requests.map(\.method) == ["GET"])
        #expect(try issue.firstBody() == original)
    }

    @Test("a person's edit between the read and the write survives")
    func concurrentEditSurvives() throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let issue = try GitHubStandIn.shared().issue(comment: original)
        // They raise another experiment's share and opt a user in.
        let ephemeral = "ephemeral:\n        rollout_perc: "
        let theirs = String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: ephemeral + "0", with: ephemeral + "3") + "@new-user,lf\n"
        #expect(theirs.contains(ephemeral + "3"))
        try issue.plan(["edit_after_reads": 1, "edit_body": theirs])
        let result = try writer(issue).apply(50, dryRun: false, deadline: nil)
        #expect(result.action == .written)
        #expect(result.redoneOnNewerText)
        #expect(result.previousShare == 35)
        let expected = try SettingsComment(text: theirs, source: "theirs").settingShare(50).bytes
        #expect(try patchedBodies(issue) == [expected])
        #expect(try issue.firstBody() == expected)
    }

    @Test("a person who set the same share meanwhile gets no write")
    func concurrentEditToSameShare() throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let issue = try GitHubStandIn.shared().issue(comment: original)
        let theirs = String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "rollout_perc: 35", with: "rollout_perc: 50")
        try issue.plan(["edit_after_reads": 1, "edit_body": theirs])
        let result = try writer(issue).apply(50, dryRun: false, deadline: nil)
        #expect(result.action == .unchanged)
        #expect(try issue.state().patches.isEmpty)
    }

    @Test("a person's edit that breaks the settings stops the write")
    func concurrentEditBreaksSettings() throws {
        let issue = try makeIssue("basic.md")
        let broken = "```yaml\nexperiments:\n  lf:\n    rollout_perc: 1\n```\n---\n"
        try issue.plan(["edit_after_reads": 1, "edit_body": broken])
        let error = try #require(throws: GitHubError.self) {
            try writer(issue).apply(50, dryRun: false, deadline: nil)
        }
        #expect(error.description.contains("line 2, column 12"))
        #expect(try issue.state().patches.isEmpty)
    }

    @Test("settings the runner determinator cannot read are not written", arguments: [
        "yaml-fence-tag.md", "no-lf.md", "dashes-in-comment.md",
    ])
    func unreadableSettings(name: String) throws {
        let issue = try makeIssue(name)
        let error = try #require(throws: GitHubError.self) {
            try writer(issue).apply(50, dryRun: false, deadline: nil)
        }
        guard case .settings(let settingsError) = error else {
            Issue.record("expected a settings error, got \(error)")
            return
        }
        // Named by the comment's page, so a person can go and fix it.
        #expect(settingsError.source == issue.commentURL)
        #expect(try issue.state().patches.isEmpty)
    }

    @Test("a share outside 0...100 is refused before anything is written")
    func outOfRange() throws {
        let issue = try makeIssue("basic.md")
        let error = try #require(throws: GitHubError.self) {
            try writer(issue).apply(120, dryRun: false, deadline: nil)
        }
        #expect(error.description.contains("the share '120.0' is not a finite number within 0...100"))
        #expect(try issue.state().patches.isEmpty)
    }

    @Test("a refused write names its cause and leaves the comment", arguments: [
        ("403", "the token lacks permission"), ("403-rate-limit", "paused until"), ("404", "does not exist"),
        ("401", "'github-token'"),
    ])
    func refusedWrite(failure: String, message: String) throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let issue = try GitHubStandIn.shared().issue(comment: original)
        try issue.plan(["fail": failure, "methods": ["PATCH"]])
        let error = try #require(throws: GitHubError.self) {
            try writer(issue).apply(50, dryRun: false, deadline: nil)
        }
        #expect(error.description.contains(message), "\(error)")
        #expect(error.description.contains("'PATCH /repos/pytorch/test-infra/issues/comments/\(issue.commentID)'"))
        #expect(!String(reflecting: error).contains(GitHubStandIn.token))
        #expect(try issue.firstBody() == original)
    }
}
