import CreditPIDGitHub
import CreditPIDHTTP
import Foundation

/// A test's own issue in the shared GitHub stand-in.
struct StandInIssue {
    let standIn: GitHubStandIn
    let number: Int
    let commentIDs: [Int]

    var commentID: Int { commentIDs[0] }

    /// The issue's first comment's page, as the stand-in names it.
    var commentURL: String {
        "https://github.invalid/\(GitHubStandIn.repository)/issues/\(number)#issuecomment-\(commentID)"
    }

    func configuration(commentID: Int? = nil, token: String = GitHubStandIn.token,
                       issue: Int? = nil) throws -> GitHubConfiguration
    {
        GitHubConfiguration(apiURL: standIn.apiURL, repository: try GitHubRepository(GitHubStandIn.repository),
                            issue: issue ?? number, commentID: commentID, token: Secret(token),
                            totalTimeoutMilliseconds: 5_000)
    }

    /// Plans failures, rate limits or a human edit for this issue (keys in Tests/StandIns/README.md).
    @discardableResult
    func plan(_ request: [String: Any]) throws -> State {
        try standIn.post(request.merging(["issue": number]) { mine, _ in mine })
    }

    func state() throws -> State {
        try standIn.state(of: number)
    }

    /// The first comment's body as the stand-in holds it now.
    func firstBody() throws -> [UInt8] {
        Array((try state().comments.first?.body ?? "").utf8)
    }

    struct State: Decodable {
        struct Comment: Decodable {
            var id: Int
            var body: String
        }

        struct Rate: Decodable {
            var limit: Int
            var remaining: Int
            var reset: Int
        }

        struct Request: Decodable {
            var method: String
            var path: String
            var query: String
            var authorized: Bool
            var accept: String?
            var api_version: String?
            var content_type: String?
            var user_agent: String?
        }

        struct Patch: Decodable {
            var id: Int
            var raw_base64: String
            var body: String

            /// The PATCH request's body as sent, byte for byte.
            var raw: [UInt8] { Array(Data(base64Encoded: raw_base64) ?? Data()) }
        }

        var issue: Int
        var comments: [Comment]
        var rate: Rate
        var requests: [Request]
        var patches: [Patch]
    }
}
