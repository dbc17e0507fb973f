import CreditPIDCore

/// How every request of one `HTTPClient` is sent.
public struct HTTPClientOptions: Sendable {
    /// "credit-pid/VERSION".
    public static let defaultUserAgent = "credit-pid/\(CreditPIDVersion.string)"

    /// Time allowed to open the TCP connection and finish the TLS handshake.
    public var connectTimeoutMilliseconds: Int
    /// Time allowed for one attempt, from start to the body's last byte.
    public var totalTimeoutMilliseconds: Int
    /// A larger response body aborts the transfer.
    public var maxResponseBytes: Int
    /// A PEM bundle of extra CAs to trust besides the system's (private CAs, tests).
    public var caFile: String?
    public var userAgent: String

    public init(connectTimeoutMilliseconds: Int = 5_000, totalTimeoutMilliseconds: Int = 20_000,
                maxResponseBytes: Int = 1 << 20, caFile: String? = nil,
                userAgent: String = HTTPClientOptions.defaultUserAgent)
    {
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.totalTimeoutMilliseconds = totalTimeoutMilliseconds
        self.maxResponseBytes = maxResponseBytes
        self.caFile = caFile
        self.userAgent = userAgent
    }
}
