import CreditPIDCore

/// Reads a scenario file for `serve`, `check`, the demo, `simulate` and `bench` alike.
public enum ScenarioFile {
    /// The file could not be read at all (as against read but not a usable scenario, which
    /// throws the scenario's own error): the commands tell the two apart in their exit status.
    public struct Unreadable: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "Failed to read scenario '\(path)': \(reason)" }
    }

    /// The file's bytes, for a caller that keeps a copy of them.
    public static func bytes(_ path: String) throws(Unreadable) -> [UInt8] {
        do {
            return try PosixFile.read(path)
        } catch {
            throw Unreadable(path: path, reason: error.reason)
        }
    }

    public static func load(_ path: String) throws -> Scenario {
        try Scenario(json: try bytes(path), source: path)
    }
}
