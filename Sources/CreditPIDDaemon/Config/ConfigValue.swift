import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Parsing and printing of the value kinds configuration keys take. A parser throws the
/// allowed form ("expected …"); the loader adds file, line, key and value around it.
enum ConfigValue {
    struct Invalid: Error {
        var expected: String
        init(_ expected: String) { self.expected = expected }
    }

    static func bool(_ text: String) throws(Invalid) -> Bool {
        switch text.lowercased() {
        case "yes", "true", "on", "1": return true
        case "no", "false", "off", "0": return false
        default: throw Invalid("expected a boolean: yes, no, true, false, on, off, 1 or 0")
        }
    }

    static func number(_ text: String, in range: ClosedRange<Double>, _ expected: String) throws(Invalid) -> Double {
        guard let value = Double(text), value.isFinite, range.contains(value) else { throw Invalid(expected) }
        return value
    }

    static func integer(_ text: String, in range: ClosedRange<Int>) throws(Invalid) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw Invalid("expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, of _: T.Type) throws(Invalid) -> T
    where T.RawValue == String {
        if let value = T(rawValue: text.lowercased()) { return value }
        throw Invalid("expected one of: " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }

    /// An http or https URL with a host; a trailing slash is dropped so paths join cleanly.
    static func url(_ text: String) throws(Invalid) -> URL {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
        else {
            throw Invalid("expected an http:// or https:// URL with a host")
        }
        return url
    }

    static func absolutePath(_ text: String) throws(Invalid) -> String {
        guard text.hasPrefix("/") else { throw Invalid("expected an absolute path") }
        return text
    }

    /// An absolute path to a file this process can read now, so that a typo is found by
    /// `check` and at reload rather than at the first request.
    static func readableFile(_ text: String) throws(Invalid) -> String {
        let path = try absolutePath(text)
        guard access(path, R_OK) == 0 else {
            throw Invalid("cannot read the file: \(String(cString: strerror(errno)))")
        }
        return path
    }

    /// A word without blanks: an id, a tenant, a repository.
    static func word(_ text: String) throws(Invalid) -> String {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { throw Invalid("expected a value without spaces") }
        return text
    }

    static func repository(_ text: String) throws(Invalid) -> String {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }), (try? word(text)) != nil else {
            throw Invalid("expected OWNER/NAME")
        }
        return text
    }

    /// A positive time span, systemd style: `3600` (seconds), `1h`, `30min`, `1h 30min`, `500ms`.
    static func timeSpan(_ text: String) throws(Invalid) -> TimeInterval {
        let invalid = Invalid("expected a positive time span such as 3600, 90s, 30min, 1h or 1d")
        guard let seconds = TimeSpan.seconds(in: text), seconds > 0 else { throw invalid }
        return seconds
    }

    /// A number as a person writes it: no `.0` on whole numbers.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
