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
    /// The share in force when the end-of-month window began: the share never rises above
    /// it inside the window.
    var shareAtEndWindow: Double?
    /// Where the straight line of the tracking error starts.
    var lineStart: Date
    var spentAtLineStart: Double?
    public internal(set) var lastDecision: Date?

    init(period: BudgetPeriod, start: Double, shareInForce: Double, demand: DemandModel) {
        self.period = period
        controlStart = start
        history = ShareHistory(start: period.start.timeIntervalSince1970, share: shareInForce)
        self.demand = demand
        lineStart = Date(timeIntervalSince1970: start)
    }

    var maximumLag: Int { recentLags.max() ?? 0 }

    mutating func noteLag(hours: Int) {
        recentLags.append(max(0, hours))
        if recentLags.count > 48 { recentLags.removeFirst(recentLags.count - 48) }
    }
}
