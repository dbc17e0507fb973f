import FoundationEssentials

/// The plant of `Tests/…/scenarios/README.md`: hour `k` costs `demand[k] × share / 100`, and
/// its cost shows in the spend source once `hour end + billing lag <= now`. Spend before the
/// scenario's start is spread evenly over the hours from the period's start and is all
/// visible. Each query is O(1): prefix sums over the hours applied so far.
public final class SimulatedPlant: SpendSource, @unchecked Sendable {
    public let scenario: Scenario
    /// The plant's clock: what "now" is for visibility. The driver moves it. (The plant is
    /// driven from one thread; run-time exclusivity checks on its hot fields are skipped.)
    @exclusivity(unchecked) public var now: Date
    private let periodStartSeconds: Double
    private let hoursBeforeStart: Int
    private let lagHours: Int
    /// cumulative[i] = cost of hours 0..<i (period hours, pre-start ones included).
    @exclusivity(unchecked) private var cumulative: [Double]
    @exclusivity(unchecked) public private(set) var shares: [Double] = []

    public init(scenario: Scenario) {
        self.scenario = scenario
        now = scenario.start
        periodStartSeconds = scenario.periodStart.timeIntervalSince1970
        hoursBeforeStart = Int(scenario.start.timeIntervalSince(scenario.periodStart) / 3600)
        lagHours = scenario.billingLagHours
        cumulative = [0]
        cumulative.reserveCapacity(hoursBeforeStart + scenario.demandPerHour.count + 1)
        let spreadCost = hoursBeforeStart > 0 ? scenario.spentBeforeStart / Double(hoursBeforeStart) : 0
        for _ in 0..<hoursBeforeStart { cumulative.append(cumulative[cumulative.count - 1] + spreadCost) }
        shares.reserveCapacity(scenario.demandPerHour.count)
    }

    /// The time of step `k`.
    public func stepTime(_ step: Int) -> Date {
        Date(timeIntervalSince1970: scenario.start.timeIntervalSince1970 + Double(step) * 3600)
    }

    /// Applies the share for the next hour, clamped to 0-100; returns that hour's cost.
    @discardableResult
    public func apply(share: Double) -> Double {
        let clamped = min(100, max(0, share.isNaN ? 0 : share))
        let cost = scenario.demandPerHour[shares.count] * clamped / 100
        shares.append(clamped)
        cumulative.append(cumulative[cumulative.count - 1] + cost)
        return cost
    }

    public func spend(from start: Date, to end: Date) throws -> Double {
        let first = Int(((start.timeIntervalSince1970 - periodStartSeconds) / 3600).rounded(.up))
        let afterLast = Int(((end.timeIntervalSince1970 - periodStartSeconds) / 3600).rounded(.down))
        let elapsedHours = Int(((now.timeIntervalSince1970 - periodStartSeconds) / 3600).rounded(.down))
        let visible = min(cumulative.count - 1, max(hoursBeforeStart, elapsedHours - lagHours))
        let low = max(0, first)
        let high = min(afterLast, visible)
        guard high > low else { return 0 }
        return cumulative[high] - cumulative[low]
    }
}
