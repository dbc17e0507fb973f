// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum SimulateCommand: Command {
    static let name = "simulate"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid simulate"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid simulate: not available in this build")
        return ExitCode.software
    }
}
