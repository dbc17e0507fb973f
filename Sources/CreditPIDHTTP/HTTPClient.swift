import Glibc

/// A small, blocking HTTP client over libcurl: one easy handle per attempt, TLS always
/// verified, plain http only to loopback addresses, no redirects followed, a cap on the
/// response size, and retries with backoff bounded by the caller's deadline.
public final class HTTPClient: Sendable {
    public let options: HTTPClientOptions
    private let onRetry: (@Sendable (HTTPRetryEvent) -> Void)?
    private let timing: RetryTiming

    /// Throws when an option is out of range or `caFile` cannot be read.
    public init(options: HTTPClientOptions = HTTPClientOptions(),
                onRetry: (@Sendable (HTTPRetryEvent) -> Void)? = nil,
                timing: RetryTiming = .system) throws(HTTPError)
    {
        try Self.validate(options)
        self.options = options
        self.onRetry = onRetry
        self.timing = timing
    }

    /// Checks a URL against the transport rule (https, or http to loopback) without
    /// sending anything: for validating configuration before it is used.
    public static func checkURL(_ url: String) throws(HTTPError) {
        _ = try CheckedURL(url)
    }

    /// Sends `request`, retrying connect errors, timeouts, 5xx and 429 (honouring
    /// Retry-After) with backoff and jitter, while attempts remain and the next attempt
    /// would start before `deadline`; each attempt's timeout is also cut to the time left.
    /// Returns the last response whatever its status (a 404 or an exhausted 503 is
    /// returned, not thrown); throws HTTPError when no response was received at all.
    /// A retried request may reach the server more than once: give `.none` for a
    /// request that must not be repeated.
    public func send(_ request: HTTPRequest, retry: RetryPolicy = RetryPolicy(),
                     deadline: ContinuousClock.Instant? = nil) throws(HTTPError) -> HTTPResponse
    {
        let url = try CheckedURL(request.url)
        let transfer = CurlTransfer(options: options, request: request, url: url)
        var attempt = 0
        var lastFailure: HTTPError?
        while true {
            let budget = deadline.map { $0 - timing.now() }
            if let budget, budget <= .zero {
                throw .timeBudgetExhausted(url: url.redacted, attempts: attempt, last: lastFailure)
            }
            attempt += 1
            let outcome = transfer.perform(budget: budget)
            if case let .failure(error) = outcome { lastFailure = error }
            guard let wait = retry.wait(after: outcome, attempt: attempt, now: timing.wallClock(),
                                        jitter: timing.jitter())
            else { return try outcome.get() }
            if let deadline, timing.now() + wait.delay >= deadline {
                // The next attempt would start too late: the last answer stands.
                if case let .success(response) = outcome { return response }
                throw .timeBudgetExhausted(url: url.redacted, attempts: attempt, last: lastFailure)
            }
            let event = HTTPRetryEvent(method: request.method, url: url.redacted, attempt: attempt,
                                       maxAttempts: retry.maxAttempts, cause: wait.cause,
                                       delay: wait.delay, honoursRetryAfter: wait.honoursRetryAfter)
            onRetry?(event)
            timing.sleep(wait.delay)
        }
    }

    private static func validate(_ options: HTTPClientOptions) throws(HTTPError) {
        let positive = [("connectTimeoutMilliseconds", options.connectTimeoutMilliseconds),
                        ("totalTimeoutMilliseconds", options.totalTimeoutMilliseconds),
                        ("maxResponseBytes", options.maxResponseBytes)]
        for (name, value) in positive where value <= 0 {
            throw .invalidOptions(reason: "\(name) is \(value), expected a positive number")
        }
        guard let caFile = options.caFile else { return }
        let descriptor = open(caFile, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .unreadableCAFile(path: caFile, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }
}
