import FoundationEssentials

/// Runs a controller through a scenario step by step, as the daemon would run it through a
/// month: at each step the plant's clock is the step's time, the controller decides from the
/// spend source alone, and the share it decides is what the next hour costs.
public enum Simulator {
    public static func run<C: ShareController>(_ scenario: Scenario, controller: inout C) -> SimulationResult {
        let plant = SimulatedPlant(scenario: scenario)
        var share = scenario.initialPercentage
        for step in 0..<scenario.demandPerHour.count {
            let now = plant.stepTime(step)
            plant.now = now
            let context = DecisionContext(now: now, shareInForce: share)
            // A decision that fails keeps the share in force, as in the daemon.
            if let decided = try? controller.decide(context, spend: plant).share { share = decided }
            plant.apply(share: share)
        }
        return SimulationResult(scenario: scenario, shares: plant.shares)
    }
}
