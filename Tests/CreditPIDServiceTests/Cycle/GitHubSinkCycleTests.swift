import CreditPIDCore
@testable import CreditPIDDaemon
import CreditPIDSettings
import Foundation
import Testing

/// The daemon writing the settings comment through the GitHub stand-in: failures of every
/// kind, a person editing the comment mid-cycle, and a dry run. Each test has an issue of
/// its own whose first comment is the runner-settings sample basic.md (lf at 35%).
@Suite("Control cycle: GitHub sink", .gitHubStandIn)
struct GitHubSinkCycleTests {
    struct Failure: Sendable, CustomTestStringConvertible {
        var fail: String
        /// What the error entry must say.
        var cause: String
        /// A rate limit: GitHub asked for a pause, and the client waits it out before the next request.
        var pauses = false
        var testDescription: String { fail }
    }

    static let failures: [Failure] = [
        Failure(fail: "404", cause: "GitHub answered HTTP 404 to 'GET /repos/pytorch/test-infra/issues/"),
        Failure(fail: "401", cause: "GitHub refused the token (HTTP 401 to 'GET /repos/pytorch/test-infra/issues/"),
        Failure(fail: "403-rate-limit", cause: "GitHub's rate limit stopped 'GET /repos/pytorch/test-infra/issues/",
                pauses: true),
        Failure(fail: "429", cause: "GitHub's rate limit stopped 'GET /repos/pytorch/test-infra/issues/", pauses: true),
        Failure(fail: "500", cause: "GitHub failed with HTTP 500 to 'GET /repos/pytorch/test-infra/issues/"),
    ]

    func makeIssue(_ comment: [UInt8]? = nil) throws -> StandInIssue {
        try GitHubStandIn.shared().issue(comment: comment ?? SettingsFixtures.bytes("basic.md"))
    }

    /// `original` with its share's bytes replaced by `share`, and nothing else changed.
    func expectShare(_ share: String, in issue: StandInIssue, editedFrom original: [UInt8],
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let range = try SettingsComment(bytes: original, source: "original").shareRange
        #expect(differsOnlyIn(range, original: original, edited: try issue.firstBody(), text: share),
                sourceLocation: sourceLocation)
    }

    @Test("a GitHub failure is an error entry, the comment stays as it is, the next cycle writes",
          arguments: failures)
    func failedWrite(failure: Failure) throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let issue = try makeIssue()
        let fixture = try CycleFixture()
        fixture.route(to: issue)
        let cycle = try fixture.makeCycle()
        _ = try fixture.run(cycle, at: 0)
        try expectShare("45", in: issue, editedFrom: original)
        let written = try issue.firstBody()
        _ = fixture.log.take()

        // Rate limits ask for short pauses: a reset two to three seconds ahead (whole epoch
        // seconds; a reset already past when it arrives would mean the default minute), a
        // Retry-After of 1 s. The client times pauses by the wall clock.
        let resetAt = (Date().timeIntervalSince1970 + 2).rounded(.up)
        try issue.plan(["fail": failure.fail, "retry_after": "1", "reset_at": Int(resetAt)])
        let report = try fixture.run(cycle, at: 3600)
        let lines = fixture.log.take()
        let error = try #require(lines.first(startingWith: "error: Failed to apply the share 55% to github "
            + "pytorch/test-infra#\(issue.number): "), "\(lines)")
        #expect(error.contains(failure.cause), "\(error)")
        #expect(error.hasSuffix("; the share in force stays as it is"))
        #expect(report.status.contains("could not be written"), "\(report.status)")
        #expect(try issue.firstBody() == written)
        #expect(try issue.state().patches.count == 1)
        #expect(cycle.savedState.share == 45)
        #expect(cycle.savedState.lastProblem?.contains(failure.cause) == true)
        #expect(!fixture.log.lines.joined().contains(GitHubStandIn.token))

        try issue.plan(["fail": NSNull()])
        if failure.pauses {
            // The instant the pause ends: no event marks it, so the test waits for it.
            let resumeAt = max(resetAt, Date().timeIntervalSince1970 + 1)
            Thread.sleep(forTimeInterval: max(0, resumeAt - Date().timeIntervalSince1970))
        }
        let recovered = try fixture.run(cycle, at: 7200)
        #expect(!recovered.status.contains("not applied"), "\(recovered.status) \(fixture.log.take())")
        try expectShare("55", in: issue, editedFrom: original)
        #expect(cycle.savedState.share == 55)
        #expect(cycle.savedState.lastProblem == nil)
    }

    @Test("a person's edit between the read and the write survives; the share is set in their text")
    func editDuringCycle() throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let theirs = original + Array("@new-person,lf\n".utf8)
        let issue = try makeIssue()
        // Reads: the share in force, then the writer's first read; the edit lands before its
        // second read, which comes just before the write.
        try issue.plan(["edit_after_reads": 2, "edit_body": String(decoding: theirs, as: UTF8.self)])
        let fixture = try CycleFixture()
        fixture.route(to: issue)
        let cycle = try fixture.makeCycle()
        _ = try fixture.run(cycle, at: 0)
        let lines = fixture.log.take()
        #expect(lines.contains("notice: The settings comment changed while the share was being set; "
            + "set it again in the newer text"), "\(lines)")
        try expectShare("45", in: issue, editedFrom: theirs)
        #expect(try issue.state().patches.count == 1)
        #expect(cycle.savedState.share == 45)
    }

    @Test("DryRun=yes: nothing is written, and the entry says what the share would be")
    func dryRun() throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let issue = try makeIssue()
        let fixture = try CycleFixture()
        fixture.route(to: issue)
        fixture.configuration.routing.dryRun = true
        let cycle = try fixture.makeCycle()
        let report = try fixture.run(cycle, at: 0)
        let lines = fixture.log.take()
        // The text it would write goes into the entry's CREDIT_PID_WOULD_WRITE field, which
        // only the journal keeps: e2e.sh checks it under a real journald.
        #expect(lines.contains("info: Dry run: would set the share to 45% in github "
            + "pytorch/test-infra#\(issue.number), writing nothing"), "\(lines)")
        #expect(report.status.hasPrefix("share 35% (dry run: would be "), "\(report.status)")
        #expect(try issue.firstBody() == original)
        #expect(try issue.state().requests.allSatisfy { $0.method == "GET" })
        #expect(cycle.savedState.share == 35)

        _ = try fixture.run(cycle, at: 3600)
        #expect(try issue.firstBody() == original)
        #expect(try issue.state().patches.isEmpty)
    }

    @Test("a fresh daemon that cannot read the share in force writes nothing")
    func unknownShareInForce() throws {
        let original = try SettingsFixtures.bytes("basic.md")
        let issue = try makeIssue()
        try issue.plan(["fail": "401", "times": 1])   // the first read only
        let fixture = try CycleFixture()
        fixture.route(to: issue)
        let cycle = try fixture.makeCycle()
        let report = try fixture.run(cycle, at: 0)
        let lines = fixture.log.take()
        #expect(try issue.firstBody() == original, "\(lines)")
        let warning = try #require(lines.first(startingWith: "warning: Failed to read the share in force from github "))
        #expect(warning.contains("GitHub refused the token (HTTP 401"))
        #expect(report.status.contains("share in force unknown"), "\(report.status)")
        #expect(cycle.savedState.share == nil)

        _ = try fixture.run(cycle, at: 3600)
        try expectShare("45", in: issue, editedFrom: original)
    }
}
