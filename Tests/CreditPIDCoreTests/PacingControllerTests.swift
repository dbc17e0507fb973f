import Testing
import Foundation
import CreditPIDCore

/// Hourly costs with a billing lag, answering queries the way the plant does; for driving a
/// controller across situations a scenario does not produce (a month boundary, failures).
final class HourlyCosts: SpendSource, @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 0)
    var lagHours = 12
    var costs: [Int: Double] = [:]   // UTC hour index -> cost
    var failing = false

    struct Unavailable: Error {}

    func spend(from start: Date, to end: Date) throws -> Double {
        if failing { throw Unavailable() }
        let first = Int((start.timeIntervalSince1970 / 3600).rounded(.up))
        let afterLast = Int((end.timeIntervalSince1970 / 3600).rounded(.down))
        let visibleEnd = Int((now.timeIntervalSince1970 / 3600).rounded(.down)) - lagHours
        let end = min(afterLast, visibleEnd)
        guard end > first else { return 0 }
        return (first..<end).reduce(0) { $0 + (costs[$1] ?? 0) }
    }
}

@Suite("Pacing controller")
struct PacingControllerTests {
    static func hour(_ text: String) -> Int {
        Int(UTCTimestamp.parse(text)!.timeIntervalSince1970 / 3600)
    }

    /// Runs hourly decisions over `[from, to)` on `costs`, the cost of each hour being its
    /// demand times the decided share.
    static func drive(_ controller: inout PacingController, costs: HourlyCosts, from: Int, to: Int,
                      demand: (Int) -> Double, share: Double) throws -> [Decision] {
        var share = share
        var decisions: [Decision] = []
        for hour in from..<to {
            costs.now = Date(timeIntervalSince1970: Double(hour) * 3600)
            let decision = try controller.decide(DecisionContext(now: costs.now, shareInForce: share), spend: costs)
            decisions.append(decision)
            share = decision.share
            costs.costs[hour] = demand(hour) * share / 100
        }
        return decisions
    }

    @Test("the share stays within 0-100 and moves in whole, limited steps, over every generated family")
    func shareBounds() {
        for family in ScenarioFamily.allCases {
            for seed in 0..<3 {
                let scenario = family.generate(seed: UInt64(seed))
                var controller = PacingController(settings: PacingSettings(totalCredits: scenario.totalCredits))
                let result = Simulator.run(scenario, controller: &controller)
                var previous = scenario.initialPercentage
                for share in result.shares {
                    #expect((0...100).contains(share), "\(scenario.name): \(share)")
                    #expect(share == share.rounded(), "\(scenario.name): \(share) is not a whole percent")
                    #expect(share == 0 || abs(share - previous) <= 20, "\(scenario.name): \(previous) -> \(share)")
                    previous = share
                }
            }
        }
    }

    @Test("no share above 0 once the credits are spent")
    func nothingOnceSpent() throws {
        let costs = HourlyCosts()
        costs.lagHours = 3
        var controller = PacingController(settings: PacingSettings(totalCredits: 10_000))
        let start = Self.hour("2026-07-01T00:00:00Z")
        // Demand far above what the credits can pay for: the credits run out within days.
        let decisions = try Self.drive(&controller, costs: costs, from: start, to: start + 24 * 10,
                                       demand: { _ in 2_000 }, share: 100)
        let spentOut = try #require(decisions.firstIndex { $0.figures.spendVisible >= 10_000 })
        for decision in decisions[spentOut...] {
            #expect(decision.share == 0)
        }
        #expect(decisions.contains { $0.share > 0 })
    }

