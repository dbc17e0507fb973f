import CreditPIDHTTP

/// The start of a response body, fit for one log line: runs of whitespace and control
/// characters become one space, the API key (should a server echo it) is blanked out
/// before the cut, and what was cut is counted.
public struct BodyExcerpt: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    /// Bytes of the body not shown.
    public let cutBytes: Int

    public static let maxCharacters = 200

    init(_ body: [UInt8], hiding secret: Secret) {
        let whole = secret.redact(String(decoding: body, as: UTF8.self))
        var shown = "", lastWasSpace = true   // true: leading whitespace is dropped
        var rest = Substring(whole)
        while let character = rest.first, shown.count < Self.maxCharacters {
            rest = rest.dropFirst()
            let isSpace = character.isWhitespace
                || character.unicodeScalars.allSatisfy { $0.value < 0x20 || $0.value == 0x7F }
            if isSpace && lastWasSpace { continue }
            shown.append(isSpace ? " " : character)
            lastWasSpace = isSpace
        }
        text = shown.hasSuffix(" ") && rest.isEmpty ? String(shown.dropLast()) : shown
        cutBytes = rest.utf8.count
    }

    public var description: String {
        if text.isEmpty && cutBytes == 0 { return "(empty)" }
        return "'\(text)'" + (cutBytes > 0 ? " (\(cutBytes) more bytes cut)" : "")
    }
}
