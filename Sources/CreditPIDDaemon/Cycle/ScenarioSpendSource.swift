import CreditPIDCore
import FoundationEssentials
import Synchronization

/// A scenario's plant running in continuous time, for the demo and the tests: `[Simulation]
/// Scenario=` puts it where the Ternary client would be. Each hour costs its demand times
/// the mean share in force during it (shares change when the daemon applies them, at any
/// moment), and shows once its end plus the billing lag has passed on the service clock.
/// Spend before the scenario's start is spread over the hours from the period's start, all
/// visible, as the scenarios README defines it.
public final class ScenarioSpendSource: SpendSource, Sendable {
    public let scenario: Scenario
    private let clock: any ServiceClock
    private let plant = Mutex(Plant())

    private struct Plant {
        /// (since, share) steps, in time order.
        var shares: [(since: Double, share: Double)] = []
        /// cumulative[i]: cost of the period's hours 0..<i that have ended.
        var cumulative: [Double] = [0]
    }

    public init(scenario: Scenario, clock: any ServiceClock) {
        self.scenario = scenario
        self.clock = clock
        plant.withLock { plant in
            plant.shares = [(scenario.start.timeIntervalSince1970, scenario.initialPercentage)]
            let hours = hoursBeforeStart
            for _ in 0..<hours {
                plant.cumulative.append(plant.cumulative.last! + scenario.spentBeforeStart / Double(hours))
            }
        }
    }

    private var hoursBeforeStart: Int {
        Int(scenario.start.timeIntervalSince(scenario.periodStart) / 3600)
    }

    /// The share the routing sink applied, in force from `time` on.
    public func apply(share: Double, at time: Date) {
        plant.withLock { plant in
            let since = time.timeIntervalSince1970
            while let last = plant.shares.last, last.since > since, plant.shares.count > 1 { plant.shares.removeLast() }
            plant.shares.append((since, min(100, max(0, share))))
        }
    }

    /// Everything spent by `date`, billed or not: the truth the controller never sees.
    public func trueSpend(at date: Date) -> Double {
        plant.withLock { plant in
            advance(&plant, to: date.timeIntervalSince1970)
            return plant.cumulative.last!
        }
    }

    /// The mean share of each hour from the scenario's start that has ended by `date`.
    public func hourlyShares(through date: Date) -> [Double] {
        let origin = scenario.start.timeIntervalSince1970
        let hours = min(scenario.demandPerHour.count, max(0, Int((date.timeIntervalSince1970 - origin) / 3600)))
        return plant.withLock { plant in
            (0..<hours).map { Self.meanShare(plant.shares, from: origin + Double($0) * 3600, to: origin + Double($0 + 1) * 3600) }
        }
    }

    /// The period's end, after which the demo stops.
    public var end: Date { scenario.periodEnd }

    public func spend(from start: Date, to end: Date) throws -> Double {
        let now = clock.now().timeIntervalSince1970
        return plant.withLock { plant in
            advance(&plant, to: now)
            let origin = scenario.periodStart.timeIntervalSince1970
            let first = max(0, Int(((start.timeIntervalSince1970 - origin) / 3600).rounded(.up)))
            let afterLast = Int(((end.timeIntervalSince1970 - origin) / 3600).rounded(.down))
            let elapsed = Int(((now - origin) / 3600).rounded(.down))
            let visible = min(plant.cumulative.count - 1, max(hoursBeforeStart, elapsed - scenario.billingLagHours))
            let high = min(afterLast, visible)
            return high > first ? plant.cumulative[high] - plant.cumulative[first] : 0
        }
    }

    /// Closes every hour that has ended by `now`.
    private func advance(_ plant: inout Plant, to now: Double) {
        let origin = scenario.start.timeIntervalSince1970
        let before = hoursBeforeStart
        while true {
            let step = plant.cumulative.count - 1 - before
            guard step < scenario.demandPerHour.count else { return }
            let hourStart = origin + Double(step) * 3600
            guard hourStart + 3600 <= now else { return }
            let share = Self.meanShare(plant.shares, from: hourStart, to: hourStart + 3600)
            plant.cumulative.append(plant.cumulative.last! + scenario.demandPerHour[step] * share / 100)
        }
    }

    private static func meanShare(_ shares: [(since: Double, share: Double)], from start: Double, to end: Double) -> Double {
        var total = 0.0
        for (index, step) in shares.enumerated() {
            let stepEnd = index + 1 < shares.count ? shares[index + 1].since : .infinity
            let overlap = min(end, stepEnd) - max(start, step.since)
            if overlap > 0 { total += step.share * overlap }
        }
        // Before the first step, the first share was in force.
        if let first = shares.first, first.since > start { total += first.share * (min(end, first.since) - start) }
        return total / (end - start)
    }
}
