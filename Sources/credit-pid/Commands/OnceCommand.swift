// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum OnceCommand: Command {
    static let name = "once"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid once"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid once: not available in this build")
        return ExitCode.software
    }
}
