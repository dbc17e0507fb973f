import CCurl
import Glibc

/// A request URL that libcurl parses and that passes the transport rule: `https://`,
/// or `http://` to a loopback address only, so a credential never crosses a network in
/// the clear. Checked before any connection is opened.
struct CheckedURL: Sendable {
    let text: String
    /// For messages: no query string (it may carry secrets), no user information.
    let redacted: String
    let scheme: String

    init(_ text: String) throws(HTTPError) {
        let redacted = Self.redact(text)
        guard let handle = curl_url() else {
            throw .invalidURL(url: redacted, reason: "libcurl could not allocate a URL handle")
        }
        defer { curl_url_cleanup(handle) }
        let code = curl_url_set(handle, CURLUPART_URL, text, 0)
        guard code == CURLUE_OK else {
            throw .invalidURL(url: redacted, reason: String(cString: curl_url_strerror(code)))
        }
        let scheme = Self.part(CURLUPART_SCHEME, of: handle)?.lowercased() ?? ""
        let host = Self.part(CURLUPART_HOST, of: handle) ?? ""
        guard scheme == "https" || scheme == "http" else {
            throw .invalidURL(url: redacted, reason: "the scheme '\(scheme)' is not https or http")
        }
        guard !host.isEmpty else { throw .invalidURL(url: redacted, reason: "no host") }
        guard scheme == "https" || Self.isLoopback(host) else { throw .insecureURL(url: redacted) }
        self.text = text
        self.redacted = redacted
        self.scheme = scheme
    }

    /// 127.0.0.0/8, ::1 and the name localhost. Other names are refused even if they
    /// resolve to a loopback address: the answer would come from DNS, which can change.
    static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" { return true }
        if name.hasPrefix("[") && name.hasSuffix("]") {
            var address = in6_addr()
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &address) == 1
                && withUnsafeBytes(of: &address) { $0.elementsEqual([UInt8](repeating: 0, count: 15) + [1]) }
        }
        var address = in_addr()
        return inet_pton(AF_INET, name, &address) == 1
            && withUnsafeBytes(of: &address) { $0.first == 127 }
    }

    /// Cuts the query and fragment and removes `user:password@`. Works on text that is
    /// not a valid URL too, so even a parse error never echoes a secret.
    static func redact(_ text: String) -> String {
        let queryStart = text.firstIndex { $0 == "?" || $0 == "#" } ?? text.endIndex
        var kept = text[..<queryStart]
        if let schemeEnd = kept.firstRange(of: "://") {
            let authority = kept[schemeEnd.upperBound...].prefix { $0 != "/" }
            if let at = authority.lastIndex(of: "@") {
                kept = kept[..<schemeEnd.upperBound] + kept[kept.index(after: at)...]
            }
        }
        let cut = queryStart < text.endIndex && text[queryStart] == "?" ? "?…" : ""
        return String(kept) + cut
    }

    private static func part(_ part: CURLUPart, of handle: OpaquePointer) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
