/// A simulated month and the measures of `scenarios/README.md`.
public struct SimulationResult: Sendable {
    public let scenario: Scenario
    /// The share applied at each step.
    public let shares: [Double]
    public let costs: [Double]
    public let finalSpend: Double
    public let maxTrackingError: Double
    public let churn: Double
    public let changes: Int

    /// The measures of a month whose hours ran at `shares` (one per hour from the start).
    public init(scenario: Scenario, shares: [Double]) {
        self.scenario = scenario
        self.shares = shares
        costs = zip(scenario.demandPerHour, shares).map { $0 * $1 / 100 }

        // Tracking error: the spend after each hour against the straight line from
        // (start, spent before) to (period end, attainable), as a share of the credits.
        let attainable = scenario.attainable
        let hours = Double(shares.count)
        var spent = scenario.spentBeforeStart
        var worst = 0.0
        for (index, cost) in costs.enumerated() {
            spent += cost
            let line = scenario.spentBeforeStart
                + (attainable - scenario.spentBeforeStart) * Double(index + 1) / hours
            worst = max(worst, abs(spent - line) / scenario.totalCredits)
        }
        finalSpend = spent
        maxTrackingError = worst

        var previous = scenario.initialPercentage
        var churn = 0.0
        var changes = 0
        for share in shares {
            churn += abs(share - previous)
            if share != previous { changes += 1 }
            previous = share
        }
        self.churn = churn
        self.changes = changes
    }

    public var attainable: Double { scenario.attainable }
    public var utilization: Double { attainable > 0 ? finalSpend / attainable : 1 }
    public var overspend: Double { max(0, finalSpend - scenario.totalCredits) }
}
