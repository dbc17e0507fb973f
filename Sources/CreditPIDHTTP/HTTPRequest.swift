/// One HTTP request, as the caller means it. On the wire it also carries Host, User-Agent,
/// Content-Length with a body, and libcurl's `Accept: */*` (unless the caller gives an
/// Accept) and Accept-Encoding; libcurl's form Content-Type and `Expect: 100-continue` are
/// left out.
public struct HTTPRequest: Sendable {
    /// "GET", "POST", "PATCH", …: an upper-case token.
    public var method: String
    /// An absolute `https://` URL, or `http://` to a loopback address.
    public var url: String
    /// Extra request headers. Values may hold credentials: they never appear in errors.
    public var headers: [String: String]
    /// The request body; empty for none.
    public var body: [UInt8]

    public init(method: String, url: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
