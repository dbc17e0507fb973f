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

    public var description: String { "(redacted)" }
    public var debugDescription: String { "(redacted)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
