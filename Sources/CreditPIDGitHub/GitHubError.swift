import CreditPIDHTTP
import CreditPIDSettings
import FoundationEssentials

/// Why reading or writing the settings comment failed. Requests are named by method and
/// path only ('GET /repos/o/r/issues/5/comments'): no host, no query, and never the token,
/// which appears in no case here.
public enum GitHubError: Error, Sendable, CustomStringConvertible {
    case invalidConfiguration(String)
    /// No response at all (connect, TLS, timeout, time budget).
    case transport(HTTPError)
    /// `missing` says what may not exist: "the repository or issue 5", "comment 123".
    case notFound(request: String, missing: String)
    case unauthorized(request: String)
    /// 403 that is not a rate limit: the token may read but not write, or not see the repository.
    case forbidden(request: String, repository: String, message: String?)
    /// Requests are paused until `until` (wall-clock time); `reason` says what GitHub said.
    case rateLimited(request: String, until: Date, reason: String)
    /// 5xx, after the HTTP client's retries.
    case serverError(request: String, status: Int)
    case unexpectedStatus(request: String, status: Int, message: String?)
    case malformedResponse(request: String, reason: String)
    case noComments(issue: String)
    /// The configured comment belongs to another issue than the configured one.
    case wrongIssue(commentID: Int, issue: String, issueURL: String)
    case settings(SettingsError)

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason):
            "Invalid GitHub configuration: \(reason)"
        case .transport(let error):
            "\(error)"
        case .notFound(let request, let missing):
            "GitHub answered HTTP 404 to '\(request)': \(missing) does not exist, "
                + "or the token may not see it (GitHub answers 404 for what a token cannot read)"
        case .unauthorized(let request):
            "GitHub refused the token (HTTP 401 to '\(request)'): it is wrong, expired or revoked; "
                + "replace the 'github-token' credential and run 'systemctl restart credit-pid' "
                + "(systemd hands credentials over at start)"
        case .forbidden(let request, let repository, let message):
            "GitHub denied '\(request)' (HTTP 403\(Self.quoted(message))): the token lacks permission; "
                + "a fine-grained token with 'Issues: Read and write' on \(repository) alone is enough"
        case .rateLimited(let request, let until, let reason):
            "GitHub's rate limit stopped '\(request)' (\(reason)); requests to GitHub, and so writing "
                + "the share, are paused until \(until.ISO8601Format()), and a cycle after that tries again"
        case .serverError(let request, let status):
            "GitHub failed with HTTP \(status) to '\(request)'; a later cycle tries again"
        case .unexpectedStatus(let request, let status, let message):
            "GitHub answered HTTP \(status) to '\(request)'\(Self.quoted(message))"
        case .malformedResponse(let request, let reason):
            "Failed to parse GitHub's answer to '\(request)': \(reason)"
        case .noComments(let issue):
            "Issue \(issue) has no comments: the settings must be its first comment, or configure the comment's ID"
        case .wrongIssue(let commentID, let issue, let issueURL):
            "Comment \(commentID) belongs to '\(issueURL)', not to issue \(issue); check the configured comment ID"
        case .settings(let error):
            "\(error)"
        }
    }

    private static func quoted(_ message: String?) -> String {
        message.map { ": '\($0)'" } ?? ""
    }
}
