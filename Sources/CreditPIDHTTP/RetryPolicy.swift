/// How often and how patiently a request is retried. The delay before retry n (n = 1, 2, …)
/// is drawn from [b/2, b] with b = min(initial · 2^(n-1), max), unless the server's
/// Retry-After asks for a given delay.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included; 1 means no retry.
    public var maxAttempts: Int
    public var initialBackoffMilliseconds: Int
    /// The cap on one backoff delay. A Retry-After longer than this is not waited for:
    /// the response that asked for it is returned instead.
    public var maxBackoffMilliseconds: Int

    public init(maxAttempts: Int = 4, initialBackoffMilliseconds: Int = 500,
                maxBackoffMilliseconds: Int = 30_000)
    {
        self.maxAttempts = maxAttempts
        self.initialBackoffMilliseconds = initialBackoffMilliseconds
        self.maxBackoffMilliseconds = maxBackoffMilliseconds
    }

    /// One attempt, no retry: for requests that must not be repeated (a POST that creates).
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The backoff cap before retry `retry` (1-based), before jitter.
    func backoffCeiling(beforeRetry retry: Int) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let base = min(Int64(initialBackoffMilliseconds) << doublings, Int64(maxBackoffMilliseconds))
        return .milliseconds(max(base, 0))
    }
}
