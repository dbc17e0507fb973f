import CreditPIDHTTP
import FoundationEssentials

/// A time before which no request goes to GitHub, because GitHub said so: the quota is used
/// up (`X-RateLimit-Remaining: 0` until `X-RateLimit-Reset`), or a 403/429 asked for a wait
/// (`Retry-After`, or a secondary rate limit, for which GitHub asks for at least a minute).
/// Requests sent anyway would be refused and count against the token.
struct RateLimitPause: Sendable, Equatable {
    var until: Date
    var reason: String

    /// GitHub's advice for a secondary limit that names no wait.
    static let defaultWait: TimeInterval = 60

    /// The pause `response` asks for, if any; `message` is the `GitHubMessage` of its body.
    /// A success can ask for one too: it may have used the last request of the quota, and the
    /// next request would be refused. Header values arrive trimmed from the HTTP client.
    static func asked(by response: HTTPResponse, message: String?, now: Date) -> RateLimitPause? {
        if response.header("x-ratelimit-remaining") == "0" {
            let reset = response.header("x-ratelimit-reset").flatMap(Double.init)
                .map(Date.init(timeIntervalSince1970:))
            // A reset already past means the clocks disagree: wait the default instead.
            let until = reset.flatMap { $0 > now ? $0 : nil } ?? now.addingTimeInterval(defaultWait)
            return RateLimitPause(until: until, reason: "no requests left in the quota, X-RateLimit-Remaining: 0")
        }
        guard response.status == 403 || response.status == 429 else { return nil }
        // GitHub sends Retry-After in seconds; an HTTP-date falls back to the default wait.
        if let value = response.header("retry-after"), !value.isEmpty {
            let seconds = Int(value).map { TimeInterval(max($0, 0)) } ?? defaultWait
            return RateLimitPause(until: now.addingTimeInterval(seconds), reason: "Retry-After: \(value)")
        }
        if response.status == 429 || message?.lowercased().contains("rate limit") == true {
            return RateLimitPause(until: now.addingTimeInterval(defaultWait), reason: "a secondary rate limit")
        }
        return nil
    }
}
