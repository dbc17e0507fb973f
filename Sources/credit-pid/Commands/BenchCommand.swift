// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid bench"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid bench: not available in this build")
        return ExitCode.software
    }
}
