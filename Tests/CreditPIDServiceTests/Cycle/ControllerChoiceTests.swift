@testable import CreditPIDCore
@testable import CreditPIDDaemon
import Foundation
import Testing

/// The share the daemon writes for a decision: the pacing controller's share is already
/// governed (and recorded in its history), so it is written as it is; the original's raw
/// output is held to the configured deadband and step limit, in whole steps.
@Suite("Control cycle: the share written for a decision")
struct ControllerChoiceTests {
    static func decision(_ share: Double, from previous: Double, spent: Double = 0) -> Decision {
        let period = BudgetPeriod(containing: TernaryFixtures.date("2026-08-12T00:00:00Z"))
        let figures = DecisionFigures(period: period, credits: 500_000, spendVisible: spent, spendEstimated: spent,
                                      idealSpend: 0, reserve: 0, hoursLeft: 100, rateNeeded: 0,
                                      rateObserved: nil, billedThrough: nil, onTrack: nil)
        return Decision(share: share, previousShare: previous, reason: "test", figures: figures)
    }

    static func choice(_ mode: Configuration.ControllerMode) -> (ControllerChoice, Configuration) {
        var configuration = Configuration()
        configuration.controller.mode = mode
        configuration.controller.deadbandPercent = 2
        configuration.controller.maxStepPercent = 5
        return (ControllerChoice(configuration: configuration, restoring: nil), configuration)
    }

    @Test("pacing: its share is written as decided, even one a second governor would hold back")
    func pacingIsGovernedOnce() {
        let (choice, configuration) = Self.choice(.pacing)
        // From a hand-set 12.5%, pacing moved to 11 (a move of 2, at the deadband, rounded);
        // a second pass from 12.5 would see a move of 1.5 and keep 12.5.
        #expect(choice.shareToWrite(Self.decision(11, from: 12.5), inForce: 12.5, configuration: configuration) == 11)
        #expect(choice.shareToWrite(Self.decision(0, from: 40, spent: 500_000), inForce: 40,
                                    configuration: configuration) == 0)
    }

    @Test("seed: the raw output is held to the deadband and the step limit, in whole steps")
    func seedIsGoverned() {
        let (choice, configuration) = Self.choice(.seed)
        #expect(choice.shareToWrite(Self.decision(37.4, from: 30), inForce: 30, configuration: configuration) == 35)
        #expect(choice.shareToWrite(Self.decision(31.2, from: 30), inForce: 30, configuration: configuration) == 30)
        #expect(choice.shareToWrite(Self.decision(27.6, from: 30), inForce: 30, configuration: configuration) == 28)
        #expect(choice.shareToWrite(Self.decision(60, from: 30, spent: 500_000), inForce: 30,
                                    configuration: configuration) == 0)
    }
}
