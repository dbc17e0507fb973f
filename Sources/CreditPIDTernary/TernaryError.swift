import CreditPIDHTTP

/// A failed spend query. Never zero spend: the daemon decides what to do without data.
/// No case holds the API key; body excerpts have it blanked out should a server echo it.
public enum TernaryError: Error, CustomStringConvertible {
    case invalidConfiguration(String)
    case invalidWindow(start: String, end: String)
    case transport(HTTPError)
    /// 401 or 403: the key expired, was revoked or belongs to another tenant.
    case keyRefused(status: Int, excerpt: BodyExcerpt)
    case failedStatus(status: Int, excerpt: BodyExcerpt)
    /// A 2xx whose body is not JSON, not `{"response": [...]}`, or has a bad row.
    case malformedReply(status: Int, problem: String, excerpt: BodyExcerpt)

    public var description: String {
        switch self {
        case let .invalidConfiguration(reason):
            "Failed to configure the Ternary client: \(reason)"
        case let .invalidWindow(start, end):
            "Failed to query Ternary spend: the window '\(start)' to '\(end)' ends before it starts"
        case let .transport(error):
            "Failed to query Ternary spend: \(error)"
        case let .keyRefused(status, excerpt):
            // A 403 can also mean a tenant the key may not read: say that before the rotation.
            "Ternary refused the API key (HTTP \(status), body \(excerpt)): "
                + (status == 403 ? "if [Ternary] TenantID is right, the key lacks access to it; " : "")
                + "replace the credential file 'ternary-api-key' with a valid key (or TERNARY_API_KEY when run "
                + "by hand), then run 'systemctl restart credit-pid' (systemd hands credentials over at start)"
        case let .failedStatus(status, excerpt):
            "Failed to query Ternary spend: HTTP \(status), body \(excerpt)"
        case let .malformedReply(status, problem, excerpt):
            "Failed to parse the Ternary spend reply (HTTP \(status)): \(problem); body \(excerpt)"
        }
    }
}
