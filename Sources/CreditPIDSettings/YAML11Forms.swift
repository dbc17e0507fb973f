/// The plain-scalar forms of YAML 1.1's int, float and timestamp types, exactly as PyYAML's
/// resolver writes them, matched by hand: Swift's Regex would do the same in a line each, but
/// loading and compiling it costs the daemon about 3 MB of its 16 MiB.
///
/// - int: `[-+]?0b[0-1_]+`, `[-+]?0[0-7_]+`, `[-+]?(0|[1-9][0-9_]*)`, `[-+]?0x[0-9a-fA-F_]+`,
///   `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
/// - float: `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?`, `\.[0-9][0-9_]*([eE][-+][0-9]+)?`,
///   `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`
/// - timestamp: `YYYY-MM-DD`, or `YYYY-M-D` with a time `(T|t|blanks)H:MM:SS(.fraction)?`
///   and an optional zone `blanks*(Z|[-+]H(:MM)?)`; matched for form only (month 13 matches)
enum YAML11Forms {
    static func isInt(_ text: String) -> Bool {
        var cursor = Cursor(text)
        cursor.skipSign()
        if cursor.skip("0b") { return cursor.skipRun(of: binaryDigits) > 0 && cursor.atEnd }
        if cursor.skip("0x") { return cursor.skipRun(of: hexDigits) > 0 && cursor.atEnd }
        if cursor.skip("0") { return cursor.atEnd || (cursor.skipRun(of: octalDigits) > 0 && cursor.atEnd) }
        // A leading 0 was taken above, so this digit is 1-9.
        guard cursor.skip(where: isDigit) else { return false }
        cursor.skipRun(of: decimalDigits)
        return cursor.atEnd || (cursor.skipBase60Parts() && cursor.atEnd)
    }

    static func isFloat(_ text: String) -> Bool {
        var unsigned = Cursor(text)
        if unsigned.skip(".") {
            if unsigned.skipWord(["nan", "NaN", "NAN"]) { return true }
            if unsigned.skip(where: isDigit) {
                unsigned.skipRun(of: decimalDigits)
                unsigned.skipExponent()
                if unsigned.atEnd { return true }
            }
        }
        var cursor = Cursor(text)
        cursor.skipSign()
        if cursor.skip(".") { return cursor.skipWord(["inf", "Inf", "INF"]) }
        guard cursor.skip(where: isDigit) else { return false }
        cursor.skipRun(of: decimalDigits)
        if cursor.skip(".") {
            cursor.skipRun(of: decimalDigits)
            cursor.skipExponent()
            return cursor.atEnd
        }
        guard cursor.skipBase60Parts(), cursor.skip(".") else { return false }
        cursor.skipRun(of: decimalDigits)
        return cursor.atEnd
    }

    /// The fields of a timestamp form, not yet checked for range.
    struct Timestamp: Sendable {
        var year, month, day: Int
        var time: (hour: Int, minute: Int, second: Int)?
        /// The zone's offset in minutes, sign dropped (PyYAML checks only its size).
        var zoneMinutes: Int?
    }

    static func timestamp(_ text: String) -> Timestamp? {
        var date = Cursor(text)
        if let year = date.number(4...4), date.skip("-"), let month = date.number(2...2), date.skip("-"),
           let day = date.number(2...2), date.atEnd
        {
            return Timestamp(year: year, month: month, day: day)
        }
        var cursor = Cursor(text)
        guard let year = cursor.number(4...4), cursor.skip("-"), let month = cursor.number(1...2),
              cursor.skip("-"), let day = cursor.number(1...2),
              cursor.skip("T") || cursor.skip("t") || cursor.skipRun(of: blanks) > 0,
              let hour = cursor.number(1...2), cursor.skip(":"), let minute = cursor.number(2...2),
              cursor.skip(":"), let second = cursor.number(2...2)
        else { return nil }
        if cursor.skip(".") { cursor.skipRun(of: digits) }
        let zone = cursor.skipZone()
        guard cursor.atEnd else { return nil }
        return Timestamp(year: year, month: month, day: day, time: (hour, minute, second), zoneMinutes: zone)
    }

    private static let digits = Set("0123456789".unicodeScalars)
    private static let decimalDigits = digits.union(["_"])
    private static let octalDigits = Set("01234567_".unicodeScalars)
    private static let binaryDigits = Set("01_".unicodeScalars)
    private static let hexDigits = Set("0123456789abcdefABCDEF_".unicodeScalars)
    private static let blanks: Set<Unicode.Scalar> = [" ", "\t"]

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        digits.contains(scalar)
    }

    /// A position in the text; each `skip` moves past what it matched, or does not move.
    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
        }

        var atEnd: Bool { index == scalars.count }

        mutating func skip(where matches: (Unicode.Scalar) -> Bool) -> Bool {
            guard index < scalars.count, matches(scalars[index]) else { return false }
            index += 1
            return true
        }

        mutating func skip(_ literal: String) -> Bool {
            let wanted = Array(literal.unicodeScalars)
            guard scalars[index...].starts(with: wanted) else { return false }
            index += wanted.count
            return true
        }

        /// The rest of the text is one of `words`.
        mutating func skipWord(_ words: [String]) -> Bool {
            let rest = String(String.UnicodeScalarView(scalars[index...]))
            guard words.contains(rest) else { return false }
            index = scalars.count
            return true
        }

        @discardableResult
        mutating func skipRun(of set: Set<Unicode.Scalar>, limit: Int = .max) -> Int {
            var count = 0
            while count < limit, skip(where: set.contains) { count += 1 }
            return count
        }

        /// A run of decimal digits whose length is within `counts`, as a number.
        mutating func number(_ counts: ClosedRange<Int>) -> Int? {
            let start = index
            guard counts.contains(skipRun(of: YAML11Forms.digits, limit: counts.upperBound)) else {
                index = start
                return nil
            }
            return scalars[start..<index].reduce(0) { $0 * 10 + Int($1.value) - 48 }
        }

        mutating func skipSign() {
            _ = skip("-") || skip("+")
        }

        /// `[eE][-+][0-9]+`, or nothing.
        mutating func skipExponent() {
            let start = index
            guard skip("e") || skip("E"), skip("-") || skip("+"), skipRun(of: YAML11Forms.digits) > 0 else {
                index = start
                return
            }
        }

        /// `(:[0-5]?[0-9])+`: one or two digits after each colon, the first of two at most 5.
        mutating func skipBase60Parts() -> Bool {
            var parts = 0
            while skip(":") {
                let start = index
                let count = skipRun(of: YAML11Forms.digits)
                guard count == 1 || (count == 2 && scalars[start] <= "5") else { return false }
                parts += 1
            }
            return parts > 0
        }

        /// `[ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?)`, or nothing; the offset in minutes (0 for Z).
        mutating func skipZone() -> Int? {
            let start = index
            skipRun(of: YAML11Forms.blanks)
            if skip("Z") { return 0 }
            guard skip("-") || skip("+"), let hours = number(1...2) else {
                index = start
                return nil
            }
            let beforeMinutes = index
            guard skip(":"), let minutes = number(2...2) else {
                index = beforeMinutes
                return hours * 60
            }
            return hours * 60 + minutes
        }
    }
}
