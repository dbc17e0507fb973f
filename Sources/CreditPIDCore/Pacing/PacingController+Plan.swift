/// The plan: one share `p` for the hours that can still be corrected, `fraction × p` for
/// the end-of-month window, and a reserve against the window's forecast error, such that
///
///     spent + unbilled + p × (corrected demand + fraction × window demand)
///           + deviations × error × fraction × p × window demand  =  credits.
///
/// The window is the last `2 × lag + 1` hours: a bill for an hour inside it comes after the
/// share could still make up for it, and an error in the hours just before it can only be
/// made up inside it. Inside the window the share never rises above where it began.
extension PacingController {
    struct Plan {
        var share: Double
        var reserve: Double
        var feasible: Bool
        var reason: String
    }

    func planShare(now: Double, nowHour: Int, left: Double, state: inout PacingState) -> Plan {
        let periodEnd = state.period.end.timeIntervalSince1970
        let endHour = UTCHours.index(state.period.end)
        let window = 2 * state.maximumLag + 1
        let windowStartHour = max(endHour - window, UTCHours.index(state.period.start))
        let windowStart = Double(windowStartHour) * 3600
        let inWindow = now >= windowStart

        let demand = state.demand
        let corrected = forecastSum(demand, from: now, to: min(windowStart, periodEnd), nowHour: nowHour)
        let windowLeft = forecastSum(demand, from: max(now, windowStart), to: periodEnd, nowHour: nowHour)
        let windowWhole = forecastSum(demand, from: windowStart, to: periodEnd, nowHour: nowHour)

        let fraction = settings.endShareFraction
        let deviations = settings.reserveDeviations * demand.relativeError
        let denominator = corrected + fraction * windowLeft + deviations * fraction * windowWhole
        guard denominator > 0 else {
            return Plan(share: 0, reserve: 0, feasible: false, reason: "no demand is forecast for the hours left")
        }
        let base = 100 * left / denominator
        let reserve = deviations * fraction * min(base, 100) / 100 * windowWhole
        var share = inWindow ? fraction * base : base
        var reason = inWindow ? "end of month: the last bills arrive too late to correct" : "on plan"
        if inWindow {
            if state.shareAtEndWindow == nil { state.shareAtEndWindow = state.history.current }
            if let cap = state.shareAtEndWindow, share > cap {
                share = cap
                reason = "end of month: holding the share where the window began"
            }
        } else {
            state.shareAtEndWindow = nil
        }
        let feasible = share > 0 && share < 100
        if share >= 100 { reason = "behind: even every job cannot use the credits left" }
        return Plan(share: min(100, share), reserve: reserve, feasible: feasible, reason: reason)
    }

    /// Forecast demand at 100% over `[start, end)`, counting partial hours by their part.
    private func forecastSum(_ demand: DemandModel, from start: Double, to end: Double, nowHour: Int) -> Double {
        guard end > start else { return 0 }
        let firstHour = Int((start / 3600).rounded(.down))
        let lastHour = Int((end / 3600).rounded(.up))
        var total = 0.0
        for hour in firstHour..<lastHour {
            let hourStart = Double(hour) * 3600
            let part = (min(end, hourStart + 3600) - max(start, hourStart)) / 3600
            total += part * demand.forecast(hour)
        }
        return total
    }
}
