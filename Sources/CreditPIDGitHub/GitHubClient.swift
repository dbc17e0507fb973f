import CreditPIDHTTP
import FoundationEssentials
import Synchronization

/// The three REST calls credit-pid makes on the settings comment: read the issue's first
/// comment (or the configured one), read one comment again, and update it. Every answer
/// that is not a success becomes a `GitHubError` that says what to do about it; a rate
/// limit pauses this client until GitHub's reset, without sending anything in between.
public final class GitHubClient: Sendable {
    public let configuration: GitHubConfiguration
    let httpClient: HTTPClient
    private let wallClock: @Sendable () -> Date
    private let pause = Mutex<RateLimitPause?>(nil)

    /// `onRetry` sees each retried attempt. `timing` is the HTTP client's (its wall clock
    /// also times rate-limit pauses); tests step it instead of waiting.
    public init(configuration: GitHubConfiguration, onRetry: (@Sendable (HTTPRetryEvent) -> Void)? = nil,
                timing: RetryTiming = .system) throws(GitHubError)
    {
        try configuration.validate()
        let options = HTTPClientOptions(connectTimeoutMilliseconds: configuration.connectTimeoutMilliseconds,
                                        totalTimeoutMilliseconds: configuration.totalTimeoutMilliseconds,
                                        caFile: configuration.caFile)
        do {
            httpClient = try HTTPClient(options: options, onRetry: onRetry, timing: timing)
        } catch {
            throw .invalidConfiguration("\(error)")
        }
        self.configuration = configuration
        wallClock = timing.wallClock
    }

    /// Until when requests are held back, if a rate limit is in force.
    public var pausedUntil: Date? {
        activePause?.until
    }

    var activePause: RateLimitPause? {
        let now = wallClock()
        return pause.withLock { $0.flatMap { $0.until > now ? $0 : nil } }
    }

    func now() -> Date {
        wallClock()
    }

    /// Keeps the later of two pauses: a success that used the last request must not shorten
    /// a longer wait asked for before.
    func hold(_ asked: RateLimitPause) {
        pause.withLock { current in
            if current.map({ $0.until < asked.until }) ?? true { current = asked }
        }
    }

    /// The configured comment, or else the issue's first comment.
    public func settingsComment(deadline: ContinuousClock.Instant?) throws(GitHubError) -> GitHubComment {
        if let id = configuration.commentID {
            let comment = try self.comment(id: id, deadline: deadline)
            try checkIssue(of: comment)
            return comment
        }
        let path = "\(repositoryPath)/issues/\(configuration.issue)/comments"
        let response = try send("GET", path, query: "?per_page=1", missing: "the repository or issue "
            + "\(configuration.issueReference)", deadline: deadline)
        guard let first = try decode([GitHubComment].self, response, "GET \(path)").first else {
            throw .noComments(issue: configuration.issueReference)
        }
        return first
    }

    public func comment(id: Int, deadline: ContinuousClock.Instant?) throws(GitHubError) -> GitHubComment {
        let path = "\(repositoryPath)/issues/comments/\(id)"
        let response = try send("GET", path, missing: "comment \(id) in \(configuration.repository)",
                                deadline: deadline)
        return try decode(GitHubComment.self, response, "GET \(path)")
    }

    /// Replaces the comment's body with `body`, and returns the comment as GitHub now holds it.
    public func updateComment(id: Int, body: String,
                              deadline: ContinuousClock.Instant?) throws(GitHubError) -> GitHubComment
    {
        let path = "\(repositoryPath)/issues/comments/\(id)"
        let payload: Data
        do {
            payload = try JSONEncoder().encode(["body": body])
        } catch {
            throw .malformedResponse(request: "PATCH \(path)", reason: "the body cannot be encoded: \(error)")
        }
        let response = try send("PATCH", path, body: Array(payload),
                                missing: "comment \(id) in \(configuration.repository)", deadline: deadline)
        return try decode(GitHubComment.self, response, "PATCH \(path)")
    }

    private var repositoryPath: String {
        "/repos/\(configuration.repository.owner)/\(configuration.repository.name)"
    }

    /// A configured comment ID that points into another issue is a configuration mistake
    /// that would otherwise edit the wrong settings.
    private func checkIssue(of comment: GitHubComment) throws(GitHubError) {
        guard let issueURL = comment.issueURL else { return }
        guard issueURL.hasSuffix("\(repositoryPath)/issues/\(configuration.issue)") else {
            throw .wrongIssue(commentID: comment.id, issue: configuration.issueReference, issueURL: issueURL)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse,
                                      _ request: String) throws(GitHubError) -> T
    {
        do {
            return try JSONDecoder().decode(type, from: Data(response.body))
        } catch {
            throw .malformedResponse(request: request, reason: "\(error)")
        }
    }
}
