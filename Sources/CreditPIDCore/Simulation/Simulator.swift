import FoundationEssentials

/// Runs a controller through a scenario step by step, as the daemon would run it through a
/// month: at each step the plant's clock is the step's time, the controller decides from the
/// spend source alone, and the share it decides is what the next hour costs.
public enum Simulator {
    public static func run<C: ShareController>(_ scenario: Scenario, controller: inout C) -> SimulationResult {
        let plant = SimulatedPlant(scenario: scenario)
        var share = scenario.initialPercentage
        var failures = 0
        for step in 0..<scenario.demandPerHour.count {
            let now = plant.stepTime(step)
            plant.now = now
            let context = DecisionContext(now: now, shareInForce: share)
            do {
                share = try controller.decide(context, spend: plant).share
            } catch {
                failures += 1   // the plant does not fail; kept so a failing source is visible
            }
            plant.apply(share: share)
        }
        return SimulationResult(scenario: scenario, shares: plant.shares, failures: failures)
    }
}
