import CreditPIDDaemon

/// `credit-pid check`: reads the configuration as the daemon would and prints what is in
/// force, or every error, like `nginx -t`, so a change can be tried before a reload.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "validate the configuration and print it with defaults"
    static let usage = """
        usage: credit-pid check [--config PATH]

        Reads PATH (default \(ConfigurationLoader.defaultPath)), its drop-ins PATH.d/*.conf
        and the credentials, and prints the effective configuration, secrets masked.
        Exits 0 when the configuration is valid, 78 (EX_CONFIG) with the errors otherwise.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let path: String
        do {
            path = try ArgumentList.configPath(arguments, default: ConfigurationLoader.defaultPath)
        } catch {
            writeError("credit-pid check: \(error)\n\n\(usage)")
            return ExitCode.usage
        }
        let loader = ConfigurationLoader(path: path, environment: ProcessEnvironment.current())
        do {
            let loaded = try loader.load()
            for warning in loaded.warnings { writeError("warning: \(warning)") }
            do {
                try ControlCycle.validate(loaded.configuration)
            } catch {
                writeError("error: \(path): \(error)")
                return ExitCode.config
            }
            print(loaded.configuration.effectiveText, terminator: "")
            return ExitCode.ok
        } catch {
            for warning in error.warnings { writeError("warning: \(warning)") }
            for diagnostic in error.diagnostics { writeError("error: \(diagnostic)") }
            return ExitCode.config
        }
    }
}
