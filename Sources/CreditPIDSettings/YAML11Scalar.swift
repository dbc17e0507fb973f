/// What a YAML 1.1 reader makes of an untagged plain scalar, decided as PyYAML's resolver
/// (which the runner determinator uses) decides it, for the types that matter to a share:
/// numbers, and the look-alikes that a person might take for one.
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
    /// Matched the int or float form, but PyYAML's constructor fails on it (`0b_`).
    case unconstructible
    case string

    init(plain text: String) {
        if text.wholeMatch(of: Self.boolForm) != nil {
            self = .bool
        } else if text.wholeMatch(of: Self.floatForm) != nil {
            self = Self.constructFloat(text).map(Self.float) ?? .unconstructible
        } else if text.wholeMatch(of: Self.intForm) != nil {
            self = Self.constructInt(text).map(Self.int) ?? .unconstructible
        } else if text.wholeMatch(of: Self.nullForm) != nil {
            self = .null
        } else if text.wholeMatch(of: Self.timestampForm) != nil {
            self = .timestamp
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

    // The forms of YAML 1.1's type repository, as PyYAML's resolver writes them.
    nonisolated(unsafe) private static let boolForm =
        #/yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF/#
    nonisolated(unsafe) private static let nullForm = #/~|null|Null|NULL|/#
    nonisolated(unsafe) private static let intForm = #/
        [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
        | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        /#
    nonisolated(unsafe) private static let floatForm = #/
        [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)? | \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
        /#
    nonisolated(unsafe) private static let timestampForm = #/
        [0-9]{4}-[0-9]{2}-[0-9]{2}
        | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2} (?:[Tt]|[\ \t]+) [0-9]{1,2}:[0-9]{2}:[0-9]{2} (?:\.[0-9]*)?
          (?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
        /#

    /// PyYAML's int constructor: underscores dropped, then binary, hex, octal (leading 0),
    /// base 60 (colons) or decimal.
    private static func constructInt(_ text: String) -> Double? {
        let (sign, digits) = signAndDigits(text)
        if digits == "0" { return 0 }
        if digits.hasPrefix("0b") { return Int(digits.dropFirst(2), radix: 2).map { sign * Double($0) } }
        if digits.hasPrefix("0x") { return Int(digits.dropFirst(2), radix: 16).map { sign * Double($0) } }
        if digits.hasPrefix("0") { return Int(digits, radix: 8).map { sign * Double($0) } }
        if digits.contains(":") { return sexagesimal(digits).map { sign * $0 } }
        return Double(digits).map { sign * $0 }
    }

    /// PyYAML's float constructor: underscores dropped, lower-cased, then infinity, NaN,
    /// base 60 or a decimal for Python's `float()`.
    private static func constructFloat(_ text: String) -> Double? {
        let (sign, digits) = signAndDigits(text.lowercased())
        if digits == ".inf" { return sign * .infinity }
        if digits == ".nan" { return .nan }
        if digits.contains(":") { return sexagesimal(digits).map { sign * $0 } }
        // Python's float() takes "1." and ".5"; Swift's Double() takes them as well.
        return Double(digits).map { sign * $0 }
    }

    private static func signAndDigits(_ text: String) -> (Double, String) {
        var digits = text.filter { $0 != "_" }
        var sign = 1.0
        if digits.first == "-" { sign = -1 }
        if digits.first == "-" || digits.first == "+" { digits.removeFirst() }
        return (sign, digits)
    }

    private static func sexagesimal(_ digits: String) -> Double? {
        var total = 0.0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
            guard let value = Double(part) else { return nil }
            total = total * 60 + value
        }
        return total
    }
}
