/// The original Python controller's arithmetic, reproduced exactly so that people can compare
/// (`Mode=seed`), faults included:
///
/// - the current day of the month counts as fully elapsed (`days_elapsed = now.day`);
/// - on the last day of the month the ideal spend is 0, so the error is the whole spend and
///   the integral winds toward its lower limit;
/// - the base share is 50 whenever the observed rate (or the rate needed) is 0, else the share
///   read from the settings comment;
/// - at or past 98% of the credits the share is 0 and the PID is not called;
/// - the PID is created afresh every run with the saved integral restored, and its `dt` is
///   whatever time passed between its creation and its call.
///
/// One fault is not reproduced: the original computed the month's length from
/// `datetime(year, month + 1, 1)` and crashed every December; here December has 31 days.
public struct SeedController: Sendable {
    public struct Settings: Sendable, Equatable, Codable {
        public var totalCredits: Double = 500_000
        public var safetyMargin: Double = 0.02
        public var kp: Double = 2.0
        public var ki: Double = 0.15
        public var kd: Double = 0.5
        public var outputLimit: Double = 40

        public init() {}

        /// The original aimed at 98% of the credits.
        public var targetCredits: Double { totalCredits * (1 - safetyMargin) }
    }

    public struct Input: Sendable, Equatable {
        /// The calendar day the original read from its clock.
        public var date: CivilDate
        public var currentSpend: Double
        public var dailySpendRate: Double
        /// The share read from the settings comment: the base when spend is flowing.
        public var rolloutPercent: Double
        /// The integral saved by the previous run, restored unclamped as the original did.
        public var integral: Double
        /// Seconds between the PID's creation and its call.
        public var dt: Double

        public init(date: CivilDate, currentSpend: Double, dailySpendRate: Double,
                    rolloutPercent: Double, integral: Double, dt: Double) {
            self.date = date
            self.currentSpend = currentSpend
            self.dailySpendRate = dailySpendRate
            self.rolloutPercent = rolloutPercent
            self.integral = integral
            self.dt = dt
        }
    }

    public struct Output: Sendable, Equatable {
        public var percentage: Double
        /// The integral to save for the next run.
        public var integral: Double
        public var components: PID.Components
        public var idealSpend: Double
        public var targetDailySpend: Double
        /// The trajectory error as a percentage of the target credits (positive: behind).
        public var errorPercent: Double
        public var basePercent: Double
        public var stoppedAtTarget: Bool
    }

    public var settings: Settings

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    public func decide(_ input: Input) -> Output {
        let target = settings.targetCredits
        if input.currentSpend >= target {
            return Output(percentage: 0, integral: input.integral,
                          components: PID.Components(proportional: 0, integral: input.integral, derivative: 0),
                          idealSpend: 0, targetDailySpend: 0, errorPercent: 0, basePercent: 0,
                          stoppedAtTarget: true)
        }

        // The day of the month counts as elapsed; on the last day there are no days left
        // and the original returned an ideal spend and a daily target of 0.
        let daysInMonth = Double(input.date.daysInMonth)
        let daysElapsed = Double(input.date.day)
        let daysRemaining = daysInMonth - daysElapsed
        var idealSpend = 0.0
        var targetDailySpend = 0.0
        if daysRemaining > 0 {
            idealSpend = (daysElapsed / daysInMonth) * target
            targetDailySpend = (target - input.currentSpend) / daysRemaining
        }
        let errorPercent = ((idealSpend - input.currentSpend) / target) * 100

        let base: Double
        if input.dailySpendRate > 0 && targetDailySpend > 0 {
            base = min(100, max(0, input.rolloutPercent))
        } else {
            base = 50.0
        }

        // A fresh PID with the saved integral, called once with the negated error.
        var pid = PID(kp: settings.kp, ki: settings.ki, kd: settings.kd, setpoint: 0,
                      outputLimits: .init(lower: -settings.outputLimit, upper: settings.outputLimit))
        pid.integral = input.integral
        // simple-pid replaces a zero time step by 1e-16 rather than skipping the step.
        let dt = input.dt == 0 ? 1e-16 : input.dt
        let adjustment = pid.update(input: -errorPercent, dt: dt) ?? 0

        return Output(percentage: max(0, min(100, base + adjustment)), integral: pid.integral,
                      components: pid.components, idealSpend: idealSpend,
                      targetDailySpend: targetDailySpend, errorPercent: errorPercent,
                      basePercent: base, stoppedAtTarget: false)
    }
}
