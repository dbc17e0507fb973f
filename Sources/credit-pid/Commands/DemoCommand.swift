// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid demo"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid demo: not available in this build")
        return ExitCode.software
    }
}
