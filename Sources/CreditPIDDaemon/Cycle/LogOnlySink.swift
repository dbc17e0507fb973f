import CreditPIDCore
import FoundationEssentials

/// `Sink=none`: decide and log only. The share in force is the last one decided.
public struct LogOnlySink: RoutingSink {
    public init() {}
    public var label: String { "none (log only)" }
    public func shareInForce(deadline: ContinuousClock.Instant) throws -> Double? { nil }
    public func apply(_ share: Double, decision: Decision, at time: Date, dryRun: Bool,
                      deadline: ContinuousClock.Instant) throws -> RoutingOutcome {
        RoutingOutcome(action: .loggedOnly)
    }
}
