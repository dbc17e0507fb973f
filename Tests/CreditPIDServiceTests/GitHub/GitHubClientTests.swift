import CreditPIDGitHub
import CreditPIDHTTP
import Foundation
import Testing

/// The GitHub client against the stand-in: the calls it makes, and a clear error for every
/// way GitHub refuses, none of which shows the token.
@Suite("GitHub client", .gitHubStandIn)
struct GitHubClientTests {
    let issue: StandInIssue
    let time = VirtualTime()

    init() throws {
        issue = try GitHubStandIn.shared().issue(comment: SettingsFixtures.bytes("basic.md"))
    }

    func client(commentID: Int? = nil, token: String = GitHubStandIn.token) throws -> GitHubClient {
        try GitHubClient(configuration: issue.configuration(commentID: commentID, token: token),
                         timing: time.timing)
    }

    @Test("reads the issue's first comment, with the API's headers")
    func readsFirstComment() throws {
        let comment = try client().settingsComment(deadline: nil)
        #expect(comment.id == issue.commentID)
        #expect(Array(comment.body.utf8) == (try SettingsFixtures.bytes("basic.md")))
        #expect(comment.htmlURL == issue.commentURL)
        let requests = try issue.state().requests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/repos/pytorch/test-infra/issues/\(issue.number)/comments")
        #expect(request.query == "per_page=1")
        #expect(request.authorized)
        #expect(request.accept == "application/vnd.github+json")
        #expect(request.api_version == "2022-11-28")
        #expect(request.user_agent?.hasPrefix("credit-pid/") == true)
    }

    @Test("reads a configured comment by its ID")
    func readsByID() throws {
        let comment = try client(commentID: issue.commentID).settingsComment(deadline: nil)
        #expect(comment.id == issue.commentID)
        let requests = try issue.state().requests
        #expect(requests.map(\.path) == ["/repos/pytorch/test-infra/issues/comments/\(issue.commentID)"])
    }

    @Test("a configured comment of another issue is refused")
    func wrongIssue() throws {
        let other = try GitHubClient(configuration: issue.configuration(commentID: issue.commentID, issue: 7),
                                     timing: time.timing)
        let error = try #require(throws: GitHubError.self) { try other.settingsComment(deadline: nil) }
        #expect(error.description.contains("belongs to '"))
        #expect(error.description.contains("not to issue pytorch/test-infra#7"))
    }

    @Test("an issue without comments is a clear error")
    func noComments() throws {
        let empty = try GitHubStandIn.shared().issue(comments: [])
        let client = try GitHubClient(configuration: empty.configuration(), timing: time.timing)
        let error = try #require(throws: GitHubError.self) { try client.settingsComment(deadline: nil) }
        #expect(error.description == "Issue pytorch/test-infra#\(empty.number) has no comments: the settings "
            + "must be its first comment, or configure the comment's ID")
    }

    @Test("a wrong token is refused with how to rotate it, and never shown")
    func wrongToken() throws {
        let wrong = "ghp_WrongToken_0000000000000000000000"
        let error = try #require(throws: GitHubError.self) {
            try client(token: wrong).settingsComment(deadline: nil)
        }
        guard case .unauthorized = error else {
            Issue.record("expected unauthorized, got \(error)")
            return
        }
        #expect(error.description.contains("replace the 'github-token' credential and run "
            + "'systemctl restart credit-pid'"))
        #expect(!"\(error)".contains(wrong))
        #expect(!String(reflecting: error).contains(wrong))
    }

    @Test("each refusal gives its own clear error", arguments: [
        ("404", "does not exist, or the token may not see it"),
        ("401", "GitHub refused the token (HTTP 401"),
        ("403", "a fine-grained token with 'Issues: Read and write' on pytorch/test-infra alone is enough"),
        ("500", "GitHub failed with HTTP 500 to 'GET /repos/pytorch/test-infra/issues/"),
    ])
    func refusals(failure: String, message: String) throws {
        try issue.plan(["fail": failure])
        let error = try #require(throws: GitHubError.self) { try client().settingsComment(deadline: nil) }
        #expect(error.description.contains(message), "\(error)")
        #expect(!String(reflecting: error).contains(GitHubStandIn.token))
        #expect(!error.description.contains(GitHubStandIn.token))
    }

    @Test("a 5xx is retried with backoff, then the answer stands")
    func serverErrorRetried() throws {
        try issue.plan(["fail": "500", "times": 2])
        let comment = try client().settingsComment(deadline: nil)
        #expect(comment.id == issue.commentID)
        #expect(try issue.state().requests.count == 3)
        #expect(time.sleeps.count == 2)
    }

    @Test("an exhausted quota pauses requests until GitHub's reset")
    func primaryRateLimit() throws {
        let reset = Int(VirtualTime.wallStart.timeIntervalSince1970) + 900
        try issue.plan(["fail": "403-rate-limit", "times": 1, "reset_at": reset])
        let client = try client()
        let error = try #require(throws: GitHubError.self) { try client.settingsComment(deadline: nil) }
        guard case .rateLimited(_, let until, _) = error else {
            Issue.record("expected rateLimited, got \(error)")
            return
        }
        #expect(until == Date(timeIntervalSince1970: TimeInterval(reset)))
        #expect(error.description.contains("paused until 2026-08-20T00:15:00Z"))
        #expect(client.pausedUntil == until)

        // Held back: nothing reaches GitHub until the reset.
        #expect(throws: GitHubError.self) { try client.settingsComment(deadline: nil) }
        #expect(try issue.state().requests.count == 1)
        time.timing.sleep(.seconds(901))
        #expect(client.pausedUntil == nil)
        _ = try client.settingsComment(deadline: nil)
        #expect(try issue.state().requests.count == 2)
    }

    @Test("a success that used the quota's last request holds back the next one")
    func lastRequestOfQuota() throws {
        try issue.plan(["rate_remaining": 1, "reset_at": Int(VirtualTime.wallStart.timeIntervalSince1970) + 60])
        let client = try client()
        let comment = try client.settingsComment(deadline: nil)
        let error = try #require(throws: GitHubError.self) { try client.comment(id: comment.id, deadline: nil) }
        #expect(error.description.contains("not sent, as an earlier answer asked"))
        #expect(try issue.state().requests.count == 1)
    }

    @Test("a secondary limit or a 429 waits as long as Retry-After says", arguments: ["403-secondary", "429"])
    func retryAfter(failure: String) throws {
        // Longer than the HTTP client's backoff cap, so it is not waited for within the cycle.
        try issue.plan(["fail": failure, "retry_after": 120])
        let error = try #require(throws: GitHubError.self) { try client().settingsComment(deadline: nil) }
        guard case .rateLimited(_, let until, let reason) = error else {
            Issue.record("expected rateLimited, got \(error)")
            return
        }
        #expect(until == VirtualTime.wallStart.addingTimeInterval(120))
        #expect(reason == "Retry-After: 120")
        #expect(try issue.state().requests.count == 1)
    }

    @Test("no answer at all is a transport error naming the URL")
    func connectionRefused() throws {
        let gone = try GitHubStandIn()
        let configuration = try StandInIssue(standIn: gone, number: 1, commentIDs: [1]).configuration()
        gone.process.stop()
        let error = try #require(throws: GitHubError.self) {
            try GitHubClient(configuration: configuration, timing: time.timing).settingsComment(deadline: nil)
        }
        guard case .transport = error else {
            Issue.record("expected transport, got \(error)")
            return
        }
        #expect(error.description.contains(gone.apiURL))
        #expect(time.sleeps.count == 3)
    }
}
