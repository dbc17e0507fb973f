import FoundationEssentials

/// What a cycle knows besides the spend: the time, and the share actually in force (read back
/// from the routing sink, so a share someone set by hand, or a dry run, is what the controller
/// learns from). There is no time step here: the pacing controller works on UTC hours, and the
/// original's PID steps by its fixed API latency, so a wall-clock step can move the calendar
/// but never a PID.
public struct DecisionContext: Sendable, Equatable {
    /// UTC wall time: it places the cycle in the calendar.
    public var now: Date
    /// The share in force as read from the sink, 0-100.
    public var shareInForce: Double

    public init(now: Date, shareInForce: Double) {
        self.now = now
        self.shareInForce = shareInForce
    }
}

/// A cycle's decision and the figures behind it, for the journal, STATUS= and `status`.
public struct Decision: Sendable, Equatable, Codable {
    public var share: Double
    public var previousShare: Double
    /// One short line on why, in plain words.
    public var reason: String
    public var figures: DecisionFigures

    public var changed: Bool { share != previousShare }

    public init(share: Double, previousShare: Double, reason: String, figures: DecisionFigures) {
        self.share = share
        self.previousShare = previousShare
        self.reason = reason
        self.figures = figures
    }
}

public struct DecisionFigures: Sendable, Equatable, Codable {
    public var period: BudgetPeriod
    public var credits: Double
    /// Month-to-date spend as the billing data shows it now.
    public var spendVisible: Double
    /// Visible spend plus the controller's estimate of what is not billed yet.
    public var spendEstimated: Double
    /// Where the straight line to the credits stands now.
    public var idealSpend: Double
    /// Credits held back against the controller's own uncertainty.
    public var reserve: Double
    public var hoursLeft: Double
    /// USD per hour that would use what is left by the period's end.
    public var rateNeeded: Double
    /// USD per hour spent at the share in force, by the controller's demand estimate.
    public var rateObserved: Double?
    /// The end of the latest billed hour, if any hour of the period is billed.
    public var billedThrough: Date?
    /// The plan reaches the credits with a share strictly inside 0-100; nil while the
    /// controller has measured nothing to plan with (a cold start).
    public var onTrack: Bool?
    /// The controller's relative forecast error over a billing lag, one standard deviation.
    public var forecastError: Double?

    public init(period: BudgetPeriod, credits: Double, spendVisible: Double, spendEstimated: Double,
                idealSpend: Double, reserve: Double, hoursLeft: Double, rateNeeded: Double,
                rateObserved: Double?, billedThrough: Date?, onTrack: Bool?) {
        self.period = period
        self.credits = credits
        self.spendVisible = spendVisible
        self.spendEstimated = spendEstimated
        self.idealSpend = idealSpend
        self.reserve = reserve
        self.hoursLeft = hoursLeft
        self.rateNeeded = rateNeeded
        self.rateObserved = rateObserved
        self.billedThrough = billedThrough
        self.onTrack = onTrack
        forecastError = nil
    }
}
