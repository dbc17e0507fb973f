/// What a YAML 1.1 reader makes of an untagged plain scalar, decided as PyYAML's resolver
/// and constructors (which the runner determinator uses) decide it, for the types that
/// matter to a share, numbers, and for what would make PyYAML fail to load the settings.
///
/// Its int and float forms are YAML 1.1's, not 1.2's: `010` is octal 8, `1_000` is 1000,
/// `1:30` is 90 (base 60), and an exponent is a float only after a decimal point, so `4e-05`
/// and `1e5` are strings. `09` is a string too: a leading 0 makes it octal.
enum YAML11Scalar: Sendable, Equatable {
    case int(Double)
    case float(Double)
    case bool
    case null
    case timestamp
    /// PyYAML resolves it to a type whose constructor then fails (`0b_`, `2024-13-01`, `=`):
    /// the whole document fails to load.
    case unconstructible(type: String)
    case string

    init(plain text: String) {
        if Self.boolWords.contains(text) {
            self = .bool
        } else if YAML11Forms.isFloat(text) {
            self = Self.constructFloat(text).map(Self.float) ?? .unconstructible(type: "float")
        } else if YAML11Forms.isInt(text) {
            self = Self.constructInt(text).map(Self.int) ?? .unconstructible(type: "int")
        } else if Self.nullWords.contains(text) {
            self = .null
        } else if let fields = YAML11Forms.timestamp(text) {
            self = Self.isValid(fields) ? .timestamp : .unconstructible(type: "timestamp")
        } else if text == "=" {
            // YAML 1.1's "value" type, for which the safe loader has no constructor.
            self = .unconstructible(type: "value")
        } else {
            self = .string
        }
    }

    var number: Double? {
        switch self {
        case .int(let value), .float(let value): value
        default: nil
        }
    }

    private static let boolWords: Set = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nullWords: Set = ["~", "null", "Null", "NULL", ""]

    /// PyYAML's int constructor: underscores dropped, then binary, hex, octal (leading 0),
    /// base 60 (colons) or decimal. Python's ints have no limit, so digits are summed as a
    /// Double rather than parsed into an Int that could overflow.
    private static func constructInt(_ text: String) -> Double? {
        let (sign, digits) = signAndDigits(text)
        if digits == "0" { return 0 }
        if digits.hasPrefix("0b") { return number(digits.dropFirst(2), radix: 2).map { sign * $0 } }
        if digits.hasPrefix("0x") { return number(digits.dropFirst(2), radix: 16).map { sign * $0 } }
        if digits.hasPrefix("0") { return number(digits.dropFirst(), radix: 8).map { sign * $0 } }
        if digits.contains(":") { return sexagesimal(digits).map { sign * $0 } }
        return Double(digits).map { sign * $0 }
    }

    /// PyYAML's float constructor: underscores dropped, then infinity, NaN, base 60, or a
    /// decimal for Python's `float()` (which, like Swift's `Double()`, takes "1." and ".5").
    private static func constructFloat(_ text: String) -> Double? {
        let (sign, digits) = signAndDigits(text)
        // The float form allows only these spellings; no case mapping needed.
        if [".inf", ".Inf", ".INF"].contains(digits) { return sign * .infinity }
        if [".nan", ".NaN", ".NAN"].contains(digits) { return .nan }
        if digits.contains(":") { return sexagesimal(digits).map { sign * $0 } }
        return Double(digits).map { sign * $0 }
    }

    private static func signAndDigits(_ text: String) -> (Double, String) {
        var digits = text.filter { $0 != "_" }
        var sign = 1.0
        if digits.first == "-" { sign = -1 }
        if digits.first == "-" || digits.first == "+" { digits.removeFirst() }
        return (sign, digits)
    }

    /// Python's `int(digits, radix)`: nil for no digits, which is where `0b_` fails.
    private static func number(_ digits: Substring, radix: Int) -> Double? {
        guard !digits.isEmpty else { return nil }
        var total = 0.0
        for character in digits {
            guard let digit = character.hexDigitValue, digit < radix else { return nil }
            total = total * Double(radix) + Double(digit)
        }
        return total
    }

    private static func sexagesimal(_ digits: String) -> Double? {
        var total = 0.0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
            guard let value = Double(part) else { return nil }
            total = total * 60 + value
        }
        return total
    }

    /// What Python's `date` and `datetime` accept: years 1-9999, real days, times within the
    /// day (no leap second), a zone offset under 24 hours.
    private static func isValid(_ fields: YAML11Forms.Timestamp) -> Bool {
        guard (1...9999).contains(fields.year), (1...12).contains(fields.month) else { return false }
        let leap = fields.year % 4 == 0 && (fields.year % 100 != 0 || fields.year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][fields.month - 1]
        guard (1...days).contains(fields.day) else { return false }
        if let time = fields.time, time.hour > 23 || time.minute > 59 || time.second > 59 { return false }
        return (fields.zoneMinutes ?? 0) < 24 * 60
    }
}
