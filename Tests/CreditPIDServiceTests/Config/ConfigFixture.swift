import Foundation

/// A throw-away configuration directory: a main file, drop-ins and credentials, all real files.
final class ConfigFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-pid-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var mainPath: String { directory.appendingPathComponent("credit-pid.conf").path }

    /// The main file; with `ternary: true`, the keys production needs are set.
    @discardableResult
    func writeMain(_ text: String, ternary: Bool = true) throws -> String {
        let required = ternary ? "[Ternary]\nTenantID=tenant-1\nProjectID=123456789012\n" : ""
        try (required + text).write(toFile: mainPath, atomically: true, encoding: .utf8)
        return mainPath
    }

    @discardableResult
    func writeDropIn(_ name: String, _ text: String) throws -> String {
        let folder = directory.appendingPathComponent("credit-pid.conf.d")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A `$CREDENTIALS_DIRECTORY` holding `files`.
    func credentials(_ files: [String: String], folder name: String = "credentials") throws -> String {
        let folder = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, value) in files {
            try value.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    func file(_ name: String, _ text: String = "") throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
