import CreditPIDCore
import FoundationEssentials

/// The words and fields of a cycle: the STATUS= line (short, human), the journal message
/// (readable alone) and the journal fields (one figure each, for `journalctl FIELD=…`).
enum CycleText {
    static func status(decision: Decision, share: Double, inForce: Double, outcome: RoutingOutcome?,
                       dryRun: Bool, now: Date) -> String {
        let figures = decision.figures
        var text = "share \(PlainNumber.format(share))%, \(money(figures.spendEstimated)) of \(money(figures.credits))"
        text += figures.onTrack ? ", on track" : ", \(decision.reason)"
        if outcome == nil { text += ", not applied (sink failed)" } else if dryRun, share != inForce {
            text += " (dry run, in force \(PlainNumber.format(inForce))%)"
        }
        if let billed = figures.billedThrough, now >= billed {
            text += ", billed to \(duration(now.timeIntervalSince(billed))) ago"
        }
        return text
    }

    static func decisionMessage(decision: Decision, share: Double, previous: Double) -> String {
        let figures = decision.figures
        let change = share == previous ? "Share stays \(PlainNumber.format(share))%"
                                       : "Share \(PlainNumber.format(previous))% -> \(PlainNumber.format(share))%"
        return "\(change): \(decision.reason); \(money(figures.spendEstimated)) of \(money(figures.credits)) spent "
            + "by estimate (\(money(figures.spendVisible)) billed), line at \(money(figures.idealSpend)), "
            + "\(Int(figures.hoursLeft.rounded())) h left"
    }

    static func fields(decision: Decision, share: Double, previous: Double, outcome: RoutingOutcome?,
                       mode: String, dryRun: Bool) -> [String: String] {
        let figures = decision.figures
        var fields = [
            "CREDIT_PID_SHARE": PlainNumber.format(share),
            "CREDIT_PID_PREVIOUS_SHARE": PlainNumber.format(previous),
            "CREDIT_PID_CONTROLLER_SHARE": number(decision.share),
            "CREDIT_PID_SPEND": number(figures.spendVisible),
            "CREDIT_PID_SPEND_ESTIMATED": number(figures.spendEstimated),
            "CREDIT_PID_CREDITS": number(figures.credits),
            "CREDIT_PID_IDEAL_SPEND": number(figures.idealSpend),
            "CREDIT_PID_RESERVE": number(figures.reserve),
            "CREDIT_PID_HOURS_LEFT": number(figures.hoursLeft),
            "CREDIT_PID_RATE_NEEDED": number(figures.rateNeeded),
            "CREDIT_PID_ON_TRACK": figures.onTrack ? "1" : "0",
            "CREDIT_PID_PERIOD": figures.period.description,
            "CREDIT_PID_MODE": mode,
            "CREDIT_PID_DRY_RUN": dryRun ? "1" : "0",
            "CREDIT_PID_APPLIED": outcome?.action.rawValue ?? "failed",
            "CREDIT_PID_STALE": "0",
        ]
        if let observed = figures.rateObserved { fields["CREDIT_PID_RATE_OBSERVED"] = number(observed) }
        if let billed = figures.billedThrough { fields["CREDIT_PID_BILLED_THROUGH"] = UTCTimestamp.format(billed) }
        if let error = figures.forecastError { fields["CREDIT_PID_FORECAST_ERROR"] = number(error) }
        return fields
    }

    static func innerFigures(_ decision: Decision) -> String {
        let figures = decision.figures
        var parts = ["controller share \(number(decision.share))%", "reserve \(money(figures.reserve))",
                     "rate needed \(money(figures.rateNeeded))/h"]
        if let observed = figures.rateObserved { parts.append("rate at the share in force \(money(observed))/h") }
        if let error = figures.forecastError { parts.append("forecast error \(SimulationReport.fixed(error * 100, 1))%") }
        if let billed = figures.billedThrough { parts.append("billed through \(UTCTimestamp.format(billed))") }
        return parts.joined(separator: ", ")
    }

    /// Figures for a cycle that has none of its own (the spend could not be read).
    static func emptyFigures(_ now: Date, _ configuration: Configuration) -> DecisionFigures {
        DecisionFigures(period: BudgetPeriod(containing: now), credits: configuration.budget.totalCredits,
                        spendVisible: 0, spendEstimated: 0, idealSpend: 0, reserve: 0, hoursLeft: 0,
                        rateNeeded: 0, rateObserved: nil, billedThrough: nil, onTrack: false)
    }

    /// "$212k", "$1.2M", "$950".
    static func money(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return "$" + SimulationReport.fixed(value / 1_000_000, 2) + "M" }
        if magnitude >= 10_000 { return "$" + SimulationReport.fixed(value / 1000, 0) + "k" }
        if magnitude >= 1000 { return "$" + SimulationReport.fixed(value / 1000, 1) + "k" }
        return "$" + SimulationReport.fixed(value, 0)
    }

    static func number(_ value: Double) -> String { SimulationReport.fixed(value, 2) }

    /// "3h", "45min", "2d 4h".
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 120 { return "\(minutes)min" }
        let hours = minutes / 60
        if hours < 48 { return "\(hours)h" }
        return "\(hours / 24)d \(hours % 24)h"
    }
}
