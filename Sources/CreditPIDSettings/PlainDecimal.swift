/// Writes a share as a YAML 1.1 reader must read it back: positional decimal digits, no
/// exponent (YAML 1.1 reads `1e-05` as a string), no quotes, no leading zeros (`05` would be
/// octal), no trailing `.0`. An integral value is written as an int (`35`), any other as the
/// shortest decimal that reads back as exactly the same Double (`12.5`, `0.30000000000000004`).
public enum PlainDecimal {
    /// The text for a finite value (negative ones with a leading `-`); nil for infinity or NaN,
    /// which YAML 1.1 can only write as `.inf` or `.nan`.
    public static func text(for value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        if value < 0 { return text(for: -value).map { "-" + $0 } }
        // Swift's description is the shortest text that round-trips, in either positional or
        // exponent form; its digits and exponent are re-laid out in positional form.
        let shortest = value.description
        let parts = shortest.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        var digits = Array(mantissa.filter { $0 != "." })
        var pointPosition = point + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return layOut(digits: digits, pointPosition: pointPosition)
    }

    /// `digits` with the decimal point after `pointPosition` of them (negative: zeros first).
    private static func layOut(digits: [Character], pointPosition: Int) -> String {
        if pointPosition <= 0 {
            return "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        }
        if pointPosition >= digits.count {
            return String(digits) + String(repeating: "0", count: pointPosition - digits.count)
        }
        return String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
    }
}
