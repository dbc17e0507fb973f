#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// UTC timestamps for state files, from gmtime_r: FoundationEssentials' formatters would do,
/// but the two fixed forms needed here are simpler stated than configured.
enum StateClockText {
    /// `2026-12-03T14:00:00Z`
    static func iso8601(_ date: Date) -> String {
        let t = fields(date)
        return "\(t.year)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))Z"
    }

    /// `20261203T140000Z`, the suffix of a file moved aside.
    static func compact(_ date: Date) -> String {
        let t = fields(date)
        return "\(t.year)\(two(t.month))\(two(t.day))T\(two(t.hour))\(two(t.minute))\(two(t.second))Z"
    }

    private static func fields(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var broken = tm()
        gmtime_r(&seconds, &broken)
        return (Int(broken.tm_year) + 1900, Int(broken.tm_mon) + 1, Int(broken.tm_mday),
                Int(broken.tm_hour), Int(broken.tm_min), Int(broken.tm_sec))
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
