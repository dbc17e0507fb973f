import FoundationEssentials

/// A budget period: one calendar month in UTC, from 00:00 on the 1st to 00:00 on the 1st of
/// the next month. AWS bills by UTC month, so local time never enters here.
public struct BudgetPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) is not 1...12")
        self.year = year
        self.month = month
    }

    /// The month that contains `date`.
    public init(containing date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let civil = CivilDate(daysSinceEpoch: days)
        self.init(year: civil.year, month: civil.month)
    }

    public var start: Date { Self.midnight(CivilDate(year: year, month: month, day: 1)) }
    public var end: Date { Self.midnight(CivilDate(year: year, month: month, day: 1).firstOfNextMonth) }
    public var days: Int { CivilDate.daysInMonth(year: year, month: month) }
    public var duration: TimeInterval { Double(days) * 86_400 }

    public var next: BudgetPeriod {
        month == 12 ? BudgetPeriod(year: year + 1, month: 1) : BudgetPeriod(year: year, month: month + 1)
    }

    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    /// Seconds since the period began, as a fraction of its length, within 0...1. The
    /// current day counts only as far as it has gone.
    public func elapsedFraction(at date: Date) -> Double {
        let fraction = date.timeIntervalSince(start) / duration
        return min(1, max(0, fraction))
    }

    public func remaining(at date: Date) -> TimeInterval {
        max(0, end.timeIntervalSince(date))
    }

    /// "2026-12": the period's name in logs, state and status.
    public var description: String {
        let text = String(month)
        return "\(year)-\(text.count == 1 ? "0" + text : text)"
    }

    static func midnight(_ civil: CivilDate) -> Date {
        Date(timeIntervalSince1970: Double(civil.daysSinceEpoch) * 86_400)
    }
}
