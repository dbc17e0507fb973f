import FoundationEssentials

/// systemd's time span syntax, the subset a configuration needs: numbers each followed by a
/// unit (none means seconds), blanks allowed between the parts.
enum TimeSpan {
    private static let units: [(names: [String], seconds: Double)] = [
        (["us", "usec"], 1e-6),
        (["ms", "msec"], 1e-3),
        (["s", "sec", "second", "seconds"], 1),
        (["m", "min", "minute", "minutes"], 60),
        (["h", "hr", "hour", "hours"], 3600),
        (["d", "day", "days"], 86_400),
        (["w", "week", "weeks"], 604_800),
    ]

    /// Nil unless all of `text` is a time span.
    static func seconds(in text: String) -> TimeInterval? {
        var rest = Substring(text.trimmingBlanks())
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count).drop { $0 == " " }
            guard let value = Double(number), value.isFinite,
                  let scale = unit.isEmpty ? 1 : units.first(where: { $0.names.contains(String(unit)) })?.seconds
            else {
                return nil
            }
            total += value * scale
        }
        return total
    }

    /// The shortest systemd-style spelling, largest units first: 5400 → "1h 30min".
    static func format(_ seconds: TimeInterval) -> String {
        var rest = (seconds * 1000).rounded()
        var parts: [String] = []
        for (name, milliseconds) in [("d", 86_400_000.0), ("h", 3_600_000), ("min", 60_000), ("s", 1000), ("ms", 1)] {
            let count = (rest / milliseconds).rounded(.down)
            if count > 0 {
                parts.append("\(Int64(count))\(name)")
                rest -= count * milliseconds
            }
        }
        return parts.isEmpty ? "0" : parts.joined(separator: " ")
    }
}
