import FoundationEssentials

/// What a cycle does when it cannot read the spend. Deciding without data would be deciding
/// blind, so the share in force is kept; but spend goes on while the data is missing, and the
/// controller cannot see how much. Once the last successful read is older than
/// `StaleAfterSec`, every cycle lowers the share by `MaxStepPercent` until data returns:
/// erring toward not overspending, at the price of credits if the outage is long (the next
/// good cycle plans with the credits left and makes up what it can).
public struct StalePolicy: Sendable, Equatable {
    public var staleAfter: TimeInterval
    public var stepPercent: Double

    public init(staleAfter: TimeInterval, stepPercent: Double) {
        self.staleAfter = staleAfter
        self.stepPercent = stepPercent
    }

    public enum Action: Sendable, Equatable {
        /// Still within StaleAfterSec: keep the share.
        case keep
        /// Stale: lower the share to this.
        case lower(to: Double)
    }

    /// `lastRead` is the last successful read of the spend (nil: never, since the start).
    public func action(now: Date, lastRead: Date?, startedAt: Date, share: Double) -> Action {
        let since = lastRead ?? startedAt
        guard now.timeIntervalSince(since) >= staleAfter, share > 0 else { return .keep }
        return .lower(to: max(0, share - max(1, stepPercent)))
    }
}