    @Test("a new period starts from clean accounting: December's spend does not count in January")
    func newPeriodIsClean() throws {
        let costs = HourlyCosts()
        var controller = PacingController(settings: PacingSettings(totalCredits: 500_000))
        let december = Self.hour("2026-12-01T00:00:00Z")
        let january = Self.hour("2027-01-01T00:00:00Z")
        let before = try Self.drive(&controller, costs: costs, from: december, to: january,
                                    demand: { _ in 2_000 }, share: 35)
        #expect(before.last!.figures.period == BudgetPeriod(year: 2026, month: 12))
        #expect(before.last!.figures.spendEstimated > 400_000)

        let after = try Self.drive(&controller, costs: costs, from: january, to: january + 3,
                                   demand: { _ in 2_000 }, share: before.last!.share)
        let first = after[0]
        #expect(first.figures.period == BudgetPeriod(year: 2027, month: 1))
        #expect(first.figures.spendVisible == 0)
        #expect(first.figures.billedThrough == nil)
        // What is estimated as spent in January is only January's own unbilled hours.
        #expect(first.figures.spendEstimated < 2_000)
        #expect(controller.state?.period == BudgetPeriod(year: 2027, month: 1))
        // The demand learned in December still serves: January plans at once.
        #expect(first.reason != "no hour under control is billed yet")
        #expect(first.share > 0)
    }

    @Test("a spend source that fails changes nothing: the state after is the state before")
    func failureChangesNothing() throws {
        let costs = HourlyCosts()
        var controller = PacingController()
        let start = Self.hour("2026-03-01T00:00:00Z")
        _ = try Self.drive(&controller, costs: costs, from: start, to: start + 48, demand: { _ in 1_500 }, share: 40)
        let before = controller.state
        costs.failing = true
        costs.now = Date(timeIntervalSince1970: Double(start + 48) * 3600)
        #expect(throws: HourlyCosts.Unavailable.self) {
            try controller.decide(DecisionContext(now: costs.now, shareInForce: 40), spend: costs)
        }
        #expect(controller.state == before)
    }

    @Test("a saved and restored state decides exactly as the one that never stopped")
    func restartContinuity() throws {
        let scenario = ScenarioFamily.steady.generate(seed: 7)
        var straight = PacingController(settings: PacingSettings(totalCredits: scenario.totalCredits))
        let reference = Simulator.run(scenario, controller: &straight)

        // The same month, with the controller encoded to JSON and decoded again every hour.
        let plant = SimulatedPlant(scenario: scenario)
        var controller = PacingController(settings: PacingSettings(totalCredits: scenario.totalCredits))
        var share = scenario.initialPercentage
        for step in 0..<scenario.demandPerHour.count {
            plant.now = plant.stepTime(step)
            share = try controller.decide(DecisionContext(now: plant.now, shareInForce: share), spend: plant).share
            plant.apply(share: share)
            let saved = try JSONEncoder().encode(controller.state)
            controller = PacingController(settings: controller.settings,
                                          state: try JSONDecoder().decode(PacingState.self, from: saved))
        }
        #expect(plant.shares == reference.shares)
    }

    @Test("in a dry run the share read back, not the one decided, is what demand is learned from")
    func learnsFromTheShareInForce() throws {
        let costs = HourlyCosts()
        var controller = PacingController()
        let start = Self.hour("2026-05-04T00:00:00Z")
        // The sink never changes: 20% stays in force whatever is decided.
        for hour in start..<(start + 72) {
            costs.now = Date(timeIntervalSince1970: Double(hour) * 3600)
            _ = try controller.decide(DecisionContext(now: costs.now, shareInForce: 20), spend: costs)
            costs.costs[hour] = 1_000 * 0.20
        }
        costs.now = Date(timeIntervalSince1970: Double(start + 72) * 3600)
        let decision = try controller.decide(DecisionContext(now: costs.now, shareInForce: 20), spend: costs)
        let observed = try #require(decision.figures.rateObserved)
        // 1,000 an hour at 100%, so 200 an hour at 20% (within the daily profile's swing).
        #expect(observed > 100 && observed < 400, "\(observed)")
    }

    @Test("the billed frontier is found by asking, whatever the lag", arguments: [0, 1, 6, 12, 24, 47])
    func frontier(lag: Int) throws {
        let costs = HourlyCosts()
        costs.lagHours = lag
        var controller = PacingController()
        let start = Self.hour("2026-09-01T00:00:00Z")
        let decisions = try Self.drive(&controller, costs: costs, from: start, to: start + 96,
                                       demand: { _ in 1_000 }, share: 50)
        let last = decisions.last!
        let nowHour = start + 95
        #expect(last.figures.billedThrough == Date(timeIntervalSince1970: Double(nowHour - lag) * 3600))
    }
}
