import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The plan for the rest of the month.
///
/// Spend is seen `lag` hours late, so if demand turned out `r` times the forecast, the excess
/// of the hours not billed yet shows only when their bills arrive; by then, what is still
/// planned after them must be enough to cut back and absorb it. Far from the end that is
/// never a problem. Near the end it is, so the share follows a ramp down to the end: going
/// back from the last hour, the planned share may grow by `r / (r - 1)` per `lag` hours, from
/// `endShareFraction` of the share that spends the rest evenly. `r` is `1 + k σ`, where σ is
/// the controller's own relative forecast error over lag-long windows and `k` is
/// `reserveDeviations`; the reserve is the excess `r` would cause in the hours whose bills
/// come after the period has ended: `(r - 1)` times their spend, spent or planned. So
///
///     spent + unbilled + Σ p·g(h)·demand(h) + (r - 1)·(unbilled_last + Σ_last p·g(h)·demand(h))
///         = credits,
///
/// with `g` the ramp, solved for the share `p`; the share applied now is `p·g(now)`.
extension PacingController {
    struct Plan {
        var share: Double
        var reserve: Double
        var feasible: Bool
        var reason: String
    }

    func planShare(now: Double, left: Double, unbilledAfterEnd: Double, aheadOfLine: Double,
                   state: PacingState) -> Plan {
        let demand = state.demand
        let periodEnd = state.period.end.timeIntervalSince1970
        let lag = Double(max(1, state.maximumLag))
        let surge = 1 + settings.reserveDeviations * max(settings.minimumForecastError, demand.relativeError)
        let growth = surge / (surge - 1)
        let floor = min(1, max(1e-3, settings.endShareFraction))
        // The ramp reaches 1 this many hours before the end.
        let rampHours = lag * log(1 / floor) / log(growth)
        func ramp(_ hoursBeforeEnd: Double) -> Double {
            min(1, floor * pow(growth, max(0, hoursBeforeEnd) / lag))
        }

        // Demand of the hours before the ramp, at a share of p; then the ramp hour by hour.
        let rampBegins = periodEnd - rampHours * 3600
        let rampStart = max(now, rampBegins)
        var weighted = forecastSum(demand, from: now, to: rampStart)
        // The ramp: a partial first hour, then whole hours whose factor shrinks by the same
        // ratio each hour.
        var last = 0.0   // the hours whose bills come after the end: the last lag + 1
        let endHour = Int((periodEnd / 3600).rounded(.down))
        let firstWhole = Int((rampStart / 3600).rounded(.up))
        if Double(firstWhole) * 3600 > rampStart {
            let part = (Double(firstWhole) * 3600 - rampStart) / 3600
                * ramp((periodEnd - rampStart) / 3600) * demand.forecast(firstWhole - 1)
            weighted += part
            if Double(endHour - firstWhole) < lag + 1 { last += part }
        }
        if firstWhole < endHour {
            let sums = demand.geometricSum(
                fromHour: firstWhole, toHour: endHour,
                firstWeight: ramp(Double(endHour - firstWhole) - 0.5), ratio: 1 / pow(growth, 1 / lag),
                tailFrom: endHour - Int(lag.rounded(.up)) - 1)
            weighted += sums.total
            last += sums.tail
        }
        let denominator = weighted + (surge - 1) * last
        guard denominator > 0 else {
            return Plan(share: 0, reserve: 0, feasible: false, reason: "no demand is forecast for the hours left")
        }
        let committedReserve = (surge - 1) * unbilledAfterEnd
        let even = max(0, 100 * (left - committedReserve) / denominator)
        var share = even * ramp((periodEnd - now) / 3600)
        // Away from the end, a gap to the straight line wider than the band is closed over
        // the next days rather than over the rest of the month, so that a surge's excess
        // does not linger; inside the band the share stays even, so noise does not move it.
        let horizon = settings.lineHorizonHours * 3600
        let band = settings.lineBandFraction * settings.totalCredits
        let beyondBand = aheadOfLine > 0 ? max(0, aheadOfLine - band) : min(0, aheadOfLine + band)
        if settings.lineHorizonHours > 0, beyondBand != 0, now + horizon < rampBegins {
            let nearDemand = forecastSum(demand, from: now, to: now + horizon)
            if nearDemand > 0 { share = max(0, share - 100 * beyondBand / nearDemand) }
        }
        let reserve = committedReserve + (surge - 1) * min(even, 100) / 100 * last
        let inRamp = now >= rampBegins
        var reason = inRamp ? "end of month: on the ramp down, as the last bills come too late to correct" : "on plan"
        // In the hours whose bills come after the end, a rise could never be corrected, and
        // what seems to free credits there is as likely noise: the share only goes down.
        if now >= periodEnd - (lag + 1) * 3600, share > state.history.current {
            share = state.history.current
            reason = "end of month: holding the share, the last bills come after the end"
        }
        if share >= 100 { reason = "behind: even every job cannot use the credits left" }
        return Plan(share: min(100, share), reserve: reserve, feasible: share > 0 && share < 100, reason: reason)
    }

    /// Forecast demand at 100% over `[start, end)`, counting a partial first or last hour
    /// by its part.
    func forecastSum(_ demand: DemandModel, from start: Double, to end: Double) -> Double {
        guard end > start else { return 0 }
        let firstWhole = Int((start / 3600).rounded(.up))
        let lastWhole = Int((end / 3600).rounded(.down))
        guard firstWhole <= lastWhole else { return (end - start) / 3600 * demand.forecast(lastWhole) }
        var total = demand.forecastTotal(fromHour: firstWhole, toHour: lastWhole)
        total += (Double(firstWhole) * 3600 - start) / 3600 * demand.forecast(firstWhole - 1)
        total += (end - Double(lastWhole) * 3600) / 3600 * demand.forecast(lastWhole)
        return total
    }
}
