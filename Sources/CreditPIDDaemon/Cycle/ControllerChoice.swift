import CreditPIDCore
import FoundationEssentials

/// The controller `Mode=` selects, with the settings the configuration gives it.
enum ControllerChoice {
    case pacing(PacingController)
    case seed(SeedCronController)

    /// Restores the saved state when it belongs to the same mode; otherwise starts fresh.
    init(configuration: Configuration, restoring saved: DaemonState?) {
        let sameMode = saved?.mode == configuration.controller.mode.rawValue ? saved : nil
        switch configuration.controller.mode {
        case .pacing:
            self = .pacing(PacingController(settings: Self.pacingSettings(configuration), state: sameMode?.pacing))
        case .seed:
            self = .seed(SeedCronController(settings: Self.seedSettings(configuration), state: sameMode?.seed))
        }
    }

    var mode: Configuration.ControllerMode {
        switch self {
        case .pacing: return .pacing
        case .seed: return .seed
        }
    }

    mutating func decide(_ context: DecisionContext, spend: any SpendSource) throws -> Decision {
        switch self {
        case .pacing(var controller):
            defer { self = .pacing(controller) }
            return try controller.decide(context, spend: spend)
        case .seed(var controller):
            defer { self = .seed(controller) }
            return try controller.decide(context, spend: spend)
        }
    }

    func save(into state: inout DaemonState) {
        state.mode = mode.rawValue
        switch self {
        case .pacing(let controller):
            state.pacing = controller.state
            state.seed = nil
        case .seed(let controller):
            state.seed = controller.state
            state.pacing = nil
        }
    }

    /// The share to write for `decision`, made from `inForce`. The pacing controller's is
    /// already within its deadband and step limit, and is what its history records, so it is
    /// taken as it is. The original's arithmetic knows neither: its output is held to the
    /// same deadband and step limit, in whole steps.
    func shareToWrite(_ decision: Decision, inForce: Double, configuration: Configuration) -> Double {
        switch self {
        case .pacing:
            return decision.share
        case .seed:
            let governor = ShareGovernor(deadbandPercent: configuration.controller.deadbandPercent,
                                         maxStepPercent: configuration.controller.maxStepPercent,
                                         resolutionPercent: 1)
            return governor.next(from: inForce, toward: decision.share,
                                 spentOut: decision.figures.spendEstimated >= decision.figures.credits)
        }
    }

    static func pacingSettings(_ configuration: Configuration) -> PacingSettings {
        var settings = PacingSettings(totalCredits: configuration.budget.totalCredits)
        settings.maxStepPercent = configuration.controller.maxStepPercent
        settings.deadbandPercent = configuration.controller.deadbandPercent
        return settings
    }

    static func seedSettings(_ configuration: Configuration) -> SeedCronController.Settings {
        var settings = SeedCronController.Settings()
        settings.arithmetic.totalCredits = configuration.budget.totalCredits
        settings.arithmetic.kp = configuration.controller.kp
        settings.arithmetic.ki = configuration.controller.ki
        settings.arithmetic.kd = configuration.controller.kd
        settings.lookbackDays = configuration.controller.lookbackDays
        return settings
    }
}
