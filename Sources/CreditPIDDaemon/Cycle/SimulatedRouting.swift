import CreditPIDCore
import FoundationEssentials

/// In a simulation the share the sink applies is also what the plant runs on; with a dry
/// run or Sink=none nothing is applied, and the plant keeps its share, as production would.
struct SimulatedRouting: RoutingSink {
    var sink: any RoutingSink
    var plant: ScenarioSpendSource

    var label: String { sink.label + " (simulated plant)" }

    func shareInForce(deadline: ContinuousClock.Instant) throws -> Double? { try sink.shareInForce(deadline: deadline) }

    func apply(_ share: Double, decision: Decision, at time: Date, dryRun: Bool,
               deadline: ContinuousClock.Instant) throws -> RoutingOutcome {
        let outcome = try sink.apply(share, decision: decision, at: time, dryRun: dryRun, deadline: deadline)
        if outcome.action == .written { plant.apply(share: share, at: time) }
        return outcome
    }
}
