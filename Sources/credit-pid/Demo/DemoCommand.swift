import CreditPIDCore
import CreditPIDDaemon
import CreditPIDSystemd
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `credit-pid demo`: the real daemon loop, in the foreground, on a bundled month. Spend comes
/// from the scenario's simulated plant, the clock runs a month in seconds, the share goes to
/// a local file and the state to a temporary directory; at the end it prints a summary and a
/// plot, and leaves an SVG of the month beside the state.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "run the daemon loop on a bundled month, in seconds"
    static let usage = """
    usage: credit-pid demo [--scenario FILE] [--controller pacing|seed] [--seconds S] [--dir DIR]

    Runs `credit-pid serve` on a bundled demo configuration: the bundled month (the public
    'steady' scenario, December 2026) or FILE, through the simulated plant, with an
    accelerated clock that takes about S seconds for the month (default 12), routing to a
    file and state in DIR (default: a new directory under /tmp). Every cycle is logged.
    """

    static func run(_ arguments: [String]) -> Int32 {
        var list = ArgumentList(arguments)
        let options: Options
        do {
            options = try Options(&list)
        } catch {
            writeError("credit-pid demo: \(error)\n\n\(usage)")
            return ExitCode.usage
        }
        let scenarioText: [UInt8]
        if let file = options.scenario {
            do {
                scenarioText = try ScenarioFile.bytes(file)
            } catch {
                writeError("credit-pid demo: \(error)")
                return ExitCode.noInput
            }
        } else {
            scenarioText = Array(DemoScenario.json.utf8)
        }
        let scenario: Scenario
        do {
            scenario = try Scenario(json: scenarioText, source: options.scenario ?? "the bundled scenario")
        } catch {
            writeError("credit-pid demo: \(error)")
            return ExitCode.dataError
        }

        let directory: String
        do {
            directory = try DemoFiles.prepare(options: options, scenario: scenario, scenarioText: scenarioText)
        } catch {
            writeError("credit-pid demo: \(error)")
            return ExitCode.ioError
        }
        let console = Logger(sink: .console, minimumLevel: .info)
        console.info("Demo in \(directory): \(scenario.name), \(scenario.demandPerHour.count) hourly cycles "
                     + "in about \(DecimalText.fixed(options.seconds, 0)) s")

        let setup: ServiceSetup
        do {
            setup = try ServiceSetup.make(configPath: directory + "/credit-pid.conf",
                                          environment: ["CREDIT_PID_LOG_LEVEL": "info"], logger: console)
        } catch {
            return error.status
        }
        let month = DemoMonth(cycle: setup.cycle, hours: scenario.demandPerHour.count)
        let loop = setup.makeLoop(runner: month)
        month.loop = loop
        let status = loop.run()
        guard let plant = setup.cycle.simulation else { return ExitCode.software }
        print(DemoSummary.render(plant: plant, scenario: scenario, directory: directory, controller: options.controller))
        return status
    }

    struct Options {
        var scenario: String?
        var controller: String
        var seconds: Double
        var directory: String?

        init(_ list: inout ArgumentList) throws {
            scenario = try list.value("--scenario")
            controller = try list.controllers(default: "pacing", allowingBoth: false)[0].rawValue
            seconds = try list.number("--seconds") ?? 12
            guard seconds > 0 else { throw ArgumentList.UsageError(description: "'--seconds' must be > 0") }
            directory = try list.value("--dir")
            if let extra = try list.positional().first {
                throw ArgumentList.UsageError(description: "unexpected argument '\(extra)'")
            }
        }
    }
}

/// The demo's cycle: the daemon's own, and once every hour of the month has had its cycle,
/// a stop, from inside the last cycle, so that no cycle of the next month runs.
final class DemoMonth: CycleRunner, @unchecked Sendable {
    private let cycle: ControlCycle
    private var remaining: Int
    weak var loop: ServiceLoop?

    init(cycle: ControlCycle, hours: Int) {
        self.cycle = cycle
        remaining = hours
    }

    func runCycle(at now: Date) -> CycleReport {
        let report = cycle.runCycle(at: now)
        remaining -= 1
        if remaining == 0 { loop?.stop(because: "the end of the demo's month") }
        return report
    }

    func reconfigure(_ configuration: Configuration) throws {
        try cycle.reconfigure(configuration)
    }
}
