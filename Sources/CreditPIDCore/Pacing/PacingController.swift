import FoundationEssentials

/// The default controller: it plans the rest of the month instead of reacting to the error.
///
/// Each cycle it finds the latest billed hour, learns the demand of the hours billed since
/// the last cycle (their cost divided by the share that was in force), and estimates the
/// spend of the hours not billed yet from the shares it applied to them. What is left of the
/// credits, less a reserve, is then spread over the forecast demand of the hours left: the
/// share that spends exactly that is the decision. The last hours of the month, whose bills
/// come too late to correct anything, get a fraction of that share, and the reserve is sized
/// by how wrong its own forecasts have been over windows as long as the billing lag.
public struct PacingController: ShareController {
    public var settings: PacingSettings
    public private(set) var state: PacingState?

    public init(settings: PacingSettings = PacingSettings(), state: PacingState? = nil) {
        self.settings = settings
        self.state = state
    }

    public mutating func decide(_ context: DecisionContext, spend: any SpendSource) throws -> Decision {
        let now = context.now.timeIntervalSince1970
        // Read everything first: if the spend cannot be read, nothing is learned or changed.
        let period = Self.period(of: context.now, knowing: state?.period)
        let bills = try readBills(context, in: period, spend: spend)
        var state = takeState(for: context, in: period)
        let periodEnd = period.end.timeIntervalSince1970
        let credits = settings.totalCredits
        let visible = bills.visible
        let frontier = bills.latestBilledHour
        let nowHour = UTCHours.index(context.now)
        let billedEnd = frontier.map { $0 + 1 } ?? UTCHours.index(period.start)
        state.noteLag(hours: nowHour - billedEnd)
        learn(bills.newlyBilled, state: &state)
        state.billedEnd = max(state.billedEnd ?? billedEnd, billedEnd)

        let (unbilled, unbilledToTheEnd) = unbilledSpend(state, from: billedEnd, nowHour: nowHour, now: now)
        let estimated = visible + unbilled
        if state.demand.isReady {
            state.noteForecast(hour: nowHour, demand: state.demand.cautiousForecast(nowHour))
        }

        let trajectory = Trajectory(period: period, credits: credits,
                                    lineStart: state.lineStart, spentAtLineStart: state.spentAtLineStart ?? visible)
        if state.spentAtLineStart == nil { state.spentAtLineStart = visible }
        let hoursLeft = max(0, (periodEnd - now) / 3600)
        var figures = DecisionFigures(
            period: period, credits: credits, spendVisible: visible, spendEstimated: estimated,
            idealSpend: trajectory.idealSpend(at: context.now), reserve: 0, hoursLeft: hoursLeft,
            rateNeeded: trajectory.rateNeeded(at: context.now, spent: estimated),
            rateObserved: state.demand.isReady
                ? context.shareInForce / 100 * state.demand.forecast(nowHour) : nil,
            billedThrough: frontier.map { UTCHours.date($0 + 1) }, onTrack: nil)
        figures.forecastError = state.demand.isReady ? state.demand.relativeError : nil

        let previous = context.shareInForce
        let target: Double
        let reason: String
        if estimated >= credits {
            target = 0
            figures.onTrack = false
            reason = "the credits are spent"
        } else if !state.demand.isReady {
            target = max(previous, settings.coldStartPercent)
            reason = "no hour under control is billed yet"
        } else {
            let plan = planShare(now: now, left: credits - estimated, unbilledAfterEnd: unbilledToTheEnd,
                                 aheadOfLine: estimated - figures.idealSpend, state: state)
            target = plan.share
            figures.reserve = plan.reserve
            figures.onTrack = plan.feasible
            reason = plan.reason
        }
        let share = ShareGovernor(settings: settings).next(from: previous, toward: target,
                                                           spentOut: estimated >= credits)
        state.history.record(share, since: now)
        state.lastDecision = context.now
        self.state = state
        return Decision(share: share, previousShare: previous, reason: reason, figures: figures)
    }

