import CreditPIDCore
import CreditPIDHTTP
import FoundationEssentials

/// The month-to-date credit spend, from Ternary's analytics query API. Each call is one
/// query (with retries on transient failures); nothing is cached, since billing data
/// changes under the same window as late hours arrive.
public final class TernaryClient: SpendSource, Sendable {
    public let configuration: TernaryConfiguration
    private let http: HTTPClient
    private let endpoint: String
    private let key: Secret
    private let now: @Sendable () -> ContinuousClock.Instant

    /// Throws TernaryError.invalidConfiguration for an unusable configuration (an
    /// http:// base URL to a remote host, an empty key, an unreadable CA file, …).
    /// `onRetry` sees each retried attempt; `timing` is for tests.
    public init(configuration: TernaryConfiguration,
                onRetry: (@Sendable (HTTPRetryEvent) -> Void)? = nil,
                timing: RetryTiming = .system) throws
    {
        self.configuration = configuration
        endpoint = try configuration.endpoint()
        key = try configuration.bearerKey()
        now = timing.now
        let options = HTTPClientOptions(connectTimeoutMilliseconds: configuration.connectTimeoutMilliseconds,
                                        totalTimeoutMilliseconds: configuration.timeoutMilliseconds,
                                        caFile: configuration.caFile)
        do {
            http = try HTTPClient(options: options, onRetry: onRetry, timing: timing)
        } catch {
            throw TernaryError.invalidConfiguration("\(error)")
        }
    }

    /// The credits spent in `[start, end)`, within the configured budget.
    public func spend(from start: Date, to end: Date) throws -> Double {
        try spend(from: start, to: end, deadline: now() + .milliseconds(configuration.budgetMilliseconds))
    }

    /// The credits spent in `[start, end)`, giving up at `deadline`. Throws TernaryError.
    /// An empty window costs nothing and is not sent (the API may refuse it).
    public func spend(from start: Date, to end: Date, deadline: ContinuousClock.Instant?) throws -> Double {
        guard start < end else {
            guard start == end else {
                throw TernaryError.invalidWindow(start: TernaryQuery.wireTime(start), end: TernaryQuery.wireTime(end))
            }
            return 0
        }
        let request = HTTPRequest(
            method: "POST", url: endpoint,
            headers: ["Authorization": "Bearer \(key.reveal())", "accept": "application/json",
                      "content-type": "application/json"],
            body: TernaryQuery(start: start, end: end, project: configuration.projectID).encoded())
        let response: HTTPResponse
        do {
            response = try http.send(request, retry: configuration.retry, deadline: deadline)
        } catch {
            throw TernaryError.transport(error)
        }
        return try spend(in: response)
    }

    private func spend(in response: HTTPResponse) throws(TernaryError) -> Double {
        let excerpt = { BodyExcerpt(response.body, hiding: self.key) }
        switch response.status {
        case 401, 403:
            throw .keyRefused(status: response.status, excerpt: excerpt())
        case 200...299:
            switch TernaryReply.spend(in: response.body, project: configuration.projectID) {
            case let .success(spend): return spend
            case let .failure(problem):
                throw .malformedReply(status: response.status, problem: problem.text, excerpt: excerpt())
            }
        default:
            throw .failedStatus(status: response.status, excerpt: excerpt())
        }
    }
}
