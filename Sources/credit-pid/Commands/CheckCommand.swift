// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid check"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid check: not available in this build")
        return ExitCode.software
    }
}
