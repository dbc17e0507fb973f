import CreditPIDCore
import CreditPIDDaemon
import CreditPIDSystemd

/// What `serve`, `once` and `demo` share: the configuration, the logger, the clock and the
/// cycle, built the same way for all three so that `once` is the daemon's own code path.
struct ServiceSetup {
    var loader: ConfigurationLoader
    var configuration: Configuration
    var logger: Logger
    var clock: any ServiceClock
    var cycle: ControlCycle

    struct Failure: Error {
        var status: Int32
    }

    /// Loads everything; on failure logs why (once) and throws the exit status to use.
    static func make(configPath: String, environment: [String: String] = ProcessEnvironment.current(),
                     logger: Logger? = nil) throws(Failure) -> ServiceSetup {
        let logger = logger ?? Logger.standard(environment: environment)
        let loader = ConfigurationLoader(path: configPath, environment: environment)
        let loaded: ConfigurationLoader.Loaded
        do {
            loaded = try loader.load()
        } catch {
            for diagnostic in error.diagnostics { logger.error("\(diagnostic)", id: .error) }
            logger.error("Failed to load the configuration from '\(configPath)', not starting", id: .error)
            throw Failure(status: ExitCode.config)
        }
        for warning in loaded.warnings { logger.warning("\(warning)", id: .configurationWarning) }
        let configuration = loaded.configuration

        let clock: any ServiceClock
        if let path = configuration.simulation.scenario {
            do {
                let scenario = try ScenarioFile.load(path)
                clock = AcceleratedClock(start: scenario.start, speed: configuration.simulation.speed,
                                         step: configuration.controller.updateInterval)
            } catch {
                logger.error("\(error), not starting", id: .error)
                throw Failure(status: ExitCode.config)
            }
        } else {
            clock = SystemClock()
        }

        do {
            let cycle = try ControlCycle(configuration: configuration, logger: logger, clock: clock)
            return ServiceSetup(loader: loader, configuration: configuration, logger: logger, clock: clock, cycle: cycle)
        } catch {
            logger.error("Failed to set up the control cycle: \(error), not starting", id: .error)
            throw Failure(status: ExitCode.config)
        }
    }

    /// The loop on this setup's cycle, or on `runner` (a wrapper around it).
    func makeLoop(runner: (any CycleRunner)? = nil) -> ServiceLoop {
        ServiceLoop(configuration: configuration, loader: loader, runner: runner ?? cycle, logger: logger, clock: clock)
    }
}
