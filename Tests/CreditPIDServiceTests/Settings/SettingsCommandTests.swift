import Foundation
import Testing

/// `credit-pid settings`, run as a process: byte-exact output and sysexits statuses.
@Suite("settings command")
struct SettingsCommandTests {
    struct Outcome {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    /// The credit-pid binary that `swift test` built beside this test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("credit-pid")
    }

    static func run(_ arguments: [String], stdin: [UInt8] = []) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["settings"] + arguments
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(stdin))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: Array(out),
                       stderr: String(decoding: err, as: UTF8.self))
    }

    @Test("prints the share of a file")
    func printsShare() throws {
        let outcome = try Self.run([SettingsFixtures.path("float-and-comments.md")])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == Array("12.5\n".utf8))
    }

    @Test("--set writes the edited comment byte for byte, without an added newline")
    func setsShare() throws {
        let original = try SettingsFixtures.bytes("crlf.md")
        let outcome = try Self.run(["-", "--set", "33.3"], stdin: original)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let range = try #require(original.firstRange(of: Array("80".utf8)))
        #expect(differsOnlyIn(range, original: original, edited: outcome.stdout, text: "33.3"))
    }

    @Test("a comment it cannot read exits 65 and names the input")
    func unreadable() throws {
        let path = SettingsFixtures.path("no-lf.md")
        let outcome = try Self.run([path])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("Failed to read the settings in '\(path)': no 'lf' in 'experiments'"))
        let fromStdin = try Self.run(["-"], stdin: Array("no dashes here".utf8))
        #expect(fromStdin.status == 65)
        #expect(fromStdin.stderr.contains("'standard input'"))
    }

    @Test("a missing file exits 66")
    func missingFile() throws {
        let outcome = try Self.run(["/nonexistent/settings.md"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("Failed to open '/nonexistent/settings.md': No such file or directory"))
    }

    @Test("bad usage exits 64", arguments: [
        [], ["a.md", "b.md"], ["--set"], ["a.md", "--set", "101"], ["a.md", "--set", "nan"], ["a.md", "--bogus"],
    ])
    func badUsage(arguments: [String]) throws {
        let outcome = try Self.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("usage: credit-pid settings"))
    }
}
