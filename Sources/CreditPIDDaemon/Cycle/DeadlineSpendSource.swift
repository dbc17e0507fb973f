import CreditPIDCore
import CreditPIDTernary
import FoundationEssentials

/// A spend source that gives up at a deadline: what a cycle reads the spend from.
protocol BoundedSpendSource: SpendSource {
    func spend(from start: Date, to end: Date, deadline: ContinuousClock.Instant?) throws -> Double
}

extension TernaryClient: BoundedSpendSource {}

extension ScenarioSpendSource: BoundedSpendSource {
    /// The plant answers at once.
    func spend(from start: Date, to end: Date, deadline: ContinuousClock.Instant?) throws -> Double {
        try spend(from: start, to: end)
    }
}

/// The cycle's time budget for all its spend queries together: a source that stops answering
/// ends the cycle at the deadline (the watchdog restarts a cycle that hangs past it).
struct DeadlineSpendSource: SpendSource {
    var source: any BoundedSpendSource
    var deadline: ContinuousClock.Instant

    func spend(from start: Date, to end: Date) throws -> Double {
        try source.spend(from: start, to: end, deadline: deadline)
    }
}
