import FoundationEssentials

/// The wait a Retry-After header asks for: delay-seconds or an HTTP-date.
enum RetryAfter {
    /// nil when the value is neither form: the client's own backoff applies then.
    /// A date in the past asks for no wait.
    static func delay(_ value: String, now: Date) -> Duration? {
        let text = String(value.drop { $0 == " " || $0 == "\t" }.reversed()
            .drop { $0 == " " || $0 == "\t" }.reversed())
        if !text.isEmpty, text.count <= 10, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
           let seconds = Int64(text)
        {
            return .seconds(seconds)
        }
        guard let date = HTTPDate.parse(text) else { return nil }
        let milliseconds = max(0, (date.timeIntervalSince(now) * 1000).rounded(.up))
        return .milliseconds(Int64(milliseconds))
    }
}
