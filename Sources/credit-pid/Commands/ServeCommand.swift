// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum ServeCommand: Command {
    static let name = "serve"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid serve"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid serve: not available in this build")
        return ExitCode.software
    }
}
