import FoundationEssentials

/// The wait before the next attempt, and why it is taken.
struct RetryWait: Equatable {
    let delay: Duration
    let cause: HTTPRetryEvent.Cause
    let honoursRetryAfter: Bool
}

extension RetryPolicy {
    /// Whether attempt `attempt` (from 1) is worth repeating, and after how long; nil to
    /// stop. Pure: the wall clock and the jitter draw are arguments. Retried: connect
    /// failures, timeouts, broken connections, 5xx and 429. Not retried: other statuses
    /// (a 404 will not change), TLS and request errors, an oversized body, and a
    /// Retry-After longer than `maxBackoffMilliseconds`, which is taken as "not now".
    func wait(after outcome: Result<HTTPResponse, HTTPError>, attempt: Int, now: Date,
              jitter: Double) -> RetryWait?
    {
        guard attempt < maxAttempts else { return nil }
        switch outcome {
        case let .failure(error):
            guard error.isTransient else { return nil }
            return RetryWait(delay: backoff(beforeRetry: attempt, jitter: jitter),
                             cause: .failure(error), honoursRetryAfter: false)
        case let .success(response):
            guard response.status == 429 || (500...599).contains(response.status) else { return nil }
            guard let value = response.header("retry-after"),
                  let asked = RetryAfter.delay(value, now: now)
            else {
                return RetryWait(delay: backoff(beforeRetry: attempt, jitter: jitter),
                                 cause: .status(response.status), honoursRetryAfter: false)
            }
            guard asked <= .milliseconds(maxBackoffMilliseconds) else { return nil }
            return RetryWait(delay: asked, cause: .status(response.status), honoursRetryAfter: true)
        }
    }

    /// Between half and all of the ceiling, so that clients that failed together
    /// do not retry together.
    func backoff(beforeRetry retry: Int, jitter: Double) -> Duration {
        let milliseconds = backoffCeiling(beforeRetry: retry).milliseconds
        let spread = Double(milliseconds / 2) * min(max(jitter, 0), 1)
        return .milliseconds(milliseconds - milliseconds / 2 + Int64(spread.rounded()))
    }
}
