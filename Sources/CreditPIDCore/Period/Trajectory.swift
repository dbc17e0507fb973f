import FoundationEssentials

/// Where the month stands against the straight line from the credits spent when tracking
/// began to all of the credits at the period's end: the ideal spend, what is left, and the
/// spend rate that would use exactly what is left.
public struct Trajectory: Sendable, Equatable, Codable {
    public var period: BudgetPeriod
    public var credits: Double
    /// Where the line starts: `(lineStart, spentAtLineStart)`. At the period's start with 0
    /// spent unless tracking began mid-month.
    public var lineStart: Date
    public var spentAtLineStart: Double

    public init(period: BudgetPeriod, credits: Double, lineStart: Date? = nil, spentAtLineStart: Double = 0) {
        self.period = period
        self.credits = credits
        self.lineStart = lineStart ?? period.start
        self.spentAtLineStart = spentAtLineStart
    }

    /// The spend the straight line reaches at `date`.
    public func idealSpend(at date: Date) -> Double {
        let span = period.end.timeIntervalSince(lineStart)
        guard span > 0 else { return credits }
        let fraction = min(1, max(0, date.timeIntervalSince(lineStart) / span))
        return spentAtLineStart + (credits - spentAtLineStart) * fraction
    }

    public func remainingCredits(spent: Double) -> Double { max(0, credits - spent) }

    /// USD per hour that uses the remaining credits exactly by the period's end; 0 once the
    /// period is over or the credits are gone.
    public func rateNeeded(at date: Date, spent: Double) -> Double {
        let hours = period.remaining(at: date) / 3600
        guard hours > 0 else { return 0 }
        return remainingCredits(spent: spent) / hours
    }

    /// The gap to the line as a share of the credits: positive when ahead (spent more).
    public func trackingError(at date: Date, spent: Double) -> Double {
        guard credits > 0 else { return 0 }
        return (spent - idealSpend(at: date)) / credits
    }
}
