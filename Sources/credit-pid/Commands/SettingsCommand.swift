// Not written yet: the command answers with EX_SOFTWARE until its module exists.
enum SettingsCommand: Command {
    static let name = "settings"
    static let summary = "(not available yet)"
    static let usage = "usage: credit-pid settings"
    static func run(_ arguments: [String]) -> Int32 {
        writeError("credit-pid settings: not available in this build")
        return ExitCode.software
    }
}
