import CreditPIDCore

/// What one cycle did with its decision: the share before, the one to write (within the
/// deadband and step limit), the one in force after, and what the sink answered (nil: it
/// failed).
struct CycleResult {
    var decision: Decision
    var before: Double
    var decided: Double
    var after: Double
    var outcome: RoutingOutcome?
    var dryRun: Bool
}
