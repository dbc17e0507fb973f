import CreditPIDCore

/// Shares as the runner determinator and people read them: `42`, `12.5`, never `4e-05`.
enum PlainNumber {
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = DecimalText.fixed(value, 6)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
