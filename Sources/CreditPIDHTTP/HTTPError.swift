/// Why no usable response was received. Every URL held here is already redacted (no
/// query string, no user information), and no case holds a header value or a body, so
/// a description is safe to log.
public indirect enum HTTPError: Error, CustomStringConvertible, Equatable {
    case invalidURL(url: String, reason: String)
    /// Plain `http://` to a host that is not a loopback address.
    case insecureURL(url: String)
    case invalidRequest(url: String, reason: String)
    case connectFailed(url: String, detail: String)
    case timedOut(url: String, phase: TimeoutPhase, milliseconds: Int)
    case responseTooLarge(url: String, limit: Int)
    case tlsFailed(url: String, detail: String)
    /// A 3xx with a Location: redirects are never followed.
    case redirectRefused(url: String, status: Int, location: String)
    /// The connection broke after it was made: reset, closed without a reply, cut short.
    case connectionLost(url: String, detail: String)
    case transportFailed(url: String, code: Int, detail: String)
    /// The caller's deadline came before a response did; `last` is the last attempt's failure.
    case timeBudgetExhausted(url: String, attempts: Int, last: HTTPError?)
    case unreadableCAFile(path: String, reason: String)
    case invalidOptions(reason: String)

    public enum TimeoutPhase: String, Sendable {
        case connect = "connecting to"
        case response = "waiting for a response from"
    }

    public var description: String {
        switch self {
        case let .invalidURL(url, reason):
            "Failed to parse URL '\(url)': \(reason)"
        case let .insecureURL(url):
            "Refusing plain http:// to '\(url)': only loopback addresses (127.0.0.0/8, ::1, "
                + "localhost) may be reached without TLS"
        case let .invalidRequest(url, reason):
            "Failed to prepare the request to '\(url)': \(reason)"
        case let .connectFailed(url, detail):
            "Failed to connect to '\(url)': \(detail)"
        case let .timedOut(url, phase, milliseconds):
            "Timed out \(phase.rawValue) '\(url)' after \(milliseconds) ms"
        case let .responseTooLarge(url, limit):
            "Failed to read the response from '\(url)': it exceeds the limit of \(limit) bytes, "
                + "transfer aborted"
        case let .tlsFailed(url, detail):
            "Failed to establish TLS with '\(url)': \(detail)"
        case let .redirectRefused(url, status, location):
            "Refusing the redirect (HTTP \(status)) from '\(url)' to '\(location)': "
                + "redirects are not followed"
        case let .connectionLost(url, detail):
            "Lost the connection to '\(url)': \(detail)"
        case let .transportFailed(url, code, detail):
            "Failed to exchange with '\(url)': \(detail) (curl error \(code))"
        case let .timeBudgetExhausted(url, attempts, last):
            "Gave up on '\(url)' after \(attempts) attempt\(attempts == 1 ? "" : "s"): the time "
                + "budget is exhausted" + (last.map { "; last failure: \($0)" } ?? "")
        case let .unreadableCAFile(path, reason):
            "Failed to read CA file '\(path)': \(reason)"
        case let .invalidOptions(reason):
            "Invalid HTTP client options: \(reason)"
        }
    }

    /// Failures a later attempt may not meet: the network or the server was unwell.
    var isTransient: Bool {
        switch self {
        case .connectFailed, .timedOut, .connectionLost: true
        default: false
        }
    }
}
