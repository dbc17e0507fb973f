/// A credential held in memory. Its description shows only that it is set and how long it is,
/// so that printing a configuration, an error or a log line cannot leak it by accident; code
/// that must send it asks for `revealed` by name.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let revealed: String

    public init(_ value: String) {
        revealed = value
    }

    public var description: String {
        "<set, \(revealed.utf8.count) bytes>"
    }

    public var debugDescription: String {
        description
    }
}
