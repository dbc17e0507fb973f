import CreditPIDCore
import CreditPIDDaemon
#if canImport(Glibc)
import Glibc
#endif

/// The demo's working directory: the scenario, a configuration that points at it, and room
/// for the state, the share file and the plot.
enum DemoFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func prepare(options: DemoCommand.Options, scenario: Scenario, scenarioText: [UInt8]) throws -> String {
        let directory = try options.directory ?? makeTemporaryDirectory()
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw Failure(description: "Failed to create '\(directory)': \(String(cString: strerror(errno)))")
        }
        _ = mkdir(directory + "/state", 0o700)
        let hours = Double(scenario.demandPerHour.count)
        let speed = hours * 3600 / options.seconds
        try PosixFile.writeDurably(scenarioText, to: directory + "/scenario.json", mode: 0o644)
        try PosixFile.writeDurably(Array(configuration(directory: directory, controller: options.controller,
                                                       speed: speed, credits: scenario.totalCredits).utf8),
                                   to: directory + "/credit-pid.conf", mode: 0o644)
        // A share file left by an earlier run in the same directory would be read as in force.
        _ = unlink(directory + "/rollout_perc")
        _ = unlink(directory + "/state/state.json")
        return directory
    }

    static func configuration(directory: String, controller: String, speed: Double, credits: Double) -> String {
        """
        # The demo's configuration, written by `credit-pid demo`: the daemon's own loop on a
        # simulated month. Production reads /etc/credit-pid/credit-pid.conf instead.
        [Budget]
        TotalCredits=\(DecimalText.fixed(credits, 2))

        [Controller]
        Mode=\(controller)
        UpdateIntervalSec=3600

        [Routing]
        Sink=file
        DryRun=no
        File=\(directory)/rollout_perc

        [State]
        Directory=\(directory)/state

        [Simulation]
        Scenario=\(directory)/scenario.json
        Speed=\(DecimalText.fixed(speed, 0))

        """
    }

    private static func makeTemporaryDirectory() throws -> String {
        var template = Array("/tmp/credit-pid-demo.XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure(description: "Failed to create a directory under /tmp: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
