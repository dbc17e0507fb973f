import FoundationEssentials

/// Hours counted since 1970-01-01T00:00Z. The controller plans on whole hours, the unit of
/// the billing data, and works on these integers rather than on dates in its inner loops.
enum UTCHours {
    static let secondsPerHour = 3600.0

    static func index(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 / secondsPerHour).rounded(.down))
    }

    static func date(_ hour: Int) -> Date {
        Date(timeIntervalSince1970: Double(hour) * secondsPerHour)
    }

    static func hourOfDay(_ hour: Int) -> Int {
        let value = hour % 24
        return value < 0 ? value + 24 : value
    }

    /// 0 = Monday … 6 = Sunday.
    static func weekday(_ hour: Int) -> Int {
        let day = hour >= 0 ? hour / 24 : (hour - 23) / 24
        return CivilDate.weekday(daysSinceEpoch: day)
    }
}
