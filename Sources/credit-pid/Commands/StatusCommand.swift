import CreditPIDCore
import CreditPIDDaemon
import FoundationEssentials

/// `credit-pid status`: where the month stands, from the daemon's saved state. It reads the
/// state file only; it never queries Ternary or GitHub.
enum StatusCommand: Command {
    static let name = "status"
    static let summary = "print where the month stands, from the saved state"
    static let usage = """
    usage: credit-pid status [--config PATH | --state-dir DIR] [--json]

    Reads the state the daemon saved after its last cycle and prints the share, the spend
    against the credits and the line, the reserve, the hours left and whether the month is
    on track. --json prints the same as one JSON object.
    """

    static func run(_ arguments: [String]) -> Int32 {
        var list = ArgumentList(arguments)
        let json: Bool
        let directory: String
        do {
            json = list.flag("--json")
            let stateDirectory = try list.value("--state-dir")
            let path = try list.value("--config") ?? ConfigurationLoader.defaultPath
            if let extra = try list.positional().first {
                throw ArgumentList.UsageError(description: "unexpected argument '\(extra)'")
            }
            if let stateDirectory {
                directory = stateDirectory
            } else {
                do {
                    directory = try ConfigurationLoader(path: path, environment: ProcessEnvironment.current())
                        .load(requiringCredentials: false).configuration.state.directory
                } catch {
                    for diagnostic in error.diagnostics { writeError("error: \(diagnostic)") }
                    writeError("credit-pid status: cannot find the state directory; give it with --state-dir")
                    return ExitCode.config
                }
            }
        } catch {
            writeError("credit-pid status: \(error)\n\n\(usage)")
            return ExitCode.usage
        }

        let store = StateStore<DaemonState>(directory: directory)
        let state: DaemonState
        do {
            switch try store.peek() {
            case .restored(let restored):
                state = restored
            case .fresh, .movedAside:
                writeError("credit-pid status: no state in '\(directory)' yet (the daemon has not run a cycle there)")
                return ExitCode.noInput
            }
        } catch let error as StateStore<DaemonState>.Unusable {
            writeError("credit-pid status: '\(store.path)' is not a state file this version can read: \(error)")
            return ExitCode.dataError
        } catch {
            writeError("credit-pid status: Failed to read '\(store.path)': \(error)")
            return ExitCode.ioError
        }
        print(json ? StatusReport.json(state) : StatusReport.text(state), terminator: "")
        return ExitCode.ok
    }
}
