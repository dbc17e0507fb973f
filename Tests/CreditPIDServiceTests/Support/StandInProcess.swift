import Foundation

/// A Python stand-in server (Tests/StandIns/*.py) running on 127.0.0.1 for the length
/// of a test. The script binds port 0 and prints `PORT <n>` once it accepts connections;
/// the start returns only after that line, so a test never races the server's start.
/// Its stderr (the request log) goes to a file, shown when the stand-in fails to start.
final class StandInProcess: @unchecked Sendable {
    /// The port the stand-in listens on.
    let port: Int
    private let process: Process
    private let stdout: Pipe   // kept open: a closed pipe would kill a stand-in that prints
    private let logURL: URL

    /// `http://127.0.0.1:PORT`: where the stand-in answers. One started with a TLS option
    /// answers https instead, under the name in its certificate; its tests build that URL.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts `Tests/StandIns/<script>` with `arguments` and waits for its `PORT` line.
    init(script: String, arguments: [String] = []) throws {
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("standin-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let stdout = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", Self.scriptPath(script)] + arguments
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.stdout = stdout
        self.logURL = log
        do {
            port = try Self.readPort(from: stdout.fileHandleForReading)
        } catch {
            process.terminate()
            process.waitUntilExit()
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw StandInError(message: "stand-in '\(script)' did not start: \(error)\n\(text)")
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: logURL)
    }

    /// Stops the stand-in and waits for it to exit. Safe to call twice. SIGKILL, not
    /// SIGTERM: a child inherits the signal mask of the thread that spawned it, and a
    /// test process may have SIGTERM blocked (to receive it from a signal source), which
    /// would leave the stand-in running and this call waiting forever.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// The absolute path of a file in Tests/StandIns, found from this source file's path
    /// so that tests need no bundle resources.
    static func scriptPath(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file)
            .deletingLastPathComponent()   // Support
            .deletingLastPathComponent()   // CreditPIDServiceTests
            .deletingLastPathComponent()   // Tests
            .appendingPathComponent("StandIns")
            .appendingPathComponent(name).path
    }

    /// Reads stdout byte by byte up to the first newline (the stand-in prints nothing
    /// before `PORT <n>`), giving up after `timeoutMilliseconds` so a wedged script fails
    /// the test instead of hanging it.
    private static func readPort(from handle: FileHandle, timeoutMilliseconds: Int32 = 10_000)
        throws -> Int
    {
        var line = [UInt8]()
        while true {
            var ready = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, timeoutMilliseconds) == 1 else {
                throw StandInError(message: "no PORT line within \(timeoutMilliseconds) ms")
            }
            guard let byte = try handle.read(upToCount: 1), let first = byte.first else {
                throw StandInError(message: "stdout closed before a PORT line")
            }
            if first == UInt8(ascii: "\n") { break }
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)), port > 0 else {
            throw StandInError(message: "expected 'PORT <n>', got '\(text)'")
        }
        return port
    }
}

struct StandInError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
