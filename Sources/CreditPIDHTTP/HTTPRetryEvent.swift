/// A failed attempt that will be retried: for the daemon's warnings. Sent before the
/// client sleeps, so a log line shows the wait as it begins.
public struct HTTPRetryEvent: Sendable, CustomStringConvertible {
    public enum Cause: Sendable, Equatable {
        case status(Int)
        case failure(HTTPError)
    }

    public var method: String
    /// Redacted: no query string.
    public var url: String
    /// The attempt that failed, from 1.
    public var attempt: Int
    public var maxAttempts: Int
    public var cause: Cause
    public var delay: Duration
    /// The delay is the server's Retry-After rather than the client's backoff.
    public var honoursRetryAfter: Bool

    public var description: String {
        let why = switch cause {
        case let .status(status): "HTTP \(status)"
        case let .failure(error): "\(error)"
        }
        let source = honoursRetryAfter ? " as Retry-After asks" : ""
        return "\(method) '\(url)' attempt \(attempt) of \(maxAttempts) failed (\(why)), "
            + "retrying in \(Self.seconds(delay)) s\(source)"
    }

    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.milliseconds
        let whole = milliseconds / 1000, fraction = milliseconds % 1000
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(fraction + 1000).dropFirst()
        while digits.last == "0" { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
