import CreditPIDCore
import FoundationEssentials

/// Reads a scenario file, telling "cannot open it" (EX_NOINPUT) from "cannot use what is in
/// it" (EX_DATAERR).
enum ScenarioFile {
    struct OpenError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "Failed to open '\(path)': \(reason)" }
    }

    static func load(_ path: String) throws -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw OpenError(path: path, reason: "cannot be read")
        }
        return try Scenario(json: Array(data), source: path)
    }
}
