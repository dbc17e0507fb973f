import CreditPIDCore
import FoundationEssentials

/// Parses the three date forms HTTP recipients must accept (RFC 9110, 5.6.7):
/// "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT" and
/// "Sun Nov  6 08:49:37 1994". Written here because FoundationEssentials has no
/// formatter for them and Foundation's would cost the daemon its memory budget.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map { $0.lowercased() }
        let numbers = tokens.filter { $0.allSatisfy(\.isASCIIDigit) }.compactMap { Int($0) }
        let monthTokens = tokens.compactMap { months.firstIndex(of: $0) }
        let times = tokens.filter { $0.contains(":") }
        let zones = tokens.filter { $0 == "gmt" || $0 == "utc" }
        guard numbers.count == 2, monthTokens.count == 1, times.count == 1, zones.count <= 1,
              tokens.count == 5 + zones.count,
              let clock = parseClock(times[0])
        else { return nil }
        // The day always comes before the year among the numbers, in all three forms.
        let day = numbers[0], month = monthTokens[0] + 1
        // Two-digit years (RFC 850): 70-99 are 1970-1999, 00-69 are 2000-2069.
        let year = numbers[1] < 100 ? numbers[1] + (numbers[1] < 70 ? 2000 : 1900) : numbers[1]
        guard (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        return Date(timeIntervalSince1970: Double(days * 86_400 + clock))
    }

    /// Seconds since midnight for "HH:MM:SS".
    private static func parseClock(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(parts[2]),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        return hour * 3600 + minute * 60 + second
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
