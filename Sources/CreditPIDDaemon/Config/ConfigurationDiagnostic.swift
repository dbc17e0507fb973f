/// One finding about a configuration file, located as compilers do (`FILE:LINE: message`)
/// so that an editor or a reader jumps straight to it.
public struct ConfigurationDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// Nil when the finding is about the configuration as a whole (a missing required key).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
