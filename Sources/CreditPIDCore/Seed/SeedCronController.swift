import FoundationEssentials

/// The original controller run the way its hourly cron job ran it: a fresh PID every run
/// with the saved integral restored, the time step being how long its API calls took (2 s),
/// the base share being the share in force, and the rate being the spend since UTC midnight
/// `lookbackDays` days ago divided by `lookbackDays`.
///
/// Unlike the original, the integral does not carry into a new month: it starts at 0 there.
public struct SeedCronController: ShareController {
    public struct Settings: Sendable, Equatable, Codable {
        public var arithmetic = SeedController.Settings()
        public var lookbackDays = 1
        /// The PID's time step in seconds: the original's API latency, not the interval.
        public var pidStepSeconds = 2.0

        public init() {}
    }

    public struct State: Sendable, Equatable, Codable {
        public var period: BudgetPeriod
        public var integral: Double
    }

    public var settings: Settings
    public private(set) var state: State?

    public init(settings: Settings = Settings(), state: State? = nil) {
        self.settings = settings
        self.state = state
    }

    public mutating func decide(_ context: DecisionContext, spend: any SpendSource) throws -> Decision {
        let period = BudgetPeriod(containing: context.now)
        let days = Int((context.now.timeIntervalSince1970 / 86_400).rounded(.down))
        let lookback = max(1, settings.lookbackDays)
        let rateStart = Date(timeIntervalSince1970: Double(days - lookback) * 86_400)

        let current = try spend.spend(from: period.start, to: context.now)
        let rate = try spend.spend(from: rateStart, to: context.now) / Double(lookback)

        let integral = state?.period == period ? state?.integral ?? 0 : 0
        let output = SeedController(settings: settings.arithmetic).decide(SeedController.Input(
            date: CivilDate(daysSinceEpoch: days), currentSpend: current, dailySpendRate: rate,
            rolloutPercent: context.shareInForce, integral: integral, dt: settings.pidStepSeconds))
        state = State(period: period, integral: output.integral)

        let credits = settings.arithmetic.totalCredits
        let trajectory = Trajectory(period: period, credits: credits)
        let figures = DecisionFigures(
            period: period, credits: credits, spendVisible: current, spendEstimated: current,
            idealSpend: output.idealSpend, reserve: credits - settings.arithmetic.targetCredits,
            hoursLeft: period.remaining(at: context.now) / 3600,
            rateNeeded: trajectory.rateNeeded(at: context.now, spent: current), rateObserved: rate / 24,
            billedThrough: nil, onTrack: abs(output.errorPercent) <= 2)
        let reason = output.stoppedAtTarget ? "at or past 98% of the credits" : "the PID's answer to the error from the line"
        return Decision(share: output.percentage, previousShare: context.shareInForce,
                        reason: reason, figures: figures)
    }
}
