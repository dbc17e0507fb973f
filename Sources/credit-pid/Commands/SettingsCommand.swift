#if canImport(Glibc)
import Glibc
#endif
import CreditPIDDaemon
import CreditPIDSettings

/// `credit-pid settings FILE|- [--set SHARE]`: reads a runner-determinator settings comment
/// the way the daemon does, and prints its share, or the comment with a new share. It lets a
/// person check a comment (or an edit) before the daemon ever touches the real one.
enum SettingsCommand: Command {
    static let name = "settings"
    static let summary = "print the share in a settings comment, or the comment with a new share"
    static let usage = """
        usage: credit-pid settings FILE|- [--set SHARE]

        Reads a runner-determinator settings comment from FILE (or standard input for '-')
        as the runner determinator reads it, and prints experiments.lf.rollout_perc.

        options:
          --set SHARE   print the whole comment with the share set to SHARE (0-100),
                        changing only that value's bytes; nothing else is written

        exit status: 0 done, 64 bad usage, 65 the comment cannot be read or edited,
        66 FILE cannot be opened, 74 standard output cannot be written
        """

    /// GitHub refuses comments above 65,536 characters; four bytes each is the most they take.
    static let maximumInputBytes = 262_144

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: (path: String, share: Double?)
        switch parse(arguments) {
        case .success(let value): parsed = value
        case .failure(let problem):
            writeError("credit-pid settings: \(problem.message)\n\n\(usage)")
            return ExitCode.usage
        }
        let source = parsed.path == "-" ? "standard input" : parsed.path
        let bytes: [UInt8]
        switch readInput(parsed.path, source: source) {
        case .success(let value): bytes = value
        case .failure(let failure):
            writeError("credit-pid settings: \(failure.message)")
            return failure.status
        }
        do {
            let comment = try SettingsComment(bytes: bytes, source: source)
            guard let share = parsed.share else {
                let text = PlainDecimal.text(for: comment.share) ?? comment.shareText
                return writeOut(Array(text.utf8) + [UInt8(ascii: "\n")])
            }
            return writeOut(try comment.settingShare(share).bytes)
        } catch {
            writeError("credit-pid settings: \(error)")
            return ExitCode.dataError
        }
    }

    private struct UsageError: Error {
        var message: String
    }

    private static func parse(_ arguments: [String]) -> Result<(path: String, share: Double?), UsageError> {
        var path: String?
        var shareText: String?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--set" {
                guard let value = rest.popFirst() else {
                    return .failure(UsageError(message: "'--set' needs a share"))
                }
                shareText = value
            } else if argument.hasPrefix("--set=") {
                shareText = String(argument.dropFirst("--set=".count))
            } else if argument.hasPrefix("-") && argument != "-" {
                return .failure(UsageError(message: "unknown option '\(argument)'"))
            } else if path == nil {
                path = argument
            } else {
                return .failure(UsageError(message: "more than one input given ('\(path!)', '\(argument)')"))
            }
        }
        guard let path else { return .failure(UsageError(message: "no input given (a FILE, or '-')")) }
        guard let shareText else { return .success((path, nil)) }
        guard let share = parseShare(shareText) else {
            let message = "Failed to parse share '\(shareText)': not a decimal number within 0...100"
            return .failure(UsageError(message: message))
        }
        return .success((path, share))
    }

    /// Decimal digits only: Swift's Double() would also take hex, "inf" and "nan".
    private static func parseShare(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789.eE+-".contains($0) }),
              let value = Double(text), value.isFinite, (0...100).contains(value)
        else { return nil }
        return value
    }

    private struct InputFailure: Error {
        var message: String
        var status: Int32
    }

    private static func readInput(_ path: String, source: String) -> Result<[UInt8], InputFailure> {
        let bytes: [UInt8]
        do {
            bytes = path == "-" ? try PosixFile.read(descriptor: 0, name: source, stoppingAfter: maximumInputBytes)
                                : try PosixFile.read(path, stoppingAfter: maximumInputBytes)
        } catch {
            return .failure(InputFailure(message: "\(error)", status: ExitCode.noInput))
        }
        guard bytes.count <= maximumInputBytes else {
            let message = "Failed to read '\(source)': larger than \(maximumInputBytes) bytes, which no GitHub comment is"
            return .failure(InputFailure(message: message, status: ExitCode.dataError))
        }
        return .success(bytes)
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }

    /// Writes the bytes exactly, with write(2): no added newline, no buffering to flush.
    private static func writeOut(_ bytes: [UInt8]) -> Int32 {
        var rest = bytes[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                writeError("credit-pid settings: Failed to write to standard output: \(errorText())")
                return ExitCode.ioError
            }
            rest = rest.dropFirst(written)
        }
        return ExitCode.ok
    }
}
