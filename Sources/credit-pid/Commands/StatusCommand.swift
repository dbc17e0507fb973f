// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum StatusCommand: Command {
    static let name = "status"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid status"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid status: not available in this build")
        return ExitCode.software
    }
}