    /// The spend not billed yet, from the shares applied and the cautious forecast; and the
    /// part of it whose bills will come only after the period has ended.
    private func unbilledSpend(_ state: PacingState, from billedEnd: Int, nowHour: Int,
                               now: Double) -> (total: Double, afterEnd: Double) {
        let lastBilledInTime = UTCHours.index(state.period.end) - max(1, state.maximumLag) - 1
        var total = 0.0
        var afterEnd = 0.0
        func count(_ hour: Int, share: Double, part: Double) {
            let cost = part * share / 100 * state.demand.cautiousForecast(hour)
            total += cost
            if hour >= lastBilledInTime { afterEnd += cost }
        }
        state.history.forEachHour(from: billedEnd, to: nowHour) { count($0, share: $1, part: 1) }
        // The hour running now, by the part of it gone.
        let running = (now - Double(nowHour) * 3600) / 3600
        if running > 0, nowHour >= billedEnd {
            count(nowHour, share: state.history.meanShare(from: Double(nowHour) * 3600, to: now), part: running)
        }
        return (total, afterEnd)
    }

    /// The state for this cycle: a new period starts from clean accounting (only the demand
    /// model, what was learned about the plant, carries over), and the share in force is
    /// recorded as read back from the sink.
    private mutating func takeState(for context: DecisionContext, in period: BudgetPeriod) -> PacingState {
        let now = context.now.timeIntervalSince1970
        // Taken out, so that the cycle's copy is the only one and its arrays are not copied.
        var taken = self.state.take()
        guard taken?.period == period, var state = taken.take() else {
            return PacingState(period: period, start: now, shareInForce: context.shareInForce,
                               demand: taken?.demand ?? DemandModel(settings: demandSettings))
        }
        // The share read back is what was really in force since the last decision: a dry
        // run, a failed write or a hand edit all show here.
        if state.history.current != context.shareInForce {
            state.history.record(context.shareInForce, since: state.lastDecision?.timeIntervalSince1970 ?? now)
        }
        return state
    }

    private var demandSettings: DemandModel.Settings {
        var demand = DemandModel.Settings()
        demand.fastWeight = 1 / max(1, settings.surgeResponseHours)
        return demand
    }

    /// What the spend source says this cycle: the month to date, the latest billed hour, and
    /// the cost of each hour billed since the last cycle (wholly under control, with a share).
    struct Bills {
        var visible: Double
        var latestBilledHour: Int?
        var newlyBilled: [(hour: Int, cost: Double, share: Double)]
    }

    /// The period of `date`: usually the one already known, found without calendar work.
    private static func period(of date: Date, knowing known: BudgetPeriod?) -> BudgetPeriod {
        if let known, known.contains(date) { return known }
        return BudgetPeriod(containing: date)
    }

    private func readBills(_ context: DecisionContext, in period: BudgetPeriod,
                           spend: any SpendSource) throws -> Bills {
        let known = state?.period == period ? state : nil
        let visible = try spend.spend(from: period.start, to: context.now)
        let frontier = try VisibilityFrontier.latestBilledHour(
            before: context.now, notBefore: period.start, searchHours: settings.searchHours,
            previousLag: known?.recentLags.last, spend: spend)
        var newlyBilled: [(hour: Int, cost: Double, share: Double)] = []
        if let known, let frontier {
            // Only hours wholly under control teach demand: before that the shares are unknown.
            let firstOwnHour = Int((known.controlStart / 3600).rounded(.up))
            var hour = max(known.billedEnd ?? firstOwnHour, firstOwnHour,
                           frontier + 1 - settings.maxHoursLearnedPerCycle)
            while hour <= frontier {
                let start = UTCHours.date(hour)
                let share = known.history.meanShare(from: start.timeIntervalSince1970,
                                                    to: start.timeIntervalSince1970 + 3600)
                if share >= 1 {
                    newlyBilled.append((hour, try spend.spend(from: start, to: UTCHours.date(hour + 1)), share))
                }
                hour += 1
            }
        }
        return Bills(visible: visible, latestBilledHour: frontier, newlyBilled: newlyBilled)
    }

    private func learn(_ billed: [(hour: Int, cost: Double, share: Double)], state: inout PacingState) {
        let window = state.maximumLag + 1
        for (hour, cost, share) in billed {
            let counted = state.takeForecast(hour: hour)
            state.demand.learn(hour: hour, demand: cost / (share / 100), window: window, forecastWhenRun: counted)
        }
    }
}
