import CreditPIDCore
import CreditPIDDaemon

/// `credit-pid bench`: how fast the simulator judges months, per controller, on one core.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "measure the simulator's speed in scenario-months per second"
    static let usage = """
    usage: credit-pid bench FILE... [--seconds S] [--controller pacing|seed|both]

    Runs the scenarios through the simulator again and again on one thread, for about S
    seconds per controller (default 3), and prints scenario-months per second for the pacing
    and the seed controller. Build with -c release for figures that mean something.
    """

    static func run(_ arguments: [String]) -> Int32 {
        var list = ArgumentList(arguments)
        let seconds: Double
        let files: [String]
        let controllers: [Configuration.ControllerMode]
        do {
            controllers = try list.controllers(default: "both", allowingBoth: true)
            seconds = try list.number("--seconds") ?? 3
            files = try list.positional()
            guard seconds > 0 else { throw ArgumentList.UsageError(description: "'--seconds' must be > 0") }
            guard !files.isEmpty else { throw ArgumentList.UsageError(description: "no scenario file given") }
        } catch {
            writeError("credit-pid bench: \(error)\n\n\(usage)")
            return ExitCode.usage
        }
        var scenarios: [Scenario] = []
        for file in files {
            do {
                scenarios.append(try ScenarioFile.load(file))
            } catch {
                writeError("credit-pid bench: \(error)")
                return error is ScenarioFile.Unreadable ? ExitCode.noInput : ExitCode.dataError
            }
        }
        #if DEBUG
        print("note: a debug build; build with -c release for meaningful figures")
        #endif
        for controller in controllers {
            let clock = ContinuousClock()
            let start = clock.now
            var months = 0
            var checksum = 0.0
            while clock.now - start < .seconds(seconds) {
                for scenario in scenarios {
                    checksum += SimulateCommand.simulate(scenario, controller: controller).finalSpend
                    months += 1
                }
            }
            let elapsed = clock.now - start
            let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let rate = Double(months) / elapsedSeconds
            print("\(controller.rawValue): \(months) scenario-months in \(DecimalText.fixed(elapsedSeconds, 2)) s = "
                  + "\(DecimalText.fixed(rate, 0)) scenario-months/s (one core; checksum \(DecimalText.fixed(checksum / Double(months), 2)))")
        }
        return ExitCode.ok
    }
}
