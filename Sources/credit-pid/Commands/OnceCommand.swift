import CreditPIDDaemon

/// `credit-pid once`: one cycle of the daemon's own code path, then exit; for cron users and
/// for trying a configuration.
enum OnceCommand: Command {
    static let name = "once"
    static let summary = "run one control cycle and exit"
    static let usage = """
    usage: credit-pid once [--config PATH]

    Runs exactly the cycle the daemon runs (read the spend, decide, apply, save the state)
    once, prints its status line and exits: 0 when the cycle decided, 75 (EX_TEMPFAIL) when
    the spend could not be read or the share not applied, 78 for a bad configuration.
    """

    static func run(_ arguments: [String]) -> Int32 {
        let path: String
        do {
            path = try ArgumentList.configPath(arguments, default: ConfigurationLoader.defaultPath)
        } catch {
            writeError("credit-pid once: \(error)\n\n\(usage)")
            return ExitCode.usage
        }
        do {
            let setup = try ServiceSetup.make(configPath: path)
            let report = setup.makeLoop().runOnce()
            print(report.status)
            return setup.cycle.savedState.lastProblem == nil ? ExitCode.ok : ExitCode.tempFail
        } catch {
            return error.status
        }
    }
}
