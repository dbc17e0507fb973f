import FoundationEssentials

/// A budget period: one calendar month in UTC, from 00:00 on the 1st to 00:00 on the 1st of
/// the next month. AWS bills by UTC month, so local time never enters here.
public struct BudgetPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// The bounds in seconds since 1970, kept because controllers ask for them every step.
    private let startSeconds: Double
    private let endSeconds: Double

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) is not 1...12")
        self.year = year
        self.month = month
        let first = CivilDate(year: year, month: month, day: 1)
        startSeconds = Double(first.daysSinceEpoch) * 86_400
        endSeconds = Double(first.firstOfNextMonth.daysSinceEpoch) * 86_400
    }

    private enum CodingKeys: String, CodingKey { case year, month }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decode(Int.self, forKey: .year)
        let month = try container.decode(Int.self, forKey: .month)
        guard (1...12).contains(month) else {
            throw DecodingError.dataCorruptedError(forKey: .month, in: container,
                                                   debugDescription: "month \(month) is not 1...12")
        }
        self.init(year: year, month: month)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
    }

    /// The month that contains `date`.
    public init(containing date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let civil = CivilDate(daysSinceEpoch: days)
        self.init(year: civil.year, month: civil.month)
    }

    public var start: Date { Date(timeIntervalSince1970: startSeconds) }
    public var end: Date { Date(timeIntervalSince1970: endSeconds) }
    public var days: Int { CivilDate.daysInMonth(year: year, month: month) }
    public var duration: TimeInterval { endSeconds - startSeconds }

    public var next: BudgetPeriod {
        month == 12 ? BudgetPeriod(year: year + 1, month: 1) : BudgetPeriod(year: year, month: month + 1)
    }

    public func contains(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        return seconds >= startSeconds && seconds < endSeconds
    }

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
        "\(year)-\(DecimalText.zeroPadded(month, width: 2))"
    }
}
