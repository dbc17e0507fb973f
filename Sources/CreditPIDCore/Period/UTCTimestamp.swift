import FoundationEssentials

/// `YYYY-MM-DDTHH:MM:SSZ` (optionally with `.fff` before the `Z`), the form the scenarios,
/// the Ternary API and the logs use. Written here because FoundationEssentials' formatters
/// are heavier than this needs and the parser must reject what it does not understand.
public enum UTCTimestamp {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || (bytes.count == 24 && bytes[19] == UInt8(ascii: ".")),
              bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...CivilDate.daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var seconds = Double(CivilDate(year: year, month: month, day: day).daysSinceEpoch) * 86_400
        seconds += Double(hour * 3600 + minute * 60 + second)
        if bytes.count == 24 {
            guard let millis = number(20..<23) else { return nil }
            seconds += Double(millis) / 1000
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Formats to whole seconds, or to milliseconds with `milliseconds: true`.
    public static func format(_ date: Date, milliseconds: Bool = false) -> String {
        let total = date.timeIntervalSince1970
        let whole = (total).rounded(.down)
        let days = Int((whole / 86_400).rounded(.down))
        let civil = CivilDate(daysSinceEpoch: days)
        let secondOfDay = Int(whole) - days * 86_400
        func pad(_ value: Int, _ width: Int = 2) -> String { DecimalText.zeroPadded(value, width: width) }
        var text = "\(civil)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
        if milliseconds {
            let millis = min(999, Int(((total - whole) * 1000).rounded()))
            text += "." + pad(millis, 3)
        }
        return text + "Z"
    }
}
