import Testing
import Foundation
import CreditPIDCore

/// The pacing controller's figures over the public scenarios, against what is required of it
/// (and, for contrast, what the original reaches there).
@Suite("Controller figures over the public scenarios")
struct SimulationFiguresTests {
    static func scenarios() throws -> [Scenario] {
        try Fixtures.scenarioFiles.map { url in
            try Scenario(json: Array(try Data(contentsOf: url)), source: url.lastPathComponent)
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    @Test("pacing: no month overspent, utilization >= 0.990 worst and >= 0.995 median, tracking <= 0.10, <= 150 changes")
    func pacingMeetsTheTargets() throws {
        let scenarios = try Self.scenarios()
        #expect(scenarios.count == 12)
        var results: [SimulationResult] = []
        for scenario in scenarios {
            var controller = PacingController(settings: PacingSettings(totalCredits: scenario.totalCredits))
            results.append(Simulator.run(scenario, controller: &controller))
        }
        for result in results {
            print("pacing \(result.scenario.name): utilization \(result.utilization) overspend \(result.overspend) tracking \(result.maxTrackingError) changes \(result.changes)")
            #expect(result.overspend == 0, "\(result.scenario.name) overspent by \(result.overspend)")
            #expect(result.utilization >= 0.990, "\(result.scenario.name): utilization \(result.utilization)")
            #expect(result.maxTrackingError <= 0.10, "\(result.scenario.name): tracking \(result.maxTrackingError)")
        }
        #expect(Self.median(results.map(\.utilization)) >= 0.995)
        #expect(Self.median(results.map { Double($0.changes) }) <= 150)
    }

    @Test("seed: the original overspends in 5 to 7 of the 12 months, as measured of it")
    func seedReproducesTheOriginal() throws {
        var overspent = 0
        var utilizations: [Double] = []
        var tracking = 0.0
        for scenario in try Self.scenarios() {
            var settings = SeedCronController.Settings()
            settings.arithmetic.totalCredits = scenario.totalCredits
            var controller = SeedCronController(settings: settings)
            let result = Simulator.run(scenario, controller: &controller)
            print("seed \(scenario.name): utilization \(result.utilization) overspend \(result.overspend) tracking \(result.maxTrackingError) changes \(result.changes)")
            if result.overspend > 0 { overspent += 1 }
            utilizations.append(result.utilization)
            tracking = max(tracking, result.maxTrackingError)
        }
        #expect((5...7).contains(overspent))
        #expect((0.92...0.95).contains(utilizations.min()!))
        #expect((0.28...0.30).contains(tracking))
    }
}
