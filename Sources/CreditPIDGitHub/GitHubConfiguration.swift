import CreditPIDHTTP

/// Where the settings comment lives and how to reach it. The token is a `Secret`, so neither
/// `description` nor reflection shows it; it only ever goes into the Authorization header.
public struct GitHubConfiguration: Sendable, CustomStringConvertible {
    public static let defaultAPIURL = "https://api.github.com"

    /// The REST API's root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise.
    public var apiURL: String
    public var repository: GitHubRepository
    public var issue: Int
    /// The settings comment; when nil, the issue's first comment is used.
    public var commentID: Int?
    /// A CA bundle to trust besides the system's.
    public var caFile: String?
    public var connectTimeoutMilliseconds: Int
    /// Per attempt.
    public var totalTimeoutMilliseconds: Int
    public var retry: RetryPolicy
    let token: Secret

    public init(apiURL: String = GitHubConfiguration.defaultAPIURL, repository: GitHubRepository, issue: Int,
                commentID: Int? = nil, token: Secret, caFile: String? = nil,
                connectTimeoutMilliseconds: Int = 5_000, totalTimeoutMilliseconds: Int = 20_000,
                retry: RetryPolicy = RetryPolicy())
    {
        self.apiURL = apiURL
        self.repository = repository
        self.issue = issue
        self.commentID = commentID
        self.token = token
        self.caFile = caFile
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.totalTimeoutMilliseconds = totalTimeoutMilliseconds
        self.retry = retry
    }

    /// Throws when a value cannot work, naming it (never the token's value).
    public func validate() throws(GitHubError) {
        do {
            try HTTPClient.checkURL(apiURL)
        } catch {
            throw .invalidConfiguration("the API URL is not usable: \(error)")
        }
        guard issue > 0 else { throw .invalidConfiguration("the issue number \(issue) is not positive") }
        if let commentID, commentID <= 0 {
            throw .invalidConfiguration("the comment ID \(commentID) is not positive")
        }
        guard !token.isEmpty else { throw .invalidConfiguration("the GitHub token is empty") }
        guard token.isVisibleASCII else {
            throw .invalidConfiguration("the GitHub token holds spaces, line breaks or non-ASCII characters; "
                + "check the 'github-token' credential")
        }
    }

    /// The issue as people write it: `owner/name#123`.
    public var issueReference: String { "\(repository)#\(issue)" }

    public var description: String {
        let comment = commentID.map { ", comment \($0)" } ?? ", first comment"
        return "\(apiURL) \(issueReference)\(comment), token \(token.isEmpty ? "unset" : "set")"
    }

    /// `apiURL` and `path`, with exactly one slash between them.
    func url(_ path: String) -> String {
        var base = apiURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
