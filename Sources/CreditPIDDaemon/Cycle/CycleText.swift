import CreditPIDCore
import FoundationEssentials

/// The words and fields of a cycle: the STATUS= line (short, human), the journal message
/// (readable alone) and the journal fields (one figure each, for `journalctl FIELD=…`).
enum CycleText {
    static func status(_ result: CycleResult, now: Date) -> String {
        let figures = result.decision.figures
        var text = "share \(PlainNumber.format(result.after))%"
        switch result.outcome?.action {
        case .wouldWrite?: text += " (dry run: would be \(PlainNumber.format(result.decided))%)"
        case nil: text += " (\(PlainNumber.format(result.decided))% could not be written)"
        default: break
        }
        text += ", \(money(figures.spendEstimated)) of \(money(figures.credits))"
        switch figures.onTrack {
        case true?: text += ", on track"
        default: text += ", \(result.decision.reason)"
        }
        if let billed = figures.billedThrough, now >= billed {
            text += ", billed to \(duration(now.timeIntervalSince(billed))) ago"
        }
        return text
    }

    static func decisionMessage(_ result: CycleResult) -> String {
        let figures = result.decision.figures
        let before = PlainNumber.format(result.before)
        let decided = PlainNumber.format(result.decided)
        let change: String
        switch result.outcome?.action {
        case nil:
            change = "Share stays \(before)%, \(decided)% could not be written"
        case .wouldWrite?:
            change = "Dry run: share would go \(before)% -> \(decided)%"
        default:
            change = result.decided == result.before ? "Share stays \(before)%" : "Share \(before)% -> \(decided)%"
        }
        return "\(change): \(result.decision.reason); \(money(figures.spendEstimated)) of \(money(figures.credits)) spent "
            + "by estimate (\(money(figures.spendVisible)) billed), line at \(money(figures.idealSpend)), "
            + "\(Int(figures.hoursLeft.rounded())) h left"
    }

    /// `CREDIT_PID_SHARE` is the share in force after the cycle, what the runner determinator
    /// reads; `CREDIT_PID_DECIDED_SHARE` what the daemon chose, written or not.
    static func fields(_ result: CycleResult, mode: String) -> [String: String] {
        let figures = result.decision.figures
        var fields = [
            "CREDIT_PID_SHARE": PlainNumber.format(result.after),
            "CREDIT_PID_PREVIOUS_SHARE": PlainNumber.format(result.before),
            "CREDIT_PID_DECIDED_SHARE": PlainNumber.format(result.decided),
            "CREDIT_PID_CONTROLLER_SHARE": number(result.decision.share),
            "CREDIT_PID_SPEND": number(figures.spendVisible),
            "CREDIT_PID_SPEND_ESTIMATED": number(figures.spendEstimated),
            "CREDIT_PID_CREDITS": number(figures.credits),
            "CREDIT_PID_IDEAL_SPEND": number(figures.idealSpend),
            "CREDIT_PID_RESERVE": number(figures.reserve),
            "CREDIT_PID_HOURS_LEFT": number(figures.hoursLeft),
            "CREDIT_PID_RATE_NEEDED": number(figures.rateNeeded),
            "CREDIT_PID_PERIOD": figures.period.description,
            "CREDIT_PID_MODE": mode,
            "CREDIT_PID_DRY_RUN": result.dryRun ? "1" : "0",
            "CREDIT_PID_APPLIED": result.outcome?.action.rawValue ?? "failed",
            "CREDIT_PID_STALE": "0",
        ]
        if let onTrack = figures.onTrack { fields["CREDIT_PID_ON_TRACK"] = onTrack ? "1" : "0" }
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
        if let error = figures.forecastError { parts.append("forecast error \(DecimalText.fixed(error * 100, 1))%") }
        if let billed = figures.billedThrough { parts.append("billed through \(UTCTimestamp.format(billed))") }
        return parts.joined(separator: ", ")
    }

    /// Figures for a cycle that has none of its own (the spend could not be read).
    static func emptyFigures(_ now: Date, _ configuration: Configuration) -> DecisionFigures {
        DecisionFigures(period: BudgetPeriod(containing: now), credits: configuration.budget.totalCredits,
                        spendVisible: 0, spendEstimated: 0, idealSpend: 0, reserve: 0, hoursLeft: 0,
                        rateNeeded: 0, rateObserved: nil, billedThrough: nil, onTrack: nil)
    }

    /// "$212k", "$1.2M", "$950".
    static func money(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return "$" + DecimalText.fixed(value / 1_000_000, 2) + "M" }
        if magnitude >= 10_000 { return "$" + DecimalText.fixed(value / 1000, 0) + "k" }
        if magnitude >= 1000 { return "$" + DecimalText.fixed(value / 1000, 1) + "k" }
        return "$" + DecimalText.fixed(value, 0)
    }

    static func number(_ value: Double) -> String { DecimalText.fixed(value, 2) }

    /// "3h", "45min", "2d 4h".
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 120 { return "\(minutes)min" }
        let hours = minutes / 60
        if hours < 48 { return "\(hours)h" }
        return "\(hours / 24)d \(hours % 24)h"
    }
}
