import FoundationEssentials

/// What the pacing controller carries from one cycle to the next, and what the daemon saves.
public struct PacingState: Sendable, Equatable, Codable {
    public private(set) var period: BudgetPeriod
    /// When this controller took over in this period (seconds since 1970).
    var controlStart: Double
    var history: ShareHistory
    var demand: DemandModel
    /// The first hour not yet learned from (all before it are billed and learned).
    var billedEnd: Int?
    /// The billing lags seen in recent cycles, in hours: the end-of-month window is sized by
    /// the largest, since billing arrives in batches and the lag breathes.
    var recentLags: [Int] = []
    /// The spend when this controller took over: with `controlStart`, where the straight
    /// line of the tracking error starts.
    var spentAtLineStart: Double?
    public internal(set) var lastDecision: Date?

    init(period: BudgetPeriod, start: Double, shareInForce: Double, demand: DemandModel) {
        self.period = period
        controlStart = start
        history = ShareHistory(start: period.start.timeIntervalSince1970, share: shareInForce)
        self.demand = demand
    }

    /// Where the straight line of the tracking error starts.
    var lineStart: Date { Date(timeIntervalSince1970: controlStart) }

    /// The forecasts counted for recent hours while they ran, from `forecastsFromHour` on,
    /// kept until the hours are billed and the forecasts can be checked.
    var forecastsWhenRun: [Double] = []
    var forecastsFromHour: Int?

    mutating func noteForecast(hour: Int, demand: Double) {
        guard let first = forecastsFromHour else {
            forecastsFromHour = hour
            forecastsWhenRun = [demand]
            return
        }
        let index = hour - first
        if index == forecastsWhenRun.count { forecastsWhenRun.append(demand) }
        if index > forecastsWhenRun.count || index < 0 {   // a gap (a pause) or a clock step
            forecastsFromHour = hour
            forecastsWhenRun = [demand]
        }
    }

    /// The forecast noted for `hour`, forgetting those before it.
    mutating func takeForecast(hour: Int) -> Double? {
        guard let first = forecastsFromHour else { return nil }
        let drop = min(forecastsWhenRun.count, max(0, hour - first))
        forecastsWhenRun.removeFirst(drop)
        forecastsFromHour = first + drop
        guard hour == first + drop, !forecastsWhenRun.isEmpty else { return nil }
        return forecastsWhenRun[0]
    }

    /// The largest of `recentLags`.
    private(set) var maximumLag = 0

    mutating func noteLag(hours: Int) {
        let lag = max(0, hours)
        recentLags.append(lag)
        var droppedTheMaximum = false
        if recentLags.count > 48 {
            droppedTheMaximum = recentLags.removeFirst() == maximumLag
        }
        // Only losing the largest lag to a smaller new one needs a new search.
        if lag >= maximumLag {
            maximumLag = lag
        } else if droppedTheMaximum {
            maximumLag = recentLags.max() ?? 0
        }
    }
}
