import CreditPIDCore
import CreditPIDDaemon
import FoundationEssentials

/// `credit-pid simulate`: judges the controllers on whole months of a scenario's plant.
enum SimulateCommand: Command {
    static let name = "simulate"
    static let summary = "run the controllers through scenario months and measure them"
    static let usage = """
    usage: credit-pid simulate FILE... [--controller pacing|seed|both] [--json] [--svg FILE]
                                       [--seed-dt SECONDS] [--lookback-days N]

    Runs each scenario (credit-pid-scenario/1 JSON) through the simulated plant with the
    pacing controller, the original one (seed), or both, and prints per month: final spend,
    attainable spend, utilization, overspend, worst tracking error, churn and changes.

      --controller C      pacing (default), seed, or both
      --json              one JSON object per scenario and controller, one per line,
                          with the share at every step in "percentages"
      --svg FILE          also draw each month: spend against the ideal line, and the share
      --seed-dt SECONDS   the seed PID's time step: the original's API latency (default 2)
      --lookback-days N   days of spend behind the seed controller's rate (default 1)
    """

    static func run(_ arguments: [String]) -> Int32 {
        var list = ArgumentList(arguments)
        let options: Options
        do {
            options = try Options(&list)
        } catch {
            writeError("credit-pid simulate: \(error)\n\n\(usage)")
            return ExitCode.usage
        }

        var rows: [[SVGPlot.Panel]] = []
        if !options.json { print(SimulationReport.tableHeader) }
        for path in options.files {
            let scenario: Scenario
            do {
                scenario = try ScenarioFile.load(path)
            } catch let error as ScenarioFile.Unreadable {
                writeError("credit-pid simulate: \(error)")
                return ExitCode.noInput
            } catch {
                writeError("credit-pid simulate: \(error)")
                return ExitCode.dataError
            }
            var panels: [SVGPlot.Panel] = []
            for controller in options.controllers {
                let result = simulate(scenario, controller: controller, seed: options.seed)
                let name = controller.rawValue
                print(options.json ? SimulationReport.jsonLine(result, controller: name)
                                   : SimulationReport.tableRow(result, controller: name))
                panels.append(SVGPlot.Panel(title: "\(scenario.name), \(name)", result: result))
            }
            rows.append(panels)
        }
        if let svg = options.svg {
            do {
                try Data(SVGPlot.render(rows: rows).utf8).write(to: URL(fileURLWithPath: svg))
            } catch {
                writeError("credit-pid simulate: Failed to write '\(svg)': \(error)")
                return ExitCode.ioError
            }
        }
        return ExitCode.ok
    }

    /// One month of `scenario` under `controller`; `seed` sets the original's time step and
    /// lookback (its credits are the scenario's).
    static func simulate(_ scenario: Scenario, controller: Configuration.ControllerMode,
                         seed: SeedCronController.Settings = SeedCronController.Settings()) -> SimulationResult {
        switch controller {
        case .seed:
            var settings = seed
            settings.arithmetic.totalCredits = scenario.totalCredits
            var seed = SeedCronController(settings: settings)
            return Simulator.run(scenario, controller: &seed)
        case .pacing:
            var pacing = PacingController(settings: PacingSettings(totalCredits: scenario.totalCredits))
            return Simulator.run(scenario, controller: &pacing)
        }
    }

    struct Options {
        var files: [String]
        var controllers: [Configuration.ControllerMode]
        var json: Bool
        var svg: String?
        var seed = SeedCronController.Settings()

        init(_ list: inout ArgumentList) throws {
            controllers = try list.controllers(default: "pacing", allowingBoth: true)
            json = list.flag("--json")
            svg = try list.value("--svg")
            seed.pidStepSeconds = try list.number("--seed-dt") ?? seed.pidStepSeconds
            guard seed.pidStepSeconds > 0 else { throw ArgumentList.UsageError(description: "'--seed-dt' must be > 0") }
            let lookback = try list.number("--lookback-days") ?? Double(seed.lookbackDays)
            guard lookback >= 1, lookback == lookback.rounded() else {
                throw ArgumentList.UsageError(description: "'--lookback-days' must be a whole number >= 1")
            }
            seed.lookbackDays = Int(lookback)
            files = try list.positional()
            guard !files.isEmpty else { throw ArgumentList.UsageError(description: "no scenario file given") }
        }
    }
}
