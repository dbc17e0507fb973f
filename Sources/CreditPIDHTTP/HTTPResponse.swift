/// A response as received, whatever its status.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased; a header sent more than once holds its values joined by ", ".
    public var headers: [String: String]
    public var body: [UInt8]

    /// `headers` as the property above describes them; the transfer that collected them
    /// already lower-cased the names and joined repeated headers.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body as UTF-8, with invalid bytes replaced by U+FFFD.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }
}
