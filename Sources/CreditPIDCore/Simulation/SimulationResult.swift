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
    /// What the month could spend at most (the scenario works it out over every hour).
    public let attainable: Double

    /// The measures of a month whose hours ran at `shares` (one per hour from the start).
    public init(scenario: Scenario, shares: [Double]) {
        self.scenario = scenario
        self.shares = shares
        costs = zip(scenario.demandPerHour, shares).map { $0 * $1 / 100 }
        let attainable = scenario.attainable
        self.attainable = attainable

        // Tracking error: the spend after each hour against the straight line from
        // (start, spent before) to (period end, attainable), as a share of the credits.
        var spent = scenario.spentBeforeStart
        var worst = 0.0
        for (index, cost) in costs.enumerated() {
            spent += cost
            worst = max(worst, abs(spent - Self.line(scenario, attainable, afterHour: index, of: shares.count))
                / scenario.totalCredits)
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

    /// The spend after each hour, billed or not.
    public var spendAfterEachHour: [Double] {
        var spent = scenario.spentBeforeStart
        return costs.map { cost in
            spent += cost
            return spent
        }
    }

    /// Where the straight line stands after hour `index`.
    public func line(afterHour index: Int) -> Double {
        Self.line(scenario, attainable, afterHour: index, of: shares.count)
    }

    private static func line(_ scenario: Scenario, _ attainable: Double, afterHour index: Int, of hours: Int) -> Double {
        scenario.spentBeforeStart + (attainable - scenario.spentBeforeStart) * Double(index + 1) / Double(hours)
    }

    public var utilization: Double { attainable > 0 ? finalSpend / attainable : 1 }
    public var overspend: Double { max(0, finalSpend - scenario.totalCredits) }
}
