/// Calendar arithmetic in UTC on plain integers: days since 1970-01-01 to and from
/// year/month/day in the proleptic Gregorian calendar. It needs no time zone database,
/// which FoundationEssentials does not have, and it is fast enough for the simulator to
/// ask it every step.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int   // 1...12
    public var day: Int     // 1...31

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date that is `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Shift the epoch to 0000-03-01 so that leap days fall at the end of a year,
        // then split into 400-year eras of 146097 days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day of the following month; December rolls over into January.
    public var firstOfNextMonth: CivilDate {
        month == 12 ? CivilDate(year: year + 1, month: 1, day: 1)
                    : CivilDate(year: year, month: month + 1, day: 1)
    }

    public var daysInMonth: Int { Self.daysInMonth(year: year, month: month) }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { Self.weekday(daysSinceEpoch: daysSinceEpoch) }

    static func weekday(daysSinceEpoch days: Int) -> Int {
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        let value = (days + 3) % 7
        return value < 0 ? value + 7 : value
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        let pad = DecimalText.zeroPadded
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
