import CreditPIDGitHub
import Foundation
import Testing

/// One Tests/StandIns/github_standin.py, shared by a suite: each test makes an issue of its
/// own in it (`issue(comment:)`), with its own comments, rate limit, failure plans and
/// records, so tests run at once without a Python start each.
final class GitHubStandIn: Sendable {
    /// Distinctive, so that a test can search any text for it.
    static let token = "ghp_StandInToken_4f1d2c9e8b7a6f5e4d3c"
    static let repository = "pytorch/test-infra"

    /// The suite's stand-in, set by the `.gitHubStandIn` trait.
    @TaskLocal static var current: GitHubStandIn?

    let process: StandInProcess

    init() throws {
        process = try StandInProcess(script: "github_standin.py",
                                     arguments: ["--token", Self.token, "--repo", Self.repository])
    }

    static func shared() throws -> GitHubStandIn {
        guard let current else { throw StandInError(message: "the suite lacks the .gitHubStandIn trait") }
        return current
    }

    var apiURL: String { process.baseURL }

    /// A new issue whose first comment is `comment`, followed by one more, as on the real
    /// settings issue; `comments: []` makes an issue without any.
    func issue(comment: [UInt8]) throws -> StandInIssue {
        try issue(comments: [comment, Array("A later comment.".utf8)])
    }

    func issue(comments: [[UInt8]]) throws -> StandInIssue {
        let bodies = comments.map { String(decoding: $0, as: UTF8.self) }
        let state = try post(["create": ["comments": bodies]])
        return StandInIssue(standIn: self, number: state.issue, commentIDs: state.comments.map(\.id))
    }

    /// One POST /_control request (see Tests/StandIns/README.md), and the issue's state after it.
    func post(_ request: [String: Any]) throws -> StandInIssue.State {
        try JSONDecoder().decode(StandInIssue.State.self, from: process.control(request))
    }

    func state(of issue: Int) throws -> StandInIssue.State {
        try JSONDecoder().decode(StandInIssue.State.self, from: process.controlState(query: "issue=\(issue)"))
    }
}

/// Starts one GitHub stand-in around a whole suite and stops it after the suite's last test.
struct GitHubStandInScope: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws
    {
        let standIn = try GitHubStandIn()
        defer { standIn.process.stop() }
        try await GitHubStandIn.$current.withValue(standIn) { try await function() }
    }
}

extension Trait where Self == GitHubStandInScope {
    static var gitHubStandIn: Self { Self() }
}
