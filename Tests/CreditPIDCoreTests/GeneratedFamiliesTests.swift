import Testing
import CreditPIDCore

/// The controller is judged on months of the public scenarios' families that it was not
/// tuned on. A month whose last days carry a surge the bills have not shown yet can still
/// overspend a little (no controller can cut spend it cannot see); the aggregate must stay
/// where the README says it is.
@Suite("Controller figures over generated months")
struct GeneratedFamiliesTests {
    @Test("120 generated months: few and small overspends, utilization and churn as documented")
    func generatedMonths() {
        var results: [SimulationResult] = []
        for family in ScenarioFamily.allCases {
            for seed in 0..<10 {
                let scenario = family.generate(seed: UInt64(seed))
                var controller = PacingController(settings: PacingSettings(totalCredits: scenario.totalCredits))
                results.append(Simulator.run(scenario, controller: &controller))
            }
        }
        let overspent = results.filter { $0.overspend > 0 }
        let utilizations = results.map(\.utilization)
        let worstOverspend = results.map { $0.overspend / $0.scenario.totalCredits }.max()!
        print("generated: \(overspent.count) of \(results.count) overspent (worst \(worstOverspend) of the credits), "
              + "utilization worst \(utilizations.min()!) median \(SimulationFiguresTests.median(utilizations)), "
              + "tracking worst \(results.map(\.maxTrackingError).max()!)")
        #expect(overspent.count <= results.count / 20)
        #expect(worstOverspend <= 0.02)
        #expect(SimulationFiguresTests.median(utilizations) >= 0.995)
        #expect(utilizations.min()! >= 0.97)
        #expect(results.map(\.maxTrackingError).max()! <= 0.15)
        #expect(SimulationFiguresTests.median(results.map { Double($0.changes) }) <= 150)
    }

    @Test("the same seed makes the same month, and each family is what it says")
    func familiesAreStable() {
        #expect(ScenarioFamily.surges.generate(seed: 3) == ScenarioFamily.surges.generate(seed: 3))
        #expect(ScenarioFamily.surges.generate(seed: 3) != ScenarioFamily.surges.generate(seed: 4))
        #expect(ScenarioFamily.lag24h.generate(seed: 1).billingLagHours == 24)
        #expect(ScenarioFamily.smallBudget.generate(seed: 1).totalCredits == 20_000)
        #expect(ScenarioFamily.february.generate(seed: 1).period.month == 2)
        let low = ScenarioFamily.lowDemand.generate(seed: 2)
        #expect(low.attainable < low.totalCredits)
        let late = ScenarioFamily.midMonthStart.generate(seed: 2)
        #expect(late.start > late.periodStart && late.spentBeforeStart > 0)
    }
}
