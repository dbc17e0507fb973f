import CreditPIDDaemon

/// `credit-pid serve`: the daemon, as systemd's ExecStart= runs it.
enum ServeCommand: Command {
    static let name = "serve"
    static let summary = "run the daemon (what the systemd unit starts)"
    static let usage = """
    usage: credit-pid serve [--config PATH]

    Runs a control cycle at start and then every UpdateIntervalSec: read the spend, decide
    the share, apply it, save the state. Under systemd it reports READY=1, STATUS= and
    watchdog pings, reloads its configuration on SIGHUP (systemctl reload) and stops cleanly
    on SIGTERM. Run by hand it logs plain lines to stderr.

      --config PATH   the configuration (default \(ConfigurationLoader.defaultPath));
                      its drop-ins are PATH.d/*.conf
    """

    static func run(_ arguments: [String]) -> Int32 {
        let path: String
        do {
            path = try ArgumentList.configPath(arguments, default: ConfigurationLoader.defaultPath)
        } catch {
            writeError("credit-pid serve: \(error)\n\n\(usage)")
            return ExitCode.usage
        }
        do {
            return try ServiceSetup.make(configPath: path).makeLoop().run()
        } catch {
            return error.status
        }
    }
}
