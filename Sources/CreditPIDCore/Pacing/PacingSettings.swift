/// The pacing controller's parameters. The defaults are what the simulator's scenario
/// families were judged with; the README explains each.
public struct PacingSettings: Sendable, Equatable, Codable {
    public var totalCredits: Double = 500_000
    /// The share moves in steps of this many percent (1: whole percent).
    public var resolutionPercent: Double = 1
    /// A new share is applied only when it differs from the one in force by at least this.
    public var deadbandPercent: Double = 2
    /// The most the share moves in one cycle (except to 0 once the credits are gone).
    public var maxStepPercent: Double = 20
    /// Until the first hour under its control is billed, the controller has measured no
    /// demand at all; it keeps the share in force, but at least this much.
    public var coldStartPercent: Double = 60
    /// The reserve, in standard deviations of the controller's own forecast error, held
    /// against the spend it will not see before the period ends.
    public var reserveDeviations: Double = 4
    /// The forecast error assumed at least, whatever the controller has measured: a calm
    /// stretch says little about the hour-to-hour spikes it has not met yet.
    public var minimumForecastError: Double = 0.1
    /// The share in the last hours of the period, as a fraction of the share before them:
    /// the hours whose bills arrive too late to correct anything run on a low share, so
    /// that an error there is small.
    public var endShareFraction: Double = 0.1
    /// A gap between the estimated spend and the straight line to the credits is closed over
    /// this many hours (0: spread over the rest of the month).
    public var lineHorizonHours: Double = 96
    /// The gap, as a fraction of the credits, left alone.
    public var lineBandFraction: Double = 0.04
    /// The memory, in hours, of the demand level that notices a surge or an outage.
    public var surgeResponseHours: Double = 8
    /// How far back the controller looks for the latest billed hour.
    public var searchHours: Int = 96
    /// A cycle learns at most this many newly billed hours (billing can jump ahead by days
    /// after an outage; older ones are skipped).
    public var maxHoursLearnedPerCycle: Int = 96

    public init() {}

    public init(totalCredits: Double) {
        self.totalCredits = totalCredits
    }
}
