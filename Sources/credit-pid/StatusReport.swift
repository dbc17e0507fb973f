import CreditPIDCore
import CreditPIDDaemon
import FoundationEssentials

/// The words of `credit-pid status`.
enum StatusReport {
    static func text(_ state: DaemonState) -> String {
        var lines: [String] = []
        func row(_ name: String, _ value: String) {
            lines.append("  " + name + String(repeating: " ", count: max(1, 13 - name.count)) + value)
        }
        let decision = state.lastDecision
        lines.append("credit-pid: \(state.mode) controller" + (decision.map { ", period \($0.figures.period)" } ?? ""))
        if let share = state.share {
            row("share", "\(number(share))% in force" + (state.shareSetAt.map { " since \(UTCTimestamp.format($0))" } ?? ""))
        }
        if let decided = state.decidedShare, decided != state.share {
            let why = state.applied == "would-write" ? "a dry run writes nothing" : "the write failed"
            row("decided", "\(number(decided))%, not in force: \(why)")
        }
        if let decision {
            let figures = decision.figures
            var spend = "\(money(figures.spendEstimated)) of \(money(figures.credits)) by estimate, "
                + "\(money(figures.spendVisible)) billed"
            if let billed = figures.billedThrough { spend += " through \(UTCTimestamp.format(billed))" }
            row("spend", spend)
            row("line", "\(money(figures.idealSpend)) now, reserve \(money(figures.reserve))")
            row("hours left", DecimalText.fixed(figures.hoursLeft, 0))
            row("rate needed", "\(money(figures.rateNeeded))/h")
            switch figures.onTrack {
            case true?: row("on track", "yes")
            case false?: row("on track", "no: \(decision.reason)")
            case nil: row("on track", "not known yet: \(decision.reason)")
            }
        }
        if let last = state.lastCycle { row("last cycle", UTCTimestamp.format(last)) }
        if let read = state.lastSpendRead { row("spend read", UTCTimestamp.format(read)) }
        row("problem", state.lastProblem ?? "none")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ state: DaemonState) -> String {
        struct Summary: Encodable {
            var mode: String
            var period: String?
            var share: Double?
            var share_set_at: String?
            var decided_share: Double?
            var applied: String?
            var spend_billed: Double?
            var spend_estimated: Double?
            var credits: Double?
            var ideal_spend: Double?
            var reserve: Double?
            var hours_left: Double?
            var rate_needed: Double?
            var billed_through: String?
            var on_track: Bool?
            var reason: String?
            var last_cycle: String?
            var last_spend_read: String?
            var last_problem: String?
        }
        let figures = state.lastDecision?.figures
        let summary = Summary(
            mode: state.mode, period: figures?.period.description, share: state.share,
            share_set_at: state.shareSetAt.map { UTCTimestamp.format($0) }, decided_share: state.decidedShare,
            applied: state.applied, spend_billed: figures?.spendVisible,
            spend_estimated: figures?.spendEstimated, credits: figures?.credits, ideal_spend: figures?.idealSpend,
            reserve: figures?.reserve, hours_left: figures?.hoursLeft, rate_needed: figures?.rateNeeded,
            billed_through: figures?.billedThrough.map { UTCTimestamp.format($0) }, on_track: figures?.onTrack,
            reason: state.lastDecision?.reason, last_cycle: state.lastCycle.map { UTCTimestamp.format($0) },
            last_spend_read: state.lastSpendRead.map { UTCTimestamp.format($0) }, last_problem: state.lastProblem)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(summary)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : DecimalText.fixed(value, 2)
    }

    static func money(_ value: Double) -> String {
        "$" + DecimalText.fixed(value, 0)
    }
}
