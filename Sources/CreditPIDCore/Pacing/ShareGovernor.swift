/// Turns the share a controller wants into the share that is applied: whole steps, a
/// deadband and a step limit, so that the comment other systems read changes rarely and a
/// bad reading cannot swing it far in one cycle. Reaching 0 once the credits are gone is
/// never held back.
public struct ShareGovernor: Sendable, Equatable {
    public var deadbandPercent: Double
    public var maxStepPercent: Double
    public var resolutionPercent: Double

    public init(deadbandPercent: Double, maxStepPercent: Double, resolutionPercent: Double) {
        self.deadbandPercent = deadbandPercent
        self.maxStepPercent = maxStepPercent
        self.resolutionPercent = resolutionPercent
    }

    init(settings: PacingSettings) {
        self.init(deadbandPercent: settings.deadbandPercent, maxStepPercent: settings.maxStepPercent,
                  resolutionPercent: settings.resolutionPercent)
    }

    public func next(from current: Double, toward wanted: Double, spentOut: Bool) -> Double {
        if spentOut { return 0 }
        let wanted = min(100, max(0, wanted))
        guard abs(wanted - current) >= deadbandPercent else { return current }
        let step = maxStepPercent
        let limited = min(current + step, max(current - step, wanted))
        let resolution = resolutionPercent
        let rounded = resolution > 0 ? (limited / resolution).rounded() * resolution : limited
        return min(100, max(0, rounded))
    }
}
