/// A credential (API key, token) that never prints: `description`, `debugDescription`
/// and reflection (`dump`, string interpolation of an enclosing struct) all show
/// "(redacted)". Only `reveal()` gives the value, at the one place that sends it.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    public func reveal() -> String { value }

    public var isEmpty: Bool { value.isEmpty }

    /// Non-empty and only visible ASCII (no space, control character or line break): the
    /// rule for a credential sent in a header, where a line break would forge another one.
    public var isVisibleASCII: Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
    }

    /// `text` with every occurrence of the value replaced by "(redacted)", for text a server
    /// may have echoed it into. A value under 4 characters is left in: no real credential is
    /// that short, and blanking one would garble the rest of the text.
    public func redact(_ text: String) -> String {
        value.count >= 4 ? text.replacing(value, with: "(redacted)") : text
    }

    public var description: String { "(redacted)" }
    public var debugDescription: String { "(redacted)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
