import CreditPIDCore
import FoundationEssentials
import Synchronization

/// A scenario's plant running in continuous time, for the demo and the tests: `[Simulation]
/// Scenario=` puts it where the Ternary client would be. Shares change when the daemon
/// applies them, at any moment; each hour, once it has ended on the service clock, costs its
/// demand times the mean share in force during it. Pricing and billing visibility are the
/// simulator's own `SimulatedPlant`, so the demo bills exactly as the scenarios README says.
public final class ScenarioSpendSource: SpendSource, Sendable {
    public let scenario: Scenario
    private let clock: any ServiceClock
    private let running: Mutex<Running>

    private struct Running: @unchecked Sendable {
        /// The hours closed so far; the plant is only ever used under the lock.
        let plant: SimulatedPlant
        /// The shares applied, as a step function of time.
        var shares: ShareHistory
    }

    public init(scenario: Scenario, clock: any ServiceClock) {
        self.scenario = scenario
        self.clock = clock
        running = Mutex(Running(plant: SimulatedPlant(scenario: scenario),
                                shares: ShareHistory(start: scenario.start.timeIntervalSince1970,
                                                     share: scenario.initialPercentage)))
    }

    /// The share the routing sink applied, in force from `time` on.
    public func apply(share: Double, at time: Date) {
        running.withLock { $0.shares.record(min(100, max(0, share)), since: time.timeIntervalSince1970) }
    }

    /// The mean share of each hour from the scenario's start that has ended by `date`.
    public func hourlyShares(through date: Date) -> [Double] {
        let origin = scenario.start.timeIntervalSince1970
        let hours = min(scenario.demandPerHour.count, max(0, Int((date.timeIntervalSince1970 - origin) / 3600)))
        return running.withLock { running in
            (0..<hours).map {
                running.shares.meanShare(from: origin + Double($0) * 3600, to: origin + Double($0 + 1) * 3600)
            }
        }
    }

    public func spend(from start: Date, to end: Date) throws -> Double {
        let now = clock.now()
        return try running.withLock { running in
            close(&running, through: now.timeIntervalSince1970)
            running.plant.now = now
            return try running.plant.spend(from: start, to: end)
        }
    }

    /// Prices every hour that has ended by `now`.
    private func close(_ running: inout Running, through now: Double) {
        let origin = scenario.start.timeIntervalSince1970
        while running.plant.shares.count < scenario.demandPerHour.count {
            let hourStart = origin + Double(running.plant.shares.count) * 3600
            guard hourStart + 3600 <= now else { return }
            running.plant.apply(share: running.shares.meanShare(from: hourStart, to: hourStart + 3600))
        }
    }
}
