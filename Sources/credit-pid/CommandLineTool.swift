import CreditPIDCore

/// A subcommand of `credit-pid`: a name, one line for `credit-pid --help`, its own
/// usage text, and a body that returns the process's exit status.
protocol Command: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static var usage: String { get }
    static func run(_ arguments: [String]) -> Int32
}

enum CommandLineTool {
    static let commands: [any Command.Type] = [
        ServeCommand.self,
        OnceCommand.self,
        CheckCommand.self,
        StatusCommand.self,
        SettingsCommand.self,
        SimulateCommand.self,
        BenchCommand.self,
        DemoCommand.self,
    ]

    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            writeError(overview)
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h", "help":
            print(overview)
            return ExitCode.ok
        case "--version", "-V":
            print("credit-pid \(CreditPIDVersion.string)")
            return ExitCode.ok
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            writeError("credit-pid: unknown command '\(first)'\n\n\(overview)")
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            print(command.usage)
            return ExitCode.ok
        }
        if rest.contains("--version") {
            print("credit-pid \(CreditPIDVersion.string)")
            return ExitCode.ok
        }
        return command.run(rest)
    }

    static var overview: String {
        var text = """
        usage: credit-pid COMMAND [OPTIONS]

        Keeps the share of CI jobs routed to a credit-funded account on a trajectory
        that uses the month's credits and never more.

        commands:

        """
        for command in commands {
            let padded = command.name + String(repeating: " ", count: max(1, 10 - command.name.count))
            text += "  \(padded)\(command.summary)\n"
        }
        text += "\nRun 'credit-pid COMMAND --help' for a command's options."
        return text
    }
}
