/// Numbers as the logs, tables, timestamps and state files write them: fixed forms that are
/// simpler stated than configured through Foundation's formatters.
public enum DecimalText {
    /// `value` with `digits` decimals, rounded half away from zero.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        let fraction = Int(scaled - whole * scale)
        var text = String(Int(whole))
        if digits > 0 { text += "." + zeroPadded(fraction, width: digits) }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }

    /// `value` with leading zeros up to `width` characters: 7 → "07".
    public static func zeroPadded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
